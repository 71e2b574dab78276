import Foundation

/// One operation an agent may call on this host: the operation, its tool, and the evidence that
/// the tool is here (path and version from the scan).
public struct RegistryEntry: Sendable, Equatable {
    public var operation: ToolOperation
    public var tool: Tool
    public var areaIDs: [String]
    /// The executable a call runs (resolved on PATH during the scan).
    public var executable: String
    public var version: Version?
    public var status: ToolStatus

    /// `TOOLID_OPERATIONID` with `-` turned into `_`, as MCP and function-calling names allow.
    public var name: String { Self.name(tool: tool.id, operation: operation.id) }

    public static func name(tool: String, operation: String) -> String {
        (tool + "_" + operation).replacingOccurrences(of: "-", with: "_")
    }

    /// The description an agent reads: the catalog's line, the tool's evidence, what the call may reach.
    public var fullDescription: String {
        var s = operation.description
        s += " Runs \(executable)" + (version.map { " (\(tool.name) \($0))" } ?? " (\(tool.name), version unknown)") + "."
        if let network = operation.network { s += " Reaches the network: \(network)." }
        if operation.takesAddress { s += " Addresses must be loopback unless capaudit mcp runs with --allow-network." }
        if operation.attaches { s += " Attaches to another process." }
        if operation.secrets == .masked { s += " Secret values in the output are masked unless --reveal-secrets." }
        if operation.parameters.contains(where: { $0.path != nil }) { s += " Paths are relative to the working folder and must stay inside it." }
        return s
    }

    /// The JSON Schema of the arguments (`"type": "object"`).
    public var inputSchema: JSONOutput {
        var properties: [String: JSONOutput] = [:]
        for p in operation.parameters {
            var schema: [String: JSONOutput] = ["description": .string(p.description)]
            switch p.type {
            case .string: schema["type"] = .string("string")
            case .integer: schema["type"] = .string("integer")
            case .boolean: schema["type"] = .string("boolean")
            case .array:
                schema["type"] = .string("array")
                var items: [String: JSONOutput] = ["type": .string("string")]
                if let pattern = p.pattern { items["pattern"] = .string(pattern) }
                schema["items"] = .object(items)
                schema["maxItems"] = .int(p.maxItems ?? 100)
            }
            if let allowed = p.allowed { schema["enum"] = .array(allowed.map { .string($0) }) }
            if let pattern = p.pattern, p.type == .string { schema["pattern"] = .string(pattern) }
            if let min = p.minimum { schema["minimum"] = .int(min) }
            if let max = p.maximum { schema["maximum"] = .int(max) }
            if p.type == .string { schema["minLength"] = .int(1); schema["maxLength"] = .int(OperationParameter.maxLength) }
            if let d = p.defaultValue { schema["default"] = Self.json(d) }
            if let kind = p.path {
                let what = ["file": "an existing file", "directory": "an existing folder", "file-or-directory": "an existing file or folder"][kind.rawValue]!
                schema["description"] = .string(Self.appending(p.description, "\(what), relative to the working folder"))
            }
            if p.address != nil && !(p.description.contains("loopback")) {
                schema["description"] = .string(Self.appending(p.description, "loopback unless --allow-network"))
            }
            properties[p.name] = .object(schema)
        }
        return .object([
            "type": .string("object"),
            "properties": .object(properties),
            "required": .array(operation.parameters.filter(\.required).map { .string($0.name) }),
            "additionalProperties": .bool(false),
        ])
    }

    /// "Rules file (YAML)." + note -> "Rules file (YAML): note."
    static func appending(_ description: String, _ note: String) -> String {
        let base = description.hasSuffix(".") ? String(description.dropLast()) : description
        return base + "; " + note + "."
    }

    static func json(_ v: ParameterValue) -> JSONOutput {
        switch v {
        case .string(let s): return .string(s)
        case .integer(let i): return .int(i)
        case .boolean(let b): return .bool(b)
        case .strings(let a): return .array(a.map { .string($0) })
        }
    }

    /// MCP tool annotations: hints for the client (the server enforces the policy itself).
    public var annotations: JSONOutput {
        .object([
            "title": .string("\(tool.name): \(operation.id)"),
            "readOnlyHint": .bool(operation.safety == .readOnly),
            "destructiveHint": .bool(operation.safety == .destructive),
            "idempotentHint": .bool(operation.safety == .readOnly),
            "openWorldHint": .bool(operation.network != nil || operation.takesAddress),
        ])
    }
}

/// The operations whose tools a scan verified on this host, filtered by what the user allowed.
public struct OperationRegistry: Sendable, Equatable {
    public var entries: [RegistryEntry]
    /// Operations of present tools left out by the policy, with the reason.
    public var withheld: [(name: String, reason: String)]

    public static func == (a: OperationRegistry, b: OperationRegistry) -> Bool {
        a.entries == b.entries && a.withheld.map(\.name) == b.withheld.map(\.name) && a.withheld.map(\.reason) == b.withheld.map(\.reason)
    }

    /// Entries for every operation of a tool the report shows usable (present, outdated, or at an
    /// unknown version), in area order, restricted to `areaIDs` when given.
    public init(report: Report, policy: CallPolicy, areaIDs: [String] = [], resolve: (String) -> String? = { _ in nil }) {
        var entries: [RegistryEntry] = []
        var withheld: [(String, String)] = []
        var seen = Set<String>()
        var areasOf: [String: [String]] = [:]
        for area in report.areas { for t in area.tools { areasOf[t.tool.id, default: []].append(area.area.id) } }
        for area in report.areas where areaIDs.isEmpty || areaIDs.contains(area.area.id) {
            for toolReport in area.tools where seen.insert(toolReport.tool.id).inserted {
                guard [.present, .outdated, .unknownVersion].contains(toolReport.verdict.status), let path = toolReport.path else { continue }
                for operation in toolReport.tool.operations {
                    let name = RegistryEntry.name(tool: toolReport.tool.id, operation: operation.id)
                    if let reason = policy.exclusion(of: operation) {
                        withheld.append((name, reason))
                        continue
                    }
                    var executable = path
                    if let command = operation.command, command != toolReport.command {
                        guard let other = resolve(command) else {
                            withheld.append((name, "\(operation.id) runs `\(command)`, which is not on PATH."))
                            continue
                        }
                        executable = other
                    }
                    entries.append(
                        RegistryEntry(
                            operation: operation, tool: toolReport.tool, areaIDs: areasOf[toolReport.tool.id] ?? [],
                            executable: executable, version: toolReport.verdict.version, status: toolReport.verdict.status))
                }
            }
        }
        self.entries = entries
        self.withheld = withheld
    }

    public init(entries: [RegistryEntry], withheld: [(name: String, reason: String)] = []) {
        self.entries = entries
        self.withheld = withheld
    }

    public func entry(named name: String) -> RegistryEntry? { entries.first { $0.name == name } }
}
