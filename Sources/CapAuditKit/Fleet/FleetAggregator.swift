import Foundation

/// One host's line of the fleet matrix: handed to the caller as each report is read, so csv and
/// json can stream it and nothing per host has to stay in memory.
public struct FleetHostRow: Sendable, Equatable {
    public var file: String
    /// "" when the report does not know it.
    public var hostname: String
    /// The file of the first report with the same hostname, when this one repeats it.
    public var duplicateOf: String?
    public var capaudit: String
    public var startedAt: String
    public var catalogDigest: String?
    /// Area id → status, for the areas the report holds.
    public var statuses: [String: AreaStatus]
    public var gatePassed: Bool
    /// Why the host fails the gate (empty when it passes).
    public var failures: [String]
}

/// How many hosts each status, version or gap concerns; sizes bounded by areas, tools and versions.
public struct FleetAreaStats: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: AreaKind?
    public var priority: Priority
    public var rank: Int
    public var covered = 0
    public var partial = 0
    public var missing = 0
    /// Capabilities in first-seen order.
    public var capabilities: [FleetCapabilityStats] = []

    public var hosts: Int { covered + partial + missing }
}

/// One capability across the fleet.
public struct FleetCapabilityStats: Sendable, Equatable {
    public var id: String
    public var name: String
    public var tools: [String]
    /// Hosts where it is not met and no candidate tool is merely outdated (those count for the upgrade).
    public var unmetHosts = 0
    /// Tool id → hosts where it meets this capability.
    public var metBy: [String: Int] = [:]
}

/// One version of a tool across the fleet.
public struct FleetVersion: Sendable, Equatable {
    /// The version read, or nil for installed without a version read.
    public var version: String?
    public var hosts: Int
    /// The first few hosts running it (hostname, or the file when the report has none).
    public var examples: [String]
}

/// One tool across the fleet.
public struct FleetToolStats: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Status → hosts.
    public var statuses: [ToolStatus: Int] = [:]
    public var minVersion: String?
    /// Installed versions, oldest first (versions that do not parse first, then unknown).
    public var versions: [FleetVersion] = []

    public var installedHosts: Int { versions.reduce(0) { $0 + $1.hosts } }
    /// More than one version in use.
    public var drifts: Bool { versions.filter { $0.version != nil }.count > 1 }
}

/// One step of the fleet-wide plan.
public struct FleetPlanStep: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// Install `tool` (the one most of the fleet already uses for it, else the first the catalog lists).
        case install(tool: String, area: String, capability: String)
        /// Upgrade `tool` to at least `minVersion`.
        case upgrade(tool: String, minVersion: String?)
    }
    public var action: Action
    /// Hosts this step fixes.
    public var hosts: Int
    public var priority: Priority
    public var areaName: String
    public var capabilityName: String
}

/// A hostname found in more than one report; each report stays its own row.
public struct FleetDuplicate: Sendable, Equatable {
    public var hostname: String
    public var files: [String]
}

/// A host that fails the gate, kept for the text and markdown summaries (the first `failingLimit`).
public struct FleetFailingHost: Sendable, Equatable {
    public var file: String
    public var hostname: String
    public var reasons: [String]
}

/// The finished fleet view every renderer takes.
public struct FleetSummary: Sendable, Equatable {
    public var hostsRead = 0
    public var skipped: [ReportReadError] = []
    /// More files were skipped than `skipped` holds.
    public var skippedCount = 0
    /// The gate the merge applied: nil uses each report's own gate.
    public var failOn: Priority?
    /// By kind (gap first), priority, rank, id.
    public var areas: [FleetAreaStats] = []
    /// By id.
    public var tools: [FleetToolStats] = []
    /// Most hosts fixed first.
    public var plan: [FleetPlanStep] = []
    public var failingCount = 0
    public var failing: [FleetFailingHost] = []
    public var duplicates: [FleetDuplicate] = []
    /// Catalog digest → hosts ("unrecorded" for reports written before the digest was recorded).
    public var catalogs: [String: Int] = [:]
    /// capaudit version → hosts.
    public var capauditVersions: [String: Int] = [:]
    /// The rows, while there are at most `matrixLimit` hosts; nil beyond (summarised instead).
    public var rows: [FleetHostRow]?
    public var matrixLimit = 0

    public var tooManyHostsForMatrix: Bool { rows == nil }
}

/// Merges host reports one at a time into a fleet view.
///
/// Memory is bounded by the number of distinct areas, capabilities, tools and versions, plus, per
/// host, one entry of the hostname index (to flag duplicates); rows are returned to the caller as
/// they are made and kept only up to `matrixLimit` hosts, failing hosts up to `failingLimit`, example
/// hosts per version up to `examplesPerVersion`.
public struct FleetAggregator {
    public var failOn: Priority?
    public var matrixLimit: Int
    public var failingLimit: Int
    public var examplesPerVersion: Int
    /// Area kinds for reports written before areas carried one (area id → kind).
    public var knownKinds: [String: AreaKind]
    /// The catalog's preferred tool per `area/capability`, for gaps no host meets yet.
    public var preferredTools: [String: String] = [:]

