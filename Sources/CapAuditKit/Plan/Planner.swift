import Foundation

/// A tool's best way onto this host.
public struct RecipeChoice: Sendable, Equatable {
    public var installer: Installer
    /// The package name, or the docs URL for `.docs`.
    public var package: String
    /// The catalog key the name comes from (`ubuntu` for apt on Ubuntu).
    public var method: InstallMethod
    /// The vendor repository (catalog id) the package comes from; nil for the distribution's own archive.
    public var repository: String?

    public init(installer: Installer, package: String, method: InstallMethod, repository: String? = nil) {
        self.installer = installer
        self.package = package
        self.method = method
        self.repository = repository
    }

    /// How much this recipe is preferred, lower first: the installer's preference, with a vendor
    /// repository after pipx and pip (they install for the user; a vendor repository adds a source
    /// that every later system upgrade trusts) and before npm.
    public var rank: Int {
        repository == nil ? 2 * installer.preference : 2 * Installer.venv.preference + 1
    }

    /// `apt-get`, or `apt-get from Grafana Labs' repository` (`names`: repository id → whose).
    public func label(names: [String: VendorRepository] = [:]) -> String {
        installer.label + (repository.map { " from \(Planner.possessive(names[$0]?.name ?? $0)) repository" } ?? "")
    }
}

/// Makes an `InstallPlan` from a report: one recommended tool per unmet capability, an upgrade for
/// every outdated tool, each with the best recipe for this host, grouped into the seed's phases.
public enum Planner {
    /// The plan for `report` on `host`.
    ///
    /// - Parameters:
    ///   - phase: `--phase N`: only that phase (1, 2 or 3).
    ///   - areas: `--area ID`: only these areas (empty: all areas of the report).
    ///   - date: when the plan is made; shown in its header (pass the clock's now from the CLI).
    public static func plan(
        report: Report, catalog: Catalog, host: HostEnvironment, phase: Int? = nil, areas: [String] = [],
        date: Date
    ) -> InstallPlan {
        var builder = Builder(report: report, catalog: catalog, host: host)
        let inScope = report.areas.filter { (areas.isEmpty || areas.contains($0.area.id)) && (phase == nil || $0.area.phase == phase) }
        let numbers = phase.map { [$0] } ?? [1, 2, 3]
        for number in numbers {
            builder.currentPhase = number
            for area in inScope where area.area.phase == number { builder.plan(area) }
        }
        var phases: [PlanPhase] = []
        for number in numbers {
            let phaseAreas = inScope.filter { $0.area.phase == number }
            guard !phaseAreas.isEmpty || number == 3 else { continue }
            var steps = builder.phaseSteps[number] ?? []
            if steps.contains(where: { [.install, .upgrade, .manual].contains($0.kind) }) {
                steps.append(verifyStep(phase: number, areas: phaseAreas.map(\.area.id)))
            }
            if number == 3 { steps += integrationSteps() }
            for i in steps.indices { steps[i].number = "\(number).\(i + 1)" }
            phases.append(
                PlanPhase(
                    number: number, title: title(phase: number), week: number,
                    areas: phaseAreas.map { PlanArea(id: $0.area.id, name: $0.area.name, priority: $0.area.priority, status: $0.status) },
                    steps: steps))
        }
        return InstallPlan(
            capauditVersion: report.capauditVersion, createdAt: date, host: host, phaseFilter: phase,
            areaFilter: areas, phases: phases)
    }

    static func title(phase: Int) -> String {
        switch phase {
        case 1: return "Critical"
        case 2: return "High priority"
        default: return "Medium priority and integration"
        }
    }

    static func gateLevel(phase: Int) -> String {
        switch phase {
        case 1: return "critical"
        case 2: return "high"
        default: return "medium"
        }
    }

