import Foundation

/// What the user allowed agents to do (`capaudit mcp` and `capaudit tools` flags), and where.
public struct CallPolicy: Sendable, Equatable {
    /// The working folder: every call runs there and every path parameter must resolve inside it.
    public var workingDirectory: String
    public var allowWrite: Bool
    public var allowDestructive: Bool
    public var allowNetwork: Bool
    public var allowAttach: Bool
    public var revealSecrets: Bool

    public init(
        workingDirectory: String, allowWrite: Bool = false, allowDestructive: Bool = false, allowNetwork: Bool = false,
        allowAttach: Bool = false, revealSecrets: Bool = false
    ) {
        self.workingDirectory = workingDirectory
        self.allowWrite = allowWrite
        self.allowDestructive = allowDestructive
        self.allowNetwork = allowNetwork
        self.allowAttach = allowAttach
        self.revealSecrets = revealSecrets
    }

    /// Why the operation is not offered under this policy (a sentence naming the flag), or nil when it is.
    public func exclusion(of operation: ToolOperation) -> String? {
        var needs: [String] = []
        if operation.safety == .write && !allowWrite { needs.append("--allow-write (it changes things)") }
        if operation.safety == .destructive && !allowDestructive { needs.append("--allow-destructive (it deletes or cannot be undone)") }
        if operation.attaches && !allowAttach { needs.append("--allow-attach (it attaches to another process)") }
        if let network = operation.network, !allowNetwork { needs.append("--allow-network (it reaches \(network))") }
        if operation.secrets == .only && !revealSecrets { needs.append("--reveal-secrets (its output is a secret)") }
        guard !needs.isEmpty else { return nil }
        return "\(operation.id) is not enabled: it needs " + needs.joined(separator: " and ") + "."
    }
}