    private var summary = FleetSummary()
    private var areaIndex: [String: Int] = [:]
    private var areas: [FleetAreaStats] = []
    private var tools: [String: FleetToolStats] = [:]
    private var versionIndex: [String: [String?: Int]] = [:]
    private var firstFileByHostname: [String: Int] = [:]
    private var fileNames: [String] = []
    private var duplicates: [String: [String]] = [:]
    private var rows: [FleetHostRow] = []
    private var rowsOverflowed = false
    private var outdatedHosts: [String: Int] = [:]

    public init(
        failOn: Priority? = nil, matrixLimit: Int = 300, failingLimit: Int = 300, examplesPerVersion: Int = 3,
        knownKinds: [String: AreaKind] = [:]
    ) {
        self.failOn = failOn
        self.matrixLimit = matrixLimit
        self.failingLimit = failingLimit
        self.examplesPerVersion = examplesPerVersion
        self.knownKinds = knownKinds
    }

    /// Records a file that could not be read.
    public mutating func skip(_ error: ReportReadError) {
        summary.skippedCount += 1
        if summary.skipped.count < failingLimit { summary.skipped.append(error) }
    }

    /// Adds one host and returns its matrix row.
    @discardableResult
    public mutating func add(_ report: HostReport) -> FleetHostRow {
        summary.hostsRead += 1
        let label = report.hostname.isEmpty ? report.file : report.hostname
        var duplicateOf: String?
        if !report.hostname.isEmpty {
            if let first = firstFileByHostname[report.hostname] {
                duplicateOf = fileNames[first]
                duplicates[report.hostname, default: [fileNames[first]]].append(report.file)
            } else {
                firstFileByHostname[report.hostname] = fileNames.count
                fileNames.append(report.file)
            }
        }
        summary.catalogs[report.catalog?.digest ?? "unrecorded", default: 0] += 1
        summary.capauditVersions[report.capaudit, default: 0] += 1

        var statuses: [String: AreaStatus] = [:]
        var reasons: [String] = []
        let outdated = Set(report.tools.filter { $0.status == .outdated }.map(\.id))
        for area in report.areas {
            statuses[area.id] = area.status
            addArea(area, outdated: outdated)
            if let failOn, area.status != .covered, gates(area, at: failOn) {
                let unmet = area.capabilities.filter { !$0.met }.map(\.id)
                reasons.append(
                    "\(area.id) (\(area.priority.rawValue)) is \(area.status.rawValue): " + (unmet.isEmpty ? "not covered" : "no tool for " + unmet.joined(separator: ", ")))
            }
        }
        for tool in report.tools { addTool(tool, host: label) }
        if failOn == nil && !report.gate.passed {
            reasons = report.gate.failures.isEmpty ? ["the report's gate (fail-on \(report.gate.failOn)) failed"] : report.gate.failures
        }
        if !reasons.isEmpty {
            summary.failingCount += 1
            if summary.failing.count < failingLimit {
                summary.failing.append(FleetFailingHost(file: report.file, hostname: report.hostname, reasons: reasons))
            }
        }
        let row = FleetHostRow(
            file: report.file, hostname: report.hostname, duplicateOf: duplicateOf, capaudit: report.capaudit,
            startedAt: report.startedAt, catalogDigest: report.catalog?.digest, statuses: statuses,
            gatePassed: reasons.isEmpty, failures: reasons)
        if !rowsOverflowed {
            if rows.count < matrixLimit { rows.append(row) } else { rowsOverflowed = true; rows = [] }
        }
        return row
    }

    /// Whether an uncovered area fails `--fail-on level`: the seed's gaps and a project's own tools
    /// gate at their priority; foundation and extended areas never do (as in `scan`).
    func gates(_ area: HostArea, at level: Priority) -> Bool {
        let kind = area.kind ?? knownKinds[area.id] ?? .gap
        guard kind.isRanked else { return false }
        return area.priority <= level
    }

