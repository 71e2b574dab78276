import CapAuditKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder removed when the test is done.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("capaudit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Creates a subfolder and returns its path.
    @discardableResult
    func folder(_ name: String) throws -> String {
        let u = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u.path
    }

    /// Writes a file with the given mode and returns its path.
    @discardableResult
    func file(_ relative: String, _ contents: String, mode: Int = 0o644) throws -> String {
        let u = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: u)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: u.path)
        return u.path
    }

    /// A fake tool: a tiny `#!/bin/sh` script, executable.
    @discardableResult
    func tool(_ relative: String, _ body: String) throws -> String {
        try file(relative, "#!/bin/sh\n" + body + "\n", mode: 0o755)
    }
}

/// Where the test fixtures live (copied into the test bundle by SwiftPM, but read from the
/// source tree so golden files can be regenerated in place).
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot: URL = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: url(relative)), as: UTF8.self)
    }

    /// Compares `actual` with a golden file; with `UPDATE_GOLDEN=1` rewrites it and fails, so the
    /// change is reviewed before it is accepted.
    static func matchesGolden(_ actual: String, _ relative: String) -> (ok: Bool, message: String) {
        let u = url("golden/" + relative)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: u)
            return (false, "golden file \(relative) rewritten; review the diff and run again without UPDATE_GOLDEN")
        }
        guard let expected = try? String(decoding: Data(contentsOf: u), as: UTF8.self) else {
            return (false, "golden file \(relative) is missing; run with UPDATE_GOLDEN=1 to create it")
        }
        if expected == actual { return (true, "") }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end>"
            let al = i < a.count ? String(a[i]) : "<end>"
            if el != al { return (false, "\(relative) differs at line \(i + 1):\n expected: \(el)\n actual:   \(al)") }
        }
        return (false, "\(relative) differs")
    }
}

/// A runner that returns canned outputs by executable path, for tests that must not spawn.
struct FakeRunner: ProcessRunning {
    var outputs: [String: ProbeOutput]
    func run(_ request: ProbeRequest) -> ProbeOutput {
        outputs[request.executable] ?? ProbeOutput(termination: .failedToStart(errno: ENOENT, message: "No such file or directory"))
    }
}

/// A filesystem where the given paths are executables and everything else is absent.
struct FakeFileSystem: FileSystemView {
    var executables: Set<String>
    var cwd = "/work"
    func status(_ path: String) -> FileStatus? {
        if executables.contains(path) { return FileStatus(kind: .regular, mode: 0o755) }
        if executables.contains(where: { $0.hasPrefix(path + "/") }) { return FileStatus(kind: .directory, mode: 0o755) }
        return nil
    }
    func isBrokenSymlink(_ path: String) -> Bool { false }
    func isExecutableByUser(_ path: String) -> Bool { executables.contains(path) }
    func currentDirectory() -> String { cwd }
}

extension ProbeOutput {
    static func printed(_ stdout: String, stderr: String = "", exit: Int32 = 0, ms: Int = 12) -> ProbeOutput {
        ProbeOutput(stdout: Data(stdout.utf8), stderr: Data(stderr.utf8), termination: .exited(exit), durationMs: ms)
    }
}

/// True once `pid` no longer runs: gone, or a zombie (killed; orphans wait for a reaper, and in
/// some containers PID 1 never reaps).
func processIsGone(_ pid: pid_t, within seconds: Double = 10) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    repeat {
        if kill(pid, 0) == -1 && errno == ESRCH { return true }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")"),
            stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        {
            return true
        }
        usleep(10_000)
    } while Date() < end
    return false
}

/// The suites that spawn many processes (the built binary, fake tools, daemons, signals). They run one
/// test at a time, so that on a loaded 2-core machine they do not starve each other into timeouts.
@Suite(.serialized) enum ProcessHeavySuites {}
