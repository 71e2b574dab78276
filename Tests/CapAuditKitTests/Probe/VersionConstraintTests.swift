import CapAuditKit
import Foundation
import Testing

private func c(_ text: String) -> VersionConstraint { VersionConstraint(parsing: text)! }
private func v(_ text: String) -> Version { Version(text)! }

@Suite struct VersionConstraintTests {
    @Test(
        "each operator: >, >=, =, <, <=, != and a bare version (at least)",
        arguments: [
            (">= 1.2", "1.2", true), (">= 1.2", "1.1.9", false), ("> 1.2", "1.2", false), ("> 1.2", "1.2.1", true),
            ("= 1.2.3", "1.2.3", true), ("=1.2.3", "1.2.4", false), ("== 1.2", "1.2.0", true), ("< 2", "1.99", true), ("< 2", "2.0", false),
            ("<= 2", "2.0.0", true), ("<= 2", "2.0.1", false), ("!= 1.4.0", "1.4", false), ("!= 1.4.0", "1.4.1", true),
            ("1.2", "1.2", true), ("1.2", "1.1", false), ("v1.2", "1.3", true),
        ])
    func operators(constraint: String, version: String, satisfied: Bool) {
        #expect(c(constraint).isSatisfied(by: v(version)) == satisfied)
    }

    @Test(
        "~> is pessimistic as RubyGems and Terraform define it",
        arguments: [
            ("~> 1.2", "1.2", true), ("~> 1.2", "1.9.9", true), ("~> 1.2", "2.0", false), ("~> 1.2", "1.1", false),
            ("~> 1.2.3", "1.2.3", true), ("~> 1.2.3", "1.2.10", true), ("~> 1.2.3", "1.3.0", false), ("~> 1.2.3", "1.2.2", false),
            ("~> 1", "1.99", true), ("~> 1", "2.0", false), ("~> 1.2", "2.0.0-rc1", false), ("~>1.2.0", "1.2.7", true),
        ])
    func pessimistic(constraint: String, version: String, satisfied: Bool) {
        #expect(c(constraint).isSatisfied(by: v(version)) == satisfied)
    }

    @Test("several clauses must all hold; too old and too new are told apart")
    func rangesAndProblems() {
        let range = c(">= 1.28, < 1.31")
        #expect(range.clauses.count == 2)
        #expect(range.problem(with: v("1.27.4"))?.problem == .tooOld)
        #expect(range.problem(with: v("1.31.0"))?.problem == .tooNew)
        #expect(range.problem(with: v("1.30.2")) == nil)
        #expect(c("~> 1.2").explain(v("2.1.0")) == "version 2.1.0 is too new (needs ~> 1.2)")
        #expect(c("~> 1.2").explain(v("1.1")) == "version 1.1 is too old (needs ~> 1.2)")
        #expect(c("= 1.2.3").explain(v("1.2.4")) == "version 1.2.4 is too new (needs = 1.2.3)")
        // A plain minimum keeps the words every report used so far.
        #expect(c("2.0").explain(v("1.4.3")) == "version 1.4.3 is below the minimum 2.0")
        #expect(c("!= 1.4").explain(v("1.4.0")) == "version 1.4.0 is excluded (needs != 1.4)")
    }

    @Test("the lower bound is the report's minVersion; the text is normalised")
    func minimumAndText() {
        #expect(c(">= 1.2, < 2").minimum == v("1.2"))
        #expect(c("~> 3.12").minimum == v("3.12"))
        #expect(c("< 2").minimum == nil)
        #expect(c(">=1.2,<2").description == ">= 1.2, < 2")
        #expect(c(">= 1.2, < 2").compact == ">=1.2,<2")
    }

    @Test("malformed constraints are refused", arguments: ["", "~4", ">= ", "1.2 foo", ">= 1.2 < 2", "=> 1.2", ">= 1.2,", "latest", "^1.2"])
    func malformed(text: String) {
        #expect(VersionConstraint(parsing: text) == nil)
    }

    @Test("--require TOOL and TOOL with a constraint: every operator; a version without operator is a typo")
    func requirements() {
        #expect(ToolRequirement(parsing: "gh") == ToolRequirement(toolID: "gh"))
        #expect(ToolRequirement(parsing: "gh>=2.40") == ToolRequirement(toolID: "gh", minVersion: v("2.40")))
        #expect(ToolRequirement(parsing: "helm~>3.12")?.versionConstraint == c("~> 3.12"))
        #expect(ToolRequirement(parsing: "kubectl >= 1.28, < 1.31")?.versionConstraint == c(">= 1.28, < 1.31"))
        #expect(ToolRequirement(parsing: "jq=1.7.1")?.versionConstraint == c("= 1.7.1"))
        #expect(ToolRequirement(parsing: "jq<2")?.versionConstraint == c("< 2"))
        #expect(ToolRequirement(parsing: "jq>1.6")?.versionConstraint == c("> 1.6"))
        #expect(ToolRequirement(parsing: "gh 2.40") == nil)
        #expect(ToolRequirement(parsing: ">=2") == nil)
        #expect(ToolRequirement(parsing: "kubectl>=1.28,<1.31")?.description == "kubectl>=1.28,<1.31")
    }

