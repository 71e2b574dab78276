import CapAuditKit
import Foundation
import Glibc
import Testing

/// Issue 8, classes 8 and 10 end to end through the built binary: a tool's control bytes reach no output,
/// and a closed stdout is exit 2, not a death by SIGPIPE.
extension ProcessHeavySuites {
    @Suite struct HostileOutputCLITests {
        @Test("a tool printing OSC, ESC, BEL, SOH and a bidi override in its version line: no raw control in stdout, stderr (gate lines, ::error) or any report format")
        func hostileVersionOutput() throws {
            let dir = try TemporaryFolder()
            try dir.tool("bin/evil", #"printf 'evil 0.1\033]0;pwned\007 \033[2J\342\200\256gnp\001\n'"#)
            let catalog = try dir.file(
                "catalog.json",
                """
                { "schemaVersion": 1,
                  "area": { "id": "evil", "name": "Evil", "priority": "critical", "rank": 1, "phase": 1, "why": "w", "impact": "i",
                            "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["evil"] } ] },
                  "tools": [ { "id": "evil", "name": "evil", "summary": "Prints controls.", "homepage": "https://example.com", "minVersion": "2.0",
                               "probes": [ { "command": "evil", "args": ["--version"] } ] } ] }
                """)
            let formats = ["json", "markdown", "junit", "prometheus"]
            var arguments = ["scan", "--no-config", "--catalog", catalog, "--require", "evil", "--fail-on", "critical", "--format", "text"]
            for format in formats { arguments += ["--report", "\(format):\(dir.path)/report.\(format)"] }
            let r = CapauditBinary.run(arguments, environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": dir.path, "GITHUB_ACTIONS": "true"])
            #expect(r.exitCode == 1, "the gate should fail on the outdated tool: \(r.stderr)")
            #expect(r.stdout.contains("evil"))
            var texts = [("stdout", r.stdout), ("stderr", r.stderr)]
            for format in formats { texts.append((format, (try? String(contentsOfFile: "\(dir.path)/report.\(format)", encoding: .utf8)) ?? "")) }
            for (name, text) in texts {
                #expect(!text.isEmpty, "\(name) is empty")
                let raw = text.unicodeScalars.filter { ($0 != "\n" && $0 != "\r" && TerminalText.isControl($0)) || TerminalText.isBidiControl($0) }
                #expect(raw.isEmpty, "\(name) carries raw controls: \(raw.map { String($0.value, radix: 16) })")
            }
        }

        @Test("stdout closed by its reader: exit 2 with a message on stderr, not death by SIGPIPE (141)")
        func closedStdout() throws {
            var fds: [Int32] = [-1, -1]
            #expect(pipe(&fds) == 0)
            close(fds[0]) // nobody will ever read
            let dir = try TemporaryFolder()
            let errPath = dir.path + "/stderr"
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            // Default dispositions, as from a shell: an inherited SIG_IGN would hide the bug.
            var all = sigset_t()
            sigfillset(&all)
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
            posix_spawnattr_setsigdefault(&attributes, &all)
            posix_spawnattr_setsigmask(&attributes, &none)
            let words: [String] = [CapauditBinary.path, "catalog", "list"]
            let variables: [String] = ["PATH=/usr/bin:/bin", "HOME=\(dir.path)"]
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
            defer {
                argv.forEach { free($0) }
                envp.forEach { free($0) }
            }
            var pid: pid_t = 0
            #expect(posix_spawn(&pid, CapauditBinary.path, &actions, &attributes, argv, envp) == 0)
            close(fds[1])
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            #expect(code == 2)
            #expect(!((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "").isEmpty)
        }
    }
}
