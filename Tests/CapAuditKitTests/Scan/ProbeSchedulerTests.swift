import CapAuditKit
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Probes that never want a CPU: they only wait.
struct IdleCPU: ProbeCPUDemand {
    var cores = 2
    func runnableProcesses() -> Int? { 0 }
}

/// Probes that keep every core busy.
struct SaturatedCPU: ProbeCPUDemand {
    var cores = 2
    func runnableProcesses() -> Int? { cores }
}

/// Records how many jobs ran at once and in which order they started. Each job holds at a barrier until
/// `releaseAt` jobs are in flight together (then the barrier stays open), so reaching the expected overlap
/// does not depend on thread timing; the hold is bounded (`maxHold`) only so that a scheduler that never
/// reaches the overlap fails instead of hanging.
final class OverlapRecorder: Sendable {
    let state = Mutex<(inFlight: Int, maxInFlight: Int, started: [Int])>((0, 0, []))
    let release = DispatchSemaphore(value: 0)
    let releaseAt: Int
    let maxHold: Double

    init(releaseAt: Int, maxHold: Double = 30) {
        self.releaseAt = releaseAt
        self.maxHold = maxHold
    }

    func job(_ index: Int) {
        let reached = state.withLock { s -> Bool in
            s.inFlight += 1
            s.maxInFlight = max(s.maxInFlight, s.inFlight)
            s.started.append(index)
            return s.inFlight == releaseAt
        }
        if reached { for _ in 0..<1000 { release.signal() } }
        _ = release.wait(timeout: .now() + maxHold)
        state.withLock { $0.inFlight -= 1 }
    }
}

@Suite struct ProbeSchedulerTests {
    @Test("with idle cores, probes that wait overlap up to the cap and never beyond it")
    func idleCoresOverlapUpToCap() {
        let recorder = OverlapRecorder(releaseAt: 6)
        ProbeScheduler(cap: 6, cpu: IdleCPU()).run(Array(0..<20)) { recorder.job($0) }
        let s = recorder.state.withLock { $0 }
        #expect(s.started.count == 20)
        #expect(s.maxInFlight == 6)
    }

    @Test("while the probes keep every core busy, no more start, whatever the cap")
    func saturatedCoresHoldBack() {
        // Each job holds 0.3 s hoping for a second one to start beside it; none must. (A lower bound only: a
        // slow machine gives the scheduler longer to go wrong, never a reason to fail.)
        let recorder = OverlapRecorder(releaseAt: 2, maxHold: 0.3)
        ProbeScheduler(cap: 8, cpu: SaturatedCPU()).run(Array(0..<5)) { recorder.job($0) }
        let s = recorder.state.withLock { $0 }
        #expect(s.started.count == 5)
        #expect(s.maxInFlight == 1)
    }

