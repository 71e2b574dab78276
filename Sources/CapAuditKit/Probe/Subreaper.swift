import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A process a probe left behind that escaped its process group (`setsid`, a double fork), found as a
/// child of capaudit after the scan because capaudit is a child subreaper.
public struct Survivor: Sendable, Equatable {
    public var pid: Int32
    /// argv as read from /proc/PID/cmdline before the process was killed; empty when it had none
    /// (it had already exited, or it is not readable).
    public var arguments: [String]
    /// The process name from /proc/PID/stat (at most 15 bytes, set by the kernel from the executable).
    public var name: String
    /// The executable (/proc/PID/exe), when readable.
    public var executable: String?
    /// False when it had already exited (a zombie waiting for capaudit to reap it).
    public var wasRunning: Bool

    public init(pid: Int32, arguments: [String], name: String, executable: String? = nil, wasRunning: Bool = true) {
        self.pid = pid
        self.arguments = arguments
        self.name = name
        self.executable = executable
        self.wasRunning = wasRunning
    }

    /// The command line as the shell would take it (`ShellQuote.word` per argument); the name in
    /// brackets when there is no command line.
    public var commandLine: String {
        guard !arguments.isEmpty else { return "[\(name)]" }
        return arguments.map(ShellQuote.word).joined(separator: " ")
    }
}

/// Makes capaudit a child subreaper (Linux `PR_SET_CHILD_SUBREAPER`), so that a probe descendant that
/// daemonizes is reparented to capaudit instead of init, and kills and reaps such survivors after the scan.
///
/// Reaping here only ever waits on specific pids seen as children that are not running probes, and only
/// after the scan: `ProbeRunner` waits on its own children by pid, and a wait on any child would steal them.
public enum Subreaper {
    /// Sets or clears the kernel flag (`SurvivorCollector.enable()` sets it for capaudit; tests clear it
    /// again to limit the window in which the test process adopts orphans).
    @discardableResult
    static func setKernelFlag(_ on: Bool) -> Bool {
        guard let prctl = PrctlFunction.prctl else { return false }
        return prctl(prSetChildSubreaper, on ? 1 : 0, 0, 0, 0) == 0
    }

    /// Whether the kernel flag is set for this process.
    static var kernelFlag: Bool {
        guard let prctl = PrctlFunction.prctl else { return false }
        var value: Int32 = 0
        let ok = withUnsafeMutablePointer(to: &value) { prctl(prGetChildSubreaper, UInt(bitPattern: $0), 0, 0, 0) == 0 }
        return ok && value != 0
    }

    /// Kills (SIGKILL), reaps and returns every child of this process that is not a running probe: after a
    /// scan, capaudit has no children of its own, so each one is something a probe left behind. Repeats
    /// until none is left, since killing a survivor hands its own children to capaudit. Members of a probe's
    /// own process group (`groups`), already killed with it and handed over as they died, are reaped but not
    /// returned. `include` limits which children may be touched (tests pass the pids they made, so that a
    /// test process never kills another test's children).
    static func collectSurvivors(excluding groups: Set<pid_t>, include: (pid_t) -> Bool) -> [Survivor] {
        var survivors: [Survivor] = []
        var handled = Set<pid_t>()
        let session = getsid(0)
        for _ in 0..<64 {
            let found = children().filter { child in
                !handled.contains(child.pid) && !groups.contains(child.pid) && !groups.contains(child.pgrp) && include(child.pid)
            }
            if found.isEmpty { break }
            var killed: [pid_t] = []
            for child in found {
                handled.insert(child.pid)
                // An unreaped child cannot give its pid away, so reading its details and then signalling it
                // cannot hit a stranger.
                let zombie = child.state == "Z"
                killed.append(child.pid)
                // A member of a probe's own process group: the runner killed the group (SIGKILL reaches every
                // member before the leader is reaped), and it came to capaudit only because its parent died
                // first. Not a daemon: it never left capaudit's session. Reaped without a word.
                if child.session == session && (zombie || killPending(child.pid)) { continue }
                let survivor = Survivor(
                    pid: child.pid, arguments: zombie ? [] : commandLine(of: child.pid), name: child.name,
                    executable: zombie ? nil : executable(of: child.pid), wasRunning: !zombie)
                survivors.append(survivor)
                if !zombie { _ = kill(child.pid, SIGKILL) }
            }
            for pid in killed { reap(pid) }
        }
        return survivors.sorted { $0.pid < $1.pid }
    }

