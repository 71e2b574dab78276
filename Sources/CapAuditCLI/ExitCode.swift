import CapAuditKit
import Foundation

/// capaudit's exit codes: interface, documented in the README and `capaudit help`. Nothing else is used.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// The command did its job (for `scan`: the scan ran, and the gate, if any, passed).
    case success = 0
    /// The gate failed: a required capability or tool is missing.
    case gateFailed = 1
    /// Unknown command or option, a bad value, or an output file that cannot be written.
    case usage = 2
    /// The catalog or the project configuration is invalid.
    case invalidInput = 3
    /// Hung up (SIGHUP: the SSH session or terminal went away).
    case hangup = 129
    /// Interrupted by SIGINT (Ctrl-C).
    case interrupted = 130
    /// Terminated by SIGTERM.
    case terminated = 143

    public var meaning: String {
        switch self {
        case .success: return "success (for scan: the scan ran and any gate passed)"
        case .gateFailed: return "gate failed: a required area, capability or tool is not met"
        case .usage: return "usage error: unknown command or option, bad value, output file not writable; merge and diff: no report could be read"
        case .invalidInput: return "the catalog or configuration is invalid"
        case .hangup: return "hung up (SIGHUP)"
        case .interrupted: return "interrupted (SIGINT)"
        case .terminated: return "terminated (SIGTERM)"
        }
    }
}
