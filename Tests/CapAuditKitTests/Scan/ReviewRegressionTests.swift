import CapAuditKit
import Foundation
import Testing

/// Judgements that a code review found wrong once; each would fail with the old behaviour.
@Suite struct JudgementRegressionTests {
    static let compose = Tool(
        id: "docker-compose", name: "Compose", summary: "s", homepage: "https://docs.docker.com",
        detection: .probes([
            Probe(command: "docker-compose", args: ["--version"]),
            Probe(command: "docker", args: ["compose", "version"], evidence: .exitZero),
        ]),
        minVersion: Version("2.0.0"))

    static func scan(
        _ tools: [Tool], executables: Set<String>, outputs: [String: ProbeOutput], settings: ScanSettings = ScanSettings(jobs: 2),
        policy: GatePolicy = .none, areaIDs: [String] = [], extra: [String] = []
    ) -> Report {
        let areas = tools.enumerated().map { i, tool in
            Area(
                id: "a\(i)", name: "A\(i)", priority: .critical, rank: i + 1, phase: 1, why: "w", impact: "i", useCases: [],
                capabilities: [Capability(id: "c", name: "c", tools: [tool.id])])
        }
        let catalog = Catalog(areas: areas, tools: Dictionary(uniqueKeysWithValues: tools.map { ($0.id, $0) }))
        let fs = FakeFileSystem(executables: executables)
        var scanner = Scanner(
            catalog: catalog, runner: FakeRunner(outputs: outputs), resolver: PathResolver(searchPath: "/usr/bin", fileSystem: fs),
            settings: settings, environment: [:], host: HostInfo())
        scanner.versionConstraints = policy.versionConstraints
        return Evaluator(catalog: catalog, fileSystem: fs, policy: policy).evaluate(scanner.scan(areaIDs: areaIDs, extraToolIDs: extra))
    }

    @Test("--no-exec does not call the compose plugin present because docker is on PATH")
    func noExecEvidence() {
        let r = Self.scan([Self.compose], executables: ["/usr/bin/docker"], outputs: [:], settings: ScanSettings(jobs: 2, noExec: true))
        let tool = r.areas[0].tools[0]
        #expect(tool.verdict.status == .undetectable)
        #expect(tool.verdict.reason.contains("--no-exec"))
        #expect(!r.areas[0].capabilities[0].met)
    }

    @Test("a shim that exits 127 while listing Python versions is an error, not that version")
    func shim127() throws {
        let tool = Tool(id: "deployctl", name: "d", summary: "s", homepage: "https://example.org", detection: .probes([Probe(command: "deployctl", args: ["--version"])]))
        let r = Self.scan(
            [tool], executables: ["/usr/bin/deployctl"],
            outputs: [
                "/usr/bin/deployctl": .printed("", stderr: "pyenv: deployctl: command not found\n\nThe `deployctl' command exists in these Python versions:\n  3.11.4\n", exit: 127)
            ])
        #expect(r.areas[0].tools[0].verdict.status == .error)
        #expect(r.areas[0].tools[0].verdict.reason.contains("pyenv: deployctl: command not found"))
    }

    @Test("a broken first alternative is reported as an error, not hidden behind a missing plugin")
    func errorBeatsMissing() {
        let r = Self.scan(
            [Self.compose], executables: ["/usr/bin/docker-compose", "/usr/bin/docker"],
            outputs: [
                "/usr/bin/docker-compose": .printed("", stderr: "ModuleNotFoundError: No module named 'compose'\n", exit: 1),
                "/usr/bin/docker": .printed("", stderr: "docker: 'compose' is not a docker command.\n", exit: 1),
            ])
        #expect(r.areas[0].tools[0].verdict.status == .error)
        #expect(r.areas[0].tools[0].verdict.reason.contains("ModuleNotFoundError"))
    }

    @Test("the project's minimum version decides which alternative the scanner settles on")
    func projectMinimum() {
        let r = Self.scan(
            [Self.compose], executables: ["/usr/bin/docker-compose", "/usr/bin/docker"],
            outputs: [
                "/usr/bin/docker-compose": .printed("Docker Compose version v2.12.0\n"),
                "/usr/bin/docker": .printed("Docker Compose version v2.27.1\n"),
            ],
            policy: GatePolicy(versionConstraints: ["docker-compose": .atLeast(Version("2.20.0")!)]))
        #expect(r.areas[0].tools[0].verdict.status == .present)
        #expect(r.areas[0].tools[0].verdict.version == Version("2.27.1"))
    }

    @Test("a required tool outside the scanned areas is probed, not reported missing")
    func requiredOutsideArea() {
        let wrk = Tool(id: "wrk", name: "wrk", summary: "s", homepage: "https://example.org", detection: .probes([Probe(command: "wrk", args: ["-v"])]))
        let gh = Tool(id: "gh", name: "gh", summary: "s", homepage: "https://example.org", detection: .probes([Probe(command: "gh", args: ["--version"])]))
        let r = Self.scan(
            [wrk, gh], executables: ["/usr/bin/gh", "/usr/bin/wrk"],
            outputs: [
                "/usr/bin/gh": .printed("gh version 2.23.0 (2023-01-01)\n"), "/usr/bin/wrk": .printed("wrk 4.1.0\n"),
            ],
            policy: GatePolicy(requiredTools: [ToolRequirement(parsing: "gh>=2.0")!]), areaIDs: ["a0"], extra: ["gh"])
        #expect(r.areas.map(\.area.id) == ["a0"])
        #expect(r.gate.passed, "\(r.gate.failures)")
    }

    @Test("escape sequences a tool prints never reach the terminal report")
    func escapes() {
        let tool = Tool(id: "kubectl", name: "k", summary: "s", homepage: "https://example.org", detection: .probes([Probe(command: "kubectl", args: ["version", "--client"])]))
        let r = Self.scan(
            [tool], executables: ["/usr/bin/kubectl"],
            outputs: [
                "/usr/bin/kubectl": .printed("", stderr: "\u{1B}]0;pwned\u{07}\u{1B}[2J error: boom\n", exit: 1)
            ])
        let text = TextRenderer.render(r)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(text.contains("error: boom"))
    }
}
