import CapAuditKit
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Counts the probes it really runs.
final class CountingRunner: ProcessRunning {
    let runs = Mutex(0)
    let inner = ProbeRunner()
    func run(_ request: ProbeRequest) -> ProbeOutput {
        runs.withLock { $0 += 1 }
        return inner.run(request)
    }
    var count: Int { runs.withLock { $0 } }
}

@Suite(.serialized) struct ProbeCacheTests {
    static func catalog(_ ids: [String]) -> Catalog {
        let tools = ids.map {
            Tool(
                id: $0, name: $0, summary: "s", homepage: "https://example.com",
                detection: .probes([Probe(command: $0, args: ["--version"])]))
        }
        let area = Area(
            id: "a", name: "A", priority: .high, rank: 1, phase: 1, why: "w", impact: "i", useCases: [],
            capabilities: [Capability(id: "c", name: "c", tools: ids)])
        return Catalog(areas: [area], tools: Dictionary(uniqueKeysWithValues: tools.map { ($0.id, $0) }))
    }

    static func scan(
        _ ids: [String], path: String, cacheFile: String, runner: CountingRunner, env: [String: String] = [:],
        cwd: String? = nil
    ) -> ScanResult {
        var scanner = CapAuditKit.Scanner(
            catalog: catalog(ids), runner: runner, resolver: PathResolver(searchPath: path),
            settings: ScanSettings(jobs: 4), environment: ["PATH": "/usr/bin:/bin"].merging(env) { $1 },
            host: HostInfo())
        scanner.cpuTime = IdleCPU()
        scanner.cache = ProbeCache(file: cacheFile)
        return scanner.scan()
    }