    /// `outdated`: this host's tools below their minimum; a capability they would meet is counted
    /// for their upgrade, not for an install.
    private mutating func addArea(_ area: HostArea, outdated: Set<String>) {
        let index: Int
        if let i = areaIndex[area.id] {
            index = i
        } else {
            index = areas.count
            areaIndex[area.id] = index
            areas.append(FleetAreaStats(id: area.id, name: area.name, kind: area.kind ?? knownKinds[area.id], priority: area.priority, rank: area.rank))
        }
        switch area.status {
        case .covered: areas[index].covered += 1
        case .partial: areas[index].partial += 1
        case .missing: areas[index].missing += 1
        }
        for capability in area.capabilities {
            var c = areas[index].capabilities.firstIndex { $0.id == capability.id }
            if c == nil {
                areas[index].capabilities.append(FleetCapabilityStats(id: capability.id, name: capability.name, tools: capability.tools))
                c = areas[index].capabilities.count - 1
            }
            if !capability.met && !capability.tools.contains(where: outdated.contains) { areas[index].capabilities[c!].unmetHosts += 1 }
            for tool in capability.metBy { areas[index].capabilities[c!].metBy[tool, default: 0] += 1 }
        }
    }

    private mutating func addTool(_ tool: HostTool, host: String) {
        var stats = tools[tool.id] ?? FleetToolStats(id: tool.id, name: tool.name)
        stats.statuses[tool.status, default: 0] += 1
        if let min = tool.minVersion { stats.minVersion = min }
        if tool.status == .outdated { outdatedHosts[tool.id, default: 0] += 1 }
        if tool.isInstalled {
            if let i = versionIndex[tool.id]?[tool.version] {
                stats.versions[i].hosts += 1
                if stats.versions[i].examples.count < examplesPerVersion { stats.versions[i].examples.append(host) }
            } else {
                versionIndex[tool.id, default: [:]][tool.version] = stats.versions.count
                stats.versions.append(FleetVersion(version: tool.version, hosts: 1, examples: [host]))
            }
        }
        tools[tool.id] = stats
    }

    /// The fleet view of everything added so far.
    public func finish() -> FleetSummary {
        var s = summary
        s.failOn = failOn
        s.matrixLimit = matrixLimit
        s.rows = rowsOverflowed ? nil : rows
        s.areas = areas.sorted { a, b in
            (kindOrder(a.kind), a.priority, a.rank, a.id) < (kindOrder(b.kind), b.priority, b.rank, b.id)
        }
        s.tools = tools.values.sorted { $0.id < $1.id }.map { tool in
            var t = tool
            t.versions.sort(by: Self.olderFirst)
            return t
        }
        s.duplicates = duplicates.map { FleetDuplicate(hostname: $0.key, files: $0.value) }.sorted { $0.hostname < $1.hostname }
        s.plan = plan(s)
        return s
    }

    func kindOrder(_ kind: AreaKind?) -> Int {
        switch kind ?? .gap {
        case .gap: return 0
        case .project: return 1
        case .foundation: return 2
        case .extended: return 3
        }
    }

    /// Oldest first: versions that parse in version order, then texts that do not parse (by text),
    /// then "installed, version unknown".
    static func olderFirst(_ a: FleetVersion, _ b: FleetVersion) -> Bool {
        switch (a.version, b.version) {
        case (nil, nil): return false
        case (nil, _): return false
        case (_, nil): return true
        case let (x?, y?):
            switch (Version(x), Version(y)) {
            case let (vx?, vy?): return vx == vy ? x < y : vx < vy
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return x < y
            }
        }
    }

    func plan(_ s: FleetSummary) -> [FleetPlanStep] {
        var steps: [FleetPlanStep] = []
        // The seed's gaps and the projects' own tools; foundation and extended areas are reported, not planned.
        for area in s.areas where kindOrder(area.kind) <= 1 {
            for capability in area.capabilities where capability.unmetHosts > 0 {
                // A tool the fleet already uses for this capability wins; else the catalog's preferred one, else its first.
                let used = capability.metBy.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
                let preferred = preferredTools["\(area.id)/\(capability.id)"].flatMap { capability.tools.contains($0) ? $0 : nil }
                guard let tool = used ?? preferred ?? capability.tools.first else { continue }
                steps.append(
                    FleetPlanStep(
                        action: .install(tool: tool, area: area.id, capability: capability.id), hosts: capability.unmetHosts,
                        priority: area.priority, areaName: area.name, capabilityName: capability.name))
            }
        }
        for tool in s.tools {
            guard let hosts = outdatedHosts[tool.id], hosts > 0 else { continue }
            let area = s.areas.first { $0.capabilities.contains { $0.tools.contains(tool.id) } }
            steps.append(
                FleetPlanStep(
                    action: .upgrade(tool: tool.id, minVersion: tool.minVersion), hosts: hosts,
                    priority: area?.priority ?? .medium, areaName: area?.name ?? "", capabilityName: tool.name))
        }
        return steps.enumerated().sorted { a, b in
            (-a.element.hosts, a.element.priority, a.offset) < (-b.element.hosts, b.element.priority, b.offset)
        }.map(\.element)
    }
}
