import Foundation
import Glibc
import Testing
@testable import CapAuditKit

/// The built capaudit started in the background with posix_spawn, so a test can signal it while it runs.
/// stdout and stderr go to files (nothing to drain); signals are unblocked and at their defaults, as from a shell.
private struct BackgroundCapaudit {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    /// `stdin` is a descriptor to give capaudit as its standard input (a pipe's read end); /dev/null without one.
    init(_ arguments: [String], environment: [String: String], outputIn dir: String, stdin: Int32? = nil) throws {
        stdoutPath = dir + "/capaudit.stdout"
        stderrPath = dir + "/capaudit.stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let argv = ([CapauditBinary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, CapauditBinary.path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
        self.pid = pid
    }

    /// The exit status (or 128 + signal) once it has exited, or nil when it still runs after `seconds`
    /// (it is then killed and reaped, so a failing test leaves nothing behind).
    func waitForExit(within seconds: Double) -> Int32? {
        let end = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        repeat {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
            if r < 0 && errno != EINTR { return nil }
            usleep(2_000)
        } while Date() < end
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return nil
    }

    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
}

/// A fake tool that hangs: it starts a child and a setsid daemon, writes "$$ child daemon" to `pidFile`
/// (atomically), then waits.
private func hangingTool(in dir: TemporaryFolder, pidFile: String, withDaemon: Bool = true) throws {
    try dir.tool(
        "bin/hang",
        withDaemon
            ? """
            sleep 300 &
            child=$!
            setsid sleep 300 >/dev/null 2>&1 &
            echo "$$ $child $!" > \(pidFile).tmp && mv \(pidFile).tmp \(pidFile)
            wait
            """
            : """
            sleep 300 &
            child=$!
            echo "$$ $child" > \(pidFile).tmp && mv \(pidFile).tmp \(pidFile)
            wait
            """)
    try dir.file(
        "catalog.json",
        """
        { "schemaVersion": 1,
          "area": { "id": "hang", "name": "Hang", "priority": "high", "rank": 1, "phase": 1, "why": "w", "impact": "i",
                    "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["hang"] } ] },
          "tools": [ { "id": "hang", "name": "hang", "summary": "Hangs.", "homepage": "https://example.com",
                       "probes": [ { "command": "hang", "args": ["--version"] } ] } ] }
        """)
}

/// The pid of the watchdog `capaudit` started (its child running the hidden mode), once it runs that mode.
private func waitForWatchdog(of capaudit: pid_t, within seconds: Double = 30) -> pid_t? {
    let end = Date().addingTimeInterval(seconds)
    repeat {
        for child in Subreaper.children(of: capaudit) where Subreaper.commandLine(of: child.pid).contains(ProbeWatchdog.modeArgument) {
            return child.pid
        }
        usleep(5_000)
    } while Date() < end
    return nil
}

private func waitForPids(_ path: String, count: Int, within seconds: Double = 60) -> [pid_t] {
    let end = Date().addingTimeInterval(seconds)
    repeat {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let pids = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t($0) }
            if pids.count >= count { return pids }
        }
        usleep(5_000)
    } while Date() < end
    return []
}

extension ProcessHeavySuites {
    @Suite struct InterruptTests {
        struct Case: Sendable, CustomTestStringConvertible {
            var signal: Int32
            var exitCode: Int32
            var word: String
            var testDescription: String { word }
        }

        static let cases = [
            Case(signal: SIGINT, exitCode: 130, word: "interrupted"), Case(signal: SIGTERM, exitCode: 143, word: "terminated"),
            Case(signal: SIGHUP, exitCode: 129, word: "hung up (SIGHUP)"),
        ]

        @Test(
            "SIGINT / SIGTERM / SIGHUP during a scan: exit 130 / 143 / 129 long before the probe's 60 s timeout, no probe process left (child and daemon too), no --output file or temp file",
            arguments: cases)
        func signalDuringScan(_ c: Case) throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            try hangingTool(in: dir, pidFile: pidFile)
            let output = dir.path + "/out/report.json"
            try dir.folder("out")
            let capaudit = try BackgroundCapaudit(
                ["scan", "--catalog", dir.path + "/catalog.json", "--timeout", "60", "--format", "json", "--output", output],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path], outputIn: dir.path)
            let pids = waitForPids(pidFile, count: 3)
            guard pids.count == 3 else {
                _ = capaudit.waitForExit(within: 0)
                Issue.record("the fake tool never started: \(capaudit.stderr)")
                return
            }
            kill(capaudit.pid, c.signal)
            // The probe hangs and its timeout is 60 s: only the signal path can end capaudit within 30 s.
            let code = capaudit.waitForExit(within: 30)
            #expect(code == c.exitCode, "stderr: \(capaudit.stderr)")
            #expect(capaudit.stderr.contains("capaudit: \(c.word); running probes were killed, no output file was written"))
            #expect(capaudit.stdout.isEmpty)
            for (pid, role) in zip(pids, ["tool", "its child", "its setsid daemon"]) {
                #expect(processIsGone(pid), "the probe's \(role) (pid \(pid)) is still running")
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out")
            #expect(left.isEmpty, "left in the output folder: \(left)")
        }