    static func versionPrinted(_ result: ScanResult, _ id: String) -> String? {
        result.observations[id]?.attempts.last.map { $0.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    @Test("a warm scan runs nothing and reports the same outputs, marked as cached")
    func warmScanRunsNothing() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/alpha", "echo alpha 1.2.3")
        try dir.tool("bin/beta", "echo beta 4.5.6")
        let cacheFile = dir.path + "/cache/probes.json"
        let cold = CountingRunner()
        let first = Self.scan(["alpha", "beta"], path: dir.path + "/bin", cacheFile: cacheFile, runner: cold)
        #expect(cold.count == 2)
        let warm = CountingRunner()
        let second = Self.scan(["alpha", "beta"], path: dir.path + "/bin", cacheFile: cacheFile, runner: warm)
        #expect(warm.count == 0)
        for id in ["alpha", "beta"] {
            #expect(Self.versionPrinted(second, id) == Self.versionPrinted(first, id))
            #expect(second.observations[id]?.attempts.last?.fromCache == true)
        }
    }

    @Test("touching or replacing a tool's file invalidates its entry, and only its entry")
    func touchAndReplaceInvalidate() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/alpha", "echo alpha 1.2.3")
        try dir.tool("bin/beta", "echo beta 4.5.6")
        let cacheFile = dir.path + "/probes.json"
        _ = Self.scan(["alpha", "beta"], path: dir.path + "/bin", cacheFile: cacheFile, runner: CountingRunner())
        // Touch: same contents, new mtime.
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, dir.path + "/bin/alpha", &times, 0) == 0)
        let afterTouch = CountingRunner()
        _ = Self.scan(["alpha", "beta"], path: dir.path + "/bin", cacheFile: cacheFile, runner: afterTouch)
        #expect(afterTouch.count == 1)
        // Replace: a new file (new inode) with a new version.
        try FileManager.default.removeItem(atPath: dir.path + "/bin/beta")
        try dir.tool("bin/beta", "echo beta 9.9.9")
        let afterReplace = CountingRunner()
        let result = Self.scan(["alpha", "beta"], path: dir.path + "/bin", cacheFile: cacheFile, runner: afterReplace)
        #expect(afterReplace.count == 1)
        #expect(Self.versionPrinted(result, "beta") == "beta 9.9.9")
    }

    @Test("a version manager's shim whose target cannot be known is never cached")
    func unknownShimNeverCached() throws {
        let dir = try TemporaryFolder()
        try dir.tool(".asdf/shims/gamma", "echo gamma 1.0")
        let cacheFile = dir.path + "/probes.json"
        for _ in 0..<2 {
            let runner = CountingRunner()
            _ = Self.scan(["gamma"], path: dir.path + "/.asdf/shims", cacheFile: cacheFile, runner: runner)
            #expect(runner.count == 1)
        }
    }

    @Test("a pyenv shim is keyed on the version it resolves to: switching versions runs it again")
    func pyenvShimResolved() throws {
        let dir = try TemporaryFolder()
        let root = dir.path + "/.pyenv"
        try dir.tool(".pyenv/shims/delta", "echo shim")
        try dir.tool(".pyenv/versions/3.11.7/bin/delta", "echo delta 1.0")
        try dir.tool(".pyenv/versions/3.12.1/bin/delta", "echo delta 2.0")
        try dir.file(".pyenv/version", "3.11.7\n")
        let work = try dir.folder("work")
        let cacheFile = dir.path + "/probes.json"
        let env = ["PYENV_ROOT": root]
        let target = PyenvShim.target(of: root + "/shims/delta", environment: env, currentDirectory: work)
        #expect(target == root + "/versions/3.11.7/bin/delta")
        _ = Self.scan(["delta"], path: root + "/shims", cacheFile: cacheFile, runner: CountingRunner(), env: env)
        let warm = CountingRunner()
        _ = Self.scan(["delta"], path: root + "/shims", cacheFile: cacheFile, runner: warm, env: env)
        #expect(warm.count == 0)
        try dir.file(".pyenv/version", "3.12.1\n")
        let switched = CountingRunner()
        _ = Self.scan(["delta"], path: root + "/shims", cacheFile: cacheFile, runner: switched, env: env)
        #expect(switched.count == 1)
        #expect(
            PyenvShim.target(
                of: root + "/shims/delta", environment: env.merging(["PYENV_VERSION": "3.11.7"]) { $1 },
                currentDirectory: work) == root + "/versions/3.11.7/bin/delta")
        try dir.file("work/.python-version", "system\n")
        #expect(PyenvShim.target(of: root + "/shims/delta", environment: env, currentDirectory: work) == nil)
    }

    @Test("a corrupt or foreign cache file is ignored and replaced, never fatal")
    func corruptFileReplaced() throws {
        let dir = try TemporaryFolder()
        try dir.tool("bin/alpha", "echo alpha 1.2.3")
        for junk in ["{not json", #"{"format":"something-else","version":1,"entries":{}}"#, ""] {
            let cacheFile = try dir.file("probes.json", junk)
            let runner = CountingRunner()
            let result = Self.scan(["alpha"], path: dir.path + "/bin", cacheFile: cacheFile, runner: runner)
            #expect(runner.count == 1)
            #expect(Self.versionPrinted(result, "alpha") == "alpha 1.2.3")
            #expect(ProbeCache(file: cacheFile).entryCount == 1)
        }
    }

    @Test("the cache keeps at most maxEntries, the most recently used")
    func bounded() throws {
        let dir = try TemporaryFolder()
        let file = dir.path + "/probes.json"
        let tick = Mutex(0.0)
        let cache = ProbeCache(
            file: file, maxEntries: 3,
            clock: {
                tick.withLock {
                    $0 += 1; return $0
                }
            })
        for i in 0..<5 { cache.store("k\(i)", .printed("v\(i)")) }
        _ = cache.lookup("k0") // used last: kept
        try cache.save()
        let reopened = ProbeCache(file: file, maxEntries: 3)
        #expect(reopened.entryCount == 3)
        #expect(reopened.lookup("k0") != nil)
        #expect(reopened.lookup("k4") != nil)
        #expect(reopened.lookup("k1") == nil)
    }

    @Test("timeouts and failed starts are not remembered")
    func onlyFinishedOutputs() throws {
        let dir = try TemporaryFolder()
        let cache = ProbeCache(file: dir.path + "/p.json")
        cache.store("t", ProbeOutput(termination: .timedOut))
        cache.store("f", ProbeOutput(termination: .failedToStart(errno: 2, message: "x")))
        #expect(cache.entryCount == 0)
    }

    @Test("the key leaves out the isolated HOME's per-run paths and volatile variables")
    func keyIgnoresPerRunPaths() throws {
        let dir = try TemporaryFolder()
        let tool = try dir.tool("bin/alpha", "echo alpha 1")
        let cache = ProbeCache(file: dir.path + "/p.json", volatilePaths: ["/tmp/run-1", "/tmp/run-2"])
        let a = cache.key(argv: [tool, "--version"], environment: ["HOME": "/tmp/run-1", "SHLVL": "1"], currentDirectory: "/")
        let b = cache.key(argv: [tool, "--version"], environment: ["HOME": "/tmp/run-2", "SHLVL": "3"], currentDirectory: "/")
        let c = cache.key(argv: [tool, "-v"], environment: ["HOME": "/tmp/run-1"], currentDirectory: "/")
        let d = cache.key(argv: [tool, "--version"], environment: ["HOME": "/tmp/run-1", "GH_NO_UPDATE_NOTIFIER": "1"], currentDirectory: "/")
        #expect(a != nil && a == b)
        #expect(a != c)
        #expect(a != d)
    }
}
