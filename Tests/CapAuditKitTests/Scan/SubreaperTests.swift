import Foundation
import Glibc
import Testing
@testable import CapAuditKit

/// A one-area catalog whose tools are probed with `--version`, written to `dir/catalog.json`.
private func writeCatalog(in dir: TemporaryFolder, tools: [String]) throws -> String {
    let entries = tools.map { id in
        """
        { "id": "\(id)", "name": "\(id)", "summary": "A fake tool.", "homepage": "https://example.com/\(id)",
          "probes": [ { "command": "\(id)", "args": ["--version"] } ] }
        """
    }
    return try dir.file(
        "catalog.json",
        """
        { "schemaVersion": 1,
          "area": { "id": "fake", "name": "Fake", "priority": "high", "rank": 1, "phase": 1, "why": "w", "impact": "i",
                    "useCases": ["u"], "capabilities": [ { "id": "any", "name": "Any", "tools": [\(tools.map { "\"\($0)\"" }.joined(separator: ", "))] } ] },
          "tools": [ \(entries.joined(separator: ",\n")) ] }
        """)
}

/// Reads whitespace-separated pids that a fake tool wrote, waiting up to `seconds` for the file.
private func readPids(_ path: String, count: Int, within seconds: Double = 5) -> [pid_t] {
    let end = Date().addingTimeInterval(seconds)
    repeat {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let pids = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pid_t($0) }
            if pids.count >= count { return pids }
        }
        usleep(10_000)
    } while Date() < end
    return []
}

private func daemonFindings(_ stdout: String) throws -> [[String: Any]] {
    let root = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    let findings = try #require(root["findings"] as? [[String: Any]])
    return findings.filter { $0["kind"] as? String == "daemonized-probe" }
}

extension ProcessHeavySuites {
    @Suite struct SubreaperTests {
        @Test("a probe's `setsid sleep 300 &` daemon is named in the JSON findings and is gone after capaudit exits")
        func daemonIsNamedAndKilled() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/daemon.pid"
            try dir.tool(
                "bin/daemonizer",
                """
                setsid sleep 300 &
                echo $! > \(pidFile)
                echo 'daemonizer 1.2.3'
                """)
            let catalog = try writeCatalog(in: dir, tools: ["daemonizer"])
            let r = CapauditBinary.run(["scan", "--catalog", catalog, "--format", "json"], environment: ["PATH": dir.path + "/bin:/usr/bin:/bin"])
            #expect(r.exitCode == 0, "\(r.stderr)")
            let daemon = try #require(readPids(pidFile, count: 1).first)
            let findings = try daemonFindings(r.stdout)
            #expect(findings.count == 1)
            let message = try #require(findings.first?["message"] as? String)
            #expect(message.contains("pid \(daemon), sleep 300,"), "\(message)")
            #expect(message.contains("capaudit killed it"))
            #expect(findings.first?["path"] as? String == "/usr/bin/sleep" || findings.first?["path"] as? String == "/bin/sleep")
            #expect(processIsGone(daemon))
            // The tool itself was judged normally.
            #expect(r.stdout.contains("\"1.2.3\""))
        }

