import CapAuditKit
import Foundation

/// The options that say what agents may do (`capaudit tools` and `capaudit mcp` share them), read once.
enum AgentPolicyOptions {
    static let specs: [OptionSpec] = [
        OptionSpec("--workdir", value: "DIR", help: "The working folder: calls run there and path arguments must resolve inside it (default: the current folder)."),
        OptionSpec("--allow-write", help: "Also offer operations that change things but can be undone (helm upgrade, kubectl scale)."),
        OptionSpec("--allow-destructive", help: "Also offer operations that delete or cannot be undone (kubectl delete, alembic downgrade)."),
        OptionSpec("--allow-network", help: "Also offer operations that reach the network by themselves, and accept non-loopback addresses."),
        OptionSpec("--allow-attach", help: "Also offer operations that attach to other processes (py-spy dump, perf stat -p)."),
        OptionSpec("--reveal-secrets", help: "Do not mask secret values in output, and offer operations whose output is a secret (sops --decrypt)."),
    ]

    /// The call policy from the parsed options; the working folder must exist.
    static func policy(_ arguments: ParsedArguments, command: String) throws -> CallPolicy {
        let given = arguments.value("--workdir") ?? FileManager.default.currentDirectoryPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), isDirectory.boolValue,
            let canonical = CallGuard.canonical(given)
        else {
            throw UsageError.invalidValue(option: "--workdir", value: given, expected: "an existing folder", command: command)
        }
        return CallPolicy(
            workingDirectory: canonical, allowWrite: arguments.has("--allow-write"),
            allowDestructive: arguments.has("--allow-destructive"), allowNetwork: arguments.has("--allow-network"),
            allowAttach: arguments.has("--allow-attach"), revealSecrets: arguments.has("--reveal-secrets"))
    }
}
