import CapAuditKit
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

private func tool(
    _ id: String, command: String? = nil, args: [String] = ["--version"], pattern: String? = nil,
    evidence: Evidence = .path, min: String? = nil
) throws -> Tool {
    Tool(
        id: id, name: id, summary: "s", homepage: "https://example.org",
        detection: .probes([Probe(command: command ?? id, args: args, pattern: try pattern.map { try VersionPattern($0) }, evidence: evidence)]),
        minVersion: min.flatMap(Version.init))
}

private func catalog(_ tools: [Tool]) -> Catalog {
    let area = Area(
        id: "test", name: "Test", priority: .critical, rank: 1, phase: 1, why: "w", impact: "i", useCases: [],
        capabilities: tools.map { Capability(id: "cap-\($0.id)", name: "cap \($0.id)", tools: [$0.id]) })
    return Catalog(areas: [area], tools: Dictionary(uniqueKeysWithValues: tools.map { ($0.id, $0) }))
}

private func scan(_ tools: [Tool], path: String, timeout: Double = 5, noExec: Bool = false) -> Report {
    let c = catalog(tools)
    let scanner = Scanner(
        catalog: c, runner: ProbeRunner(), resolver: PathResolver(searchPath: path),
        settings: ScanSettings(timeout: timeout, jobs: 4, noExec: noExec),
        environment: ["PATH": path + ":/usr/bin:/bin"], host: HostInfo(hostname: "test"))
    return Evaluator(catalog: c).evaluate(scanner.scan())
}

private func status(_ report: Report, _ id: String) -> ToolReport? {
    report.areas.flatMap(\.tools).first { $0.tool.id == id }
}

