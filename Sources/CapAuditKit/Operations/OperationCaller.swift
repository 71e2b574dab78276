import Foundation

/// Runs operations safely: schema check, then `CallGuard` (policy, one argv element per value, paths
/// inside the working folder, loopback addresses), then the probe runner (no shell, own process
/// group, stdin from /dev/null, `LC_ALL=C`, timeout, output cap), then secret masking.
public struct OperationCaller: Sendable {
    public var policy: CallPolicy
    public var runner: any ProcessRunning
    /// The user's environment; calls get it with `LC_ALL=C` and the operation's own variables.
    public var environment: [String: String]

    public init(policy: CallPolicy, runner: any ProcessRunning, environment: [String: String]) {
        self.policy = policy
        self.runner = runner
        self.environment = environment
    }

    public func call(_ operation: ToolOperation, executable: String, arguments: [String: JSONValue]) -> OperationOutcome {
        let values: [String: ParameterValue]
        switch ArgumentChecker.check(arguments, for: operation) {
        case .failure(let problem): return .invalidArguments(problem)
        case .success(let v): values = v
        }
        let arguments: [String]
        do {
            arguments = try CallGuard(policy: policy).argv(for: operation, values: values)
        } catch {
            return .refused(error)
        }
        var env = environment
        env["LC_ALL"] = "C"
        for (k, v) in operation.env { env[k] = v }
        let request = ProbeRequest(
            executable: executable, arguments: arguments, environment: env, timeout: operation.timeout,
            killGrace: 2, outputLimit: operation.outputCap, workingDirectory: policy.workingDirectory)
        let output = runner.run(request)
        var stdout = String(decoding: output.stdout, as: UTF8.self)
        var stderr = String(decoding: output.stderr, as: UTF8.self)
        var masked = 0
        if operation.secrets != nil && !policy.revealSecrets {
            let (o, n1) = SecretMasker.masked(stdout)
            let (e, n2) = SecretMasker.masked(stderr)
            stdout = o
            stderr = e
            masked = n1 + n2
        }
        return .ran(
            OperationRun(
                argv: request.argv, termination: output.termination, stdout: stdout, stderr: stderr,
                stdoutTruncated: output.stdoutTruncated, stderrTruncated: output.stderrTruncated,
                outputCap: operation.outputCap, maskedValues: masked, durationMs: output.durationMs))
    }
}
