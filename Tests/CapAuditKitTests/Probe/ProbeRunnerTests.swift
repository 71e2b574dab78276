import Foundation
import Glibc
import Testing
@testable import CapAuditKit

extension ProcessHeavySuites {
    @Suite struct ProbeRunnerTests {
        // MARK: Output and exit status

        @Test("stdout of a version flag is captured and exit 0 is reported")
        func versionOnStdout() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "echo 'faketool 1.2.3'")
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool))
                #expect(output.termination == .exited(0))
                #expect(text(output.stdout) == "faketool 1.2.3\n")
                #expect(output.stderr.isEmpty)
                #expect(!output.stdoutTruncated && !output.stderrTruncated)
            }
        }

        @Test("output written only to stderr lands in stderr")
        func stderrOnly() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "echo 'version 9' >&2")
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool))
                #expect(output.termination == .exited(0))
                #expect(output.stdout.isEmpty)
                #expect(text(output.stderr) == "version 9\n")
            }
        }

        @Test("a non-zero exit status is reported with both streams preserved")
        func nonZeroExit() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "echo out; echo err >&2; exit 3")
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool))
                #expect(output.termination == .exited(3))
                #expect(output.exitCode == 3)
                #expect(text(output.stdout) == "out\n")
                #expect(text(output.stderr) == "err\n")
            }
        }

        @Test("an infinite timeout is accepted and means no timeout")
        func infiniteTimeout() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "sleep 0.05; echo ok")
                let output = ProbeRunner(registry: ProcessGroupRegistry())
                    .run(request(tool, timeout: .infinity, killGrace: .infinity))
                #expect(output.termination == .exited(0))
                #expect(text(output.stdout) == "ok\n")
            }
        }

        @Test("5 MB on stdout and stderr at once completes, keeps exactly outputLimit bytes of each, flags truncation")
        func largeOutputOnBothStreams() throws {
            try withScratch { dir in
                let tool = try script(
                    in: dir,
                    """
                    head -c 5000000 /dev/zero | tr '\\0' a &
                    head -c 5000000 /dev/zero | tr '\\0' b >&2
                    wait
                    """)
                let limit = 100_000
                let output = ProbeRunner(registry: ProcessGroupRegistry())
                    .run(request(tool, timeout: 8, outputLimit: limit))
                #expect(output.termination == .exited(0))
                #expect(output.stdout.count == limit)
                #expect(output.stderr.count == limit)
                #expect(output.stdout.allSatisfy { $0 == UInt8(ascii: "a") })
                #expect(output.stderr.allSatisfy { $0 == UInt8(ascii: "b") })
                #expect(output.stdoutTruncated)
                #expect(output.stderrTruncated)
            }
        }

        @Test("output of exactly outputLimit bytes is kept whole and not flagged as truncated")
        func outputAtLimitIsNotTruncated() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "printf 12345; printf abc >&2")
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool, outputLimit: 5))
                #expect(text(output.stdout) == "12345")
                #expect(!output.stdoutTruncated)
                #expect(text(output.stderr) == "abc")
                #expect(!output.stderrTruncated)
            }
        }

        @Test("invalid UTF-8 and NUL bytes come back byte for byte")
        func invalidUTF8() throws {
            try withScratch { dir in
                let tool = try script(in: dir, #"printf '\377\376\000abc\200'"#)
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool))
                #expect(output.termination == .exited(0))
                #expect(output.stdout == Data([0xFF, 0xFE, 0x00, 0x61, 0x62, 0x63, 0x80]))
            }
        }

        // MARK: Timeouts and process groups

        @Test("a child that sleeps forever is killed at the timeout and reported as timed out")
        func sleepsForever() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "sleep 60")
                let (output, seconds) = timed {
                    ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool, timeout: 0.5, killGrace: 0.5))
                }
                #expect(output.termination == .timedOut)
                #expect(output.timedOut)
                #expect(seconds >= 0.5)
                #expect(seconds < 30) // ended by the timeout, not by the 60 s sleep
                #expect(output.durationMs >= 500)
            }
        }

        @Test("a group that ignores SIGTERM is SIGKILLed after the grace period")
        func ignoresSIGTERM() throws {
            try withScratch { dir in
                let tool = try script(
                    in: dir,
                    """
                    trap '' TERM
                    sleep 60 &
                    echo $! > "$1/pid"
                    echo started
                    wait
                    """)
                let (output, seconds) = timed {
                    ProbeRunner(registry: ProcessGroupRegistry())
                        .run(request(tool, [dir.path], timeout: 0.5, killGrace: 0.3))
                }
                #expect(output.termination == .timedOut)
                #expect(text(output.stdout) == "started\n")
                // Only SIGKILL could end it, and that is sent when the grace period is over.
                #expect(seconds >= 0.5 + 0.3)
                #expect(seconds < 30) // ended by SIGKILL, not by the 60 s sleep
                let grandchild = try #require(readPid(dir))
                #expect(processIsGone(grandchild))
            }
        }

        @Test("a stopped child is still killed at the timeout")
        func stoppedChild() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "kill -STOP $$; sleep 60")
                let (output, seconds) = timed {
                    ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool, timeout: 0.5, killGrace: 0.3))
                }
                #expect(output.termination == .timedOut)
                #expect(seconds < 30) // a stopped child never ends by itself
            }
        }

        @Test("a background grandchild holding stdout does not delay the result, and is killed afterwards")
        func backgroundGrandchildAfterExit() throws {
            try withScratch { dir in
                let tool = try script(
                    in: dir,
                    """
                    sleep 60 &
                    echo $! > "$1/pid"
                    echo done
                    exit 0
                    """)
                let registry = ProcessGroupRegistry()
                let (output, seconds) = timed {
                    ProbeRunner(registry: registry).run(request(tool, [dir.path], timeout: 30))
                }
                #expect(output.termination == .exited(0))
                #expect(text(output.stdout) == "done\n")
                #expect(seconds < 30) // did not wait for the grandchild's pipe until the timeout
                let grandchild = try #require(readPid(dir))
                #expect(processIsGone(grandchild))
                #expect(registry.activeGroups.isEmpty)
            }
        }

        @Test("a grandchild that ignores SIGTERM and holds the pipe, under a hanging parent, ends with the timeout")
        func stubbornGrandchildHangingParent() throws {
            try withScratch { dir in
                let tool = try script(
                    in: dir,
                    """
                    (trap '' TERM; exec sleep 60) &
                    echo $! > "$1/pid"
                    sleep 60
                    """)
                let (output, seconds) = timed {
                    ProbeRunner(registry: ProcessGroupRegistry())
                        .run(request(tool, [dir.path], timeout: 0.5, killGrace: 0.5))
                }
                #expect(output.termination == .timedOut)
                #expect(seconds < 30) // the grandchild holding the pipe sleeps 60 s
                let grandchild = try #require(readPid(dir))
                #expect(processIsGone(grandchild))
            }
        }

        @Test("a child killed by its own signal is reported as signaled, not timed out")
        func killedBySignal() throws {
            try withScratch { dir in
                let runner = ProbeRunner(registry: ProcessGroupRegistry())
                let nine = runner.run(request(try script(in: dir, "echo before; kill -9 $$", name: "nine")))
                #expect(nine.termination == .signaled(9))
                #expect(text(nine.stdout) == "before\n")
                let term = runner.run(request(try script(in: dir, "kill -TERM $$", name: "term")))
                #expect(term.termination == .signaled(SIGTERM))
            }
        }

        // MARK: Child environment

        @Test("stdin is /dev/null, so a child that reads stdin ends at once")
        func stdinIsDevNull() throws {
            try withScratch { dir in
                let tool = try script(
                    in: dir,
                    """
                    cat
                    echo "cat=$?"
                    readlink /proc/$$/fd/0
                    """)
                let (output, seconds) = timed {
                    ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool, timeout: 30))
                }
                #expect(output.termination == .exited(0))
                #expect(text(output.stdout) == "cat=0\n/dev/null\n")
                #expect(seconds < 30) // a child reading a terminal would wait until the timeout
            }
        }

        @Test("the child sees exactly the environment of the request")
        func exactEnvironment() throws {
            let environment = ["FOO": "bar", "EMPTY": "", "SPACED": "a b=c"]
            let output = ProbeRunner(registry: ProcessGroupRegistry())
                .run(ProbeRequest(executable: "/usr/bin/env", arguments: [], environment: environment))
            #expect(output.termination == .exited(0))
            let lines = Set(text(output.stdout).split(separator: "\n", omittingEmptySubsequences: true).map(String.init))
            #expect(lines == ["FOO=bar", "EMPTY=", "SPACED=a b=c"])
            // The test process has PATH; the child must not.
            #expect(!lines.contains { $0.hasPrefix("PATH=") })
        }

        @Test("argv[0] is the executable path and arguments are passed verbatim")
        func argumentsVerbatim() throws {
            try withScratch { dir in
                let tool = try script(in: dir, #"echo "$0"; for a in "$@"; do echo "[$a]"; done"#)
                let output = ProbeRunner(registry: ProcessGroupRegistry())
                    .run(request(tool, ["--version", "two words", "'quoted' $HOME"]))
                #expect(text(output.stdout) == "\(tool)\n[--version]\n[two words]\n['quoted' $HOME]\n")
            }
        }

        @Test("the working directory is applied when set")
        func workingDirectory() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "pwd -P")
                var probe = request(tool)
                probe.workingDirectory = dir.path
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(probe)
                #expect(output.termination == .exited(0))
                let expected = dir.resolvingSymlinksInPath().path
                #expect(text(output.stdout) == expected + "\n")

                probe.workingDirectory = dir.appendingPathComponent("missing").path
                let missing = ProbeRunner(registry: ProcessGroupRegistry()).run(probe)
                #expect(missing.termination == .failedToStart(errno: ENOENT, message: String(cString: strerror(ENOENT))))
            }
        }

        @Test("a descriptor the parent opened without O_CLOEXEC is not inherited")
        func noInheritedDescriptors() throws {
            try withScratch { dir in
                let marker = dir.appendingPathComponent("inherited-marker").path
                try writeFile(marker, Data("x".utf8), mode: 0o644)
                let fd = open(marker, O_RDONLY) // deliberately without O_CLOEXEC
                try #require(fd >= 0)
                defer { close(fd) }
                let tool = try script(
                    in: dir,
                    """
                    if [ -e /proc/$$/fd/\(fd) ]; then echo "fd \(fd) open"; else echo "fd \(fd) closed"; fi
                    ls -l /proc/$$/fd
                    """)
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool))
                #expect(output.termination == .exited(0))
                let listing = text(output.stdout)
                #expect(listing.hasPrefix("fd \(fd) closed\n"))
                #expect(!listing.contains("inherited-marker"))
            }
        }

        // MARK: Failing to start

        @Test("a missing executable fails to start with ENOENT")
        func missingExecutable() throws {
            try withScratch { dir in
                let output = ProbeRunner(registry: ProcessGroupRegistry())
                    .run(request(dir.appendingPathComponent("no-such-tool").path))
                #expect(output.termination == .failedToStart(errno: ENOENT, message: String(cString: strerror(ENOENT))))
                #expect(output.exitCode == nil)
            }
        }

        @Test("a file without execute permission fails to start with EACCES")
        func notExecutable() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "echo hi", mode: 0o644)
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(tool))
                #expect(output.termination == .failedToStart(errno: EACCES, message: String(cString: strerror(EACCES))))
            }
        }

        @Test("an executable file with garbage content and no shebang fails to start with ENOEXEC")
        func garbageExecutable() throws {
            try withScratch { dir in
                let path = dir.appendingPathComponent("garbage").path
                try writeFile(path, Data([0x00, 0x01, 0xFF, 0x7F, 0x45, 0x4C]), mode: 0o755)
                let output = ProbeRunner(registry: ProcessGroupRegistry()).run(request(path))
                #expect(output.termination == .failedToStart(errno: ENOEXEC, message: String(cString: strerror(ENOEXEC))))
            }
        }

        @Test("arguments containing NUL are refused with EINVAL instead of being cut short")
        func nulInArgument() throws {
            let output = ProbeRunner(registry: ProcessGroupRegistry())
                .run(ProbeRequest(executable: "/bin/echo", arguments: ["a\u{0}b"], environment: [:]))
            #expect(output.termination == .failedToStart(errno: EINVAL, message: String(cString: strerror(EINVAL))))
        }

        // MARK: Concurrency and the registry

        @Test("16 probes run concurrently all succeed with their own output")
        func concurrentProbes() throws {
            try withScratch { dir in
                let tool = try script(in: dir, #"echo "out $1"; echo "err $1" >&2; exit $(($1 % 7))"#)
                let registry = ProcessGroupRegistry()
                let runner = ProbeRunner(registry: registry)
                let results = Results(count: 16)
                DispatchQueue.concurrentPerform(iterations: 16) { index in
                    results.set(index, runner.run(request(tool, ["\(index)"])))
                }
                for index in 0..<16 {
                    let output = try #require(results.get(index))
                    #expect(output.termination == .exited(Int32(index % 7)))
                    #expect(text(output.stdout) == "out \(index)\n")
                    #expect(text(output.stderr) == "err \(index)\n")
                }
                #expect(registry.activeGroups.isEmpty)
            }
        }

        @Test("killAll kills running groups at once, and any group registered after it")
        func registryKillAll() throws {
            try withScratch { dir in
                let tool = try script(in: dir, "sleep 60")
                let registry = ProcessGroupRegistry()
                let runner = ProbeRunner(registry: registry)
                let results = Results(count: 1)
                let done = DispatchSemaphore(value: 0)
                let started = Date()
                DispatchQueue.global().async {
                    results.set(0, runner.run(request(tool, timeout: 30)))
                    done.signal()
                }
                while registry.activeGroups.isEmpty && Date().timeIntervalSince(started) < 20 { usleep(5_000) }
                try #require(!registry.activeGroups.isEmpty)
                registry.killAll()
                #expect(done.wait(timeout: .now() + 20) == .success)
                // SIGKILL, not the timeout (which would end the probe as timed out) and not the 60 s sleep.
                #expect(results.get(0)?.termination == .signaled(SIGKILL))
                #expect(registry.activeGroups.isEmpty)

                let late = runner.run(request(tool, timeout: 30))
                #expect(late.termination == .signaled(SIGKILL))
            }
        }
    }
}

