import Foundation

/// Progress of a running scan, for the one-line indicator on a terminal.
public struct ScanProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    /// The tool that has been running longest, with its seconds so far.
    public var slowest: (tool: String, seconds: Double)?

    public static func == (a: ScanProgress, b: ScanProgress) -> Bool {
        a.done == b.done && a.total == b.total && a.slowest?.tool == b.slowest?.tool
    }
}

/// Probes every tool the selected areas name, concurrently, and records the facts.
///
/// Probes run on `jobs` dedicated threads (blocking waits do not belong on Swift's cooperative
/// pool), so a scan takes about as long as its slowest version command.
public struct Scanner: Sendable {
    public var catalog: Catalog
    public var runner: any ProcessRunning
    public var resolver: PathResolver
    public var settings: ScanSettings
    /// The user's environment; probes get it with `LC_ALL=C` and the catalog's per-tool variables.
    public var environment: [String: String]
    public var host: HostInfo
    public var now: @Sendable () -> Date
    /// Minimum versions that replace the catalog's (from the project file), so the scanner stops at
    /// the same alternative the evaluator will accept.
    public var minVersions: [String: Version] = [:]

    public init(catalog: Catalog, runner: any ProcessRunning, resolver: PathResolver, settings: ScanSettings,
                environment: [String: String], host: HostInfo, now: @escaping @Sendable () -> Date = { Date() }) {
        self.catalog = catalog
        self.runner = runner
        self.resolver = resolver
        self.settings = settings
        self.environment = environment
        self.host = host
        self.now = now
    }

    /// The environment one probe runs with.
    public func probeEnvironment(for probe: Probe) -> [String: String] {
        var env = environment
        env["LC_ALL"] = "C"
        for (k, v) in probe.env { env[k] = v }
        return env
    }

    /// Scans the given areas (all when empty), plus `extraToolIDs` (tools a gate requires even when
    /// their areas are not scanned).
    public func scan(areaIDs: [String] = [], extraToolIDs: [String] = [], progress: (@Sendable (ScanProgress) -> Void)? = nil) -> ScanResult {
        let started = now()
        let startTick = DispatchTime.now().uptimeNanoseconds
        let areas = areaIDs.isEmpty ? catalog.areas : catalog.areas.filter { areaIDs.contains($0.id) }
        var toolIDs: [String] = []
        var seen = Set<String>()
        for area in areas {
            for id in catalog.toolIDs(of: area) where seen.insert(id).inserted {
                if let tool = catalog.tools[id], tool.isScannable { toolIDs.append(id) }
            }
        }
        for id in extraToolIDs where seen.insert(id).inserted {
            if let tool = catalog.tools[id], tool.isScannable { toolIDs.append(id) }
        }
        let queue = toolIDs
        let state = ScanState(total: queue.count)
        let jobs = max(1, min(settings.jobs, toolIDs.count))
        let group = DispatchGroup()
        for _ in 0..<jobs {
            group.enter()
            let thread = Thread {
                while let index = state.next() {
                    let id = queue[index]
                    state.started(id)
                    let observation = self.observe(self.catalog.tools[id]!)
                    let snapshot = state.finished(id, observation)
                    progress?(snapshot)
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        // Every probe is reaped now, so any child left is something a probe daemonized (see Subreaper).
        let survivors = Subreaper.collectSurvivorsAfterScan()
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - startTick) / 1_000_000)
        return ScanResult(host: host, startedAt: started, durationMs: elapsed, settings: settings,
                          areaIDs: areas.map(\.id), observations: state.observations, searchPath: resolver.searchPath,
                          relativePathEntries: resolver.relativeEntries, currentDirectory: resolver.fileSystem.currentDirectory(),
                          survivors: survivors)
    }

    /// Looks for one tool: each probe alternative in order until one is decisive.
    public func observe(_ tool: Tool) -> ToolObservation {
        var attempts: [ProbeAttempt] = []
        for (index, probe) in tool.probes.enumerated() {
            let lookup = resolver.lookup(probe.command)
            guard let path = lookup.resolved else {
                attempts.append(ProbeAttempt(probeIndex: index, lookup: lookup))
                continue
            }
            if settings.noExec {
                attempts.append(ProbeAttempt(probeIndex: index, lookup: lookup))
                break
            }
            let request = ProbeRequest(executable: path, arguments: probe.args, environment: probeEnvironment(for: probe),
                                       timeout: settings.timeout)
            let output = runner.run(request)
            let attempt = ProbeAttempt(probeIndex: index, lookup: lookup, argv: request.argv, output: output)
            attempts.append(attempt)
            if ProbeJudgement.judge(attempt, probe: probe, minVersion: minVersions[tool.id] ?? tool.minVersion).decisive { break }
        }
        return ToolObservation(toolID: tool.id, attempts: attempts, jobEnvironment: tool.jobEnvironment?.match(environment))
    }
}

extension Tool {
    /// Whether a scan looks for it at all: something to probe or a CI job environment to read, on this platform.
    public var isScannable: Bool {
        (!probes.isEmpty || jobEnvironment != nil) && exists(on: Tool.currentPlatform)
    }
}

/// The work queue and results shared by the scan threads.
private final class ScanState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let total: Int
    private var done = 0
    private var running: [String: UInt64] = [:]
    private(set) var observations: [String: ToolObservation] = [:]

    init(total: Int) { self.total = total }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < total else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func started(_ id: String) {
        lock.lock(); defer { lock.unlock() }
        running[id] = DispatchTime.now().uptimeNanoseconds
    }

    func finished(_ id: String, _ observation: ToolObservation) -> ScanProgress {
        lock.lock(); defer { lock.unlock() }
        running[id] = nil
        observations[id] = observation
        done += 1
        let now = DispatchTime.now().uptimeNanoseconds
        let slowest = running.min { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { (tool: $0.key, seconds: Double(now - $0.value) / 1e9) }
        return ScanProgress(done: done, total: total, slowest: slowest)
    }
}
