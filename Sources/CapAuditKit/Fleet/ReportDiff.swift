import Foundation

/// What changed between two scans of one host (a runner image before and after an update).
public struct ReportDiff: Sendable, Equatable {
    /// A tool whose state changed.
    public struct ToolChange: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            /// Not found before (missing, undetectable), found now.
            case appeared
            /// Found before, not now.
            case disappeared
            /// A version read in both, and they differ.
            case versionChanged = "version-changed"
            /// Any other change of status (present → outdated, missing → timeout, ...).
            case statusChanged = "status-changed"
        }
        public var kind: Kind
        public var tool: String
        public var name: String
        public var oldStatus: ToolStatus
        public var newStatus: ToolStatus
        public var oldVersion: String?
        public var newVersion: String?
        public var minVersion: String?
    }

    /// An area whose status changed.
    public struct AreaChange: Sendable, Equatable {
        public var area: String
        public var name: String
        public var old: AreaStatus
        public var new: AreaStatus
    }

    /// A reason `--fail-on-regression` fails.
    public struct Regression: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable, Equatable {
            case capabilityLost = "capability-lost"
            case belowMinimum = "below-minimum"
        }
        public var kind: Kind
        /// `area/capability` or the tool id.
        public var subject: String
        public var message: String
        public var description: String { message }
    }

    public var oldFile: String
    public var newFile: String
    public var oldHost: String
    public var newHost: String
    public var oldStartedAt: String
    public var newStartedAt: String
    public var oldCapaudit: String
    public var newCapaudit: String
    /// Digests when they differ (or one is unrecorded): the catalog changed between the scans.
    public var catalogChange: (old: String?, new: String?)?
    public var tools: [ToolChange] = []
    public var areas: [AreaChange] = []
    /// Tool ids only one of the two reports looked for (catalog or `--area` differences, not host changes).
    public var onlyInOld: [String] = []
    public var onlyInNew: [String] = []
    public var regressions: [Regression] = []

    public var hostChanged: Bool { !oldHost.isEmpty && !newHost.isEmpty && oldHost != newHost }
    public var isEmpty: Bool { tools.isEmpty && areas.isEmpty && onlyInOld.isEmpty && onlyInNew.isEmpty && catalogChange == nil }

    public static func == (a: ReportDiff, b: ReportDiff) -> Bool {
        a.oldFile == b.oldFile && a.newFile == b.newFile && a.tools == b.tools && a.areas == b.areas && a.regressions == b.regressions
            && a.onlyInOld == b.onlyInOld && a.onlyInNew == b.onlyInNew && a.catalogChange?.old == b.catalogChange?.old
            && a.catalogChange?.new == b.catalogChange?.new && a.oldHost == b.oldHost && a.newHost == b.newHost
    }

    /// Compares two reports. Tools, areas and capabilities are matched by id.
    public static func compare(old: HostReport, new: HostReport) -> ReportDiff {
        var diff = ReportDiff(
            oldFile: old.file, newFile: new.file, oldHost: old.hostname, newHost: new.hostname,
            oldStartedAt: old.startedAt, newStartedAt: new.startedAt, oldCapaudit: old.capaudit, newCapaudit: new.capaudit)
        if old.catalog?.digest != new.catalog?.digest { diff.catalogChange = (old.catalog?.digest, new.catalog?.digest) }

        let oldTools = Dictionary(old.tools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newTools = Dictionary(new.tools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        diff.onlyInOld = oldTools.keys.filter { newTools[$0] == nil }.sorted()
        diff.onlyInNew = newTools.keys.filter { oldTools[$0] == nil }.sorted()
        for id in oldTools.keys.filter({ newTools[$0] != nil }).sorted() {
            let a = oldTools[id]!, b = newTools[id]!
            var kind: ToolChange.Kind?
            if !a.isFound && b.isFound {
                kind = .appeared
            } else if a.isFound && !b.isFound {
                kind = .disappeared
            } else if a.version != nil && b.version != nil && a.version != b.version {
                kind = .versionChanged
            } else if a.status != b.status {
                kind = .statusChanged
            }
            guard let kind else { continue }
            diff.tools.append(
                ToolChange(
                    kind: kind, tool: id, name: b.name, oldStatus: a.status, newStatus: b.status,
                    oldVersion: a.version, newVersion: b.version, minVersion: b.minVersion ?? a.minVersion))
            if b.status == .outdated && a.status != .outdated {
                let version = b.version.map { "version \($0)" } ?? "its version"
                diff.regressions.append(
                    Regression(
                        kind: .belowMinimum, subject: id,
                        message: "\(id): \(version) is below the minimum \(b.minVersion ?? "set") (was \(a.version ?? a.status.rawValue))"))
            }
        }

        let newAreas = Dictionary(new.areas.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for a in old.areas {
            guard let b = newAreas[a.id] else { continue }
            if a.status != b.status { diff.areas.append(AreaChange(area: a.id, name: b.name, old: a.status, new: b.status)) }
            let newCaps = Dictionary(b.capabilities.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
            for c in a.capabilities where c.met {
                guard let nc = newCaps[c.id], !nc.met else { continue }
                let lost = c.metBy.joined(separator: ", ")
                diff.regressions.append(
                    Regression(
                        kind: .capabilityLost, subject: "\(a.id)/\(c.id)",
                        message: "\(a.id)/\(c.id) (\(c.name)) is no longer met" + (lost.isEmpty ? "" : "; it was met by \(lost)")))
            }
        }
        diff.regressions.sort { ($0.kind == .capabilityLost ? 0 : 1, $0.subject) < ($1.kind == .capabilityLost ? 0 : 1, $1.subject) }
        return diff
    }
}
