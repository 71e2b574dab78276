import Foundation

/// Turns the facts of a scan into judgements: tool statuses, capabilities met, area status,
/// and findings about the PATH itself.
public struct Evaluator: Sendable {
    public var catalog: Catalog
    public var capauditVersion: String
    public var fileSystem: any FileSystemView
    public var policy: GatePolicy

    public init(catalog: Catalog, capauditVersion: String = CapAudit.version, fileSystem: any FileSystemView = LocalFileSystem(),
                policy: GatePolicy = .none) {
        self.catalog = catalog
        self.capauditVersion = capauditVersion
        self.fileSystem = fileSystem
        self.policy = policy
    }

    public func evaluate(_ scan: ScanResult) -> Report {
        var areas: [AreaReport] = []
        for id in scan.areaIDs {
            guard let area = catalog.area(id) else { continue }
            let tools = catalog.toolIDs(of: area).compactMap { catalog.tools[$0] }.map { toolReport($0, scan: scan) }
            let byID = Dictionary(uniqueKeysWithValues: tools.map { ($0.tool.id, $0) })
            let capabilities = area.capabilities.map { capability in
                let metBy = capability.tools.filter { byID[$0]?.meetsCapability == true }
                let waiver = policy.activeWaiver(for: "\(area.id)/\(capability.id)") ?? policy.activeWaiver(for: area.id)
                    ?? toolWaiver(capability)
                return CapabilityReport(capability: capability, met: !metBy.isEmpty, metBy: metBy,
                                        gating: waiver == nil && gates(area: area, capability: capability), waiver: waiver)
            }
            let met = capabilities.filter(\.met).count
            let status: AreaStatus = met == capabilities.count ? .covered : (met == 0 ? .missing : .partial)
            areas.append(AreaReport(area: area, status: status, capabilities: capabilities, tools: tools))
        }
        areas.sort { ($0.area.priority, $0.area.rank, $0.area.id) < ($1.area.priority, $1.area.rank, $1.area.id) }
        return Report(capauditVersion: capauditVersion, host: scan.host, startedAt: scan.startedAt, durationMs: scan.durationMs,
                      settings: scan.settings, areas: areas, findings: findings(scan, areas: areas), gate: gate(areas, scan: scan),
                      catalog: catalog.identity)
    }

    /// A capability all of whose tools are waived is waived (the first tool's waiver stands for it).
    func toolWaiver(_ capability: Capability) -> Waiver? {
        let waivers = capability.tools.map { policy.activeWaiver(for: $0) }
        guard !waivers.isEmpty, waivers.allSatisfy({ $0 != nil }) else { return nil }
        return waivers[0]
    }

    /// The priority at which a capability gates: the project's setting, else its area's priority
    /// (foundation and extended areas gate only when the project names them).
    func gatePriority(area: Area, capability: Capability) -> Priority? {
        if let p = policy.capabilityGates["\(area.id)/\(capability.id)"] ?? policy.areaGates[area.id] { return p }
        switch area.kind {
        case .gap, .project: return area.priority
        case .foundation, .extended: return nil
        }
    }

    func gates(area: Area, capability: Capability) -> Bool {
        guard let failOn = policy.failOn, let priority = gatePriority(area: area, capability: capability) else { return false }
        return priority <= failOn
    }