    @Test("a scanned version outside a constraint is outdated, with too old or too new in the reason and the JSON")
    func scanJudgement() {
        let catalog = SampleReports.catalog
        let fs = FakeFileSystem(executables: ["/usr/bin/locust"])
        let scanner = Scanner(
            catalog: catalog, runner: FakeRunner(outputs: ["/usr/bin/locust": .printed("locust 2.47.0 from /usr/lib/python3 (python 3.11)\n")]),
            resolver: PathResolver(searchPath: "/usr/bin", fileSystem: fs), settings: ScanSettings(jobs: 2), environment: [:],
            host: SampleReports.host, now: { SampleReports.date })
        let scan = scanner.scan()
        let tooNew = Evaluator(catalog: catalog, fileSystem: fs, policy: GatePolicy(versionConstraints: ["locust": c("~> 2.20.0")])).evaluate(scan)
        let locust = tooNew.areas.flatMap(\.tools).first { $0.tool.id == "locust" }!
        #expect(locust.verdict.status == .outdated)
        #expect(locust.verdict.reason == "version 2.47.0 is too new (needs ~> 2.20.0)")
        #expect(locust.versionProblem == .tooNew)
        #expect(!locust.meetsCapability)
        let json = JSONRenderer.render(tooNew)
        #expect(json.contains("\"versionProblem\": \"too-new\""))
        #expect(json.contains("\"versionConstraint\": \"~> 2.20.0\""))
        #expect(json.contains("\"minVersion\": \"2.20.0\""))
        #expect(TextRenderer.render(tooNew).contains("too new: 2.47.0, needs ~> 2.20.0"))
        let within = Evaluator(catalog: catalog, fileSystem: fs, policy: GatePolicy(versionConstraints: ["locust": c(">= 2.0, < 3")])).evaluate(scan)
        #expect(within.areas.flatMap(\.tools).first { $0.tool.id == "locust" }?.verdict.status == .present)
    }

    @Test("a plan never upgrades a tool that is too new: it asks for a version within the constraint, by hand")
    func planForTooNew() throws {
        let catalog = SampleReports.catalog
        let fs = FakeFileSystem(executables: ["/usr/bin/locust"])
        let scanner = Scanner(
            catalog: catalog, runner: FakeRunner(outputs: ["/usr/bin/locust": .printed("locust 2.47.0 from /usr/lib/python3 (python 3.11)\n")]),
            resolver: PathResolver(searchPath: "/usr/bin", fileSystem: fs), settings: ScanSettings(jobs: 2), environment: [:],
            host: SampleReports.host, now: { SampleReports.date })
        let report = Evaluator(catalog: catalog, fileSystem: fs, policy: GatePolicy(versionConstraints: ["locust": c("~> 2.20.0")])).evaluate(scanner.scan())
        let plan = SamplePlans.plan(report, host: try PlanHosts.debian())
        let step = SamplePlans.step(plan, tool: "locust")
        #expect(step?.kind == .manual)
        #expect(step?.title == "Install Locust ~> 2.20.0 by hand")
        #expect(step?.shellCommands.isEmpty == true)
        #expect(step?.reason?.contains("too new") == true, "\(String(describing: step?.reason))")
    }

    @Test("a --require constraint fails the gate with too old or too new")
    func requireGate() {
        let catalog = SampleReports.catalog
        let fs = FakeFileSystem(executables: ["/usr/bin/wrk"])
        let scanner = Scanner(
            catalog: catalog, runner: FakeRunner(outputs: ["/usr/bin/wrk": .printed("wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer\n", exit: 1)]),
            resolver: PathResolver(searchPath: "/usr/bin", fileSystem: fs), settings: ScanSettings(jobs: 2), environment: [:],
            host: SampleReports.host, now: { SampleReports.date })
        let scan = scanner.scan()
        func failures(_ requirement: String) -> [String] {
            Evaluator(catalog: catalog, fileSystem: fs, policy: GatePolicy(requiredTools: [ToolRequirement(parsing: requirement)!])).evaluate(scan).gate.failures.map(\.message)
        }
        #expect(failures("wrk<4") == ["required tool wrk<4: found 4.1.0, too new"])
        #expect(failures("wrk~>4.2") == ["required tool wrk~>4.2: found 4.1.0, too old"])
        #expect(failures("wrk~>4.1") == [])
    }

    @Test("catalog minVersion and config minVersions and require.tools take constraints; bad ones say how to write one")
    func configAndCatalog() throws {
        let config = try ProjectConfig.parse(
            Data(#"{"schemaVersion": 1, "minVersions": {"locust": "~> 2.20"}, "require": {"tools": {"wrk": ">= 4, < 5"}}}"#.utf8),
            path: "c.json", catalog: SampleReports.catalog, today: "2026-12-04")
        #expect(config.minVersions["locust"] == c("~> 2.20"))
        #expect(config.requiredTools.first?.versionConstraint == c(">= 4, < 5"))
        do {
            _ = try ProjectConfig.parse(Data(#"{"schemaVersion": 1, "minVersions": {"locust": "^2"}}"#.utf8), path: "c.json", catalog: SampleReports.catalog, today: "2026-12-04")
            Issue.record("^2 was accepted")
        } catch {
            #expect(error.problems.first?.message.contains("~> 1.2") == true)
        }
        let dir = try TemporaryFolder()
        let file = try dir.file(
            "c/area.json",
            """
            {"schemaVersion": 1, "area": {"id": "a", "name": "A", "priority": "high", "rank": 1, "phase": 1, "why": "w", "impact": "i", "useCases": ["u"],
              "capabilities": [{"id": "c", "name": "C", "tools": ["t"]}]},
             "tools": [{"id": "t", "name": "T", "summary": "s", "homepage": "https://example.com", "minVersion": ">= 1.2, < 2",
                        "probes": [{"command": "t", "args": ["--version"]}]}]}
            """)
        let catalog = try CatalogLoader.load(paths: [file])
        #expect(catalog.tools["t"]?.versionConstraint == c(">= 1.2, < 2"))
    }
}