    static func verifyStep(phase: Int, areas: [String]) -> PlanStep {
        let command = "capaudit scan " + areas.map { "--area \($0) " }.joined() + "--fail-on \(gateLevel(phase: phase))"
        return PlanStep(
            kind: .verify, title: "Check phase \(phase)",
            detail: "Open a new shell (so PATH changes apply) and re-scan; it exits 0 once every capability of these areas is met.",
            action: .text, commands: [command])
    }

    /// The seed's Phase 3 integration steps 9–12, adapted to what capaudit gives.
    static func integrationSteps() -> [PlanStep] {
        [
            PlanStep(
                kind: .integration, title: "Register the installed tools",
                detail: "Publish what is installed where your scripts, agents and dashboards read it: the JSON report lists each tool's path and version.",
                action: .text, commands: ["capaudit scan --format json --output capaudit.json"], seedStep: 9),
            PlanStep(
                kind: .integration, title: "Wrap common operations",
                detail:
                    "Give each everyday operation (dependency and image scans, load tests, migrations, cluster access) one script or make target that calls the tools above, so people and agents run them the same way.",
                action: .text, seedStep: 10),
            PlanStep(
                kind: .integration, title: "Gate CI on capaudit",
                detail: "Add the scan to CI so a runner without the critical tools fails early; raise it to --fail-on high once phase 2 is done.",
                action: .text, commands: ["capaudit scan --fail-on critical"], seedStep: 11),
            PlanStep(
                kind: .integration, title: "Write production guides",
                detail: "Start the guides from this plan: which tool does what, and how it installs on each host family.",
                action: .text, commands: ["capaudit plan --format markdown --output production-tools.md"], seedStep: 12),
        ]
    }

    /// The best recipe for `tool` on `host`, or nil when only the docs are left: the first rung of
    /// `Installer.recipeOrder` with an installer this host can run and a package name the catalog
    /// gives for it (`Installer.catalogMethods`). pipx, the venv module and npm count when the
    /// host has them or the plan can install them first from the system packages.
    public static func bestRecipe(for tool: Tool, on host: HostEnvironment) -> RecipeChoice? {
        guard isAvailable(tool, on: host) else { return nil }
        let families = host.families
        // A package from a vendor repository waits until after pipx and pip (see `RecipeChoice.rank`).
        var vendor: RecipeChoice?
        for rung in Installer.recipeOrder {
            if rung == .onHostOrBootstrapped(.npm), let vendor { return vendor }
            for installer in rung.installers(on: host) {
                for method in installer.catalogMethods(families: families) {
                    guard let name = tool.install.packages[method] else { continue }
                    if let repository = tool.install.repositories[method] {
                        if vendor == nil { vendor = RecipeChoice(installer: installer, package: name, method: method, repository: repository) }
                        continue
                    }
                    return RecipeChoice(installer: installer, package: name, method: method)
                }
            }
        }
        if let vendor { return vendor }
        return nil
    }

    /// The sentences of a catalog note that concern this host: a sentence naming another
    /// distribution ("Not packaged in Debian 12." on Fedora) is left out; nil when none is left.
    static func sentences(of note: String, for host: HostEnvironment) -> String? {
        let names: [(word: String, family: String)] = [
            ("Debian", "debian"), ("Ubuntu", "ubuntu"), ("Fedora", "fedora"), ("Alpine", "alpine"),
            ("Homebrew", "macos"), ("Arch", "arch"), ("zypper", "opensuse"), ("dnf", "fedora"),
        ]
        let families = Set(host.families).union(host.has(.brew) ? ["macos"] : [])
        // Debian's name is Debian's only: an Ubuntu host (ID_LIKE=debian) is not Debian 12.
        let own = families.contains("ubuntu") ? families.subtracting(["debian"]) : families
        // A sentence ends at ';' or at a '.' followed by a space or the end: the dots of a
        // version ("Alpine 3.20.0", "Debian 12 (2.9)") are not sentence ends.
        var kept: [String] = []
        var sentence = ""
        let chars = Array(note)
        for (i, ch) in chars.enumerated() {
            sentence.append(ch)
            if ch == ";" || (ch == "." && (i + 1 == chars.count || chars[i + 1].isWhitespace)) {
                kept.append(sentence)
                sentence = ""
            }
        }
        if !sentence.trimmingCharacters(in: .whitespaces).isEmpty { kept.append(sentence) }
        kept = kept.filter { s in
            let named = names.filter { s.contains($0.word) }
            return named.isEmpty || named.contains { own.contains($0.family) }
        }
        let text = kept.joined().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return text.hasSuffix(";") ? String(text.dropLast()) + "." : text
    }

