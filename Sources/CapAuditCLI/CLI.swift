import CapAuditKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Dispatches subcommands and maps every error to its exit code.
public enum CLI {
    /// The whole program: parse, run, print, exit with the documented exit code.
    public static func main(_ arguments: [String]) -> Never {
        let terminal = Terminal()
        terminal.installSignalHandlers()
        var code = run(arguments, terminal: terminal)
        if let failure = terminal.stdoutFailure {
            terminal.err("error: cannot write to standard output: \(failure)\nhelp: the report was not delivered; use --output FILE")
            code = .usage
        }
        exit(code.rawValue)
    }

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
        guard let command = CommandRegistry.command(named: first) else {
            return fail(UsageError.unknownCommand(first, suggestion: nearest(first, in: Commands.all.map(\.name))), terminal)
        }
        let spec = command.spec
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), spec: spec)
            if parsed.has("--help") {
                terminal.out(ArgumentParser.help(spec))
                return .success
            }
            return try command.init(arguments: parsed, terminal: terminal).run()
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