        @Test("a double-forked daemon with a child of its own: both are named and killed")
        func doubleForkWithChild() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            // The subshell exits at once (the double fork); the daemon starts a child and execs into `sleep 302`.
            try dir.tool(
                "bin/forker",
                """
                ( setsid sh -c 'sleep 301 & echo "$$ $!" > \(pidFile).tmp; mv \(pidFile).tmp \(pidFile); exec sleep 302' >/dev/null 2>&1 & )
                while [ ! -f \(pidFile) ]; do sleep 0.01; done
                echo 'forker 0.9'
                """)
            let catalog = try writeCatalog(in: dir, tools: ["forker"])
            let r = CapauditBinary.run(["scan", "--catalog", catalog, "--format", "json"], environment: ["PATH": dir.path + "/bin:/usr/bin:/bin"])
            #expect(r.exitCode == 0, "\(r.stderr)")
            let pids = readPids(pidFile, count: 2)
            try #require(pids.count == 2)
            let messages = try daemonFindings(r.stdout).compactMap { $0["message"] as? String }
            #expect(messages.count == 2, "\(messages)")
            for pid in pids {
                #expect(messages.contains { $0.contains("pid \(pid),") }, "pid \(pid) not named in \(messages)")
                #expect(processIsGone(pid))
            }
        }

        @Test("a scan without daemons has no daemonized-probe finding")
        func noDaemonNoFinding() throws {
            let dir = try TemporaryFolder()
            try dir.tool("bin/plain", "sleep 0.1 & echo 'plain 1.0'; wait")
            let catalog = try writeCatalog(in: dir, tools: ["plain"])
            let r = CapauditBinary.run(["scan", "--catalog", catalog, "--format", "json"], environment: ["PATH": dir.path + "/bin:/usr/bin:/bin"])
            #expect(r.exitCode == 0)
            #expect(try daemonFindings(r.stdout).isEmpty)
        }

        @Test("a hostile probe (ignores SIGTERM, TERM-proof grandchild and a setsid daemon holding the pipes) ends the scan soon after its timeout")
        func hostileProbeIsBounded() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/pids"
            try dir.tool(
                "bin/hostile",
                """
                trap '' TERM
                sh -c "trap '' TERM; sleep 300" &
                child=$!
                setsid sleep 300 &
                echo "$$ $child $!" > \(pidFile).tmp && mv \(pidFile).tmp \(pidFile)
                echo 'hostile 6.6.6'
                while :; do sleep 1; done
                """)
            let catalog = try writeCatalog(in: dir, tools: ["hostile"])
            let start = Date()
            let r = CapauditBinary.run(
                ["scan", "--catalog", catalog, "--format", "json", "--timeout", "1"],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin"])
            let elapsed = Date().timeIntervalSince(start)
            #expect(r.exitCode == 0, "\(r.stderr)")
            // Bounded by the timeout, not by the probe: everything it started sleeps 300 s.
            #expect(elapsed < 150, "the scan took \(elapsed) s")
            let pids = readPids(pidFile, count: 3)
            try #require(pids.count == 3)
            for pid in pids { #expect(processIsGone(pid), "pid \(pid) survived") }
            // Only the setsid daemon escaped; the tool and its grandchild died with the probe's group.
            let messages = try daemonFindings(r.stdout).compactMap { $0["message"] as? String }
            #expect(messages.count == 1 && messages.first?.contains("pid \(pids[2]),") == true, "\(messages)")
        }

        @Test(
            "a process that left the probe's group with setpgid (same session) is named and killed too",
            .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs python3 for setpgid"))
        func setpgidEscapee() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/escapee.pid"
            try dir.tool(
                "bin/escaper",
                """
                /usr/bin/python3 -c 'import os, time; os.setpgid(0, 0); open("\(pidFile)", "w").write(str(os.getpid())); time.sleep(300)' &
                while [ ! -s \(pidFile) ]; do sleep 0.01; done
                echo 'escaper 2.0'
                """)
            let catalog = try writeCatalog(in: dir, tools: ["escaper"])
            let r = CapauditBinary.run(["scan", "--catalog", catalog, "--format", "json"], environment: ["PATH": dir.path + "/bin:/usr/bin:/bin"])
            #expect(r.exitCode == 0, "\(r.stderr)")
            let escapee = try #require(readPids(pidFile, count: 1).first)
            let messages = try daemonFindings(r.stdout).compactMap { $0["message"] as? String }
            #expect(messages.count == 1 && messages.first?.contains("pid \(escapee), /usr/bin/python3 -c") == true, "\(messages)")
            #expect(processIsGone(escapee))
        }

        @Test("a timed-out probe's own children, killed with its group, are not reported as daemons")
        func killedGroupIsNotADaemon() throws {
            let dir = try TemporaryFolder()
            // dash forks `sleep` for the last command: when the group is killed, the sleep can outlive the shell
            // for a moment and be handed to capaudit, dying.
            try dir.tool("bin/slowpoke", "sleep 300")
            try dir.tool("bin/stubborn", "trap '' TERM; sh -c \"trap '' TERM; sleep 300\" & sleep 300 & wait")
            let catalog = try writeCatalog(in: dir, tools: ["slowpoke", "stubborn"])
            for _ in 0..<3 {
                let r = CapauditBinary.run(
                    ["scan", "--catalog", catalog, "--format", "json", "--timeout", "0.3"],
                    environment: ["PATH": dir.path + "/bin:/usr/bin:/bin"])
                #expect(r.exitCode == 0)
                let messages = try daemonFindings(r.stdout).compactMap { $0["message"] as? String }
                #expect(messages.isEmpty, "\(messages)")
            }
        }

        @Test("in process: with the subreaper flag set, a probe's daemon becomes our child and is collected with its command line")
        func inProcess() throws {
            let dir = try TemporaryFolder()
            let pidFile = dir.path + "/daemon.pid"
            let tool = try dir.tool("daemonizer", "setsid sleep 300 & echo $! > \(pidFile); echo ok")
            // Only for the length of this test: orphans of other tests that die meanwhile become zombies of the
            // test process, which is harmless; collection is limited to the daemon made here.
            let wasSet = Subreaper.kernelFlag
            try #require(Subreaper.setKernelFlag(true))
            defer { if !wasSet { Subreaper.setKernelFlag(false) } }
            #expect(Subreaper.kernelFlag)
            let registry = ProcessGroupRegistry()
            let output = ProbeRunner(registry: registry).run(ProbeRequest(executable: tool, arguments: [], environment: ["PATH": "/usr/bin:/bin"]))
            #expect(output.exitCode == 0)
            let daemon = try #require(readPids(pidFile, count: 1).first)
            #expect(Subreaper.children().contains { $0.pid == daemon && $0.state != "Z" })
            let survivors = Subreaper.collectSurvivors(excluding: registry.activeGroups, include: { $0 == daemon })
            #expect(survivors.count == 1)
            let survivor = try #require(survivors.first)
            #expect(survivor.pid == daemon)
            #expect(survivor.arguments == ["sleep", "300"])
            #expect(survivor.name == "sleep")
            #expect(survivor.wasRunning)
            #expect(survivor.commandLine == "sleep 300")
            // Killed and reaped by pid: not even a zombie remains.
            #expect(kill(daemon, 0) == -1 && errno == ESRCH)
        }

        @Test("/proc/PID/stat parsing copes with spaces and parentheses in the process name")
        func parseStat() throws {
            let parsed = try #require(Subreaper.parseStat(Array("4242 (we (ird) name) S 17 4242 4000 0 -1 4194560".utf8)))
            #expect(parsed.name == "we (ird) name")
            #expect(parsed.state == "S")
            #expect(parsed.ppid == 17)
            #expect(parsed.pgrp == 4242)
            #expect(parsed.session == 4000)
            #expect(Subreaper.parseStat(Array("garbage".utf8)) == nil)
            #expect(Subreaper.parseStat(Array("1 (x) S 1 1".utf8)) == nil)
        }

        @Test("a survivor's command line quotes arguments with spaces and shows the name when there is none")
        func commandLine() {
            #expect(Survivor(pid: 1, arguments: ["sh", "-c", "sleep 300 & wait"], name: "sh").commandLine == "sh -c 'sleep 300 & wait'")
            #expect(Survivor(pid: 1, arguments: [], name: "ghost", wasRunning: false).commandLine == "[ghost]")
        }

        @Test("the evaluator turns survivors into daemonized-probe findings naming pid and command line")
        func finding() {
            let catalog = Catalog(areas: [], tools: [:])
            let scan = ScanResult(
                host: HostInfo(os: "Linux", osVersion: "", arch: "x86_64", hostname: "h"), startedAt: Date(timeIntervalSince1970: 0),
                durationMs: 1, settings: ScanSettings(jobs: 8), areaIDs: [], observations: [:], searchPath: "",
                survivors: [
                    Survivor(pid: 77, arguments: ["/opt/x/agent", "--daemon"], name: "agent", executable: "/opt/x/agent"),
                    Survivor(pid: 78, arguments: [], name: "gone", wasRunning: false),
                ])
            let findings = Evaluator(catalog: catalog, fileSystem: FakeFileSystem(executables: [])).evaluate(scan).findings
            #expect(findings.map(\.kind) == [.daemonizedProbe, .daemonizedProbe])
            #expect(findings[0].path == "/opt/x/agent")
            #expect(findings[0].message.contains("pid 77, /opt/x/agent --daemon, was still running after the scan; capaudit killed it"))
            #expect(findings[1].message.contains("pid 78, [gone], had already exited"))
        }
    }
}
