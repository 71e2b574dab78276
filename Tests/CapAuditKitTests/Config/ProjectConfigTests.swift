import CapAuditKit
import Foundation
import Testing

private let catalog = SampleReports.catalog

private func parse(_ text: String, today: String = "2026-11-29") throws(ConfigError) -> ProjectConfig {
    try ProjectConfig.parse(Data(text.utf8), path: "/p/.capaudit.json", catalog: catalog, today: today)
}

private func problems(_ text: String) -> [CatalogProblem] {
    do { _ = try parse(text); return [] } catch { return error.problems }
}

@Suite struct ProjectConfigTests {
    @Test("a full file is read: gate level, area and capability gates, tools, versions, waivers")
    func fullFile() throws {
        let config = try parse(
            """
            {
              "$comment": "ignored",
              "schemaVersion": 1,
              "failOn": "high",
              "require": {
                "areas": {"load-testing": "critical"},
                "capabilities": {"secrets/compose": "medium"},
                "tools": {"wrk": ">=4.0", "vault": "*"}
              },
              "minVersions": {"locust": "2.20"},
              "waivers": [
                {"target": "secrets/secret-store", "reason": "Vault rollout in Q1", "expires": "2027-01-31"},
                {"target": "ab", "reason": "old", "expires": "2026-01-01"}
              ]
            }
            """)
        #expect(config.failOn == .high)
        #expect(config.areaGates == ["load-testing": .critical])
        #expect(config.capabilityGates == ["secrets/compose": .medium])
        #expect(config.requiredTools == [ToolRequirement(toolID: "vault"), ToolRequirement(toolID: "wrk", minVersion: Version("4.0"))])
        #expect(config.minVersions["locust"] == .atLeast(Version("2.20")!))
        #expect(config.waivers.map(\.expired) == [false, true])
    }

