@testable import CapAuditKit
import Foundation
import Testing

@Suite struct PlannerRuleTests {
    struct Expected: Sendable, CustomStringConvertible {
        var host: String
        var tool: String
        var installer: Installer
        var command: String?
        var description: String { "\(host): \(tool) via \(installer.rawValue)" }
    }

    static func host(_ name: String) throws -> HostEnvironment {
        switch name {
        case "debian": return try PlanHosts.debian()
        case "ubuntu": return try PlanHosts.ubuntu()
        case "fedora": return try PlanHosts.fedora()
        case "fedora-yum": return try PlanHosts.detect("fedora-40", managers: ["yum"])
        case "alpine": return try PlanHosts.alpine()
        case "macos": return try PlanHosts.macOS()
        case "pip-only": return try PlanHosts.detect("debian-12", managers: ["pip3", "python3"])
        default: fatalError(name)
        }
    }

    @Test(
        "each host gets the recipe of its own package manager",
        arguments: [
            Expected(host: "debian", tool: "compose", installer: .apt, command: "sudo apt-get install -y docker-compose"),
            Expected(host: "debian", tool: "wrk", installer: .apt, command: "sudo apt-get install -y wrk"),
            Expected(host: "debian", tool: "locust", installer: .pipx, command: "pipx install locust"),
            Expected(host: "debian", tool: "vault", installer: .docs, command: nil),
            // Debian's name is not Ubuntu's: without an `ubuntu` name the step is by hand.
            Expected(host: "ubuntu", tool: "compose", installer: .docs, command: nil),
            Expected(host: "ubuntu", tool: "locust", installer: .pipx, command: "pipx install locust"),
            Expected(host: "fedora", tool: "compose", installer: .dnf, command: "sudo dnf install -y docker-compose"),
            Expected(host: "fedora", tool: "ab", installer: .dnf, command: "sudo dnf install -y httpd-tools"),
            Expected(host: "fedora", tool: "locust", installer: .pip, command: "pip3 install --user locust"),
            Expected(host: "fedora-yum", tool: "ab", installer: .yum, command: "sudo yum install -y httpd-tools"),
            Expected(host: "alpine", tool: "compose", installer: .apk, command: "apk add docker-cli-compose"),
            Expected(host: "alpine", tool: "ab", installer: .apk, command: "apk add apache2-utils"),
            Expected(host: "alpine", tool: "locust", installer: .pipx, command: "pipx install locust"),
            Expected(host: "macos", tool: "wrk", installer: .brew, command: "brew install wrk"),
            Expected(host: "macos", tool: "vault", installer: .brew, command: "brew install hashicorp/tap/vault"),
            Expected(host: "macos", tool: "locust", installer: .pip, command: "pip3 install --user locust"),
            Expected(host: "pip-only", tool: "locust", installer: .pip, command: "pip3 install --user locust"),
            Expected(host: "pip-only", tool: "compose", installer: .docs, command: nil),
            Expected(host: "pip-only", tool: "wrk", installer: .docs, command: nil),
        ])
    func recipeChoice(_ e: Expected) throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try Self.host(e.host))
        let step = try #require(SamplePlans.step(plan, tool: e.tool), "no step for \(e.tool)")
        #expect(step.installer == e.installer)
        #expect(step.commands.first == e.command)
        if e.installer == .docs {
            #expect(step.kind == .manual)
            #expect(step.docs?.hasPrefix("https://") == true)
        }
    }

    @Test("PEP 668 without pipx: pipx is installed first from the system packages, put on PATH, and used; never --break-system-packages")
    func pipxBootstrap() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        let phase2 = try #require(plan.phases.first { $0.number == 2 })
        #expect(phase2.steps.map(\.title) == ["Install wrk", "Install pipx", "Put $HOME/.local/bin on PATH", "Install Locust", "Check phase 2"])
        let pipx = phase2.steps[1]
        #expect(pipx.commands == ["sudo apt-get install -y pipx ca-certificates"])
        #expect(pipx.check == .command("pipx"))
        #expect(pipx.provides == "manager:pipx")
        #expect(phase2.steps[3].requires == ["manager:pipx"])
        for format in PlanRenderer.Format.allCases {
            #expect(!PlanRenderer.render(plan, format: format).contains("break-system-packages"), "\(format)")
        }
    }

    @Test("PEP 668 and no system package for pipx: a virtual environment is created, put on PATH, and used")
    func venvFallback() throws {
        let host = try PlanHosts.detect("debian-12", managers: ["python3"], externallyManaged: true)
        let plan = SamplePlans.plan(SampleReports.empty, host: host)
        let titles = plan.steps.map(\.title)
        #expect(!titles.contains("Install python3-venv"))
        #expect(!titles.contains("Install pipx"))
        let create = try #require(plan.steps.first { $0.title == "Create a Python virtual environment for Python tools" })
        #expect(create.commands == ["python3 -m venv \"$HOME/.local/share/capaudit/venv\""])
        #expect(create.reason?.contains("PEP 668") == true)
        #expect(SamplePlans.step(plan, tool: "locust")?.installer == .venv)
        #expect(SamplePlans.step(plan, tool: "locust")?.requires == [InstallPlan.venvSetupKey])
    }

    @Test("pipx wins over the venv on an externally managed host, and its bin folder goes on PATH")
    func pipxOverVenv() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.ubuntu())
        #expect(!plan.steps.contains { $0.action == .createVenv(path: InstallPlan.venvPath) })
        #expect(plan.steps.contains { $0.action == .addToPath(path: ".local/bin") })
    }

    @Test("--manager overrides what is on PATH")
    func managerOverride() throws {
        let host = try PlanHosts.detect("debian-12", managers: ["apt-get", "python3"], externallyManaged: true, override: ["pipx"])
        let plan = SamplePlans.plan(SampleReports.empty, host: host)
        #expect(SamplePlans.step(plan, tool: "locust")?.installer == .pipx)
        #expect(SamplePlans.step(plan, tool: "compose")?.installer == .docs)
        #expect(!plan.installersUsed.contains(.apt))
    }

    @Test("root needs no sudo in the commands shown")
    func rootCommands() throws {
        let host = try PlanHosts.detect("debian-12", managers: ["apt-get"], root: true)
        let plan = SamplePlans.plan(SampleReports.empty, host: host)
        #expect(SamplePlans.step(plan, tool: "wrk")?.commands == ["apt-get install -y wrk"])
    }

    @Test("phases 1..3 from area.phase, in order, numbered, each ending with its check; phase 3 ends with seed steps 9-12")
    func phases() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        #expect(plan.phases.map(\.number) == [1, 2, 3])
        #expect(plan.phases[0].areas.map(\.id) == ["secrets"])
        #expect(plan.phases[1].areas.map(\.id) == ["load-testing"])
        #expect(plan.phases[2].areas.isEmpty)
        for phase in plan.phases {
            #expect(phase.steps.map(\.number) == phase.steps.indices.map { "\(phase.number).\($0 + 1)" })
        }
        #expect(plan.phases[0].steps.map(\.toolID) == ["vault", "compose", nil])
        #expect(plan.phases[0].steps.last?.kind == .verify)
        #expect(plan.phases[0].steps.last?.commands == ["capaudit scan --area secrets --fail-on critical"])
        #expect(plan.phases[1].steps.last?.commands == ["capaudit scan --area load-testing --fail-on high"])
        let integration = plan.phases[2].steps
        #expect(integration.map(\.seedStep) == [9, 10, 11, 12])
        #expect(integration.allSatisfy { $0.kind == .integration && $0.action == .text })
        #expect(integration[2].title == "Gate CI on capaudit")
        #expect(integration[2].commands == ["capaudit scan --fail-on critical"])
    }

    @Test("--phase and --area narrow the plan")
    func filters() throws {
        let host = try PlanHosts.debian()
        let p2 = SamplePlans.plan(SampleReports.empty, host: host, phase: 2)
        #expect(p2.phases.map(\.number) == [2])
        #expect(p2.phaseFilter == 2)
        #expect(p2.steps.compactMap(\.toolID) == ["wrk", "locust"])
        let p3 = SamplePlans.plan(SampleReports.empty, host: host, phase: 3)
        #expect(p3.phases.map(\.number) == [3])
        #expect(p3.workCount == 0)
        let secrets = SamplePlans.plan(SampleReports.empty, host: host, areas: ["secrets"])
        #expect(secrets.phases.map(\.number) == [1, 3])
        #expect(secrets.steps.compactMap(\.toolID) == ["vault", "compose"])
    }

    @Test("a covered host gets no installs, only the checks and the integration steps")
    func fullHost() throws {
        let plan = SamplePlans.plan(SampleReports.full, host: try PlanHosts.debian())
        // docker-compose 1.29.2 has no minimum in the mini catalog, so nothing is outdated.
        #expect(plan.workCount == 0)
        #expect(plan.phases.map(\.number) == [1, 2, 3])
        #expect(PlanRenderer.markdown(plan).contains("Nothing to install: every capability of this phase is met."))
    }

    @Test("an outdated tool gets an upgrade step instead of installing another tool")
    func upgradeOutdated() throws {
        let plan = SamplePlans.plan(SampleReports.mixed, host: try PlanHosts.debian())
        let step = try #require(SamplePlans.step(plan, tool: "locust"))
        #expect(step.kind == .upgrade)
        #expect(step.action == .upgrade(.pipx, package: "locust"))
        #expect(step.commands == ["pipx install --force locust"])
        #expect(step.covers.map(\.capabilityID) == ["scripted-load"])
        #expect(step.reason?.contains("version 1.4.3 is below the minimum 2.0") == true)
        #expect(step.notes.contains { $0.contains("The installed copy is /usr/bin/locust") })
        // wrk is present, so http-benchmark needs nothing; compose is met through the docker plugin.
        #expect(SamplePlans.step(plan, tool: "wrk") == nil)
        #expect(SamplePlans.step(plan, tool: "compose") == nil)
        // vault timed out: still the tool to get, by hand, and the note says what was found.
        let vault = try #require(SamplePlans.step(plan, tool: "vault"))
        #expect(vault.kind == .manual)
        #expect(vault.notes.contains { $0.contains("Found at /usr/bin/vault") })
    }

    // MARK: - Rules on small catalogs

    static func catalog(_ areas: [Area], _ tools: [Tool]) -> Catalog {
        Catalog(areas: areas, tools: Dictionary(uniqueKeysWithValues: tools.map { ($0.id, $0) }))
    }

    static func area(_ id: String, phase: Int, rank: Int, _ capabilities: [Capability]) -> Area {
        let priority: Priority = phase == 1 ? .critical : (phase == 2 ? .high : .medium)
        return Area(id: id, name: id.capitalized, priority: priority, rank: rank, phase: phase, why: "", impact: "", useCases: [], capabilities: capabilities)
    }

    @Test("when the preferred tool has no recipe here, the alternative with the best recipe wins (apt over go install)")
    func bestRecipeAmongAlternatives() throws {
        let tools = [
            PlanCatalogs.tool("flyway", docs: "https://example.org/flyway"),
            PlanCatalogs.tool("migrate", install: [.go: "example.org/migrate@latest"]),
            PlanCatalogs.tool("sql-migrate", install: [.apt: "sql-migrate", .go: "example.org/sql-migrate@latest"]),
        ]
        let catalog = Self.catalog(
            [Self.area("migrations", phase: 2, rank: 7, [Capability(id: "sql", name: "SQL migrations", tools: ["flyway", "migrate", "sql-migrate"], preferred: "flyway")])], tools)
        let host = try PlanHosts.detect("debian-12", managers: ["apt-get", "go"])
        let plan = Planner.plan(report: PlanCatalogs.report(catalog), catalog: catalog, host: host, date: SampleReports.date)
        let step = try #require(plan.steps.first { $0.kind == .install })
        #expect(step.toolID == "sql-migrate")
        #expect(step.commands.contains { $0.contains("apt-get install -y sql-migrate") }, "\(step.commands)")
    }

    @Test("a tool the plan already installs for an earlier capability wins over this capability's preferred tool")
    func plannedElsewhereWins() throws {
        let catalog = Self.catalog(
            [
                Self.area("first", phase: 1, rank: 1, [Capability(id: "c1", name: "C1", tools: ["x", "y"], preferred: "y")]),
                Self.area("second", phase: 2, rank: 2, [Capability(id: "c2", name: "C2", tools: ["y", "z"], preferred: "z")]),
            ], [PlanCatalogs.tool("x", install: [.apt: "x"]), PlanCatalogs.tool("y", install: [.apt: "y"]), PlanCatalogs.tool("z", install: [.apt: "z"])])
        let plan = Planner.plan(report: PlanCatalogs.report(catalog), catalog: catalog, host: try PlanHosts.debian(), date: SampleReports.date)
        #expect(plan.steps.compactMap(\.toolID) == ["y"])
        let y = try #require(SamplePlans.step(plan, tool: "y"))
        #expect(y.covers.map(\.capabilityID) == ["c1", "c2"])
        #expect(y.alternatives.map(\.toolID) == ["x"])
        #expect(y.alternatives.first?.command == "sudo apt-get install -y x")
    }

    @Test("the preferred tool wins when it installs here; otherwise the first that installs, detectable ones first")
    func preferredThenInstallable() throws {
        let catalog = Self.catalog(
            [
                Self.area(
                    "a", phase: 1, rank: 1,
                    [
                        Capability(id: "pref", name: "Pref", tools: ["p1", "p2"], preferred: "p2"),
                        Capability(id: "fallback", name: "Fallback", tools: ["f1", "f2", "f3"], preferred: "f1"),
                        Capability(id: "docs", name: "Docs", tools: ["d1", "d2"]),
                        Capability(id: "platform", name: "Platform", tools: ["mac", "lin"]),
                    ])
            ],
            [
                PlanCatalogs.tool("p1", install: [.apt: "p1"]), PlanCatalogs.tool("p2", install: [.apt: "p2"]),
                PlanCatalogs.tool("f1", install: [.dnf: "f1"], docs: "https://example.org/f1"),
                PlanCatalogs.tool("f2", install: [.apt: "f2"], undetectable: "a web bundle"),
                PlanCatalogs.tool("f3", install: [.apt: "f3"]),
                PlanCatalogs.tool("d1", docs: "https://example.org/d1"), PlanCatalogs.tool("d2"),
                PlanCatalogs.tool("mac", install: [.apt: "mac"], platforms: ["macos"]), PlanCatalogs.tool("lin", install: [.apt: "lin"]),
            ])
        let plan = Planner.plan(report: PlanCatalogs.report(catalog), catalog: catalog, host: try PlanHosts.debian(), date: SampleReports.date)
        #expect(plan.steps.compactMap(\.toolID) == ["p2", "f3", "d1", "lin"])
        let f3 = try #require(SamplePlans.step(plan, tool: "f3"))
        #expect(f3.reason?.contains("the preferred F1 has no recipe") == true)
        #expect(f3.alternatives.map(\.toolID) == ["f1", "f2"])
        #expect(f3.alternatives.first?.installer == .docs)
        #expect(f3.alternatives.first?.docs == "https://example.org/f1")
        let d1 = try #require(SamplePlans.step(plan, tool: "d1"))
        #expect(d1.kind == .manual)
        #expect(d1.docs == "https://example.org/d1")
        #expect(d1.alternatives.first?.docs == "https://example.org/d2") // no docs: the homepage
    }

    @Test("a plan never picks a tool capaudit cannot detect: a detectable one instead, else no step")
    func undetectable() throws {
        let catalog = Self.catalog(
            [
                Self.area(
                    "a", phase: 1, rank: 1,
                    [
                        Capability(id: "ui", name: "UI", tools: ["bundle"]),
                        Capability(id: "stats", name: "Stats", tools: ["daemon", "client"], preferred: "daemon"),
                    ])
            ],
            [
                PlanCatalogs.tool("bundle", install: [.apt: "bundle"], undetectable: "a JavaScript bundle"),
                PlanCatalogs.tool("daemon", install: [.apt: "daemon"], undetectable: "no version option"),
                PlanCatalogs.tool("client", install: [.apt: "client"]),
            ])
        let plan = Planner.plan(report: PlanCatalogs.report(catalog), catalog: catalog, host: try PlanHosts.debian(), date: SampleReports.date)
        #expect(SamplePlans.step(plan, tool: "bundle") == nil)
        #expect(SamplePlans.step(plan, tool: "daemon") == nil)
        let client = try #require(SamplePlans.step(plan, tool: "client"))
        #expect(client.check == .command("client"))
        #expect(client.alternatives.map(\.toolID) == ["daemon"])
    }

    @Test("every outdated tool gets an upgrade, also when another tool meets its capability; an installed outdated tool beats the preferred one")
    func upgrades() throws {
        let catalog = Self.catalog(
            [
                Self.area(
                    "a", phase: 1, rank: 1,
                    [
                        Capability(id: "met", name: "Met", tools: ["good", "old"]),
                        Capability(id: "unmet", name: "Unmet", tools: ["new", "stale"], preferred: "new"),
                    ])
            ],
            [
                PlanCatalogs.tool("good", install: [.apt: "good"]), PlanCatalogs.tool("old", install: [.apt: "old"], minVersion: "1.0"),
                PlanCatalogs.tool("new", install: [.apt: "new"]), PlanCatalogs.tool("stale", install: [.pipx: "stale"], minVersion: "3.0"),
            ])
        let report = PlanCatalogs.report(catalog, executables: ["good": "good 1.0.0", "old": "old 0.9.0", "stale": "stale 2.1.0"])
        let host = try PlanHosts.detect("debian-12", managers: ["apt-get", "pipx"])
        let plan = Planner.plan(report: report, catalog: catalog, host: host, date: SampleReports.date)
        #expect(plan.steps.compactMap(\.toolID) == ["stale", "old"])
        #expect(plan.steps.filter { $0.toolID != nil }.allSatisfy { $0.kind == .upgrade })
        #expect(SamplePlans.step(plan, tool: "stale")?.commands == ["pipx install --force stale"])
        #expect(SamplePlans.step(plan, tool: "stale")?.covers.map(\.capabilityID) == ["unmet"])
        #expect(SamplePlans.step(plan, tool: "old")?.covers.map(\.capabilityID) == ["met"])
    }

    @Test("exit-zero probes become the skip check of a script")
    func exitZeroCheck() throws {
        let module = Tool(
            id: "mod", name: "Mod", summary: "A Python module.", homepage: "https://example.org",
            detection: .probes([Probe(command: "python3", args: ["-c", "import mod"], env: ["PYTHONDONTWRITEBYTECODE": "1"], evidence: .exitZero)]),
            install: InstallRecipes(packages: [.pip: "mod"]))
        let catalog = Self.catalog([Self.area("a", phase: 1, rank: 1, [Capability(id: "m", name: "M", tools: ["mod"])])], [module])
        let plan = Planner.plan(
            report: PlanCatalogs.report(catalog), catalog: catalog,
            host: try PlanHosts.detect("fedora-40", managers: ["pip3", "python3"]), date: SampleReports.date)
        #expect(SamplePlans.step(plan, tool: "mod")?.check == .succeeds(argv: ["python3", "-c", "import mod"], env: ["PYTHONDONTWRITEBYTECODE": "1"]))
        #expect(ShellScriptRenderer.render(plan).contains("if ! env PYTHONDONTWRITEBYTECODE=1 python3 -c 'import mod' >/dev/null 2>&1; then"))
    }

    @Test("a package that installs only a plugin is checked by running its exit-zero probe, not by command -v of the host command")
    func pluginPackageCheck() throws {
        // Docker's docker-compose-plugin puts no docker-compose on PATH; `command -v docker` would pass without it.
        let plan = try TargetPlanTests.plan("debian-12")
        let step = try #require(SamplePlans.step(plan, tool: "docker-compose"))
        #expect(step.commands.last == "sudo apt-get install -y docker-compose-plugin")
        #expect(step.check == .succeeds(argv: ["docker", "compose", "version"], env: [:]))
        #expect(ShellScriptRenderer.render(plan).contains("if ! docker compose version >/dev/null 2>&1; then"))
        // A renamed command with an ordinary probe stays a command -v check (Homebrew's jenkins-lts-cli).
        let jenkins = try #require(try BuiltinCatalog.load().tools["jenkins-cli"])
        #expect(Planner.check(for: jenkins, method: .brew) == .command("jenkins-lts-cli"))
    }

    /// One tool per installer, plus an outdated one, for linting every renderer branch.
    static func allMethodsCatalog() throws -> Catalog {
        let tools = [
            PlanCatalogs.tool("snappy", install: [.snap: "snappy"]),
            PlanCatalogs.tool("classic", install: [.snapClassic: "classic-tool"]),
            PlanCatalogs.tool("noder", install: [.npm: "@scope/noder"]),
            PlanCatalogs.tool("gopher", install: [.go: "github.com/example/gopher/cmd/gopher@latest"]),
            PlanCatalogs.tool("rusty", install: [.cargo: "rusty"]),
            PlanCatalogs.tool("pyx", install: [.pipx: "pyx"]),
            PlanCatalogs.tool("brewed", install: [.brew: "brewed"]),
            PlanCatalogs.tool("manual", docs: "https://example.org/it's-manual"),
            PlanCatalogs.tool("old", install: [.snap: "old"], minVersion: "1.0"),
        ]
        let caps = tools.map { Capability(id: "cap-\($0.id)", name: "Cap \($0.id)", tools: [$0.id]) }
        return Self.catalog([Self.area("all", phase: 2, rank: 1, caps)], tools)
    }

    @Test("every installer has its command: snap, snap --classic, npm, go, cargo, pipx, Homebrew on Linux, docs")
    func allMethods() throws {
        let catalog = try Self.allMethodsCatalog()
        let report = PlanCatalogs.report(catalog, executables: ["old": "old 0.1.0"])
        let host = try PlanHosts.detect("debian-12", managers: ["snap", "npm", "go", "cargo", "pipx", "brew"])
        let plan = Planner.plan(report: report, catalog: catalog, host: host, date: SampleReports.date)
        func commands(_ tool: String) -> [String] { SamplePlans.step(plan, tool: tool)?.commands ?? [] }
        #expect(commands("snappy") == ["sudo snap install snappy"])
        #expect(commands("classic") == ["sudo snap install --classic classic-tool"])
        #expect(commands("noder") == ["npm install -g --prefix \"$HOME/.local\" @scope/noder"])
        #expect(commands("gopher") == ["GOBIN=\"$HOME/.local/bin\" go install github.com/example/gopher/cmd/gopher@latest"])
        #expect(commands("rusty") == ["cargo install --root \"$HOME/.local\" rusty"])
        #expect(commands("pyx") == ["pipx install pyx"])
        #expect(commands("brewed") == ["brew install brewed"])
        #expect(commands("old") == ["sudo snap install old", "sudo snap refresh old"])
        #expect(SamplePlans.step(plan, tool: "manual")?.docs == "https://example.org/it's-manual")
        let script = ShellScriptRenderer.render(plan)
        #expect(script.contains("GOBIN=\"$HOME/.local/bin\" go install 'github.com/example/gopher/cmd/gopher@latest'"))
        #expect(script.contains("$SUDO snap install --classic 'classic-tool'"))
        #expect(script.contains("MANUAL 'https://example.org/it'\\''s-manual'"))
        #expect(script.contains("PATH=\"$HOME/.local/bin:/snap/bin:$PATH\""))
    }
}
