import CapAuditKit
import Foundation

/// `capaudit tools`: the operations an agent may run on this host, for tools a scan verified present.
struct ToolsCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "tools",
            synopsis: "The operations agents may run with the tools this host has (JSON, OpenAI, MCP).",
            summary: "capaudit tools: the registry of operations whose tool this host has, verified by a scan.",
            usage: "capaudit tools [--format json|openai|mcp] [--area ID]... [--allow-write] [--allow-network] [options]",
            options: [
                OptionSpec(
                    "--format", value: "FORMAT", choices: ToolsRenderer.Format.allCases.map(\.rawValue),
                    help: "json (default: capaudit's own, with path, version, safety and argv template), openai (function-calling list) or mcp (a tools/list result)."),
                OptionSpec("--output", value: "FILE", help: "Write to FILE (atomically) instead of stdout."),
            ]
                + AgentPolicyOptions.specs + Commands.scanningOptions,
            discussion: """
                Scans the host, then lists each operation of the catalog whose tool was found and ran, with the
                tool's path and version and the JSON Schema of its parameters. Names are TOOLID_OPERATIONID with
                '-' turned into '_' (promtool_check_rules). Read-only operations are listed by default; the
                --allow-* flags add the others, exactly as `capaudit mcp` would offer them. Operations left out
                are listed under "withheld" (json) with the flag they need.
                """,
            examples: ["capaudit tools", "capaudit tools --format openai --area monitoring", "capaudit tools --format mcp --allow-write"])
    }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let format = try arguments.value("--format", expected: "json, openai or mcp") { ToolsRenderer.Format(rawValue: $0) } ?? .json
        let policy = try AgentPolicyOptions.policy(arguments, command: "tools")
        let session = try ScanSession(arguments: arguments, command: "tools")
        let (_, report, scanner) = try session.run(terminal: terminal)
        let registry = OperationRegistry(
            report: report, policy: policy, areaIDs: session.areaIDs,
            resolve: { scanner.resolver.lookup($0).resolved })
        let text = ToolsRenderer.render(registry, format: format)
        if let output = arguments.value("--output") {
            try AtomicFile.write(text, to: output)
            terminal.err("capaudit: wrote \(output) (\(registry.entries.count) operations)")
        } else {
            terminal.out(text)
        }
        return .success
    }
}
