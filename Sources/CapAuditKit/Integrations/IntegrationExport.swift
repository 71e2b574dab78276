import Foundation

/// The integrations `capaudit export` writes, so a user who has only the binary has them, matching
/// its version.
public enum IntegrationTarget: String, Sendable, CaseIterable {
    case prometheus, ansible, kubernetes
}

/// One file of an integration, relative to the output folder.
public struct ExportedFile: Sendable, Equatable {
    public var path: String
    public var contents: String
    /// 0o644 for data, 0o755 for scripts.
    public var mode: Int

    public init(_ path: String, _ contents: String, mode: Int = 0o644) {
        self.path = path
        self.contents = contents
        self.mode = mode
    }
}

/// What the user may set; every default is written once, here.
public struct ExportSettings: Sendable, Equatable {
    /// node_exporter's textfile collector folder (Debian's prometheus-node-exporter default).
    public var textfileDirectory = "/var/lib/prometheus/node-exporter"
    /// Where the binary is installed on the hosts.
    public var binaryPath = "/usr/local/bin/capaudit"
    /// The gate level the scheduled scans use, so `capaudit_gate_passed` means something.
    public var failOn: Priority = .critical
    /// The container image the DaemonSet runs.
    public var image = "capaudit:\(CapAudit.version)"
    /// The Prometheus job that scrapes node_exporter (for the "metric absent" half of the stale alert).
    public var nodeJob = "node"
    /// PATH for scheduled scans: the system folders, as a login shell would have them.
    public var searchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    public init() {}

    /// The scan a scheduled job runs, writing the textfile atomically (capaudit's --output is).
    public var scanArguments: [String] {
        [
            binaryPath, "scan", "--no-config", "--isolated-home", "--fail-on", failOn.rawValue, "--format", "prometheus",
            "--output", (textfileDirectory as NSString).appendingPathComponent("capaudit.prom"),
        ]
    }
}

extension IntegrationTarget {
    public func files(_ settings: ExportSettings) -> [ExportedFile] {
        switch self {
        case .prometheus: return PrometheusIntegration.files(settings)
        case .ansible: return AnsibleIntegration.files(settings)
        case .kubernetes: return KubernetesIntegration.files(settings)
        }
    }
}

/// Quoting for the generated files (shell words: `ShellQuote.word`).
enum Quote {
    /// A YAML double-quoted scalar: a JSON string is one (YAML's double-quoted escapes include JSON's).
    static func yaml(_ s: String) -> String { JSONOutput.escape(s) }

    /// A systemd ExecStart word (double quotes where needed; systemd expands % specifiers, so % doubles).
    static func systemd(_ s: String) -> String {
        let escaped = s.replacingOccurrences(of: "%", with: "%%")
        if escaped.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" || $0 == "'" || $0 == "$" }) {
            return "\"" + escaped.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "$", with: "$$") + "\""
        }
        return escaped
    }
}