    /// False when the tool names platforms and this host's is not one of them.
    public static func isAvailable(_ tool: Tool, on host: HostEnvironment) -> Bool {
        tool.platforms.isEmpty || tool.platforms.contains(host.platform.rawValue)
    }

    /// Where a person reads how to install it by hand.
    static func docsURL(_ tool: Tool) -> String { tool.install.docs ?? tool.homepage }

    /// What shows the tool is there after install: its first probe that proves it by path or
    /// version (`command -v`), else its first probe run as-is; nothing for an undetectable tool.
    /// When the catalog names the command a method's package installs (`install.commands`), that
    /// command is the check; if the probe of that command proves the tool only by exiting 0 (a plugin
    /// such as `docker compose`, which `docker-compose-plugin` installs without any `docker-compose`
    /// on PATH), the probe itself is run, since `command -v docker` would pass without the plugin.
    static func check(for tool: Tool, method: InstallMethod? = nil) -> StepCheck {
        if let method, let command = tool.install.commands[method] {
            let probes = tool.probes.filter { $0.command == command }
            if !probes.isEmpty, probes.allSatisfy({ $0.evidence == .exitZero }), let p = probes.first {
                return .succeeds(argv: [p.command] + p.args, env: p.env)
            }
            return .command(command)
        }
        let probes = tool.probes
        if let p = probes.first(where: { $0.evidence != .exitZero }) { return .command(p.command) }
        if let p = probes.first { return .succeeds(argv: [p.command] + p.args, env: p.env) }
        return .none
    }

    /// `Docker's`, `Grafana Labs'`.
    static func possessive(_ name: String) -> String { name.hasSuffix("s") ? name + "'" : name + "'s" }

    /// How `host`'s system package manager adds `repository`; nil when the catalog gives no entry for it.
    static func repositorySetup(_ repository: VendorRepository, host: HostEnvironment) -> RepositorySetup? {
        for manager in host.systemManagers where host.has(manager) {
            let installer = manager
            guard let method = manager.catalogMethods(families: host.families).first, let access = repository.access(for: method) else { continue }
            let fileName = repository.id
            if installer == .apt {
                let codename = host.info.codename.flatMap { RepositoryReader.isSafeWord($0) ? $0 : nil }
                return RepositorySetup(
                    id: repository.id, name: repository.name, manager: .apt, keyURL: access.key, fingerprints: access.fingerprints,
                    fingerprintSource: access.fingerprintSource, keyring: access.keyring ?? "/etc/apt/keyrings/\(fileName).gpg",
                    sourceFile: "/etc/apt/sources.list.d/\(fileName).list", sourceText: access.aptLine(codename: codename),
                    codenameAtRunTime: access.needsCodename && codename == nil, docs: repository.docs)
            }
            let keyFile = "/etc/pki/rpm-gpg/RPM-GPG-KEY-\(fileName)"
            let text = [
                "[\(fileName)]", "name=\(repository.name)", "baseurl=\(access.url)", "enabled=1", "gpgcheck=1", "gpgkey=file://\(keyFile)",
            ].joined(separator: "\n")
            return RepositorySetup(
                id: repository.id, name: repository.name, manager: installer, keyURL: access.key, fingerprints: access.fingerprints,
                fingerprintSource: access.fingerprintSource, keyring: keyFile, sourceFile: "/etc/yum.repos.d/\(fileName).repo", sourceText: text,
                docs: repository.docs)
        }
        return nil
    }

