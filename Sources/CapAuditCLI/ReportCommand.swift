import CapAuditKit
import Foundation

/// `capaudit report`: the scan, with the markdown gap report as its default format.
struct ReportCommand: Command {
    static var spec: CommandSpec { Commands.report }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        try ScanCommand(arguments: arguments, terminal: terminal, defaultFormat: .markdown).run()
    }
}
