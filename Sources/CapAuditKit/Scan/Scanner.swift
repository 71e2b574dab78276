import Foundation
import Synchronization

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
/// Each probe runs on a dedicated thread (blocking waits do not belong on Swift's cooperative pool), started
/// by `ProbeScheduler` as the cores allow, slowest expected first, so a scan takes about as long as its
/// slowest version command or the CPU time of all of them spread over the cores, whichever is larger.
public struct Scanner: Sendable {
    public var catalog: Catalog
    public var runner: any ProcessRunning
    public var resolver: PathResolver
    public var settings: ScanSettings
    /// The user's environment; probes get it with `LC_ALL=C` and the catalog's per-tool variables.
    public var environment: [String: String]
    public var host: HostInfo
    public var now: @Sendable () -> Date
    /// Version constraints that replace the catalog's (from the project file), so the scanner stops at
    /// the same alternative the evaluator will accept.
    public var versionConstraints: [String: VersionConstraint] = [:]
    /// Where the scheduler reads how much CPU the running probes want (see `ProbeScheduler`); nil runs one
    /// probe per core.
    public var cpuTime: (any ProbeCPUDemand)? = RunnableProbeProcesses()
    /// Outputs of earlier scans (`--cache`); nil runs every version command.
    public var cache: ProbeCache?
    /// Reads the found files' own metadata (versions without running anything); nil reads none.
    public var metadata: ToolMetadataReader?
    /// Kills and reports what probes left behind after the scan; nil (in-process tests) touches no child.
    public var survivors: SurvivorCollector?
    /// Kills the running probes' groups if capaudit is killed outright (see `ProbeWatchdog`); nil (in-process
    /// tests, where this process is not capaudit's binary) starts none.
    public var watchdog: ProbeWatchdog?

