import Foundation

/// Whether an area's capabilities are all met, some, or none.
public enum AreaStatus: String, Sendable, Equatable, CaseIterable {
    case covered, partial, missing
}

/// A tool as the report shows it: the catalog entry, the verdict, and where it was found.
public struct ToolReport: Sendable, Equatable {
    public var tool: Tool
    public var verdict: ToolVerdict
    /// The command name that was found (or the first looked for).
    public var command: String?
    public var path: String?
    /// Matches later on PATH, hidden by `path`.
    public var shadowed: [String]
    /// The versions that count: the project's `minVersions`, else the catalog's.
    public var versionConstraint: VersionConstraint?

    public init(tool: Tool, verdict: ToolVerdict, command: String?, path: String?, shadowed: [String], versionConstraint: VersionConstraint?) {
        self.tool = tool
        self.verdict = verdict
        self.command = command
        self.path = path
        self.shadowed = shadowed
        self.versionConstraint = versionConstraint
    }

    /// The constraint's lower bound, if it has one (the report's `minVersion`).
    public var minVersion: Version? { versionConstraint?.minimum }

    /// Why an outdated tool's version fails the constraint: too old, too new or excluded.
    public var versionProblem: VersionProblem? {
        guard verdict.status == .outdated, let version = verdict.version else { return nil }
        return versionConstraint?.problem(with: version)?.problem
    }

    /// Whether this tool counts towards its capabilities.
    public var meetsCapability: Bool {
        verdict.status == .present || (verdict.status == .unknownVersion && versionConstraint == nil)
    }

    /// Installed, but not good enough: below the minimum, or a version that cannot be compared with it.
    public var needsUpgrade: Bool {
        verdict.status == .outdated || (verdict.status == .unknownVersion && versionConstraint != nil)
    }

    /// Found but not usable as it is: needs an upgrade, or its version command timed out or failed.
    /// Reports list these with their reason.
    public var needsAttention: Bool {
        needsUpgrade || verdict.status == .timeout || verdict.status == .error
    }
}

/// One capability of an area and whether the host meets it.
public struct CapabilityReport: Sendable, Equatable {
    public var capability: Capability
    public var met: Bool
    /// The tools that meet it, in catalog order.
    public var metBy: [String]
    /// Whether this capability, when unmet, fails the gate (after waivers).
    public var gating: Bool = false
    /// The waiver that keeps this gap from gating, if any.
    public var waiver: Waiver? = nil
}

/// One area's judgement.
public struct AreaReport: Sendable, Equatable {
    public var area: Area
    public var status: AreaStatus
    public var capabilities: [CapabilityReport]
    public var tools: [ToolReport]

    public var unmetCapabilities: [CapabilityReport] { capabilities.filter { !$0.met } }
}

/// Something about the host that is not a tool but matters for trusting the scan.
public struct Finding: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case relativePathEntry = "relative-path-entry"
        case worldWritablePathDirectory = "world-writable-path-directory"
        case worldWritableExecutable = "world-writable-executable"
        /// A probe left a process running outside its process group; capaudit killed it after the scan.
        case daemonizedProbe = "daemonized-probe"
        /// The version command printed one version, the file's own metadata says another (a wrapper or
        /// shim that runs something else than what is installed there).
        case versionMismatch = "version-mismatch"
        /// A Go binary found under a tool's name whose main package is not the tool's.
        case identityMismatch = "identity-mismatch"
        /// In a `--root` scan, a symlink on PATH that leads outside the root (refused, not followed).
        case symlinkOutsideRoot = "symlink-outside-root"
    }
    public var kind: Kind
    public var path: String
    public var message: String
}

/// Counts for the summary line.
public struct ReportSummary: Sendable, Equatable {
    public var covered: Int
    public var partial: Int
    public var missing: Int
    /// Critical areas that are not covered, in rank order.
    public var criticalGaps: [String]
}

/// The judged scan: a value every renderer takes.
public struct Report: Sendable, Equatable {
    public static let schemaVersion = 1
    public var capauditVersion: String
    public var host: HostInfo
    public var startedAt: Date
    public var durationMs: Int
    public var settings: ScanSettings
    /// Areas by priority, then rank.
    public var areas: [AreaReport]
    public var findings: [Finding]
    public var gate: GateResult = GateResult()
    /// The catalog the scan was judged against (nil when it was built in code).
    public var catalog: CatalogIdentity? = nil
    /// The project requirements file (`.capaudit.json`) in use, discovered or named with `--config`;
    /// nil when none was.
    public var configFile: String? = nil

    public var summary: ReportSummary {
        ReportSummary(
            covered: areas.filter { $0.status == .covered }.count,
            partial: areas.filter { $0.status == .partial }.count,
            missing: areas.filter { $0.status == .missing }.count,
            criticalGaps: areas.filter { $0.area.priority == .critical && $0.area.kind.isRanked && $0.status != .covered }.map(\.area.id))
    }
}