@Suite struct ScannerTests {
    @Test("a version printed on stderr is read")
    func stderrVersion() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/javaish", "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2")
        let r = scan([try tool("javaish", args: ["-version"])], path: dir.path + "/bin")
        #expect(status(r, "javaish")?.verdict.status == .present)
        #expect(status(r, "javaish")?.verdict.version?.text == "17.0.15")
    }

    @Test("a non-zero exit with a version still counts (wrk -v exits 1)")
    func nonZeroWithVersion() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/wrk", "echo 'wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer'; echo 'Usage: wrk <options> <url>'; exit 1")
        let r = scan([try tool("wrk", args: ["-v"], pattern: #"wrk (\S+)"#)], path: dir.path + "/bin")
        #expect(status(r, "wrk")?.verdict.status == .present)
        #expect(status(r, "wrk")?.verdict.version?.text == "4.1.0")
        #expect(status(r, "wrk")?.verdict.attempt?.output?.exitCode == 1)
    }

    @Test("a tool that prints no version is unknown-version and still meets the capability")
    func noVersion() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/statsd", "echo 'usage: statsd config'")
        let r = scan([try tool("statsd")], path: dir.path + "/bin")
        #expect(status(r, "statsd")?.verdict.status == .unknownVersion)
        #expect(r.areas[0].capabilities[0].met)
    }

    @Test("a placeholder version such as 0.0.0 is unknown-version, and fails a minimum")
    func placeholder() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/spectral", "echo 0.0.0")
        let r = scan([try tool("spectral", min: "6.0")], path: dir.path + "/bin")
        #expect(status(r, "spectral")?.verdict.status == .unknownVersion)
        #expect(r.areas[0].capabilities[0].met == false)
    }

    @Test("a version below the minimum is outdated and does not meet the capability")
    func outdated() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/helm", "echo v2.17.0+ga690bad")
        let r = scan([try tool("helm", args: ["version", "--short"], min: "3.0.0")], path: dir.path + "/bin")
        #expect(status(r, "helm")?.verdict.status == .outdated)
        #expect(r.areas[0].status == .missing)
    }

    @Test("a hanging tool is killed at the timeout with its child, and the scan still completes")
    func hangingTool() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/hang", "sleep 60 & echo $! > \(dir.path)/child.pid; wait")
        try dir.tool("bin/ok", "echo ok 1.2.3")
        let started = Date()
        let r = scan([try tool("hang"), try tool("ok")], path: dir.path + "/bin", timeout: 0.5)
        let elapsed = Date().timeIntervalSince(started)
        #expect(status(r, "hang")?.verdict.status == .timeout)
        #expect(status(r, "ok")?.verdict.status == .present)
        #expect(elapsed < 30) // ended by the timeout, not by the 60 s sleep
        let pidText = try String(contentsOfFile: dir.path + "/child.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(pidText))
        #expect(processIsGone(pid), "the hanging tool's child \(pid) survived")
    }

    @Test("a tool that floods its output is bounded and still parsed")
    func flood() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/flood", "echo 'flood 9.9.9'; head -c 20000000 /dev/zero | tr '\\0' 'x'; head -c 5000000 /dev/zero >&2")
        let r = scan([try tool("flood", pattern: #"flood (\S+)"#)], path: dir.path + "/bin", timeout: 10)
        let verdict = try #require(status(r, "flood")?.verdict)
        #expect(verdict.version?.text == "9.9.9")
        #expect(verdict.attempt?.output?.stdoutTruncated == true)
        #expect((verdict.attempt?.output?.stdout.count ?? 0) <= 64 * 1024)
    }

    @Test("a file that cannot be executed is an error, not missing")
    func execFormatError() throws {
        let dir = try TemporaryFolder()
        try dir.file("bin/garbage", "\u{7F}ELF not really", mode: 0o755)
        let r = scan([try tool("garbage")], path: dir.path + "/bin")
        #expect(status(r, "garbage")?.verdict.status == .error)
    }

    @Test("a broken interpreter line is an error")
    func brokenInterpreter() throws {
        let dir = try TemporaryFolder()
        try dir.file("bin/pyish", "#!/nonexistent/python3\nprint(1)\n", mode: 0o755)
        let r = scan([try tool("pyish")], path: dir.path + "/bin")
        #expect(status(r, "pyish")?.verdict.status == .error)
    }

    @Test("exit-zero evidence: a host command whose plugin is absent does not prove the tool")
    func exitZeroEvidence() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/docker", "if [ \"$1\" = compose ]; then echo \"docker: 'compose' is not a docker command.\" >&2; exit 1; fi; echo 'Docker version 28.2.2'")
        let compose = Tool(
            id: "docker-compose", name: "Compose", summary: "s", homepage: "https://docs.docker.com",
            detection: .probes([
                Probe(command: "docker-compose", args: ["--version"]),
                Probe(command: "docker", args: ["compose", "version", "--short"], evidence: .exitZero),
            ]))
        let r = scan([compose], path: dir.path + "/bin")
        #expect(status(r, "docker-compose")?.verdict.status == .missing)
        try dir.tool("bin2/docker", "echo 2.29.7")
        let r2 = scan([compose], path: dir.path + "/bin2")
        #expect(status(r2, "docker-compose")?.verdict.status == .present)
        #expect(status(r2, "docker-compose")?.verdict.attempt?.argv?.suffix(3) == ["compose", "version", "--short"])
    }

    @Test("the probe sees LC_ALL=C and the catalog's variables, and no stdin")
    func environment() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/envtool", "echo \"envtool $LC_ALL-$GH_NO_UPDATE_NOTIFIER 1.0\"; cat; echo end")
        let t = Tool(
            id: "envtool", name: "e", summary: "s", homepage: "https://example.org",
            detection: .probes([Probe(command: "envtool", args: [], pattern: try VersionPattern(#"envtool (\S+) "#), env: ["GH_NO_UPDATE_NOTIFIER": "1"])]))
        let r = scan([t], path: dir.path + "/bin")
        #expect(status(r, "envtool")?.verdict.placeholder == "C-1")
    }

    @Test("--no-exec finds tools by PATH alone and runs nothing")
    func noExec() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/marker", "touch \(dir.path)/ran; echo marker 1.0")
        let r = scan([try tool("marker")], path: dir.path + "/bin", noExec: true)
        #expect(status(r, "marker")?.verdict.status == .present)
        #expect(status(r, "marker")?.verdict.version == nil)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/ran"))
    }

    @Test("relative PATH entries are reported as a finding and their tools are never run")
    func plantedBinary() throws {
        let c = catalog([try tool("kubectl", args: ["version", "--client"])])
        let runner = FakeRunner(outputs: ["./kubectl": .printed("Client Version: v1.30.0")])
        let resolver = PathResolver(searchPath: ".:/usr/bin", fileSystem: FakeFileSystem(executables: ["./kubectl"], cwd: "/checkout"))
        let scanner = Scanner(catalog: c, runner: runner, resolver: resolver, settings: ScanSettings(jobs: 8), environment: [:], host: HostInfo())
        let report = Evaluator(catalog: c, fileSystem: FakeFileSystem(executables: [])).evaluate(scanner.scan())
        #expect(status(report, "kubectl")?.verdict.status == .missing)
        #expect(status(report, "kubectl")?.verdict.attempt?.output == nil)
        let finding = try #require(report.findings.first { $0.kind == .relativePathEntry })
        #expect(finding.path == ".")
        #expect(finding.message.contains("/checkout"))
    }

    @Test("world-writable PATH folders and executables are security findings")
    func worldWritable() throws {
        let dir = try TemporaryFolder()
        let bin = try dir.folder("bin")
        let exe = try dir.tool("bin/ww", "echo ww 1.0")
        chmod(bin, 0o777)
        chmod(exe, 0o777)
        let r = scan([try tool("ww")], path: bin)
        #expect(r.findings.contains { $0.kind == .worldWritablePathDirectory && $0.path == bin })
        #expect(r.findings.contains { $0.kind == .worldWritableExecutable && $0.path == exe })
        chmod(bin, 0o1777)
        let sticky = scan([try tool("ww")], path: bin)
        #expect(!sticky.findings.contains { $0.kind == .worldWritablePathDirectory })
    }

    @Test("probes run concurrently, never more than --jobs at once")
    func concurrency() throws {
        var tools: [Tool] = []
        var executables = Set<String>()
        for i in 0..<12 {
            tools.append(try tool("slow\(i)"))
            executables.insert("/usr/bin/slow\(i)")
        }
        for jobs in [1, 4] {
            let runner = InFlightRunner(target: jobs)
            let c = catalog(tools)
            var scanner = Scanner(
                catalog: c, runner: runner, resolver: PathResolver(searchPath: "/usr/bin", fileSystem: FakeFileSystem(executables: executables)),
                settings: ScanSettings(jobs: jobs), environment: [:], host: HostInfo())
            scanner.cpuTime = IdleCPU() // the machine's real load would decide the overlap otherwise
            let result = scanner.scan()
            #expect(result.observations.count == 12)
            #expect(runner.maxInFlight == jobs, "jobs \(jobs): at most \(runner.maxInFlight) probes overlapped")
        }
    }
}

@Suite struct AlternativeProbeTests {
    @Test("an outdated first alternative does not hide a current later one (v1 docker-compose, then the plugin)")
    func outdatedThenCurrent() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/docker-compose", "echo 'docker-compose version 1.29.2, build unknown'")
        try dir.tool("bin/docker", "echo 'Docker Compose version v2.29.7'")
        let compose = Tool(
            id: "docker-compose", name: "Compose", summary: "s", homepage: "https://docs.docker.com",
            detection: .probes([
                Probe(command: "docker-compose", args: ["--version"]),
                Probe(command: "docker", args: ["compose", "version"], evidence: .exitZero),
            ]),
            minVersion: Version("2.0.0"))
        let area = Area(
            id: "o", name: "O", priority: .high, rank: 1, phase: 2, why: "w", impact: "i", useCases: [],
            capabilities: [Capability(id: "c", name: "c", tools: ["docker-compose"])])
        let catalog = Catalog(areas: [area], tools: ["docker-compose": compose])
        let scanner = Scanner(
            catalog: catalog, runner: ProbeRunner(), resolver: PathResolver(searchPath: dir.path + "/bin"),
            settings: ScanSettings(jobs: 8), environment: ["PATH": "/usr/bin:/bin"], host: HostInfo())
        let report = Evaluator(catalog: catalog).evaluate(scanner.scan())
        let tool = try #require(report.areas.first?.tools.first)
        #expect(tool.verdict.status == .present)
        #expect(tool.verdict.version?.text == "2.29.7")
        #expect(tool.path == dir.path + "/bin/docker")
        try FileManager.default.removeItem(atPath: dir.path + "/bin/docker")
        let onlyOld = Evaluator(catalog: catalog).evaluate(scanner.scan())
        #expect(onlyOld.areas.first?.tools.first?.verdict.status == .outdated)
    }
}

/// A runner that records how many probes run at once. Each probe waits at a barrier until `target`
/// probes are in flight together (then the barrier stays open), so reaching `--jobs` overlapping probes
/// does not depend on thread timing; the wait is bounded only so that a broken scheduler fails instead of hanging.
private final class InFlightRunner: ProcessRunning, Sendable {
    private struct State {
        var inFlight = 0
        var maxInFlight = 0
        var open = false
    }
    private let state = Mutex(State())
    private let target: Int

    init(target: Int) { self.target = target }

    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    func run(_ request: ProbeRequest) -> ProbeOutput {
        state.withLock { s in
            s.inFlight += 1
            s.maxInFlight = max(s.maxInFlight, s.inFlight)
            if s.inFlight >= target { s.open = true }
        }
        let deadline = Date().addingTimeInterval(30)
        while !state.withLock({ $0.open }) && Date() < deadline { usleep(1_000) }
        state.withLock { $0.inFlight -= 1 }
        return .printed("slow 1.0.0\n")
    }
}