    /// The repository step as a person types it.
    static func repositoryCommands(_ r: RepositorySetup, isRoot: Bool) -> [String] {
        let sudo = isRoot ? "" : "sudo "
        let download = "/tmp/\(r.id).key"
        var out = ["curl -fsSL \(ShellQuote.word(r.keyURL)) -o \(download)"]
        if !r.fingerprints.isEmpty {
            out.append(
                "gpg --show-keys --with-colons \(download) (each primary key's fpr must be \(r.fingerprints.count == 1 ? r.fingerprints[0] : "one of " + r.fingerprints.joined(separator: ", ")))"
            )
        }
        if r.manager == .apt {
            out.append("gpg --dearmor < \(download) | \(sudo)tee \(r.keyring) > /dev/null")
            out.append("echo \(ShellQuote.single(r.sourceText)) | \(sudo)tee \(r.sourceFile) > /dev/null")
            out.append("\(sudo)apt-get update")
        } else {
            out.append("\(sudo)install -m 644 \(download) \(r.keyring) && \(sudo)rpm --import \(r.keyring)")
            out.append(
                "printf '%s\\n' \(r.sourceText.split(separator: "\n").map { ShellQuote.single(String($0)) }.joined(separator: " ")) | \(sudo)tee \(r.sourceFile) > /dev/null")
            out.append("\(sudo)\(r.manager.rawValue) makecache --repo \(r.id)")
        }
        return out
    }

    /// Accumulates the steps of one phase and remembers, across phases, what is already planned.
    struct Builder {
        let report: Report
        let catalog: Catalog
        let host: HostEnvironment
        let toolReports: [String: ToolReport]
        /// Steps by phase number, in the order they were planned (indices never change).
        var phaseSteps: [Int: [PlanStep]] = [:]
        /// Tool id → its step.
        var planned: [String: (phase: Int, index: Int)] = [:]
        var setupDone: Set<String> = []
        var currentPhase = 0

        init(report: Report, catalog: Catalog, host: HostEnvironment) {
            self.report = report
            self.catalog = catalog
            self.host = host
            var reports: [String: ToolReport] = [:]
            for area in report.areas { for t in area.tools where reports[t.tool.id] == nil { reports[t.tool.id] = t } }
            toolReports = reports
        }

        func tool(_ id: String) -> Tool? { toolReports[id]?.tool ?? catalog.tools[id] }

        /// See `ToolReport.needsUpgrade`.
        func needsUpgrade(_ id: String) -> Bool { toolReports[id]?.needsUpgrade ?? false }

        mutating func plan(_ area: AreaReport) {
            for capability in area.capabilities where !capability.met {
                let coverage = PlanCoverage(
                    areaID: area.area.id, areaName: area.area.name,
                    capabilityID: capability.capability.id, capabilityName: capability.capability.name)
                plan(capability, coverage: coverage)
            }
            // Every outdated tool gets an upgrade, even when another tool meets its capability.
            for t in area.tools where needsUpgrade(t.tool.id) && planned[t.tool.id] == nil {
                let covers = area.capabilities.filter { $0.capability.tools.contains(t.tool.id) }.map {
                    PlanCoverage(areaID: area.area.id, areaName: area.area.name, capabilityID: $0.capability.id, capabilityName: $0.capability.name)
                }
                add(upgradeStep(t.tool, covers: covers, reason: "\(t.tool.name) is installed but \(t.verdict.reason)"))
            }
        }