        @Test("an interrupted scan leaves an existing --output file untouched", arguments: cases)
        func existingOutputUntouched(_ c: Case) throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            try hangingTool(in: dir, pidFile: pidFile)
            try dir.folder("out")
            let original = "{\"previous\": \"report\"}\n"
            let output = try dir.file("out/report.json", original, mode: 0o640)
            let before = try FileManager.default.attributesOfItem(atPath: output)
            let capaudit = try BackgroundCapaudit(
                ["scan", "--catalog", dir.path + "/catalog.json", "--timeout", "60", "--output", output],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path], outputIn: dir.path)
            let pids = waitForPids(pidFile, count: 3)
            #expect(pids.count == 3)
            kill(capaudit.pid, c.signal)
            #expect(capaudit.waitForExit(within: 5) == c.exitCode)
            #expect(try String(contentsOfFile: output, encoding: .utf8) == original)
            let after = try FileManager.default.attributesOfItem(atPath: output)
            #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
            #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int, "the file was replaced")
            #expect((after[.posixPermissions] as? Int) == 0o640)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out") == ["report.json"])
            for pid in pids { #expect(processIsGone(pid)) }
        }

        @Test("SIGKILL during a scan (no handler runs): the probe and its child die with capaudit, killed by the watchdog, which then exits")
        func killedOutright() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            try hangingTool(in: dir, pidFile: pidFile, withDaemon: false)
            let capaudit = try BackgroundCapaudit(
                ["scan", "--catalog", dir.path + "/catalog.json", "--timeout", "60"],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path], outputIn: dir.path)
            let pids = waitForPids(pidFile, count: 2)
            let watchdog = waitForWatchdog(of: capaudit.pid)
            guard pids.count == 2, let watchdog else {
                _ = capaudit.waitForExit(within: 0)
                Issue.record("the fake tool (\(pids)) or the watchdog (\(String(describing: watchdog))) never started: \(capaudit.stderr)")
                return
            }
            kill(capaudit.pid, SIGKILL)
            #expect(capaudit.waitForExit(within: 30) == 128 + SIGKILL)
            // The probe's timeout is 60 s and capaudit ran no handler: only the watchdog can end them this soon.
            for (pid, role) in zip(pids, ["tool", "its child"]) {
                #expect(processIsGone(pid), "the probe's \(role) (pid \(pid)) outlived capaudit")
            }
            #expect(processIsGone(watchdog), "the watchdog (pid \(watchdog)) is still running")
        }

        @Test("capaudit mcp killed outright (SIGKILL) while a scan's probe runs: its watchdog kills the probe's process group")
        func mcpKilledOutright() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            try hangingTool(in: dir, pidFile: pidFile, withDaemon: false)
            // The client's end of stdin stays open (the server would end at end of file), close-on-exec so
            // only the read end, as fd 0, reaches capaudit.
            var fds: [Int32] = [-1, -1]
            try #require(pipe(&fds) == 0)
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            defer { close(fds[1]) }
            let capaudit = try BackgroundCapaudit(
                ["mcp", "--no-config", "--catalog", dir.path + "/catalog.json", "--timeout", "60", "--workdir", dir.path],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path], outputIn: dir.path, stdin: fds[0])
            close(fds[0])
            // tools/list runs the first scan (it finds the tools whose operations are offered): the probe hangs.
            let messages = [
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
                #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, #"{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}"#,
            ]
            let request = Array((messages.joined(separator: "\n") + "\n").utf8)
            #expect(request.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == request.count)
            let pids = waitForPids(pidFile, count: 2)
            // Started before the server reads anything, so it is there by the time a probe runs.
            let watchdog = waitForWatchdog(of: capaudit.pid, within: 5)
            guard pids.count == 2 else {
                _ = capaudit.waitForExit(within: 0)
                Issue.record("the fake tool never started: \(capaudit.stderr)")
                return
            }
            #expect(watchdog != nil, "capaudit mcp started no watchdog")
            kill(capaudit.pid, SIGKILL)
            #expect(capaudit.waitForExit(within: 30) == 128 + SIGKILL)
            // The probe's timeout is 60 s and capaudit ran no handler: only the watchdog can end them this soon.
            for (pid, role) in zip(pids, ["tool", "its child"]) {
                #expect(processIsGone(pid), "the probe's \(role) (pid \(pid)) outlived capaudit mcp")
            }
            if let watchdog { #expect(processIsGone(watchdog), "the watchdog (pid \(watchdog)) is still running") }
            // A failing run leaves nothing behind: the tool leads the probe's process group.
            if !processIsGone(pids[0], within: 0) { kill(-pids[0], SIGKILL) }
        }

        @Test("a second signal while the first is handled still ends capaudit with the first one's code")
        func doubleSignal() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            try hangingTool(in: dir, pidFile: pidFile)
            let capaudit = try BackgroundCapaudit(
                ["scan", "--catalog", dir.path + "/catalog.json", "--timeout", "60"],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path], outputIn: dir.path)
            let pids = waitForPids(pidFile, count: 3)
            #expect(pids.count == 3)
            kill(capaudit.pid, SIGINT)
            kill(capaudit.pid, SIGINT)
            kill(capaudit.pid, SIGTERM)
            let code = capaudit.waitForExit(within: 5)
            #expect(code == 130 || code == 143)
            for pid in pids { #expect(processIsGone(pid)) }
        }

        @Test("an interrupted --isolated-home scan removes its throw-away HOME")
        func isolatedHomeRemovedOnSignal() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            try hangingTool(in: dir, pidFile: pidFile)
            let tmp = try dir.folder("tmp")
            let capaudit = try BackgroundCapaudit(
                ["scan", "--catalog", dir.path + "/catalog.json", "--timeout", "60", "--isolated-home"],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path, "TMPDIR": tmp],
                outputIn: dir.path)
            #expect(waitForPids(pidFile, count: 3).count == 3)
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).contains { $0.hasPrefix("capaudit-home-") })
            kill(capaudit.pid, SIGINT)
            #expect(capaudit.waitForExit(within: 5) == 130)
            let left = try FileManager.default.contentsOfDirectory(atPath: tmp)
            #expect(left.isEmpty, "left in TMPDIR: \(left)")
        }
    }
}
