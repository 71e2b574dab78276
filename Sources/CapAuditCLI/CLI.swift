import CapAuditKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Dispatches subcommands and maps every error to its exit code.
public enum CLI {
    /// The whole program: parse, run, print, exit with the documented exit code.
    public static func main(_ arguments: [String]) -> Never {
        if arguments.first == ProbeWatchdog.modeArgument {
            ProbeWatchdog.serve(arguments: arguments) // before anything else: it runs while a scan runs
        }
        let terminal = SystemTerminal()
        terminal.installSignalHandlers()
        var code = run(arguments, terminal: terminal)
        if let failure = terminal.stdoutFailure {
            code = report(StandardOutputError(reason: failure), terminal)
        }
        exit(code.rawValue)
    }

    /// This process's arguments after the program name, as the bytes they are (see `HostBytes.arguments()`),
    /// not `CommandLine.arguments`, which turns a byte that is not UTF-8 into U+FFFD and so names another path.
    public static var processArguments: [String] { Array(HostBytes.arguments().dropFirst()) }

    static func run(_ arguments: [String], terminal: Terminal) -> ExitCode {
        guard let first = arguments.first else {
            terminal.out(Commands.overview)
            return .success
        }
        // The parser checks every argument after the command (see ArgumentParser.requireUTF8); the command
        // name and help's topic are read before it runs.
        let helpWords: Set<String> = ["--help", "-h", "help"]
        for (index, argument) in arguments.prefix(helpWords.contains(first) ? 2 : 1).enumerated() where HostBytes.hasRawBytes(argument) {
            let role = index == 0 ? "the command name" : "argument \(index + 1)"
            return fail(UsageError.notUTF8(argument, role: role, command: nil), terminal)
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
            if first.hasPrefix("-") {
                // `capaudit --verison`: an option before any command; only --version and --help are.
                return fail(UsageError.unknownOption(first, command: "capaudit", suggestion: nearest(first, in: ["--version", "--help"])), terminal)
            }
            return fail(UsageError.unknownCommand(first, suggestion: nearest(first, in: Commands.all.map(\.name) + ["help", "version"])), terminal)
        }
        let spec = command.spec
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), spec: spec)
            if parsed.has("--help") {
                terminal.out(ArgumentParser.help(spec))
                return .success
            }
            // Before any probe runs: a report that could not be saved would waste the whole scan.
            try OutputPaths.check(parsed, spec: spec)
            return try command.init(arguments: parsed, terminal: terminal).run()
        } catch {
            return fail(error, terminal)
        }
    }

    /// Prints a thrown error and returns its exit code. Every error a command throws is a
    /// `UserFacingError`; anything else is a bug in capaudit, and says so.
    static func fail(_ error: any Error, _ terminal: Terminal) -> ExitCode {
        guard let error = error as? any UserFacingError else {
            assertionFailure("\(type(of: error)) does not conform to UserFacingError")
            terminal.err("error: internal error: \(error)\nhelp: this is a bug in capaudit; please report it with the command line")
            return .usage
        }
        return report(error, terminal)
    }

    /// The one place errors become messages and exit codes.
    static func report(_ error: any UserFacingError, _ terminal: Terminal) -> ExitCode {
        terminal.err(error.stderrText)
        return error.exitCode
    }
}