        mutating func plan(_ capability: CapabilityReport, coverage: PlanCoverage) {
            let c = capability.capability
            var extraNotes: [String] = []
            if let waiver = capability.waiver { extraNotes.append("This gap is waived (\(waiver.reason)); the step is here for when you want it closed.") }
            // 1. A tool of this capability that is installed but not good enough: upgrade it.
            let upgradable = c.tools.filter { needsUpgrade($0) }
            if let id = (c.preferred.flatMap { upgradable.contains($0) ? $0 : nil }) ?? upgradable.first, let t = tool(id) {
                if cover(id, with: coverage) { return }
                let r = toolReports[id]!
                let remedy = r.versionProblem.map { $0 != .tooOld } == true ? "a version within \(r.versionConstraint!) meets the capability" : "upgrading it meets the capability"
                var step = upgradeStep(
                    t, covers: [coverage],
                    reason: "\(t.name) is already installed but \(r.verdict.reason); \(remedy)")
                step.notes += extraNotes
                add(step)
                return
            }
            // 2. A tool of this capability the plan already installs for another capability, when its
            //    recipe is as good as the best one here (`Installer.recipeOrder`); a
            //    by-hand step only when no tool of this capability installs here.
            // A plan never picks a tool capaudit cannot detect: its check could never pass.
            let host = self.host
            let all = c.tools.compactMap { tool($0) }
            let candidates = all.filter(\.detectable)
            let preference = { (t: Tool) -> Int in Planner.bestRecipe(for: t, on: host)?.rank ?? Int.max }
            let best = candidates.map(preference).min() ?? Int.max
            if let id = c.tools.first(where: { id in
                guard let at = planned[id] else { return false }
                return best == Int.max || (isRunnable(at) && tool(id).map(preference) ?? Int.max <= best)
            }), cover(id, with: coverage) {
                return
            }
            // 3. The tool with the best recipe here (system package manager first), the catalog's
            //    preferred one among equals, catalog order on ties; else the docs of the preferred (or
            //    first) tool.
            guard !candidates.isEmpty else { return }
            let installable = candidates.enumerated().filter { preference($0.element) != Int.max }
                .sorted { (preference($0.element), $0.element.id == c.preferred ? 0 : 1, $0.offset) < (preference($1.element), $1.element.id == c.preferred ? 0 : 1, $1.offset) }
                .map(\.element)
            let chosen: Tool
            var reason: String
            if let t = installable.first {
                chosen = t
                if t.id == c.preferred {
                    reason = "the catalog's preferred tool for \(c.name)"
                } else if let p = c.preferred, let pt = tool(p), preference(pt) != Int.max {
                    reason =
                        "\(t.name) installs from \(Planner.bestRecipe(for: t, on: host)!.label(names: catalog.repositories)), before the preferred \(pt.name) from \(Planner.bestRecipe(for: pt, on: host)!.label(names: catalog.repositories))"
                } else if let p = c.preferred, let pt = tool(p) {
                    reason = "the preferred \(pt.name) has no recipe for the package managers of this host; \(t.name) has"
                } else {
                    reason = candidates.count > 1 ? "the tool of \(c.name) with the best recipe for this host" : "the only tool for \(c.name)"
                }
            } else if let t = c.preferred.flatMap({ p in candidates.first { $0.id == p } }) ?? candidates.first(where: { !$0.probes.isEmpty }) ?? candidates.first {
                chosen = t
                let managers = host.managers.keys.sorted().map(\.managerName)
                reason =
                    "no package manager on this host (\(managers.isEmpty ? "none found" : managers.joined(separator: ", "))) has a recipe for "
                    + (candidates.count > 1 ? "any tool of \(c.name)" : t.name) + "; install it by hand"
            } else {
                return
            }
            var step = installStep(chosen, covers: [coverage], reason: reason)
            step.alternatives = all.filter { $0.id != chosen.id }.map(alternative)
            step.notes += extraNotes
            add(step)
        }

        /// True when the planned step runs unattended (install or upgrade), not by hand.
        func isRunnable(_ at: (phase: Int, index: Int)) -> Bool {
            guard let step = phaseSteps[at.phase]?[at.index] else { return false }
            return step.kind == .install || step.kind == .upgrade
        }

