import Foundation

/// Renders the operation registry (`capaudit tools`): capaudit's own JSON, OpenAI's function-calling
/// list, or the result of MCP's `tools/list`.
public enum ToolsRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case json, openai, mcp
    }

    public static let schemaVersion = 1

    public static func render(_ registry: OperationRegistry, format: Format) -> String {
        document(registry, format: format).rendered()
    }

    public static func document(_ registry: OperationRegistry, format: Format) -> JSONOutput {
        switch format {
        case .json: return json(registry)
        case .openai:
            return .array(
                registry.entries.map { entry in
                    .object([
                        "type": .string("function"),
                        "function": .object([
                            "name": .string(entry.name), "description": .string(entry.fullDescription),
                            "parameters": entry.inputSchema,
                        ]),
                    ])
                })
        case .mcp:
            return .object([
                "tools": .array(
                    registry.entries.map { entry in
                        MCPTool(
                            name: entry.name, description: entry.fullDescription, inputSchema: entry.inputSchema,
                            annotations: entry.annotations
                        ) { _ in .invalidParams("") }.listing
                    })
            ])
        }
    }

    static func json(_ registry: OperationRegistry) -> JSONOutput {
        .object([
            "schemaVersion": .int(schemaVersion),
            "operations": .array(
                registry.entries.map { entry in
                    let op = entry.operation
                    var o: [String: JSONOutput] = [
                        "name": .string(entry.name),
                        "tool": .string(entry.tool.id),
                        "operation": .string(op.id),
                        "areas": .array(entry.areaIDs.map { .string($0) }),
                        "description": .string(op.description),
                        "path": .string(entry.executable),
                        "version": .string(entry.version?.description),
                        "status": .string(entry.status.rawValue),
                        "safety": .string(op.safety.rawValue),
                        "attaches": .bool(op.attaches),
                        "network": .string(op.network),
                        "secrets": .string(op.secrets?.rawValue),
                        "timeoutSeconds": .int(Int(op.timeout)),
                        "outputCapBytes": .int(op.outputCap),
                        "argv": .array([.string(entry.executable)] + op.argv.map(template)),
                        "parameters": entry.inputSchema,
                    ]
                    if op.takesAddress { o["addresses"] = .string("loopback unless --allow-network") }
                    return .object(o)
                }),
            "withheld": .array(registry.withheld.map { .object(["name": .string($0.name), "reason": .string($0.reason)]) }),
        ])
    }

    static func template(_ element: ArgvElement) -> JSONOutput {
        switch element {
        case .literal(let s): return .string(s)
        case .slot(let name): return .string("{\(name)}")
        case .group(let items): return .array(items.map(template))
        }
    }
}
