import Foundation

/// A tool's status in a report. `present` and `unknown-version` meet a capability
/// (`unknown-version` only when no minimum version is set).
public enum ToolStatus: String, Sendable, Equatable, CaseIterable {
    case present
    case unknownVersion = "unknown-version"
    case outdated
    case missing
    case timeout
    case error
    case undetectable
}

/// The judgement on one tool: its status, the version read, and why, in words a user can check.
public struct ToolVerdict: Sendable, Equatable {
    public var status: ToolStatus
    public var version: Version?
    /// What the output showed when it was not a version (`0.0.0`, a commit hash).
    public var placeholder: String?
    public var reason: String
    /// The attempt the verdict rests on, if anything was found.
    public var attempt: ProbeAttempt?
    /// Where `version` came from: the version command's output (`exec`) or a metadata source.
    public var versionFrom: VersionSource.Kind?
    /// Which reader read the version (catalog pattern, tolerant reader, default) and from which line.
    public var reading: VersionReading?

    public init(
        status: ToolStatus, version: Version? = nil, placeholder: String? = nil, reason: String, attempt: ProbeAttempt? = nil,
        versionFrom: VersionSource.Kind? = nil
    ) {
        self.status = status
        self.version = version
        self.placeholder = placeholder
        self.reason = reason
        self.attempt = attempt
        self.versionFrom = versionFrom
    }
}