    @Test("an unknown key names the nearest valid one")
    func unknownKey() {
        let p = problems(#"{"schemaVersion": 1, "failon": "high"}"#)
        #expect(p.count == 1)
        #expect(p.first?.message == "unknown key \"failon\"; did you mean \"failOn\"?")
        #expect(p.first?.location == SourceLocation(line: 1, column: 32))
    }

    @Test("unknown area, capability and tool ids are errors naming the nearest")
    func unknownIDs() {
        let p = problems(#"{"schemaVersion": 1, "require": {"areas": {"load-testin": "high"}, "capabilities": {"secrets/compse": "high"}, "tools": {"wrkk": "*"}}}"#)
        #expect(p.count == 3)
        #expect(p.map(\.path) == ["require.areas.load-testin", "require.capabilities.secrets/compse", "require.tools.wrkk"])
        #expect(p[0].message.contains("did you mean \"load-testing\"?"))
        #expect(p[2].message.contains("did you mean \"wrk\"?"))
    }

    @Test(
        "bad values each have their own message",
        arguments: [
            (#"{"schemaVersion": 1, "failOn": "urgent"}"#, "failOn", "expected critical, high, medium or never"),
            (#"{"schemaVersion": 1, "require": {"tools": {"wrk": "~4"}}}"#, "require.tools.wrk", "not a version constraint"),
            (#"{"schemaVersion": 1, "minVersions": {"wrk": "new"}}"#, "minVersions.wrk", "not a version"),
            (#"{"schemaVersion": 1, "waivers": [{"target": "wrk", "reason": "r", "expires": "31/01/2027"}]}"#, "waivers[0].expires", "expected YYYY-MM-DD"),
            (#"{"schemaVersion": 1, "waivers": [{"target": "wrk"}]}"#, "waivers[0]", "missing required key \"reason\""),
            (#"{"schemaVersion": 2}"#, "schemaVersion", "not supported"),
        ])
    func badValues(text: String, path: String, message: String) {
        let p = problems(text)
        #expect(p.count == 1)
        #expect(p.first?.path == path)
        #expect(p.first?.message.contains(message) == true, "\(p)")
    }

    @Test("malformed JSON is reported with line and column")
    func malformed() {
        let p = problems("{\n  \"schemaVersion\": 1,\n  \"failOn\": \"high\"\n  \"require\": {}\n}")
        #expect(p.first?.location == SourceLocation(line: 4, column: 3))
    }

    @Test("discovery finds the nearest .capaudit.json in the folder or a parent, like .gitignore")
    func discovery() throws {
        let dir = try TemporaryFolder()
        try dir.file("repo/.capaudit.json", "{}")
        let deep = try dir.folder("repo/src/app")
        #expect(ProjectConfig.discover(from: deep) == dir.path + "/repo/.capaudit.json")
        try dir.file("repo/src/.capaudit.json", "{}")
        #expect(ProjectConfig.discover(from: deep) == dir.path + "/repo/src/.capaudit.json")
        let outside = try dir.folder("elsewhere")
        #expect(ProjectConfig.discover(from: outside) == nil || ProjectConfig.discover(from: outside)?.hasPrefix(dir.path) == false)
    }

    @Test("extra tools join the catalog as required capabilities of the project area")
    func extraTools() throws {
        let config = try parse(
            """
            {"schemaVersion": 1, "tools": [{"id": "deployctl", "name": "deployctl", "summary": "Our deploy CLI.", "homepage": "https://example.org",
              "probes": [{"command": "deployctl", "args": ["--version"]}]}]}
            """)
        let extended = config.extend(catalog)
        let project = try #require(extended.area("project"))
        #expect(project.kind == .project)
        #expect(project.capabilities.map(\.tools) == [["deployctl"]])
        #expect(
            problems(#"{"schemaVersion": 1, "tools": [{"id": "wrk", "name": "w", "summary": "s", "homepage": "https://x.org", "undetectable": "r"}]}"#)
                .first?.message.contains("already defined by the catalog") == true)
    }

    @Test("the starter file written by init is itself a valid requirements file")
    func starterIsValid() throws {
        let config = try parse(ProjectConfig.starter(catalog: catalog))
        #expect(config.failOn == .critical)
        #expect(config.profile == "all")
        #expect(config.areaGates.isEmpty, "the profile's levels decide; area levels in the file would override them")
        let pinned = try parse(
            ProjectConfig.starter(
                catalog: catalog, failOn: .high, pins: ["wrk": ">=4.1.0", "locust": "*"],
                baseline: [Waiver(target: "secrets", reason: "not met \"today\"")]))
        #expect(pinned.failOn == .high)
        #expect(pinned.requiredTools.map(\.description).sorted() == ["locust", "wrk>=4.1.0"])
        #expect(pinned.waivers.map(\.target) == ["secrets"])
    }
}

@Suite struct GateTests {
    static func report(_ policy: GatePolicy) -> Report {
        let fs = FakeFileSystem(executables: ["/usr/bin/wrk", "/usr/bin/locust"])
        let scanner = Scanner(
            catalog: catalog,
            runner: FakeRunner(outputs: [
                "/usr/bin/wrk": .printed("wrk 4.1.0 [epoll]\n", exit: 1),
                "/usr/bin/locust": .printed("locust 1.4.3\n"),
            ]), resolver: PathResolver(searchPath: "/usr/bin", fileSystem: fs), settings: ScanSettings(jobs: 8), environment: [:], host: HostInfo())
        return Evaluator(catalog: catalog, fileSystem: fs, policy: policy).evaluate(scanner.scan())
    }

    @Test("--fail-on never passes whatever is missing")
    func never() {
        #expect(Self.report(GatePolicy()).gate.passed)
    }

    @Test("--fail-on critical fails on uncovered critical areas only")
    func critical() {
        let gate = Self.report(GatePolicy(failOn: .critical)).gate
        #expect(!gate.passed)
        #expect(gate.failures.compactMap(\.areaID) == ["secrets", "secrets"])
    }

    @Test("--fail-on high also fails on high areas (locust is outdated)")
    func high() {
        let gate = Self.report(GatePolicy(failOn: .high)).gate
        #expect(gate.failures.map { "\($0.areaID ?? "")/\($0.capabilityID ?? "")" } == ["secrets/secret-store", "secrets/compose", "load-testing/scripted-load"])
    }

    @Test("a waiver keeps a gap from gating until it expires")
    func waivers() {
        let active = Self.report(
            GatePolicy(
                failOn: .high,
                waivers: [
                    Waiver(target: "secrets", reason: "r", expires: "2027-01-01"),
                    Waiver(target: "load-testing/scripted-load", reason: "r"),
                ])
        ).gate
        #expect(active.passed)
        let expired = Self.report(
            GatePolicy(
                failOn: .high,
                waivers: [
                    Waiver(target: "secrets", reason: "r", expires: "2026-01-01", expired: true),
                    Waiver(target: "load-testing/scripted-load", reason: "r"),
                ])
        ).gate
        #expect(expired.failures.compactMap(\.areaID) == ["secrets", "secrets"])
        #expect(expired.waivers.count == 2)
    }

    @Test("a project's area gate can raise an area's priority")
    func areaGate() {
        let gate = Self.report(GatePolicy(failOn: .critical, areaGates: ["load-testing": .critical], waivers: [Waiver(target: "secrets", reason: "r")])).gate
        #expect(gate.failures.compactMap(\.capabilityID) == ["scripted-load"])
    }

    @Test("--require fails on a missing tool and on a version below the one required")
    func requiredTools() {
        let missing = Self.report(GatePolicy(requiredTools: [ToolRequirement(parsing: "vault")!])).gate
        #expect(missing.failures.first?.toolID == "vault")
        let tooOld = Self.report(GatePolicy(requiredTools: [ToolRequirement(parsing: "wrk>=4.2")!])).gate
        #expect(tooOld.failures.first?.message == "required tool wrk>=4.2: found 4.1.0, too old")
        let fine = Self.report(GatePolicy(requiredTools: [ToolRequirement(parsing: "wrk>=4.1")!])).gate
        #expect(fine.passed)
    }

    @Test("GitHub Actions error commands escape newlines, percent signs and property separators")
    func githubCommands() {
        let report = Self.report(GatePolicy(failOn: .critical))
        let text = GitHubActions.errorCommands(report)
        #expect(text.hasPrefix("::error title=capaudit%3A secrets/secret-store missing::secrets/secret-store"))
        #expect(GitHubActions.escapeData("50%\nx") == "50%25%0Ax")
        #expect(GitHubActions.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }
}

@Suite struct GateInReportsTests {
    @Test("the text report shows the gate, its failures and every waiver, expired ones marked")
    func textShowsGate() {
        let report = GateTests.report(
            GatePolicy(
                failOn: .critical,
                waivers: [
                    Waiver(target: "load-testing/scripted-load", reason: "locust upgrade", expires: "2027-01-31"),
                    Waiver(target: "secrets", reason: "vault rollout", expires: "2026-01-01", expired: true),
                ]))
        let text = TextRenderer.render(report)
        #expect(text.contains("GATE (--fail-on critical): FAILED"))
        #expect(text.contains("[fail] secrets/secret-store (Secret store CLI): none of vault, ui-bundle is usable"))
        #expect(text.contains("  - load-testing/scripted-load: locust upgrade (until 2027-01-31)"))
        #expect(text.contains("  - secrets: vault rollout (EXPIRED 2026-01-01: gates again)"))
        #expect(!TextRenderer.render(GateTests.report(GatePolicy())).contains("GATE"))
    }

    @Test("a waiver on every tool of a capability waives it, and the project's own tools can be waived")
    func toolWaivers() throws {
        let waived = GateTests.report(
            GatePolicy(
                failOn: .critical,
                waivers: [
                    Waiver(target: "vault", reason: "r"), Waiver(target: "ui-bundle", reason: "r"),
                    Waiver(target: "compose", reason: "r"),
                ]))
        #expect(waived.gate.passed)
        let half = GateTests.report(GatePolicy(failOn: .critical, waivers: [Waiver(target: "vault", reason: "r"), Waiver(target: "compose", reason: "r")]))
        #expect(half.gate.failures.compactMap(\.capabilityID) == ["secret-store"])
        let config = try ProjectConfig.parse(
            Data(
                """
                {"schemaVersion": 1, "tools": [{"id": "deployctl", "name": "d", "summary": "s", "homepage": "https://example.org", "probes": [{"command": "deployctl", "args": []}]}],
                 "waivers": [{"target": "project/deployctl", "reason": "r"}, {"target": "project", "reason": "r"}],
                 "require": {"areas": {"$comment": "ignored", "secrets": "high"}}, "minVersions": {"$comment": "ignored"}}
                """.utf8), path: ".capaudit.json", catalog: SampleReports.catalog, today: "2026-11-29")
        #expect(config.waivers.count == 2)
        #expect(config.areaGates == ["secrets": .high])
    }

    @Test("waiver dates must be exactly YYYY-MM-DD", arguments: ["2027-1-031", "2027-01-+1", "27-01-01", "2027/01/31"])
    func strictDates(date: String) {
        #expect(throws: ConfigError.self) {
            try ProjectConfig.parse(
                Data(#"{"schemaVersion": 1, "waivers": [{"target": "wrk", "reason": "r", "expires": "\#(date)"}]}"#.utf8),
                path: ".capaudit.json", catalog: SampleReports.catalog, today: "2026-11-29")
        }
    }
}
