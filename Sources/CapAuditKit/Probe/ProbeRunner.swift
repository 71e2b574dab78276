import Foundation
import Glibc

/// Runs a probe with `posix_spawn`: its own process group, stdin from /dev/null, stdout and stderr captured
/// up to `outputLimit` bytes each, no inherited descriptors, and a hard end at
/// `timeout + killGrace` (plus a few hundred milliseconds) whatever the child and its descendants do.
///
/// Synchronous and stateless apart from the group registry; safe to call from many threads at once.
/// Descendants that leave the process group (`setsid`, `setpgid`) are out of reach: the runner stops
/// reading their pipes at the deadline but cannot kill them.
public struct ProbeRunner: ProcessRunning {
    /// Where each running child's process group is recorded, so a signal handler can kill them all.
    public let registry: ProcessGroupRegistry
    /// Seconds to keep reading after the child exits on its own while descendants still hold the pipes.
    public var drainWindow: Double

    public init(registry: ProcessGroupRegistry = .shared, drainWindow: Double = 0.2) {
        self.registry = registry
        self.drainWindow = drainWindow
    }

    public func run(_ request: ProbeRequest) -> ProbeOutput {
        let start = monotonicSeconds()
        func elapsedMs() -> Int { Int(((monotonicSeconds() - start) * 1000).rounded()) }

        let child: SpawnedChild
        switch Spawner.spawn(request) {
        case .failed(let code):
            return ProbeOutput(
                termination: .failedToStart(errno: code, message: String(cString: strerror(code))),
                durationMs: elapsedMs())
        case .started(let started):
            child = started
        }
        let pid = child.pid // also the process-group id (POSIX_SPAWN_SETPGROUP with 0)
        registry.register(pid)

        let limit = max(0, request.outputLimit)
        var streams = [
            CapturedStream(fd: child.stdoutFD, limit: limit),
            CapturedStream(fd: child.stderrFD, limit: limit),
        ]
        let timeout = request.timeout.isNaN ? 0 : max(0, request.timeout)
        let grace = request.killGrace.isNaN ? 0 : max(0, request.killGrace)
        let deadline = start + timeout
        let hardDeadline = deadline + grace

        var timedOut = false
        var activity: ProbeActivity?
        // The last stretch before the deadline is watched apart: what the group did in it (used the CPU,
        // printed, or neither) tells a slow probe from a hung one.
        let watchFrom = deadline - min(1, timeout / 2)
        var observed = pump(&streams, watching: pid, until: watchFrom)
        if observed == .running {
            let cpuBefore = ProcessGroupCPU.ticks(of: pid)
            let printedBefore = streams.reduce(0) { $0 + $1.bytesRead }
            observed = pump(&streams, watching: pid, until: deadline)
            if observed == .running {
                let cpuAfter = ProcessGroupCPU.ticks(of: pid)
                activity = ProbeActivity.judge(
                    cpuTicks: cpuAfter &- cpuBefore, seconds: deadline - watchFrom,
                    printed: streams.reduce(0) { $0 + $1.bytesRead } > printedBefore)
            }
        }
        if observed == .running {
            timedOut = true
            signalGroup(pid, SIGTERM)
            signalGroup(pid, SIGCONT) // a stopped group would otherwise sit on SIGTERM until SIGKILL
            observed = pump(&streams, watching: pid, until: monotonicSeconds() + grace)
            if observed == .running {
                signalGroup(pid, SIGKILL)
                observed = waitForExit(pid)
            }
        } else if case .exited = observed {
            // Give descendants that still hold the pipes a moment to finish writing, no longer.
            let drainEnd = min(monotonicSeconds() + max(0, drainWindow), hardDeadline)
            _ = pump(&streams, watching: nil, until: drainEnd)
        }

        let termination: ProbeTermination
        switch observed {
        case .exited(let status):
            // The leader is a zombie until reaped below, so its pid cannot be reused yet: killing the group
            // here can only hit the child's own leftovers (a background grandchild holding a pipe, say).
            signalGroup(pid, SIGKILL)
            _ = pump(&streams, watching: nil, until: monotonicSeconds() + Self.finalDrain)
            registry.unregister(pid)
            reap(pid)
            termination = timedOut ? .timedOut : status
        case .running, .lost:
            // Someone else in this process reaped our child (a wait on any pid); its pid may already belong
            // to a stranger, so signal nothing. Exit status -1 stands for "unknown".
            registry.unregister(pid)
            termination = timedOut ? .timedOut : .exited(-1)
        }

        for stream in streams where stream.fd >= 0 { close(stream.fd) }
        return ProbeOutput(
            stdout: streams[0].data, stderr: streams[1].data,
            stdoutTruncated: streams[0].truncated, stderrTruncated: streams[1].truncated,
            termination: termination, durationMs: elapsedMs(), activityAtDeadline: activity)
    }

