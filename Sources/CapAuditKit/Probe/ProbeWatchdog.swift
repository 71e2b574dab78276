import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Kills the probes' process groups when capaudit dies without a chance to do it itself (SIGKILL, the
/// OOM killer, a crash), which would otherwise leave them running under init.
///
/// Linux's parent-death signal (`PR_SET_PDEATHSIG`) must be set in the child between fork and exec, which
/// `posix_spawn` cannot do, and forking a multithreaded Swift process to run code before exec is not safe.
/// So a scan starts one watchdog (and `capaudit mcp` one for its whole life, shared by its scans and operation calls): capaudit's own binary in a hidden mode (`modeArgument`), in a session of
/// its own (a signal to capaudit's process group or terminal does not reach it), holding only the read end
/// of a close-on-exec pipe whose write end only capaudit holds. capaudit writes each probe group's id when
/// it starts and again when it ends; when capaudit dies, however it dies, the kernel closes the write end,
/// and the watchdog kills every group still listed and exits. An orderly end of the scan tells it to forget
/// everything first, then closes the pipe and reaps it. One exec per scan, a 4-byte write per probe start
/// and end (Tests/bench-watchdog.sh measures both, and what one exec per probe would cost instead).
///
/// Out of reach, as for timeouts: descendants that left their probe's process group (`setsid` daemons),
/// which only capaudit's subreaper finds, and only while capaudit lives.
public struct ProbeWatchdog: Sendable {
    /// argv[1] of the hidden mode; argv[2] is the pid of the capaudit that started it.
    public static let modeArgument = "__capaudit-probe-watchdog"

    /// The binary that runs the hidden mode: this process's own executable.
    public var executable: String
    public var registry: ProcessGroupRegistry

    public init(executable: String = "/proc/self/exe", registry: ProcessGroupRegistry = .shared) {
        self.executable = executable
        self.registry = registry
    }

    /// Starts the watchdog (or joins the running one); false when it could not be started.
    public func hold() -> Bool {
        registry.holdWatchdog { WatchdogLink.start(executable: executable) }
    }

    /// Ends a successful `hold()`.
    public func release() {
        registry.releaseWatchdog()
    }

    /// The hidden mode's whole program: reads group ids from `input` until end of file, then kills the
    /// groups still listed and exits. Refuses (exit 2) when `input` is not a pipe, so that a person who runs
    /// the mode by hand cannot make it signal anything by typing.
    public static func serve(arguments: [String], input: Int32 = STDIN_FILENO) -> Never {
        var status = stat()
        guard arguments.count == 2, Int32(arguments[1]) != nil, fstat(input, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else {
            let text = "capaudit: \(modeArgument) is an internal mode of `capaudit scan` and `capaudit mcp`; it is not meant to be run by hand\n"
            _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            _exit(2)
        }
        var groups = Set<pid_t>()
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending += buffer[..<count]
            let whole = pending.count - pending.count % 4
            for offset in stride(from: 0, to: whole, by: 4) {
                switch WatchdogMessage(bytes: pending[offset..<(offset + 4)]) {
                case .add(let pgid): groups.insert(pgid)
                case .remove(let pgid): groups.remove(pgid)
                case .forgetAll: groups.removeAll()
                }
            }
            pending.removeFirst(whole)
        }
        let own = getpgrp()
        // pgid 1 and below would mean init's group or every process: never valid probe groups.
        for pgid in groups where pgid > 1 && pgid != own { _ = kill(-pgid, SIGKILL) }
        _exit(0)
    }
}

/// One message on the watchdog's pipe: a native-endian Int32, positive to add a group, negative to
/// remove one, zero to forget all. Four bytes, so each write is atomic (below PIPE_BUF).
enum WatchdogMessage: Equatable {
    case add(pid_t)
    case remove(pid_t)
    case forgetAll

    init(bytes: ArraySlice<UInt8>) {
        var value: Int32 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes) }
        self = value > 0 ? .add(value) : value < 0 && value != Int32.min ? .remove(-value) : .forgetAll
    }

    var value: Int32 {
        switch self {
        case .add(let pgid): return pgid
        case .remove(let pgid): return -pgid
        case .forgetAll: return 0
        }
    }
}

/// capaudit's end of a running watchdog: its pid and the pipe's write end.
final class WatchdogLink: Sendable {
    let pid: pid_t
    private let fd: Int32

    private init(pid: pid_t, fd: Int32) {
        self.pid = pid
        self.fd = fd
    }

    /// Writes one message without blocking; a full pipe (a stopped watchdog) drops it rather than stall
    /// the scan. EPIPE (the watchdog is gone) is only an error code: SIGPIPE is ignored by capaudit, and
    /// the write end is never inherited by anything else.
    func send(_ message: WatchdogMessage) {
        var value = message.value
        while withUnsafeBytes(of: &value, { write(fd, $0.baseAddress, 4) }) < 0 && errno == EINTR {}
    }

    /// The orderly end: nothing to kill, end of file, reap (a watchdog that does not exit within two
    /// seconds, say one that is stopped, is killed).
    func finish() {
        send(.forgetAll)
        close(fd)
        var status: Int32 = 0
        for _ in 0..<2000 {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { return }
            usleep(1000)
        }
        _ = kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// Spawns `executable` in the hidden mode with the pipe's read end as stdin, /dev/null as stdout and
    /// stderr, nothing else open, in a new session, with default signal handling and an empty environment.
    static func start(executable: String) -> WatchdogLink? {
        // SIGPIPE must be ignored before a write can meet a dead watchdog (CLI.main ignores it already).
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [-1, -1]
        guard let pipe2 = SpawnFunctions.pipe2, pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
        // Kept above the standard descriptors, so that dup2 onto 0 below cannot clobber the other end.
        for slot in 0..<2 where fds[slot] <= STDERR_FILENO {
            let moved = fcntl(fds[slot], F_DUPFD_CLOEXEC, 3)
            close(fds[slot])
            fds[slot] = moved
        }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        defer { if readEnd >= 0 { close(readEnd) } }
        guard readEnd >= 0, writeEnd >= 0, fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK) == 0 else {
            if writeEnd >= 0 { close(writeEnd) }
            return nil
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var code = posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        if code == 0 { code = posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0) }
        if code == 0 { code = posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0) }
        if code == 0, let addCloseFrom = SpawnFunctions.addCloseFrom { code = addCloseFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        if code == 0 { code = posix_spawnattr_setsigmask(&attributes, &emptyMask) }
        if code == 0 { code = posix_spawnattr_setsigdefault(&attributes, &defaultSignals) }
        guard code == 0 else {
            close(writeEnd)
            return nil
        }
        let words: [String] = [executable, ProbeWatchdog.modeArgument, String(getpid())]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = [nil]
        var pid: pid_t = 0
        // A session of its own (POSIX_SPAWN_SETSID, glibc 2.26): neither Ctrl-C nor a kill of capaudit's
        // process group reaches it. Where that flag is refused, a process group of its own.
        for flags in [Self.setsid, POSIX_SPAWN_SETPGROUP] {
            code = posix_spawnattr_setflags(&attributes, Int16(flags | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            if code == 0 { code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
            if code != EINVAL { break }
        }
        guard code == 0 else {
            close(writeEnd)
            return nil
        }
        return WatchdogLink(pid: pid, fd: writeEnd)
    }

    /// POSIX_SPAWN_SETSID from glibc's spawn.h (declared only under _GNU_SOURCE, so not imported).
    private static let setsid: Int32 = 0x80
}
