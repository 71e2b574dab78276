import CapAuditKit
import Foundation
import Testing

/// A fake host with the CLIs GitHub's ubuntu-24.04 runner image documents (actions/runner-images,
/// images/ubuntu/Ubuntu2404-Readme.md), as tiny scripts printing what each prints for the catalog's probe.
/// Versions are the image's late-2024 ones; only their shape matters.
private func githubRunnerHost(scanner: Bool = true, promtool: Bool = true) throws -> TemporaryFolder {
    let dir = try TemporaryFolder()
    try dir.tool("bin/gh", "echo 'gh version 2.63.2 (2024-12-05)'; echo 'https://github.com/cli/cli/releases/tag/v2.63.2'")
    try dir.tool("bin/git", "echo 'git version 2.47.1'")
    try dir.tool(
        "bin/docker",
        """
        if [ "$1" = compose ]; then echo 'Docker Compose version v2.27.1'; exit 0; fi
        echo 'Docker version 26.1.3, build b72abbb'
        """)
    try dir.tool("bin/kubectl", "echo 'Client Version: v1.31.4'; echo 'Kustomize Version: v5.4.2'")
    try dir.tool("bin/helm", "echo 'v3.16.3+gcbfb5f0'")
    try dir.tool("bin/aws", "echo 'aws-cli/2.22.17 Python/3.12.6 Linux/6.8.0-1017-azure exe/x86_64.ubuntu.24'")
    try dir.tool("bin/az", #"printf '{\n  "azure-cli": "2.67.0",\n  "azure-cli-core": "2.67.0",\n  "extensions": {}\n}\n'"#)
    try dir.tool("bin/gcloud", "echo 'Google Cloud SDK 502.0.0'; echo 'bq 2.1.10'; echo 'core 2024.12.06'")
    try dir.tool("bin/curl", "echo 'curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13'")
    try dir.tool("bin/make", "echo 'GNU Make 4.3'")
    try dir.tool("bin/cmake", "echo 'cmake version 3.31.2'")
    try dir.tool("bin/psql", "echo 'psql (PostgreSQL) 16.6 (Ubuntu 16.6-0ubuntu0.24.04.1)'")
    try dir.tool("bin/sqlite3", "echo '3.45.1 2024-01-30 16:01:20 e876e51a0ed5c5b3126f52e532044363a014bc594cfefa87ffb5b82257ccalt1 (64-bit)'")
    if scanner { try dir.tool("bin/trivy", "echo 'Version: 0.58.0'") }
    if promtool { try dir.tool("bin/promtool", "echo 'promtool, version 2.55.1 (branch: HEAD, revision: 6d7569113f)'") }
    return dir
}

/// What GitHub's runner gives every job.
private let githubJobEnvironment = ["GITHUB_ACTIONS": "true", "RUNNER_NAME": "GitHub Actions 1000000042", "RUNNER_OS": "Linux", "CI": "true"]

private func report(
    host: TemporaryFolder, environment: [String: String] = githubJobEnvironment, profile: String?,
    config: ProjectConfig = ProjectConfig(), failOn: Priority?? = nil, areas: [String] = []
) throws -> Report {
    let catalog = try BuiltinCatalog.load()
    let bin = host.path + "/bin"
    var env = environment
    env["PATH"] = bin
    let scanner = Scanner(
        catalog: catalog, runner: ProbeRunner(), resolver: PathResolver(searchPath: bin),
        settings: ScanSettings(timeout: 10, jobs: 4), environment: env, host: HostInfo(hostname: "runner"))
    let policy = config.policy(
        failOnOverride: failOn, extraRequirements: [], profile: profile.flatMap { catalog.profile($0) },
        selectedAreas: Set(areas))
    return Evaluator(catalog: catalog, policy: policy).evaluate(scanner.scan(areaIDs: areas))
}

private func tool(_ report: Report, _ id: String) -> ToolReport? { report.areas.flatMap(\.tools).first { $0.tool.id == id } }

@Suite struct RoleProfileTests {
    @Test("a fake GitHub ubuntu-24.04 runner with one security scanner and promtool passes the ci-runner profile's critical gate")
    func githubRunnerPasses() throws {
        let host = try githubRunnerHost()
        let r = try report(host: host, profile: "ci-runner")
        #expect(r.gate.failOn == .critical, "the profile's own gate level applies when neither --fail-on nor the config sets one")
        #expect(r.gate.profile == "ci-runner")
        #expect(r.gate.passed, "failures: \(r.gate.failures.map(\.message))")
        // Every area is still reported, dashboards and tracing included: the profile only decides what gates.
        #expect(r.areas.count == (try BuiltinCatalog.load()).areas.count)
        let monitoring = try #require(r.areas.first { $0.area.id == "monitoring" })
        #expect(monitoring.capabilities.first { $0.capability.id == "dashboards" }?.met == false)
        #expect(monitoring.capabilities.first { $0.capability.id == "dashboards" }?.gating == false)
        #expect(tool(r, "github-actions-runner")?.verdict.status == .unknownVersion)
    }

    @Test("the same runner without the security scanner fails the ci-runner gate, naming security scanning")
    func withoutScannerFails() throws {
        let host = try githubRunnerHost(scanner: false)
        let r = try report(host: host, profile: "ci-runner")
        #expect(!r.gate.passed)
        #expect(r.gate.failures.count == 1)
        let failure = try #require(r.gate.failures.first)
        #expect(failure.areaID == "security")
        #expect(failure.message.contains("Security Scanning"))
        #expect(failure.message.contains("trivy") && failure.message.contains("semgrep"))
    }

    @Test("without promtool the ci-runner gate fails on monitoring/metrics, not on dashboards or tracing")
    func withoutPromtoolFails() throws {
        let host = try githubRunnerHost(promtool: false)
        let r = try report(host: host, profile: "ci-runner")
        #expect(r.gate.failures.map { "\($0.areaID ?? "")/\($0.capabilityID ?? "")" } == ["monitoring/metrics"])
    }

    @Test("profile all (no profile anywhere) gates the same runner on the Grafana and Jaeger servers")
    func allProfileKeepsCatalogPriorities() throws {
        let host = try githubRunnerHost()
        let r = try report(host: host, profile: nil, failOn: .some(.critical))
        #expect(r.gate.profile == "all")
        let failed = Set(r.gate.failures.compactMap(\.capabilityID))
        #expect(failed.contains("dashboards") && failed.contains("distributed-tracing"))
        // And with no --fail-on and no config, `all` has no gate level: a plain scan only reports.
        #expect(try report(host: host, profile: nil).gate.failOn == nil)
    }

    @Test("precedence: --fail-on over the config's failOn over the profile's; the config's require over the profile's levels")
    func precedence() throws {
        let host = try githubRunnerHost(scanner: false)
        var config = ProjectConfig()
        config.failOn = .high
        #expect(try report(host: host, profile: "ci-runner", config: config).gate.failOn == .high)
        #expect(try report(host: host, profile: "ci-runner", config: config, failOn: .some(nil)).gate.passed)
        config.failOn = nil
        config.capabilityGates = ["monitoring/dashboards": .critical]
        let r = try report(host: host, profile: "ci-runner", config: config)
        #expect(r.gate.failures.contains { $0.capabilityID == "dashboards" }, "the project's requirement beats the profile's never")
        config.areaGates = ["security": .medium]
        let medium = try report(host: host, profile: "ci-runner", config: config)
        #expect(!medium.gate.failures.contains { $0.areaID == "security" }, "the project's area level replaces the profile's need-any entry")
    }

    @Test("--area gates the areas it names whatever their kind, and over a profile's never")
    func selectedAreasGate() throws {
        let host = try githubRunnerHost()
        let foundation = try report(host: host, profile: nil, failOn: .some(.medium), areas: ["foundation"])
        #expect(foundation.areas.map(\.area.id) == ["foundation"])
        #expect(!foundation.gate.passed, "an unmet foundation capability gates when the area is named")
        #expect(
            try report(host: host, profile: nil, failOn: .some(.medium)).gate.failures.allSatisfy { $0.areaID != "foundation" },
            "without --area, foundation gates nothing")
        let monitoring = try report(host: host, profile: "ci-runner", areas: ["monitoring"])
        #expect(monitoring.gate.failures.contains { $0.capabilityID == "dashboards" })
    }

    @Test("a CI job's environment is evidence of its runner: GitHub Actions (not nektos/act), GitLab with its version, Jenkins")
    func jobEnvironmentEvidence() throws {
        let host = try githubRunnerHost()
        let github = try report(host: host, profile: "ci-runner", areas: ["cicd"])
        let runner = try #require(tool(github, "github-actions-runner"))
        #expect(runner.verdict.status == .unknownVersion)
        #expect(runner.verdict.reason.contains("GITHUB_ACTIONS=true") && runner.verdict.reason.contains("RUNNER_NAME="))
        #expect(github.areas[0].capabilities.first { $0.capability.id == "ci-runner" }?.metBy == ["github-actions-runner"])

        var act = githubJobEnvironment
        act["ACT"] = "true"
        #expect(tool(try report(host: host, environment: act, profile: nil, areas: ["cicd"]), "github-actions-runner")?.verdict.status == .missing)

        let gitlab = try report(
            host: host, environment: ["GITLAB_CI": "true", "CI_RUNNER_ID": "12270", "CI_RUNNER_VERSION": "17.6.0"],
            profile: nil, areas: ["cicd"])
        #expect(tool(gitlab, "gitlab-runner")?.verdict.status == .present)
        #expect(tool(gitlab, "gitlab-runner")?.verdict.version?.text == "17.6.0")

        let jenkins = try report(
            host: host, environment: ["JENKINS_URL": "https://ci.example.org/", "BUILD_NUMBER": "7", "EXECUTOR_NUMBER": "0"],
            profile: nil, areas: ["cicd"])
        #expect(tool(jenkins, "jenkins-agent")?.verdict.status == .unknownVersion)
        let outside = try report(host: host, environment: [:], profile: nil, areas: ["cicd"])
        #expect(outside.areas[0].capabilities.first { $0.capability.id == "ci-runner" }?.met == false)
        #expect(tool(outside, "jenkins-agent")?.verdict.reason.contains("no command on PATH") == true)
    }

    @Test("a runner binary on PATH is found by its probe, with its version (buildkite-agent)")
    func runnerOnPath() throws {
        let host = try githubRunnerHost()
        try host.tool("bin/buildkite-agent", "echo 'buildkite-agent version 3.87.1, build 10197'")
        let r = try report(host: host, environment: [:], profile: nil, areas: ["cicd"])
        #expect(tool(r, "buildkite-agent")?.verdict.version?.text == "3.87.1")
    }

    @Test("every declared profile is in the built-in catalog, all among them without gates")
    func declaredProfiles() throws {
        let catalog = try BuiltinCatalog.load()
        #expect(catalog.profileIDs == ["all", "ci-runner", "workstation", "k8s-node", "bastion"])
        #expect(catalog.profile("all")?.gates.isEmpty == true)
        for profile in catalog.profiles { #expect(profile.gates.allSatisfy { !$0.reason.isEmpty }) }
    }
}

@Suite struct ProfileValidationTests {
    static let base =
        #"{"schemaVersion": 1, "area": {"id": "a", "name": "A", "priority": "critical", "rank": 1, "phase": 1, "why": "w", "impact": "i", "useCases": [], "capabilities": [{"id": "c", "name": "C", "tools": ["t"]}]}, "tools": [{"id": "t", "name": "T", "summary": "s", "homepage": "https://example.org", "probes": [{"command": "t", "args": ["--version"]}]}]}"#

    static func problems(_ profiles: String) -> [String] {
        do {
            _ = try CatalogLoader.parse([CatalogSource(name: "a.json", data: Data(base.utf8)), CatalogSource(name: "profiles.json", data: Data(profiles.utf8))])
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test(
        "profile mistakes are reported with file:line:col and a fix",
        arguments: [
            (
                "{\"schemaVersion\": 1, \"profiles\": [\n  {\"id\": \"r\", \"name\": \"R\", \"summary\": \"s\", \"gates\": [\n    {\"target\": \"a/x\", \"level\": \"critical\", \"reason\": \"r\"}]}]}",
                "profiles.json:3:16: profiles[\"r\"].gates[0].target: profile \"r\" names unknown target \"a/x\"; expected an area id or area/capability; did you mean \"a/c\"?"
            ),
            (
                "{\"schemaVersion\": 1, \"profiles\": [\n  {\"id\": \"r\", \"name\": \"R\", \"summary\": \"s\", \"gates\": [\n    {\"target\": \"a\", \"level\": \"urgent\", \"reason\": \"r\"}]}]}",
                "profiles.json:3:30: profiles[0].gates[0].level: \"urgent\" is not a level; expected critical, high, medium or never"
            ),
            (
                "{\"schemaVersion\": 1, \"profiles\": [\n  {\"id\": \"r\", \"name\": \"R\", \"summary\": \"s\", \"gates\": [\n    {\"target\": \"a/c\", \"level\": \"high\", \"need\": \"any\", \"reason\": \"r\"}]}]}",
                "profiles.json:3:48: profiles[0].gates[0].need: need \"any\" applies to a whole area; \"a/c\" names one capability"
            ),
            (
                "{\"schemaVersion\": 1, \"profiles\": [\n  {\"id\": \"all\", \"name\": \"R\", \"summary\": \"s\", \"gates\": [\n    {\"target\": \"a\", \"level\": \"high\", \"reason\": \"r\"}]}]}",
                "profiles.json:2:55: profiles[0].gates: profile \"all\" means the catalog's own priorities and cannot have gates; give this profile another id"
            ),
            (
                "{\"schemaVersion\": 1, \"profiles\": [\n  {\"id\": \"r\", \"name\": \"R\", \"summary\": \"s\", \"failOn\": \"never\"}]}",
                "profiles.json:2:54: profiles[0].failOn: \"never\" is not a gate level for a profile; expected critical, high or medium (leave it out for no default gate)"
            ),
        ])
    func mistakes(text: String, expected: String) {
        let found = Self.problems(text)
        #expect(found == [expected])
    }

    @Test("the catalog's own profiles.json validates")
    func realFileValidates() throws {
        let catalog = try CatalogLoader.load(paths: [Fixtures.packageRoot.appendingPathComponent("Catalog").path])
        #expect(catalog.profiles.count == 5)
    }
}
