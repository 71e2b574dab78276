import CapAuditKit
import Foundation

/// `capaudit report`: the scan, with the markdown gap report as its default format.
struct ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report",
        synopsis: "The same scan as a markdown gap report.",
        summary: "capaudit report: scan and write the markdown gap report (scan --format markdown).",
        usage: "capaudit report [options]",
        options: [OptionSpec("--format", value: "FORMAT", choices: ReportFormat.allCases.map(\.rawValue), help: "Output format (default markdown): \(ReportFormat.names).")]
            + Commands.outputOptions + Commands.gateOptions + Commands.scanningOptions,
        discussion: "Exit codes:\n\(Commands.exitCodeTable)",
        examples: ["capaudit report --output gaps.md", "capaudit report --area security"])

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        try ScanCommand(arguments: arguments, terminal: terminal, defaultFormat: .markdown).run()
    }
}