    @Test("without a CPU time source, at most one probe per core runs")
    func noSourceOnePerCore() {
        let recorder = OverlapRecorder(releaseAt: ProcessInfo.processInfo.activeProcessorCount)
        ProbeScheduler(cap: 32, cpu: nil).run(Array(0..<10)) { recorder.job($0) }
        let s = recorder.state.withLock { $0 }
        #expect(s.started.count == 10)
        #expect(s.maxInFlight == ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test("probes start in the order given")
    func startsInOrder() {
        let recorder = OverlapRecorder(releaseAt: 1)
        let order = [4, 2, 0, 3, 1]
        ProbeScheduler(cap: 1, cpu: IdleCPU()).run(order) { recorder.job($0) }
        #expect(recorder.state.withLock { $0.started } == order)
    }
}

@Suite struct ScanOrderTests {
    @Test("the scan starts the tools expected to be slowest first: catalog-slow, then scripts, then binaries")
    func slowestFirst() throws {
        let dir = try TemporaryFolder()
        try dir.folder("bin")
        try FileManager.default.copyItem(atPath: "/bin/true", toPath: dir.path + "/bin/fastbin")
        try dir.tool("bin/script", "echo script 1.0")
        try dir.tool("bin/slowtool", "echo slowtool 1.0")
        func tool(_ id: String, timeout: Double? = nil) -> Tool {
            var probe = Probe(command: id, args: ["--version"])
            probe.timeout = timeout
            return Tool(id: id, name: id, summary: "s", homepage: "https://example.com", detection: .probes([probe]))
        }
        let tools = [tool("fastbin"), tool("script"), tool("slowtool", timeout: 20)]
        let area = Area(
            id: "a", name: "A", priority: .high, rank: 1, phase: 1, why: "w", impact: "i", useCases: [],
            capabilities: [Capability(id: "c", name: "c", tools: tools.map(\.id))])
        let catalog = Catalog(areas: [area], tools: Dictionary(uniqueKeysWithValues: tools.map { ($0.id, $0) }))
        let runner = OrderRecordingRunner()
        var scanner = CapAuditKit.Scanner(
            catalog: catalog, runner: runner, resolver: PathResolver(searchPath: dir.path + "/bin"),
            settings: ScanSettings(jobs: 1), environment: ["PATH": "/usr/bin:/bin"], host: HostInfo())
        scanner.cpuTime = IdleCPU()
        _ = scanner.scan()
        #expect(runner.order.withLock { $0 } == ["slowtool", "script", "fastbin"])
    }

    @Test("a catalog timeout applies only when the user gave no --timeout")
    func catalogTimeoutHint() {
        var probe = Probe(command: "aws", args: ["--version"])
        probe.timeout = 15
        let catalog = Catalog(areas: [], tools: [:])
        let fs = FakeFileSystem(executables: [])
        func scanner(_ settings: ScanSettings) -> CapAuditKit.Scanner {
            CapAuditKit.Scanner(
                catalog: catalog, runner: OrderRecordingRunner(), resolver: PathResolver(searchPath: "/usr/bin", fileSystem: fs),
                settings: settings, environment: [:], host: HostInfo())
        }
        #expect(scanner(ScanSettings(timeout: 5)).timeout(for: probe) == 15)
        #expect(scanner(ScanSettings(timeout: 5, timeoutFromUser: true)).timeout(for: probe) == 5)
        #expect(scanner(ScanSettings(timeout: 30)).timeout(for: probe) == 30)
    }
}

/// Records the command names in the order their probes ran.
final class OrderRecordingRunner: ProcessRunning {
    let order = Mutex<[String]>([])
    func run(_ request: ProbeRequest) -> ProbeOutput {
        order.withLock { $0.append((request.executable as NSString).lastPathComponent) }
        return .printed("tool 1.0.0\n")
    }
}

@Suite(.serialized) struct RunnableProbeProcessesTests {
    @Test("a probe burning CPU is runnable and a sleeping one is not")
    func statesOfRealProcesses() throws {
        let registry = ProcessGroupRegistry()
        let demand = RunnableProbeProcesses(registry: registry, cores: 2)
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["5"]
        try sleeper.run()
        // SIGKILL: the test process may ignore SIGTERM (signal-handling tests), and children inherit that.
        defer { kill(sleeper.processIdentifier, SIGKILL); sleeper.waitUntilExit() }
        let spinner = Process()
        spinner.executableURL = URL(fileURLWithPath: "/bin/sh")
        spinner.arguments = ["-c", "while :; do :; done"]
        try spinner.run()
        defer { kill(spinner.processIdentifier, SIGKILL); spinner.waitUntilExit() }
        usleep(100_000)
        registry.register(sleeper.processIdentifier)
        #expect(demand.runnableProcesses() == 0)
        registry.register(spinner.processIdentifier)
        // A spinning process is in state R whenever it is sampled, running or waiting for a core.
        let samples = (0..<20).compactMap { _ in demand.runnableProcesses() }
        #expect(samples.filter { $0 == 1 }.count >= 15, "samples: \(samples)")
        registry.unregister(sleeper.processIdentifier)
        registry.unregister(spinner.processIdentifier)
    }
}