    public init(
        catalog: Catalog, runner: any ProcessRunning, resolver: PathResolver, settings: ScanSettings,
        environment: [String: String], host: HostInfo, now: @escaping @Sendable () -> Date = { Date() }
    ) {
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
        // Tools that run nothing (not on PATH, --no-exec, every output cached) are looked at on this thread;
        // the rest go to the scheduler, longest first so that the slowest probe does not start last.
        // Each tool's first cache key is computed here once, and handed to `observe` with the tool.
        let estimates = toolIDs.map { expectedCost(catalog.tools[$0]!) }
        let costs = estimates.map(\.ms)
        let toRun = toolIDs.indices.filter { costs[$0] != nil }.sorted { costs[$0]! != costs[$1]! ? costs[$0]! > costs[$1]! : $0 < $1 }
        let scheduler = ProbeScheduler(cap: settings.jobs, cpu: cpuTime)
        let observeOne: @Sendable (Int) -> Void = { index in
            let id = queue[index]
            state.started(id)
            let observation = self.observe(self.catalog.tools[id]!, knownKey: estimates[index].key)
            let snapshot = state.finished(id, observation)
            progress?(snapshot)
        }
        for index in toolIDs.indices where costs[index] == nil { observeOne(index) }
        let watched = !toRun.isEmpty && watchdog?.hold() == true
        scheduler.run(toRun, observeOne)
        if watched { watchdog?.release() } // before survivors are collected: the watchdog is not one
        if let cache { try? cache.save() } // a cache that cannot be written costs the next scan time, nothing else
        // Every probe is reaped now, so any child left is something a probe daemonized (see Subreaper).
        let survivors = self.survivors?.collectAfterScan() ?? []
        let observations = withMetadata(state.observations)
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - startTick) / 1_000_000)
        return ScanResult(
            host: host, startedAt: started, durationMs: elapsed, settings: settings,
            areaIDs: areas.map(\.id), observations: observations, searchPath: resolver.searchPath,
            relativePathEntries: resolver.relativeEntries, currentDirectory: resolver.fileSystem.currentDirectory(),
            survivors: survivors)
    }

    /// The probe's timeout: `--timeout` when the user gave one, else the larger of the default and the
    /// catalog's timeout for a known-slow tool.
    public func timeout(for probe: Probe) -> Double {
        settings.timeoutFromUser ? settings.timeout : max(settings.timeout, probe.timeout ?? 0)
    }

    /// A probe's cache key, computed before the scan schedules its tool, so that `observe` does not compute
    /// it again. A nil `key`: the command must not be cached.
    struct KnownCacheKey: Sendable {
        var probeIndex: Int
        var key: String?
    }

    /// What one tool's version command is expected to cost, in milliseconds, to start the slowest first: a
    /// catalog timeout hint (known slow), else a script (an interpreter start-up) above a binary. Nil when
    /// nothing will run: the tool is not on PATH, `--no-exec`, or its output is in the cache. With a cache,
    /// also the cache key of the probe it looked at (the first one on PATH).
    func expectedCost(_ tool: Tool) -> (ms: Int?, key: KnownCacheKey?) {
        guard !settings.noExec else { return (nil, nil) }
        for (index, probe) in tool.probes.enumerated() {
            guard let path = resolver.lookup(probe.command).resolved else { continue }
            let environment = probeEnvironment(for: probe)
            var known: KnownCacheKey?
            if let cache {
                let key = cache.key(
                    argv: [path] + probe.args, environment: environment,
                    currentDirectory: resolver.fileSystem.currentDirectory())
                known = KnownCacheKey(probeIndex: index, key: key)
                if let key, cache.expectedDurationMs(key) != nil { return (nil, known) }
            }
            if let hint = probe.timeout { return (Int(hint * 200), known) }
            return (ExecutableIdentity.interpreter(of: path, environment: environment) != nil ? 400 : 50, known)
        }
        return (nil, nil)
    }

    /// The observations with each found file's metadata attached (`ProbeAttempt.sources`), read in one
    /// batch so that the package lists are read once per scan.
    public func withMetadata(_ observations: [String: ToolObservation]) -> [String: ToolObservation] {
        guard let metadata else { return observations }
        var out = observations
        var places: [(id: String, attempt: Int)] = []
        var executables: [(path: String, command: String)] = []
        for (id, observation) in observations.sorted(by: { $0.key < $1.key }) {
            for (i, attempt) in observation.attempts.enumerated() {
                guard let path = attempt.lookup.resolved else { continue }
                places.append((id, i))
                executables.append((path, attempt.lookup.command))
            }
        }
        for (place, sources) in zip(places, metadata.sources(for: executables)) {
            out[place.id]!.attempts[place.attempt].sources = sources
        }
        return out
    }

    /// Looks for one tool: each probe alternative in order until one is decisive.
    public func observe(_ tool: Tool) -> ToolObservation {
        observe(tool, knownKey: nil)
    }

    /// `observe(_:)`, reusing the cache key `expectedCost` computed for one of the probes.
    func observe(_ tool: Tool, knownKey: KnownCacheKey?) -> ToolObservation {
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
            let request = ProbeRequest(
                executable: path, arguments: probe.args, environment: probeEnvironment(for: probe),
                timeout: timeout(for: probe))
            let key =
                knownKey?.probeIndex == index
                ? knownKey?.key
                : cache?.key(argv: request.argv, environment: request.environment, currentDirectory: resolver.fileSystem.currentDirectory())
            var attempt: ProbeAttempt
            if let cache, let key, let remembered = cache.lookup(key) {
                attempt = ProbeAttempt(probeIndex: index, lookup: lookup, argv: request.argv, output: remembered)
                attempt.fromCache = true
            } else {
                let output = runner.run(request)
                if let cache, let key { cache.store(key, output) }
                attempt = ProbeAttempt(probeIndex: index, lookup: lookup, argv: request.argv, output: output)
            }
            attempts.append(attempt)
            if ProbeJudgement.judge(attempt, probe: probe, constraint: versionConstraints[tool.id] ?? tool.versionConstraint, toolNames: [tool.id, tool.name]).decisive { break }
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
private final class ScanState: Sendable {
    private struct State {
        var done = 0
        var running: [String: UInt64] = [:]
        var observations: [String: ToolObservation] = [:]
    }
    private let state = Mutex(State())
    private let total: Int

    init(total: Int) { self.total = total }

    var observations: [String: ToolObservation] { state.withLock { $0.observations } }

    func started(_ id: String) {
        state.withLock { $0.running[id] = DispatchTime.now().uptimeNanoseconds }
    }

    func finished(_ id: String, _ observation: ToolObservation) -> ScanProgress {
        state.withLock { s in
            s.running[id] = nil
            s.observations[id] = observation
            s.done += 1
            let now = DispatchTime.now().uptimeNanoseconds
            let slowest = s.running.min { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { (tool: $0.key, seconds: Double(now - $0.value) / 1e9) }
            return ScanProgress(done: s.done, total: total, slowest: slowest)
        }
    }
}