        /// Adds `coverage` to the tool's existing step; true when the tool was already planned.
        mutating func cover(_ id: String, with coverage: PlanCoverage) -> Bool {
            guard let at = planned[id] else { return false }
            if phaseSteps[at.phase]?[at.index].covers.contains(coverage) == false {
                phaseSteps[at.phase]?[at.index].covers.append(coverage)
            }
            return true
        }

        func alternative(_ t: Tool) -> PlanAlternative {
            if let choice = Planner.bestRecipe(for: t, on: host) {
                let commands = InstallCommands.commands(choice.installer, package: choice.package, upgrade: false, host: host)
                let prefix = choice.repository.map { id in "after adding \(Planner.possessive(catalog.repositories[id]?.name ?? id)) repository: " } ?? ""
                return PlanAlternative(
                    toolID: t.id, toolName: t.name, installer: choice.installer,
                    command: prefix + commands.map { $0.display(isRoot: host.isRoot) }.joined(separator: " && "), docs: t.install.docs)
            }
            return PlanAlternative(toolID: t.id, toolName: t.name, installer: .docs, command: nil, docs: Planner.docsURL(t))
        }

        func toolNotes(_ t: Tool) -> [String] {
            var notes: [String] = []
            if case .undetectable(let why) = t.detection {
                notes.append("capaudit cannot verify \(t.name) after install: \(why).")
            }
            if !Planner.isAvailable(t, on: host) {
                notes.append("\(t.name) is made for \(t.platforms.joined(separator: ", ")) only, not \(host.platform.rawValue).")
            }
            if let r = toolReports[t.id], [.timeout, .error].contains(r.verdict.status) {
                notes.append("Found at \(r.path ?? "?") but \(r.verdict.reason); if that copy works, this step is not needed (a script skips it while the command is on PATH).")
            }
            if let note = t.install.note, let kept = Planner.sentences(of: note, for: host) { notes.append(kept) }
            return notes
        }

        func installStep(_ t: Tool, covers: [PlanCoverage], reason: String) -> PlanStep {
            guard let choice = Planner.bestRecipe(for: t, on: host) else {
                let url = Planner.docsURL(t)
                return PlanStep(
                    kind: .manual, title: "Install \(t.name) by hand", toolID: t.id, toolName: t.name, covers: covers,
                    action: .manual(url: url), check: Planner.check(for: t), reason: reason, notes: toolNotes(t))
            }
            let commands = InstallCommands.commands(choice.installer, package: choice.package, upgrade: false, host: host)
            var notes = toolNotes(t)
            if choice.installer == .venv {
                notes.insert(
                    "Installed into capaudit's Python virtual environment ($HOME/\(InstallPlan.venvPath)): "
                        + (host.pythonExternallyManaged
                            ? "the system Python is externally managed (PEP 668) and no pipx package is known for this system." : "pip is not on PATH."),
                    at: 0)
            }
            var step = PlanStep(
                kind: .install, title: "Install \(t.name)", toolID: t.id, toolName: t.name, covers: covers,
                action: .install(choice.installer, package: choice.package), shellCommands: commands,
                commands: commands.map { $0.display(isRoot: host.isRoot) }, check: Planner.check(for: t, method: choice.method),
                reason: reason + " (\(choice.label(names: catalog.repositories)))", notes: notes)
            decorate(&step, tool: t, choice: choice)
            return step
        }

        /// The name's source, and the services a system package would start.
        func decorate(_ step: inout PlanStep, tool t: Tool, choice: RecipeChoice) {
            step.packageSource = t.install.source(of: choice.method)
            if let id = choice.repository, let repository = catalog.repositories[id] {
                step.repository = id
                step.packageSource = step.packageSource ?? "\(Planner.possessive(repository.name)) repository (\(repository.docs))"
            }
            if choice.installer.needsRoot && !t.install.services.isEmpty {
                step.services = t.install.services
                let names = t.install.services.joined(separator: ", ")
                step.notes.append(
                    "\(choice.package) also installs the \(names) service\(t.install.services.count == 1 ? "" : "s"), which this plan does not need: "
                        + "the script keeps \(t.install.services.count == 1 ? "it" : "them") from starting and leaves \(t.install.services.count == 1 ? "it" : "them") stopped and disabled."
                )
            }
        }