    /// For the SIGINT/SIGTERM handler, after `ProcessGroupRegistry.killAll()`: sends SIGKILL to every live
    /// descendant, without reaping. Daemons a probe started with `setsid` are outside its group; capaudit, a
    /// subreaper, adopts them as the probe dies, so this repeats (every 2 ms, for at most `seconds`) until no
    /// live descendant is left; when there is none it returns at once.
    ///
    /// Zombies are skipped. A descendant seen alive keeps its pid until its parent reaps it, so the only risk
    /// is a pid freed and reused by a stranger between reading /proc and the signal, within microseconds.
    public static func killDescendants(within seconds: Double = 0.3) {
        let me = getpid()
        let end = Date().addingTimeInterval(seconds)
        repeat {
            let all = processes()
            var parentOf: [pid_t: pid_t] = [:]
            for p in all { parentOf[p.pid] = p.ppid }
            var live: [pid_t] = []
            for p in all where p.state != "Z" && p.pid != me {
                var ancestor = p.ppid
                var steps = 0
                while ancestor > 1 && ancestor != me && steps < 64, let next = parentOf[ancestor] {
                    ancestor = next
                    steps += 1
                }
                if ancestor == me { live.append(p.pid) }
            }
            if live.isEmpty { return }
            for pid in live { _ = kill(pid, SIGKILL) }
            usleep(2000)
        } while Date() < end
    }

    // MARK: - /proc

    struct ProcessEntry: Equatable {
        var pid: pid_t
        var name: String
        var state: Character
        var ppid: pid_t
        var pgrp: pid_t
        var session: pid_t
    }

    /// The processes whose parent is this process, from /proc/*/stat.
    static func children(of parent: pid_t = getpid()) -> [ProcessEntry] {
        processes().filter { $0.ppid == parent }
    }

    /// Every process visible in /proc (thread-group leaders), from /proc/*/stat.
    static func processes() -> [ProcessEntry] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var out: [ProcessEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = pid_t(name), pid > 0 else { continue }
            guard let stat = readSmallFile("/proc/\(pid)/stat"), let parsed = parseStat(stat) else { continue }
            out.append(
                ProcessEntry(
                    pid: pid, name: parsed.name, state: parsed.state, ppid: parsed.ppid, pgrp: parsed.pgrp,
                    session: parsed.session))
        }
        return out
    }

    /// Fields of /proc/PID/stat: `pid (comm) state ppid pgrp session ...`; comm may hold spaces and
    /// parentheses, so it ends at the last ')'.
    static func parseStat(_ bytes: [UInt8]) -> (name: String, state: Character, ppid: pid_t, pgrp: pid_t, session: pid_t)? {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")), open < close else {
            return nil
        }
        let name = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " ")).prefix(4).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 4, let state = fields[0].first, let ppid = pid_t(fields[1]), let pgrp = pid_t(fields[2]),
            let session = pid_t(fields[3])
        else { return nil }
        return (name, state, ppid, pgrp, session)
    }

    /// Whether SIGKILL is pending for the process (it is dying): the SigPnd (thread) or ShdPnd (process)
    /// masks in /proc/PID/status, where signal n is bit n - 1.
    static func killPending(_ pid: pid_t) -> Bool {
        guard let bytes = readSmallFile("/proc/\(pid)/status", limit: 16 * 1024) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("SigPnd:") || line.hasPrefix("ShdPnd:") {
            let hex = line.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? ""
            if let mask = UInt64(hex, radix: 16), mask & (1 << UInt64(SIGKILL - 1)) != 0 { return true }
        }
        return false
    }

    static func commandLine(of pid: pid_t) -> [String] {
        guard var bytes = readSmallFile("/proc/\(pid)/cmdline", limit: 64 * 1024), !bytes.isEmpty else { return [] }
        if bytes.last == 0 { bytes.removeLast() }
        return bytes.split(separator: 0, omittingEmptySubsequences: false).map { HostBytes.decode($0) }
    }

    static func executable(of pid: pid_t) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/\(pid)/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return HostBytes.decode(buffer[..<count].map { UInt8(bitPattern: $0) })
    }

    private static func readSmallFile(_ path: String, limit: Int = 4096) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while out.count < limit {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: buffer[..<n])
        }
        return Array(out.prefix(limit))
    }

    /// Waits for one killed child, by pid; gives up after about two seconds (a process stuck in an
    /// uninterruptible sleep dies only when the kernel lets it).
    private static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        for _ in 0..<2000 {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { return }
            usleep(1000)
        }
    }

    private static let prSetChildSubreaper: Int32 = 36 // PR_SET_CHILD_SUBREAPER, linux/prctl.h
    private static let prGetChildSubreaper: Int32 = 37 // PR_GET_CHILD_SUBREAPER
}

/// `prctl` is variadic in C, so Swift does not import it; looked up at run time and called with all five
/// arguments, which is how the kernel interface takes them.
private enum PrctlFunction {
    typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    static let prctl: Prctl? = {
        guard let symbol = dlsym(nil, "prctl") else { return nil }
        return unsafeBitCast(symbol, to: Prctl.self)
    }()
}
