import CapAuditKit
import Foundation
import Glibc
import Testing

extension ProcessHeavySuites {
    /// Issue 8, second pass: the smaller classes, config trust, loader variables, the config named in
    /// reports, and a signal path that never blocks. Runs the built binary many times, so serialised.
    @Suite struct HardeningCLITests {
        let mini = Fixtures.url("catalogs/mini").path

        @Test("--timeout 0x10, 1e1, inf and nan are refused: plain decimal only", arguments: ["0x10", "1e1", "inf", "nan", ".5", "5."])
        func timeoutSyntax(_ value: String) {
            let r = CapauditBinary.run(["scan", "--catalog", mini, "--no-config", "--timeout", value])
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains("--timeout"))
        }

        @Test("a waiver expiring on a day that does not exist (2027-02-31) is refused; 2028-02-29 is accepted")
        func waiverDates() throws {
            let catalog = try BuiltinCatalog.load()
            func parse(_ date: String) throws(ConfigError) {
                _ = try ProjectConfig.parse(
                    Data(#"{"schemaVersion": 1, "waivers": [{"target": "secrets", "reason": "r", "expires": "\#(date)"}]}"#.utf8),
                    path: ".capaudit.json", catalog: catalog, today: "2026-01-01")
            }
            #expect(throws: ConfigError.self) { try parse("2027-02-31") }
            #expect(throws: ConfigError.self) { try parse("2027-04-31") }
            #expect(throws: ConfigError.self) { try parse("2027-02-29") }
            try parse("2028-02-29")
        }

        @Test("a CRLF shebang and a missing interpreter are explained, not just 'No such file or directory'")
        func shebangs() throws {
            let dir = try TemporaryFolder()
            let crlf = try dir.file("crlf", "#!/bin/sh\r\necho 1.2.3\r\n", mode: 0o755)
            let missing = try dir.file("missing", "#!/nonexistent/python3 -u\nprint(1)\n", mode: 0o755)
            let crlfWhy = try #require(Shebang.diagnose(path: crlf, errno: ENOENT))
            #expect(crlfWhy.contains("carriage return") && crlfWhy.contains("CRLF"))
            let missingWhy = try #require(Shebang.diagnose(path: missing, errno: ENOENT))
            #expect(missingWhy.contains("/nonexistent/python3") && missingWhy.contains("does not exist"))
            let ok = try dir.file("ok", "#!/bin/sh\necho\n", mode: 0o755)
            #expect(Shebang.diagnose(path: ok, errno: ENOENT) == nil)
        }

        @Test("a PATH folder this user cannot search is reported as such, not as 'not there'")
        func unsearchableFolder() throws {
            guard geteuid() != 0 else {
                // Root searches every folder; check the classification with a fake view instead.
                let fs = FakeFileSystem(executables: ["/locked/other"])
                let lookup = PathResolver(searchPath: "/locked", fileSystem: fs).lookup("gh")
                #expect(lookup.candidates.first?.outcome == .folderNotSearchable)
                return
            }
        }

        @Test("an unset PATH is searched as execvp does (/bin:/usr/bin) and said so, not reported as an empty entry")
        func unsetPath() throws {
            let dir = try TemporaryFolder()
            let output = ProbeRunner().run(
                ProbeRequest(
                    executable: CapauditBinary.path, arguments: ["scan", "--catalog", mini, "--no-config", "--format", "json"],
                    environment: ["HOME": dir.path], timeout: 60, outputLimit: 4 << 20, workingDirectory: dir.path))
            let stderr = String(decoding: output.stderr, as: UTF8.self)
            let stdout = String(decoding: output.stdout, as: UTF8.self)
            #expect(stderr.contains("PATH is not set; searching /bin:/usr/bin"))
            #expect(!stdout.contains("empty entry"))
            #expect(stdout.contains("\"searchPath\"") == false || stdout.contains("/bin:/usr/bin"))
        }

        func workFolder(config: String, mode: Int = 0o644) throws -> (TemporaryFolder, String) {
            let dir = try TemporaryFolder()
            try dir.folder("empty")
            let path = try dir.file("work/.capaudit.json", config, mode: mode)
            return (dir, path)
        }

        @Test("a discovered .capaudit.json owned by another user is refused with exit 3, naming the file and --config / --no-config")
        func foreignConfig() throws {
            guard geteuid() == 0 else { return }
            let (dir, path) = try workFolder(config: #"{"schemaVersion": 1, "failOn": "critical"}"#)
            #expect(chown(path, 12345, 12345) == 0)
            let r = CapauditBinary.run(["scan", "--catalog", mini], environment: ["PATH": dir.path + "/empty"], cwd: dir.path + "/work")
            #expect(r.exitCode == 3)
            #expect(r.stderr.contains(path) && r.stderr.contains("not trusted"))
            #expect(r.stderr.contains("--config") && r.stderr.contains("--no-config"))
            // Accepting it explicitly applies its gate; skipping it scans without.
            #expect(CapauditBinary.run(["scan", "--catalog", mini, "--config", path], environment: ["PATH": dir.path + "/empty"], cwd: dir.path + "/work").exitCode == 1)
            #expect(CapauditBinary.run(["scan", "--catalog", mini, "--no-config"], environment: ["PATH": dir.path + "/empty"], cwd: dir.path + "/work").exitCode == 0)
        }

        @Test("a discovered .capaudit.json writable by group or others is refused")
        func writableConfig() throws {
            let (dir, path) = try workFolder(config: #"{"schemaVersion": 1}"#, mode: 0o666)
            #expect(chmod(path, 0o666) == 0)
            let r = CapauditBinary.run(["scan", "--catalog", mini], environment: ["PATH": dir.path + "/empty"], cwd: dir.path + "/work")
            #expect(r.exitCode == 3)
            #expect(r.stderr.contains("writable by"))
        }

        @Test(
            "LD_PRELOAD and friends in a probe's env are refused in catalogs and configs",
            arguments: ["LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "GCONV_PATH", "BASH_ENV", "PYTHONPATH"])
        func loaderVariables(_ name: String) throws {
            let (dir, _) = try workFolder(
                config: """
                    {"schemaVersion": 1, "tools": [{"id": "mine", "name": "mine", "summary": "s", "homepage": "https://example.com",
                      "probes": [{"command": "mine", "args": ["--version"], "env": {"\(name)": "/tmp/evil.so"}}]}]}
                    """)
            let r = CapauditBinary.run(["scan", "--catalog", mini], environment: ["PATH": dir.path + "/empty"], cwd: dir.path + "/work")
            #expect(r.exitCode == 3)
            #expect(r.stderr.contains("\(name)\" may not be set for a probe"))
            #expect(!LoaderVariables.isRefused("LD_ANALYTICS_OPT_OUT"))
        }

        @Test("the requirements file in use is named in every report format")
        func configNamed() throws {
            let (dir, path) = try workFolder(config: #"{"schemaVersion": 1}"#)
            for (format, needle) in [
                ("text", "Requirements file: \(path)"), ("json", "\"config\": \"\(path)\""), ("markdown", "Requirements file:"),
                ("junit", "config.file"), ("prometheus", "capaudit_config_info{path=\"\(path)\"} 1"),
            ] {
                let r = CapauditBinary.run(["scan", "--catalog", mini, "--format", format], environment: ["PATH": dir.path + "/empty"], cwd: dir.path + "/work")
                #expect(r.exitCode == 0, "\(format): \(r.stderr)")
                #expect(r.stdout.contains(needle), "\(format)")
            }
        }

        @Test("control characters from a catalog never reach stdout or stderr raw (catalog show, errors)")
        func catalogTextIsClean() throws {
            let dir = try TemporaryFolder()
            try dir.file(
                "c.json",
                """
                { "schemaVersion": 1,
                  "area": { "id": "a", "name": "A\\u001b]0;title\\u0007", "priority": "high", "rank": 1, "phase": 1, "why": "w\\u202e", "impact": "i",
                            "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["t"] } ] },
                  "tools": [ { "id": "t", "name": "t\\u009b2J", "summary": "s\\u001b[2J", "homepage": "https://example.com",
                               "probes": [ { "command": "t", "args": ["--version"] } ] } ] }
                """)
            for args in [
                ["catalog", "show", "t", "--catalog", dir.path + "/c.json"], ["catalog", "list", "--catalog", dir.path + "/c.json"],
                ["scan", "--catalog", dir.path + "/c.json", "--no-config"], ["plan", "--catalog", dir.path + "/c.json", "--no-config", "--format", "text"],
            ] {
                let r = CapauditBinary.run(args, environment: ["PATH": dir.path])
                for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
                    #expect(
                        !text.unicodeScalars.contains { ($0 != "\n" && TerminalText.isControl($0)) || TerminalText.isBidiControl($0) },
                        "\(args.prefix(2)) \(name): \(text.debugDescription.prefix(300))")
                }
            }
        }

        @Test("SIGTERM while stdout is blocked (a stalled pipe) still ends capaudit with 143")
        func sigtermWithBlockedStdout() throws {
            let dir = try TemporaryFolder()
            try dir.folder("empty")
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            defer { close(fds[0]) }
            // Fill the pipe so capaudit's first write to stdout blocks.
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
            let chunk = [UInt8](repeating: 0x78, count: 4096)
            while write(fds[1], chunk, chunk.count) > 0 {}
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) & ~O_NONBLOCK)
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addopen(&actions, 2, dir.path + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            let argv: [UnsafeMutablePointer<CChar>?] = ([CapauditBinary.path, "scan", "--catalog", mini, "--no-config"] as [String]).map { strdup($0) } + [nil]
            let envp: [UnsafeMutablePointer<CChar>?] = (["PATH=\(dir.path)/empty", "HOME=\(dir.path)"] as [String]).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
            var pid: pid_t = 0
            #expect(posix_spawn(&pid, CapauditBinary.path, &actions, nil, argv, envp) == 0)
            close(fds[1])
            // Wait until the scan is done and capaudit is blocked writing to the full pipe (a barrier, not a
            // guess at how long the scan takes on a loaded machine).
            let blocked = Self.waitUntilBlockedOnPipeWrite(pid, within: 60)
            #expect(blocked, "capaudit never blocked writing to the full pipe")
            kill(pid, SIGTERM)
            var status: Int32 = 0
            var code: Int32?
            for _ in 0..<3000 {
                if waitpid(pid, &status, WNOHANG) == pid { code = (status >> 8) & 0xFF; break }
                usleep(10_000)
            }
            if code == nil { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
            #expect(code == 143, "capaudit did not exit on SIGTERM while its stdout was blocked")
        }

        /// True once one of `pid`'s threads sleeps in the kernel's pipe write (`/proc/PID/task/TID/wchan` is
        /// `pipe_write`, or `anon_pipe_write` on newer kernels); false if that does not happen within `seconds`.
        static func waitUntilBlockedOnPipeWrite(_ pid: pid_t, within seconds: Double) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            repeat {
                let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
                for task in tasks {
                    if let wchan = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/wchan", encoding: .utf8),
                        wchan.hasSuffix("pipe_write")
                    {
                        return true
                    }
                }
                usleep(10_000)
            } while Date() < end
            return false
        }
    }
}
