import Foundation

/// What became of one call of an operation.
public enum OperationOutcome: Sendable, Equatable {
    /// The arguments do not fit the schema (JSON-RPC invalid params).
    case invalidArguments(ArgumentProblem)
    /// The policy forbids the call; nothing ran.
    case refused(CallRefusal)
    /// The tool ran.
    case ran(OperationRun)
}

/// One run of an operation's tool: the argv, how it ended, and the (capped, masked) output.
public struct OperationRun: Sendable, Equatable {
    public var argv: [String]
    public var termination: ProbeTermination
    public var stdout: String
    public var stderr: String
    public var stdoutTruncated: Bool
    public var stderrTruncated: Bool
    public var outputCap: Int
    /// Values hidden by `SecretMasker` (0 when not masked).
    public var maskedValues: Int
    public var durationMs: Int

    /// Exited 0.
    public var succeeded: Bool { termination == .exited(0) }

    /// The text an agent reads: the command, how it ended, then stdout and stderr with notes on
    /// anything cut or masked.
    public var text: String {
        var lines = ["$ " + argv.map(ShellQuote.word).joined(separator: " ")]
        switch termination {
        case .exited(let code): lines.append("exit status \(code) after \(durationMs) ms")
        case .signaled(let signal): lines.append("killed by signal \(signal) after \(durationMs) ms")
        case .timedOut: lines.append("timed out after \(durationMs) ms: capaudit killed its process group")
        case .failedToStart(_, let message): lines.append("could not start: \(message)")
        }
        if !stdout.isEmpty {
            lines.append("--- stdout")
            lines.append(stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout)
        }
        if stdoutTruncated { lines.append("[stdout cut at \(outputCap) bytes; the rest was discarded]") }
        if !stderr.isEmpty {
            lines.append("--- stderr")
            lines.append(stderr.hasSuffix("\n") ? String(stderr.dropLast()) : stderr)
        }
        if stderrTruncated { lines.append("[stderr cut at \(outputCap) bytes; the rest was discarded]") }
        if maskedValues > 0 { lines.append("[\(maskedValues) values masked as \(SecretMasker.mask); run capaudit mcp --reveal-secrets to see them]") }
        return lines.joined(separator: "\n") + "\n"
    }
}
