import Foundation

/// One version invocation: an absolute executable path and an argument array, never a shell string.
public struct ProbeRequest: Sendable, Equatable {
    /// Absolute path of the executable, as resolved by `PathResolver`.
    public var executable: String
    /// argv[1...]; argv[0] is the executable path.
    public var arguments: [String]
    /// The complete environment of the child (the caller builds it; the runner adds nothing).
    public var environment: [String: String]
    /// Seconds before the process group is sent SIGTERM (then SIGKILL after `killGrace`).
    public var timeout: Double
    /// Seconds between SIGTERM and SIGKILL on timeout.
    public var killGrace: Double
    /// Bytes kept of each of stdout and stderr; the rest is drained and discarded.
    public var outputLimit: Int
    /// Working directory of the child; nil keeps the caller's.
    public var workingDirectory: String?

    /// Seconds a version command may run unless `--timeout` says otherwise: the one place this default is written.
    public static let defaultTimeout: Double = 5

    public init(
        executable: String, arguments: [String], environment: [String: String],
        timeout: Double = ProbeRequest.defaultTimeout, killGrace: Double = 0.5, outputLimit: Int = 64 * 1024,
        workingDirectory: String? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.timeout = timeout
        self.killGrace = killGrace
        self.outputLimit = outputLimit
        self.workingDirectory = workingDirectory
    }

    /// The full argv as run, executable first.
    public var argv: [String] { [executable] + arguments }
}

/// How a probe process ended.
public enum ProbeTermination: Sendable, Equatable {
    /// Exited normally with this status.
    case exited(Int32)
    /// Killed by this signal (not by capaudit's timeout).
    case signaled(Int32)
    /// Ran past its timeout; capaudit killed its process group.
    case timedOut
    /// Could not be started at all (`posix_spawn` failed): errno and its text.
    case failedToStart(errno: Int32, message: String)
}

/// What a probe printed and how it ended: facts only, no interpretation.
public struct ProbeOutput: Sendable, Equatable {
    public var stdout: Data
    public var stderr: Data
    /// True when stdout went past `outputLimit` and the rest was discarded.
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    public var termination: ProbeTermination
    /// Wall-clock milliseconds from spawn to reap.
    public var durationMs: Int
    /// For a probe that timed out: what its process group was doing in the last stretch before the deadline.
    public var activityAtDeadline: ProbeActivity?

    public init(
        stdout: Data = Data(), stderr: Data = Data(), stdoutTruncated: Bool = false,
        stderrTruncated: Bool = false, termination: ProbeTermination, durationMs: Int = 0,
        activityAtDeadline: ProbeActivity? = nil
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.stdoutTruncated = stdoutTruncated
        self.stderrTruncated = stderrTruncated
        self.termination = termination
        self.durationMs = durationMs
        self.activityAtDeadline = activityAtDeadline
    }

    /// Exit status when the process exited normally.
    public var exitCode: Int32? {
        if case .exited(let code) = termination { return code }
        return nil
    }

    public var timedOut: Bool { termination == .timedOut }
}

/// Runs one probe to completion. The real implementation is `ProbeRunner`; tests pass fakes.
public protocol ProcessRunning: Sendable {
    /// Runs the request and returns only when the process and everything it started are gone.
    func run(_ request: ProbeRequest) -> ProbeOutput
}
