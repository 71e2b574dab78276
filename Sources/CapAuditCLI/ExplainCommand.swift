import CapAuditKit
import Foundation

/// `capaudit explain TOOL`: probe one tool and show every step.
struct ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        synopsis: "How one tool was looked for and what happened.",
        summary: "capaudit explain TOOL: show how one tool was looked for and what happened.",
        usage: "capaudit explain TOOL [options]",
        options: Commands.scanningOptions.filter { $0.name != "--area" && $0.name != "--jobs" },
        maxPositionals: 1,
        discussion: "Every PATH entry tried, every match, the argv run, exit code, time, the first lines of output, the pattern, the version read, the status and why.",
        examples: ["capaudit explain kubectl", "capaudit explain docker-compose --timeout 10"])

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        guard let id = arguments.positionals.first else { throw UsageError.missingArgument("TOOL (a tool id, see `capaudit catalog list`)", command: "explain") }
        let session = try ScanSession(arguments: arguments, command: "explain")
        guard let tool = session.catalog.tools[id] else {
            throw UsageError.invalidValue(
                option: "TOOL", value: id,
                expected: "a tool id of the catalog"
                    + (nearest(id, in: Array(session.catalog.tools.keys)).map { " (did you mean \($0)?)" } ?? ""), command: "explain")
        }
        let text = try session.withScanner { scanner in
            let observation = tool.isScannable ? scanner.observe(tool) : nil
            let result = ScanResult(
                host: scanner.host, startedAt: Date(), durationMs: 0, settings: session.settings, areaIDs: [],
                observations: observation.map { [id: $0] } ?? [:], searchPath: scanner.resolver.searchPath)
            let report = Evaluator(catalog: session.catalog, policy: session.policy).toolReport(tool, scan: result)
            return ExplainRenderer.render(
                tool: tool, areas: session.catalog.areas, report: report, observation: observation, scan: result,
                probeEnvironment: scanner.probeEnvironment(for:))
        }
        terminal.out(text)
        return .success
    }
}
