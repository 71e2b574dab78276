import CapAuditKit
import Foundation

/// An error the user reads: what went wrong (`description`), what to do about it (`help`), and the
/// exit code capaudit ends with. Every error a command throws conforms; `CLI.report` prints it, so
/// the mapping from errors to exit codes is this file and nothing else.
protocol UserFacingError: Error, CustomStringConvertible {
    var exitCode: ExitCode { get }
    /// What to do about it, printed after `help: `.
    var help: String { get }
    /// Everything written to stderr; by default `error: WHAT` and `help: HOW` on the next line.
    var stderrText: String { get }
}

extension UserFacingError {
    var stderrText: String { "error: \(description)\nhelp: \(help)" }
}

extension UsageError: UserFacingError {
    var exitCode: ExitCode { .usage }
    var help: String {
        if case .notUTF8 = self {
            return "capaudit opens files and folders only by UTF-8 names and does not guess another one: rename it, "
                + "or give a symbolic link with a UTF-8 name that points to it (ln -s OLD NEW); for an output file, "
                + "write to a UTF-8 name and rename the file afterwards; nothing was read or written"
        }
        return "see '" + (command.flatMap { $0 == "capaudit" ? nil : "capaudit help \($0)" } ?? "capaudit help") + "'"
    }
}

extension CatalogError: UserFacingError {
    var exitCode: ExitCode { .invalidInput }
    var help: String { "fix the file(s) above; without --catalog the built-in catalog is used" }
}

extension ConfigError: UserFacingError {
    var exitCode: ExitCode { .invalidInput }
    var help: String { "fix the requirements file (see `capaudit help init`), or pass --no-config" }
}

extension HostEnvironmentError: UserFacingError {
    var exitCode: ExitCode { .usage }
    var help: String { "see 'capaudit help plan'" }
}

extension OutputFileError: UserFacingError {
    var exitCode: ExitCode { .usage }
    var help: String { "choose a writable path for the report; nothing was written" }
}

/// The report could not be written to standard output (a closed pipe, a full disk): it was lost,
/// so capaudit must not exit 0.
struct StandardOutputError: UserFacingError {
    var reason: String
    var description: String { "cannot write to standard output: \(reason)" }
    var exitCode: ExitCode { .usage }
    var help: String { "the report was not delivered; use --output FILE" }
}

/// The throw-away HOME of `--isolated-home` could not be created; nothing was probed.
struct IsolatedHomeError: UserFacingError {
    var path: String
    var reason: String
    var description: String { "cannot create the isolated HOME \(path): \(reason)" }
    var exitCode: ExitCode { .usage }
    var help: String { "make the temporary folder ($TMPDIR, else /tmp) writable, or scan without --isolated-home" }
}

/// The gate failed: the scan ran and its reports were written, but a requirement is not met.
struct GateFailure: UserFacingError {
    var report: Report
    var exitCode: ExitCode { .gateFailed }
    var help: String { "install what is missing (`capaudit plan`), or waive it in .capaudit.json" }

    /// What failed, in one line.
    var description: String {
        let level = report.gate.failOn.map { "--fail-on \($0.rawValue)" }
        let what = report.gate.failures.map { failure -> String in
            if let area = failure.areaID, let capability = failure.capabilityID { return "\(area)/\(capability)" }
            return failure.message
        }
        return "gate failed" + (level.map { " (\($0))" } ?? "") + ": " + what.joined(separator: "; ")
    }

    /// The last line on stderr: the verdict, not an error of capaudit's.
    var stderrText: String { "capaudit: \(description)" }
}

/// SIGINT, SIGTERM or SIGHUP arrived: running probes were killed; output files are all written or none.
struct Interruption: UserFacingError {
    var signal: Int32
    /// Output files already in place when it arrived (all of them, since renames hold signals off).
    var written: [String] = []
    var exitCode: ExitCode { signal == SIGINT ? .interrupted : signal == SIGHUP ? .hangup : .terminated }
    var help: String { "run the scan again; --timeout bounds each probe" }
    var description: String {
        let what = signal == SIGINT ? "interrupted" : signal == SIGHUP ? "hung up (SIGHUP)" : "terminated"
        let files =
            written.isEmpty
            ? "no output file was written"
            : "all output files were written before it stopped: " + written.map { TerminalText.clean(quoted($0)) }.joined(separator: ", ")
        return "\(what); running probes were killed, \(files)"
    }
    var stderrText: String { "capaudit: \(description)" }
}

/// A `.capaudit.json` was discovered that capaudit will not obey: owned by another user or writable by
/// others. Never silently skipped, since skipping it would drop the gate it sets.
struct UntrustedConfigError: UserFacingError {
    var path: String
    var reason: String
    var exitCode: ExitCode { .invalidInput }
    var description: String { "the requirements file \(TerminalText.clean(path)) is not trusted: \(TerminalText.clean(reason))" }
    var help: String {
        "check it; then pass --config \(TerminalText.clean(ShellQuote.word(path))) to accept it, or --no-config to scan without it (and without its gate)"
    }
}

/// No file given to `merge` could be read as a report.
struct NothingReadError: UserFacingError {
    var skipped: Int
    var exitCode: ExitCode { .usage }
    var help: String { "give JSON reports written by `capaudit scan --format json`, or folders of them" }
    var description: String {
        skipped == 0 ? "no report was given" : "none of the \(skipped) file\(skipped == 1 ? "" : "s") given could be read as a capaudit report (each is named above)"
    }
}

extension OutputWriteFailure: UserFacingError {
    var exitCode: ExitCode { .usage }
    var help: String { "choose a writable path for the report" }
}

extension ReportReadError: UserFacingError {
    var exitCode: ExitCode { .usage }
    var help: String { "give JSON reports written by `capaudit scan --format json`" }
    var stderrText: String { "error: \(TerminalText.clean(description))\nhelp: \(help)" }
}
