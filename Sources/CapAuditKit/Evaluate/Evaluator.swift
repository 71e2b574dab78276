import Foundation

/// Turns the facts of a scan into judgements: tool statuses, capabilities met, area status,
/// and findings about the PATH itself.
public struct Evaluator: Sendable {
    public var catalog: Catalog
    public var capauditVersion: String
    public var fileSystem: any FileSystemView
    public var policy: GatePolicy

    public init(
        catalog: Catalog, capauditVersion: String = CapAudit.version, fileSystem: any FileSystemView = LocalFileSystem(),
        policy: GatePolicy = .none
    ) {
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
            let metBy = area.capabilities.map { capability in capability.tools.filter { byID[$0]?.meetsCapability == true } }
            let group = anyGate(area)
            let groupUnmet = group.map { g in !zip(area.capabilities, metBy).contains { g.capabilities.contains($0.0.id) && !$0.1.isEmpty } } ?? false
            let capabilities = zip(area.capabilities, metBy).map { capability, metBy in
                let waiver =
                    policy.activeWaiver(for: "\(area.id)/\(capability.id)") ?? policy.activeWaiver(for: area.id)
                    ?? toolWaiver(capability)
                var gating = waiver == nil && gates(area: area, capability: capability)
                if let group, group.capabilities.contains(capability.id) {
                    // Counted against the gate only while no capability of its group is met.
                    gating = policy.activeWaiver(for: area.id) == nil && groupUnmet && policy.failOn.map { group.level <= $0 } == true
                }
                return CapabilityReport(capability: capability, met: !metBy.isEmpty, metBy: metBy, gating: gating, waiver: waiver)
            }
            let met = capabilities.filter(\.met).count
            let status: AreaStatus = met == capabilities.count ? .covered : (met == 0 ? .missing : .partial)
            areas.append(AreaReport(area: area, status: status, capabilities: capabilities, tools: tools))
        }
        areas.sort { ($0.area.priority, $0.area.rank, $0.area.id) < ($1.area.priority, $1.area.rank, $1.area.id) }
        return Report(
            capauditVersion: capauditVersion, host: scan.host, startedAt: scan.startedAt, durationMs: scan.durationMs,
            settings: scan.settings, areas: areas, findings: findings(scan, areas: areas), gate: gate(areas, scan: scan),
            catalog: catalog.identity)
    }

    /// A capability all of whose tools are waived is waived (the first tool's waiver stands for it).
    func toolWaiver(_ capability: Capability) -> Waiver? {
        let waivers = capability.tools.map { policy.activeWaiver(for: $0) }
        guard !waivers.isEmpty, waivers.allSatisfy({ $0 != nil }) else { return nil }
        return waivers[0]
    }

    /// The priority at which a capability gates, from the first of: the project's capability, then area
    /// setting; the profile's capability, then area entry (a `never` does not hold for an area named with
    /// `--area`); an area named with `--area` at its priority, whatever its kind; a gap or project area at
    /// its priority. Foundation and extended areas gate nowhere else. Capabilities of a profile's
    /// `need: any` area gate as a group (`anyGate`), not here.
    func gatePriority(area: Area, capability: Capability) -> Priority? {
        if let p = policy.capabilityGates["\(area.id)/\(capability.id)"] ?? policy.areaGates[area.id] { return p }
        let selected = policy.selectedAreas.contains(area.id)
        if let profile = policy.profile {
            let areaEntry = profile.areaGate(area.id).flatMap { $0.need == .each || $0.level == .never ? $0 : nil }
            if let entry = profile.capabilityGate(area: area.id, capability: capability.id) ?? areaEntry {
                switch entry.level {
                case .gate(let p): return p
                case .never: return selected ? area.priority : nil
                }
            }
            if anyGate(area)?.capabilities.contains(capability.id) == true { return nil }
        }
        if selected { return area.priority }
        switch area.kind {
        case .gap, .project: return area.priority
        case .foundation, .extended: return nil
        }
    }

    /// A profile's `need: any` entry for an area ("at least one of its capabilities") and the capabilities
    /// it groups: those with no level of their own from the project or the profile.
    func anyGate(_ area: Area) -> (level: Priority, gate: ProfileGate, capabilities: [String])? {
        guard let profile = policy.profile, policy.areaGates[area.id] == nil,
            let entry = profile.areaGate(area.id), entry.need == .any, case .gate(let level) = entry.level
        else { return nil }
        let ids = area.capabilities.map(\.id).filter {
            policy.capabilityGates["\(area.id)/\($0)"] == nil && profile.capabilityGate(area: area.id, capability: $0) == nil
        }
        return ids.isEmpty ? nil : (level, entry, ids)
    }

    func gates(area: Area, capability: Capability) -> Bool {
        guard let failOn = policy.failOn, let priority = gatePriority(area: area, capability: capability) else { return false }
        return priority <= failOn
    }

    func gate(_ areas: [AreaReport], scan: ScanResult) -> GateResult {
        var failures: [GateFailure] = []
        for area in areas {
            let group = anyGate(area.area)
            if let group, area.capabilities.contains(where: { group.capabilities.contains($0.capability.id) && $0.gating }) {
                let members = area.capabilities.filter { group.capabilities.contains($0.capability.id) }
                var tools: [String] = []
                for member in members { for t in member.capability.tools where !tools.contains(t) { tools.append(t) } }
                let profile = policy.profile?.id ?? RoleProfile.allID
                failures.append(
                    GateFailure(
                        areaID: area.area.id,
                        message:
                            "\(area.area.id) (\(area.area.name)): none of its capabilities is met (\(members.map(\.capability.id).joined(separator: ", "))); the \(profile) profile needs at least one, from any of \(tools.joined(separator: ", "))"
                    ))
            }
            for capability in area.capabilities where !capability.met && capability.gating && group?.capabilities.contains(capability.capability.id) != true {
                let options = capability.capability.tools.joined(separator: ", ")
                failures.append(
                    GateFailure(
                        areaID: area.area.id, capabilityID: capability.capability.id,
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
            } else if let constraint = requirement.versionConstraint ?? report.versionConstraint {
                if let version = report.verdict.version {
                    // Both must hold: the requirement's own constraint and the tool's (catalog or minVersions).
                    for c in [requirement.versionConstraint, report.versionConstraint].compactMap({ $0 }) {
                        if let (problem, _) = c.problem(with: version) {
                            failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement.toolID)\(c.compact): found \(version), \(problem.words)"))
                            break
                        }
                    }
                } else {
                    failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement.toolID)\(constraint.compact): its version is unknown"))
                }
            } else if status == .outdated {
                failures.append(GateFailure(toolID: requirement.toolID, message: "required tool \(requirement.toolID): \(report.verdict.reason)"))
            }
        }
        let waivers = policy.waivers.sorted { $0.target < $1.target }
        var result = GateResult(failOn: policy.failOn, failures: failures, waivers: waivers)
        result.profile = policy.profile?.id ?? RoleProfile.allID
        return result
    }

    /// One tool judged from the scan's facts, with the project's minimum version applied.
    public func toolReport(_ tool: Tool, scan: ScanResult) -> ToolReport {
        let observation = scan.observations[tool.id]
        let constraint = policy.versionConstraints[tool.id] ?? tool.versionConstraint
        let verdict = ProbeJudgement.verdict(for: tool, observation: observation, constraint: constraint)
        let lookup = verdict.attempt?.lookup
        return ToolReport(
            tool: tool, verdict: verdict, command: lookup?.command ?? tool.probes.first?.command,
            path: lookup?.resolved, shadowed: lookup?.shadowed ?? [], versionConstraint: constraint)
    }

    func findings(_ scan: ScanResult, areas: [AreaReport]) -> [Finding] {
        var out: [Finding] = []
        for entry in scan.relativePathEntries {
            let shown = entry.isEmpty ? "an empty entry" : "\"\(entry)\""
            let message =
                scan.settings.allowRelativePath
                ? "PATH contains \(shown), which resolves against the current folder (\(scan.currentDirectory)); it was searched because of --allow-relative-path"
                : "PATH contains \(shown), which resolves against the current folder (\(scan.currentDirectory)); it was not searched (a checked-out repository could plant a tool there; use --allow-relative-path to search it)"
            out.append(Finding(kind: .relativePathEntry, path: entry, message: message))
        }
        var seen = Set<String>()
        for entry in scan.searchPath.split(separator: ":").map(String.init) where entry.hasPrefix("/") && seen.insert(entry).inserted {
            if let status = fileSystem.status(entry), status.kind == .directory, status.isWorldWritable, !status.isSticky {
                out.append(
                    Finding(
                        kind: .worldWritablePathDirectory, path: entry,
                        message: "PATH folder \(entry) is world-writable without the sticky bit: any user can plant or replace a tool there"))
            }
        }
        var executables = Set<String>()
        for area in areas {
            for tool in area.tools {
                guard let path = tool.path, executables.insert(path).inserted else { continue }
                if let status = fileSystem.status(path), status.isWorldWritable {
                    out.append(
                        Finding(
                            kind: .worldWritableExecutable, path: path,
                            message: "\(path) (\(tool.tool.id)) is world-writable: any user can replace what capaudit and you run"))
                }
            }
        }
        out += MetadataJudgement.findings(areas.flatMap(\.tools))
        if let rooted = fileSystem as? RootedFileSystem {
            out += MetadataJudgement.rootEscapes(scan, view: rooted)
        }
        for survivor in scan.survivors {
            let what =
                survivor.wasRunning
                ? "was still running after the scan; capaudit killed it"
                : "had already exited; capaudit reaped it"
            out.append(
                Finding(
                    kind: .daemonizedProbe, path: survivor.executable ?? survivor.arguments.first ?? survivor.name,
                    message:
                        "a version probe left a background process that escaped its process group (with setsid or setpgid): pid \(survivor.pid), \(survivor.commandLine), \(what)"))
        }
        return out
    }
}