        func upgradeStep(_ t: Tool, covers: [PlanCoverage], reason: String) -> PlanStep {
            let r = toolReports[t.id]
            var notes: [String] = []
            if let path = r?.path {
                notes.append("The installed copy is \(path). Re-scan after the upgrade: if that copy still comes first on PATH, remove it or put the new one first.")
            }
            // Too new (or an excluded version): package managers only go forward, so an upgrade cannot
            // help; the user pins a version within the constraint by hand.
            if let r, let problem = r.versionProblem, problem != .tooOld, let constraint = r.versionConstraint {
                return PlanStep(
                    kind: .manual, title: "Install \(t.name) \(constraint) by hand", toolID: t.id, toolName: t.name, covers: covers,
                    action: .manual(url: Planner.docsURL(t)), check: StepCheck.none,
                    reason: reason + "; package managers install the newest version, so pin one within \(constraint)",
                    notes: notes + toolNotes(t))
            }
            guard let choice = Planner.bestRecipe(for: t, on: host) else {
                return PlanStep(
                    kind: .manual, title: "Upgrade \(t.name) by hand", toolID: t.id, toolName: t.name, covers: covers,
                    action: .manual(url: Planner.docsURL(t)), check: StepCheck.none, reason: reason, notes: notes + toolNotes(t))
            }
            let commands = InstallCommands.commands(choice.installer, package: choice.package, upgrade: true, host: host)
            var step = PlanStep(
                kind: .upgrade, title: "Upgrade \(t.name)", toolID: t.id, toolName: t.name, covers: covers,
                action: .upgrade(choice.installer, package: choice.package), shellCommands: commands,
                commands: commands.map { $0.display(isRoot: host.isRoot) }, check: StepCheck.none,
                reason: reason + " (\(choice.label(names: catalog.repositories)))", notes: notes + toolNotes(t))
            decorate(&step, tool: t, choice: choice)
            return step
        }

        /// Appends a step, first adding the setup it needs (the manager, venv, PATH) when not done yet.
        mutating func add(_ step: PlanStep) {
            var step = step
            if let installer = step.installer {
                switch installer {
                case .venv:
                    addVenvSetup()
                    step.requires.append(InstallPlan.venvSetupKey)
                case .pipx, .npm:
                    if let key = addManagerSetup(installer) { step.requires.append(key) }
                default: break
                }
                if installer.usesUserBin { addPathSetup(InstallPlan.userBinPath, why: "pipx, pip --user, npm, go and cargo installs put commands there") }
            }
            if let id = step.repository, let key = addRepositorySetup(id) { step.requires.append(key) }
            if let id = step.toolID { planned[id] = (currentPhase, phaseSteps[currentPhase, default: []].count) }
            phaseSteps[currentPhase, default: []].append(step)
        }

        /// Adds the vendor repository `id` (once per plan); the key the steps that need it require.
        mutating func addRepositorySetup(_ id: String) -> String? {
            guard let repository = catalog.repositories[id], let setup = Planner.repositorySetup(repository, host: host) else { return nil }
            guard setupDone.insert(setup.key).inserted else { return setup.key }
            let detail =
                "Key \(setup.keyURL), "
                + (setup.fingerprints.isEmpty
                    ? "trusted as first downloaded: \(repository.name) publishes no fingerprint for it."
                    : "fingerprint \(setup.fingerprints.joined(separator: " or ")), as published at \(setup.fingerprintSource ?? repository.docs).")
                + " Setup documented at \(repository.docs)."
            var step = PlanStep(
                kind: .repository, title: "Add \(Planner.possessive(repository.name)) \(setup.manager == .apt ? "apt" : setup.manager.rawValue) repository", detail: detail,
                action: .addRepository(setup), commands: Planner.repositoryCommands(setup, isRoot: host.isRoot),
                reason: "the packages below come from it: the distribution's archive does not have them")
            if let note = repository.note { step.notes.append(note) }
            step.provides = setup.key
            phaseSteps[currentPhase, default: []].append(step)
            return setup.key
        }