    func gate(_ areas: [AreaReport], scan: ScanResult) -> GateResult {
        var failures: [GateFailure] = []
        for area in areas {
            for capability in area.capabilities where !capability.met && capability.gating {
                let options = capability.capability.tools.joined(separator: ", ")
                failures.append(GateFailure(areaID: area.area.id, capabilityID: capability.capability.id,
                                            message: "\(area.area.id)/\(capability.capability.id) (\(capability.capability.name)): none of \(options) is usable"))
            }
        }
        let tools = Dictionary(areas.flatMap(\.tools).map { ($0.tool.id, $0) }, uniquingKeysWith: { a, _ in a })
        for requirement in policy.requiredTools where policy.activeWaiver(for: requirement.toolID) == nil {
            // Required tools outside the scanned areas were probed too (Scanner's extraToolIDs).
            let report = tools[requirement.toolID] ?? catalog.tools[requirement.toolID].map { toolReport($0, scan: scan) }
            guard let report else {
                failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement.toolID) is not in the catalog"))
                continue
            }
            let status = report.verdict.status
            if status != .present && status != .unknownVersion && status != .outdated {
                failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement): \(status.rawValue) (\(report.verdict.reason))"))
            } else if let min = requirement.minVersion ?? report.minVersion {
                if let version = report.verdict.version {
                    if version < min {
                        failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement.toolID)>=\(min): found \(version)"))
                    }
                } else {
                    failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement.toolID)>=\(min): its version is unknown"))
                }
            } else if status == .outdated {
                failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement.toolID): \(report.verdict.reason)"))
            }
        }
        let waivers = policy.waivers.sorted { $0.target < $1.target }
        return GateResult(failOn: policy.failOn, failures: failures, waivers: waivers)
    }

    /// One tool judged from the scan's facts, with the project's minimum version applied.
    public func toolReport(_ tool: Tool, scan: ScanResult) -> ToolReport {
        let observation = scan.observations[tool.id]
        let minVersion = policy.minVersions[tool.id] ?? tool.minVersion
        let verdict = ProbeJudgement.verdict(for: tool, observation: observation, minVersion: minVersion)
        let lookup = verdict.attempt?.lookup
        return ToolReport(tool: tool, verdict: verdict, command: lookup?.command ?? tool.probes.first?.command,
                          path: lookup?.resolved, shadowed: lookup?.shadowed ?? [], minVersion: minVersion)
    }

    func findings(_ scan: ScanResult, areas: [AreaReport]) -> [Finding] {
        var out: [Finding] = []
        for entry in scan.relativePathEntries {
            let shown = entry.isEmpty ? "an empty entry" : "\"\(entry)\""
            let message = scan.settings.allowRelativePath
                ? "PATH contains \(shown), which resolves against the current folder (\(scan.currentDirectory)); it was searched because of --allow-relative-path"
                : "PATH contains \(shown), which resolves against the current folder (\(scan.currentDirectory)); it was not searched (a checked-out repository could plant a tool there; use --allow-relative-path to search it)"
            out.append(Finding(kind: .relativePathEntry, path: entry, message: message))
        }
        var seen = Set<String>()
        for entry in scan.searchPath.split(separator: ":").map(String.init) where entry.hasPrefix("/") && seen.insert(entry).inserted {
            if let status = fileSystem.status(entry), status.kind == .directory, status.isWorldWritable, !status.isSticky {
                out.append(Finding(kind: .worldWritablePathDirectory, path: entry,
                                   message: "PATH folder \(entry) is world-writable without the sticky bit: any user can plant or replace a tool there"))
            }
        }
        var executables = Set<String>()
        for area in areas {
            for tool in area.tools {
                guard let path = tool.path, executables.insert(path).inserted else { continue }
                if let status = fileSystem.status(path), status.isWorldWritable {
                    out.append(Finding(kind: .worldWritableExecutable, path: path,
                                       message: "\(path) (\(tool.tool.id)) is world-writable: any user can replace what capaudit and you run"))
                }
            }
        }
        for survivor in scan.survivors {
            let what = survivor.wasRunning
                ? "was still running after the scan; capaudit killed it"
                : "had already exited; capaudit reaped it"
            out.append(Finding(kind: .daemonizedProbe, path: survivor.executable ?? survivor.arguments.first ?? survivor.name,
                               message: "a version probe left a background process that escaped its process group (with setsid or setpgid): pid \(survivor.pid), \(survivor.commandLine), \(what)"))
        }
        return out
    }
}

/// Facts about capaudit itself.
public enum CapAudit {
    public static let version = "0.1.0"
}