// MARK: - Helpers

private func request(
    _ executable: String, _ arguments: [String] = [], timeout: Double = 5,
    killGrace: Double = 0.5, outputLimit: Int = 64 * 1024
) -> ProbeRequest {
    ProbeRequest(
        executable: executable, arguments: arguments, environment: ["PATH": "/usr/bin:/bin"],
        timeout: timeout, killGrace: killGrace, outputLimit: outputLimit)
}

/// Runs `body` with a fresh temporary folder that is removed afterwards.
private func withScratch(_ body: (URL) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("probe-runner-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try body(dir)
}

/// Writes a `#!/bin/sh` script and returns its path.
private func script(in dir: URL, _ body: String, name: String = "tool", mode: mode_t = 0o755) throws -> String {
    let path = dir.appendingPathComponent(name).path
    try writeFile(path, Data("#!/bin/sh\n\(body)\n".utf8), mode: mode)
    return path
}

/// Writes through a close-on-exec descriptor: a child spawned by a concurrent test must not inherit the
/// writer, or exec of this file fails with ETXTBSY.
private func writeFile(_ path: String, _ data: Data, mode: mode_t) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == data.count else { throw POSIXError(.EIO) }
    guard fchmod(fd, mode) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}

private func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

private func timed<T>(_ body: () -> T) -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

private func readPid(_ dir: URL) -> pid_t? {
    guard let contents = try? String(contentsOf: dir.appendingPathComponent("pid"), encoding: .utf8) else { return nil }
    return pid_t(contents.trimmingCharacters(in: .whitespacesAndNewlines))
}

/// True once `pid` no longer runs, waiting up to a second for the kernel. A zombie counts as gone: an orphan
/// is reparented to PID 1, which in some containers never reaps it.
/// Results collected from several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [ProbeOutput?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: ProbeOutput) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }

    func get(_ index: Int) -> ProbeOutput? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
