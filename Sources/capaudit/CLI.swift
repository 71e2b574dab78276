import CapAuditKit
import Foundation

/// Dispatches subcommands and maps every error to its exit code.
enum CLI {
    static func run(_ arguments: [String], terminal: Terminal) -> ExitCode {
        guard let first = arguments.first else {
            terminal.out(Commands.overview)
            return .success
        }
        switch first {
        case "--version", "version":
            terminal.out("capaudit \(CapAudit.version)\n")
            return .success
        case "--help", "-h", "help":
            if arguments.count > 1 {
                guard let spec = Commands.spec(named: arguments[1]) else {
                    return fail(UsageError.unknownCommand(arguments[1], suggestion: nearest(arguments[1], in: Commands.all.map(\.name))), terminal)
                }
                terminal.out(ArgumentParser.help(spec))
            } else {
                terminal.out(Commands.overview)
            }
            return .success
        default:
            break
        }
        guard let spec = Commands.spec(named: first) else {
            return fail(UsageError.unknownCommand(first, suggestion: nearest(first, in: Commands.all.map(\.name))), terminal)
        }
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), spec: spec)
            if parsed.has("--help") {
                terminal.out(ArgumentParser.help(spec))
                return .success
            }
            switch spec.name {
            case "scan": return try ScanCommand(arguments: parsed, terminal: terminal).run()
            case "report": return try ScanCommand(arguments: parsed, terminal: terminal, defaultFormat: .markdown).run()
            case "plan": return try PlanCommand(arguments: parsed, terminal: terminal).run()
            case "explain": return try ExplainCommand(arguments: parsed, terminal: terminal).run()
            case "catalog": return try CatalogCommand(arguments: parsed, terminal: terminal).run()
            case "init": return try InitCommand(arguments: parsed, terminal: terminal).run()
            default: return .usage
            }
        } catch {
            return fail(error, terminal)
        }
    }

    /// The one place errors become messages and exit codes.
    static func fail(_ error: any Error, _ terminal: Terminal) -> ExitCode {
        switch error {
        case let e as UsageError:
            let helpCommand = e.command.map { "capaudit help \($0)" } ?? "capaudit help"
            terminal.err("error: \(e)\nhelp: see '\(helpCommand)'")
            return .usage
        case let e as CatalogError:
            terminal.err("error: \(e)\nhelp: " + (e.isConfig ? "fix the requirements file (see `capaudit help init`), or pass --no-config"
                                                            : "fix the file(s) above; without --catalog the built-in catalog is used"))
            return .invalidInput
        case let e as HostEnvironmentError:
            terminal.err("error: \(e)\nhelp: see 'capaudit help plan'")
            return .usage
        case let e as OutputFileError:
            terminal.err("error: \(e)\nhelp: choose a writable path for the report; nothing was written")
            return .usage
        default:
            terminal.err("error: \(error)")
            return .usage
        }
    }
}