    /// How long to read after the whole group was killed: the pipes close as soon as the kernel has
    /// torn the processes down, unless something outside the group holds them.
    private static let finalDrain = 0.1

    // MARK: - Waiting

    private enum LeaderState: Equatable {
        case running
        case exited(ProbeTermination)
        /// waitid failed with ECHILD: the child was reaped by someone else.
        case lost
    }

    /// Reads both pipes until `end`; when `pid` is given, returns as soon as the leader has exited
    /// (observed without reaping it). Without a pid, also returns once both pipes are at end of file.
    private func pump(_ streams: inout [CapturedStream], watching pid: pid_t?, until end: Double) -> LeaderState {
        var idleRounds = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let pid {
                let state = observeExit(pid, block: false)
                if state != .running { return state }
            }
            let now = monotonicSeconds()
            if now >= end { return .running }
            let open = streams.indices.filter { streams[$0].fd >= 0 }
            if open.isEmpty && pid == nil { return .running }

            // Exit is noticed by polling waitid, so poll() wakes at least every few milliseconds while the
            // leader is watched; quickly at first, since pipes usually close just before the exit is visible.
            var waitMs = Int((min(end - now, 1) * 1000).rounded(.up)) // clamped first: `end` may be infinite
            if pid != nil { waitMs = min(waitMs, 1 << min(idleRounds, 4)) }
            waitMs = max(1, waitMs)

            var pollFDs = open.map { pollfd(fd: streams[$0].fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&pollFDs, nfds_t(pollFDs.count), Int32(waitMs))
            if ready < 0 && errno != EINTR { usleep(1000) } // cannot happen with valid fds; avoid a hot loop
            var progressed = false
            if ready > 0 {
                for (slot, index) in open.enumerated() where pollFDs[slot].revents != 0 {
                    if streams[index].readAvailable(&buffer) { progressed = true }
                }
            }
            idleRounds = progressed ? 0 : idleRounds + 1
        }
    }

    private func observeExit(_ pid: pid_t, block: Bool) -> LeaderState {
        while true {
            var info = siginfo_t()
            let options = WEXITED | WNOWAIT | (block ? 0 : WNOHANG)
            if waitid(P_PID, id_t(pid), &info, options) == 0 {
                if info._sifields._sigchld.si_pid == 0 { return .running } // WNOHANG, still running
                let status = info._sifields._sigchld.si_status
                switch info.si_code {
                case Int32(CLD_EXITED): return .exited(.exited(status))
                default: return .exited(.signaled(status)) // CLD_KILLED or CLD_DUMPED
                }
            }
            if errno == EINTR { continue }
            return .lost
        }
    }

    private func waitForExit(_ pid: pid_t) -> LeaderState {
        observeExit(pid, block: true)
    }

    private func reap(_ pid: pid_t) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    private func signalGroup(_ pgid: pid_t, _ signal: Int32) {
        _ = kill(-pgid, signal)
    }
}

// MARK: - Capture

/// One pipe's read end and what was kept from it.
private struct CapturedStream {
    /// -1 once end of file was reached (the descriptor is then closed).
    var fd: Int32
    let limit: Int
    var data = Data()
    var truncated = false
    /// Every byte read, kept or not.
    var bytesRead = 0

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    /// Reads what is available without blocking; returns whether anything was read or the pipe closed.
    mutating func readAvailable(_ buffer: inout [UInt8]) -> Bool {
        var progressed = false
        // A bounded number of reads per wakeup, so a flood on one pipe cannot starve the other.
        for _ in 0..<16 where fd >= 0 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                progressed = true
                bytesRead += count
                let keep = min(count, limit - data.count)
                if keep > 0 { buffer.withUnsafeBytes { data.append($0.bindMemory(to: UInt8.self).baseAddress!, count: keep) } }
                if keep < count { truncated = true }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { break }
            close(fd) // end of file, or an error that will not go away
            fd = -1
            progressed = true
        }
        return progressed
    }
}

// MARK: - Spawning

private struct SpawnedChild {
    let pid: pid_t
    let stdoutFD: Int32
    let stderrFD: Int32
}

private enum SpawnOutcome {
    case started(SpawnedChild)
    case failed(Int32)
}