        /// Installs a missing pipx or npm from the system packages; the key later steps require.
        mutating func addManagerSetup(_ manager: Installer) -> String? {
            guard let (installer, package) = host.bootstrap(manager) else { return nil }
            let key = "manager:" + manager.rawValue
            guard setupDone.insert(key).inserted else { return key }
            let commands = InstallCommands.commands(installer, package: package, upgrade: false, host: host)
            var step = PlanStep(
                kind: .setup, title: "Install \(manager.rawValue)", action: .install(installer, package: package),
                shellCommands: commands, commands: commands.map { $0.display(isRoot: host.isRoot) },
                check: .command(manager.commands[0]),
                reason: "the tools below install with \(manager.rawValue), which this host does not have yet; \(package) is its system package (\(installer.label))")
            step.provides = key
            phaseSteps[currentPhase, default: []].append(step)
            return key
        }

        mutating func addVenvSetup() {
            guard setupDone.insert(InstallPlan.venvSetupKey).inserted else { return }
            var requires: [String] = []
            if let (installer, package) = host.bootstrap(.venv) ?? (host.has(.apt) ? (Installer.apt, "python3-venv ca-certificates") : nil) {
                let commands = InstallCommands.commands(installer, package: package, upgrade: false, host: host)
                var step = PlanStep(
                    kind: .setup, title: "Install \(package.split(separator: " ").first.map(String.init) ?? package)", action: .install(installer, package: package),
                    shellCommands: commands, commands: commands.map { $0.display(isRoot: host.isRoot) },
                    check: .succeeds(argv: ["python3", "-c", "import ensurepip, venv"], env: [:]),
                    reason: "python3 -m venv needs it (\(installer.label))")
                step.provides = "package:" + package
                requires.append("package:" + package)
                phaseSteps[currentPhase, default: []].append(step)
            }
            let reason =
                host.pythonExternallyManaged
                ? "the system Python is externally managed (PEP 668\(host.externallyManagedMarker.map { ": \($0)" } ?? "")) and no pipx package is known here, so Python tools go into a virtual environment of their own; pip never touches the system Python"
                : "pip is not on PATH, so Python tools go into a virtual environment of their own"
            var venv = PlanStep(
                kind: .setup, title: "Create a Python virtual environment for Python tools",
                action: .createVenv(path: InstallPlan.venvPath),
                commands: ["python3 -m venv \"$HOME/\(InstallPlan.venvPath)\""], reason: reason)
            venv.provides = InstallPlan.venvSetupKey
            venv.requires = requires
            phaseSteps[currentPhase, default: []].append(venv)
            addPathSetup(InstallPlan.venvPath + "/bin", why: "the tools installed into the virtual environment are there")
        }

        mutating func addPathSetup(_ path: String, why: String) {
            guard setupDone.insert("path:" + path).inserted else { return }
            phaseSteps[currentPhase, default: []].append(
                PlanStep(
                    kind: .setup, title: "Put $HOME/\(path) on PATH", action: .addToPath(path: path),
                    commands: [InstallPlan.profileLineCommand(path)],
                    reason: why + "; the line in ~/.profile makes new login shells find them"))
        }
    }
}

extension Tool {
    /// False for a tool capaudit cannot detect on any host (no probes).
    public var detectable: Bool { !probes.isEmpty }
}