private enum Spawner {
    static func spawn(_ request: ProbeRequest) -> SpawnOutcome {
        let environment = request.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // C strings end at NUL, and a name containing "=" would be read back as a different variable.
        let invalid =
            request.argv.contains { $0.utf8.contains(0) }
            || environment.contains { $0.utf8.contains(0) }
            || request.environment.keys.contains { $0.isEmpty || $0.contains("=") }
            || (request.workingDirectory?.utf8.contains(0) ?? false)
        if invalid { return .failed(EINVAL) }
        if request.workingDirectory != nil && SpawnFunctions.addChdir == nil { return .failed(ENOSYS) }

        guard let out = makePipe() else { return .failed(errno) }
        guard let err = makePipe() else {
            let code = errno
            close(out.read)
            close(out.write)
            return .failed(code)
        }
        // The parent never writes; its copies of the write ends must go so that end of file can arrive.
        defer {
            close(out.write)
            close(err.write)
        }
        func fail(_ code: Int32) -> SpawnOutcome {
            close(out.read)
            close(err.read)
            return .failed(code)
        }
        for fd in [out.read, err.read] {
            let flags = fcntl(fd, F_GETFL)
            if flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0 { return fail(errno) }
        }

        var actions = posix_spawn_file_actions_t()
        var code = posix_spawn_file_actions_init(&actions)
        if code != 0 { return fail(code) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        code = posix_spawnattr_init(&attributes)
        if code != 0 { return fail(code) }
        defer { posix_spawnattr_destroy(&attributes) }

        code = posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        if code == 0 { code = posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO) }
        if code == 0 { code = posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO) }
        if code == 0, let addCloseFrom = SpawnFunctions.addCloseFrom {
            code = addCloseFrom(&actions, 3)
        }
        if code == 0, let directory = request.workingDirectory, let addChdir = SpawnFunctions.addChdir {
            code = addChdir(&actions, HostBytes.cString(directory))
        }
        if code != 0 { return fail(code) }

        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        code = posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        if code == 0 { code = posix_spawnattr_setpgroup(&attributes, 0) }
        if code == 0 { code = posix_spawnattr_setsigmask(&attributes, &emptyMask) }
        if code == 0 { code = posix_spawnattr_setsigdefault(&attributes, &defaultSignals) }
        if code != 0 { return fail(code) }

        // Paths, arguments and values as the bytes they stand for (see HostBytes), not their UTF-8.
        let argv: [UnsafeMutablePointer<CChar>?] = request.argv.map { HostBytes.duplicate($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { HostBytes.duplicate($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        // glibc reports exec failures (ENOENT, EACCES, ENOEXEC...) as the return value.
        // ETXTBSY is usually transient: a process forked elsewhere at the moment the executable was being
        // written still holds the writer's descriptor until its own exec closes it. Retry briefly.
        for delayMs in [1, 2, 4, 8, 16, 0] {
            code = posix_spawn(&pid, HostBytes.cString(request.executable), &actions, &attributes, argv, envp)
            if code != ETXTBSY || delayMs == 0 { break }
            usleep(useconds_t(delayMs * 1000))
        }
        if code != 0 { return fail(code) }
        return .started(SpawnedChild(pid: pid, stdoutFD: out.read, stderrFD: err.read))
    }

    /// A close-on-exec pipe whose ends are above the standard descriptors, so that the dup2 actions cannot
    /// clobber each other even if the parent was started with 0, 1 or 2 closed.
    private static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        if let pipe2 = SpawnFunctions.pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
        } else {
            // Not atomic: a fork elsewhere in the process may inherit these. Our own children close them anyway.
            guard pipe(&fds) == 0 else { return nil }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        for slot in 0..<2 where fds[slot] <= STDERR_FILENO {
            let moved = fcntl(fds[slot], F_DUPFD_CLOEXEC, 3)
            let code = errno
            close(fds[slot])
            fds[slot] = moved
            if moved < 0 {
                fds.filter { $0 >= 0 }.forEach { close($0) }
                errno = code
                return nil
            }
        }
        return (fds[0], fds[1])
    }
}

/// glibc functions that Swift's Glibc module does not import (they are declared only under _GNU_SOURCE),
/// looked up at run time. All exist in glibc 2.34 and later.
enum SpawnFunctions {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// Without it, descriptors opened elsewhere in capaudit without O_CLOEXEC would leak into probes.
    static let addCloseFrom: AddCloseFrom? = lookup("posix_spawn_file_actions_addclosefrom_np")
    static let addChdir: AddChdir? = lookup("posix_spawn_file_actions_addchdir_np")
    static let pipe2: Pipe2? = lookup("pipe2")

    private static func lookup<Function>(_ name: String) -> Function? {
        // A nil handle is RTLD_DEFAULT: search the process's global symbols, which include libc.
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}

private func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
}
