import CapAuditKit
import Foundation
import Testing

/// Runs the built `capaudit` binary as a user would, through capaudit's own probe runner.
enum CapauditBinary {
    static let path: String = {
        let candidates: [String] = [String?](
            arrayLiteral:
                Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("capaudit").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("capaudit").path,
            Fixtures.packageRoot.appendingPathComponent(".build/debug/capaudit").path
        ).compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    struct Result {
        var exitCode: Int32?
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], cwd: String? = nil, timeout: Double = 60) -> Result {
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        for (k, v) in environment { env[k] = v }
        let output = ProbeRunner().run(
            ProbeRequest(
                executable: path, arguments: arguments, environment: env, timeout: timeout,
                outputLimit: 4 << 20, workingDirectory: cwd))
        return Result(exitCode: output.exitCode, stdout: String(decoding: output.stdout, as: UTF8.self), stderr: String(decoding: output.stderr, as: UTF8.self))
    }
}

extension ProcessHeavySuites {
    @Suite struct CLITests {
        let mini = Fixtures.url("catalogs/mini").path

        @Test("--version prints the version and exits 0")
        func version() {
            let r = CapauditBinary.run(["--version"])
            #expect(r.exitCode == 0)
            #expect(r.stdout == "capaudit \(CapAudit.version)\n")
        }

        @Test("the probe watchdog's hidden mode refuses to run by hand (stdin not a pipe): exit 2, nothing signalled")
        func watchdogModeByHand() {
            let r = CapauditBinary.run([ProbeWatchdog.modeArgument, "1"])
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains("internal mode of `capaudit scan`"))
        }

        @Test("help for scan lists options, exit codes and examples")
        func help() {
            for args in [["help", "scan"], ["scan", "--help"]] {
                let r = CapauditBinary.run(args)
                #expect(r.exitCode == 0)
                #expect(r.stdout.contains("--timeout SECONDS"))
                #expect(r.stdout.contains("Examples:"))
                #expect(r.stdout.contains("130"))
            }
            #expect(CapauditBinary.run([]).stdout.contains("Commands:"))
        }

        @Test("an unknown option exits 2 with one line naming the nearest option and how to get help")
        func unknownOption() {
            let r = CapauditBinary.run(["scan", "--timout", "3"])
            #expect(r.exitCode == 2)
            #expect(r.stderr == "error: unknown option \"--timout\"; did you mean '--timeout'?\nhelp: see 'capaudit help scan'\n")
            #expect(r.stdout.isEmpty)
        }

        @Test(
            "bad values and unknown commands exit 2",
            arguments: [
                ["scan", "--timeout", "abc"], ["scan", "--jobs", "0"], ["scan", "--format", "xml"], ["scna"], ["scan", "--color", "sometimes"], ["scan", "extra"],
            ])
        func badValues(args: [String]) {
            let r = CapauditBinary.run(args)
            #expect(r.exitCode == 2)
            #expect(r.stderr.hasPrefix("error: "))
            #expect(!r.stderr.contains("Fatal error"))
        }

        @Test("an unknown area id names the known ones")
        func unknownArea() {
            let r = CapauditBinary.run(["scan", "--catalog", mini, "--area", "nope"])
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains("expected secrets or load-testing"), "\(r.stderr)")
        }

        @Test("an invalid catalog exits 3 and names file, line and column")
        func invalidCatalog() throws {
            let dir = try TemporaryFolder()
            let file = try dir.file("bad.json", "{\n  \"schemaVersion\": 1,\n  \"area\": [\n}\n")
            let r = CapauditBinary.run(["scan", "--catalog", file])
            #expect(r.exitCode == 3)
            #expect(r.stderr.contains("\(file):4:1: malformed JSON"))
            #expect(r.stdout.isEmpty)
        }

        @Test("scan --format json on fake tools gives the contract, and --output writes the file")
        func jsonScan() throws {
            let dir = try TemporaryFolder()
            try dir.tool("bin/wrk", "echo 'wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer'; exit 1")
            try dir.tool("bin/locust", "echo 'locust 2.47.0 from /x (Python 3.11.7)'")
            let r = CapauditBinary.run(["scan", "--catalog", mini, "--format", "json", "--area", "load-testing"], environment: ["PATH": dir.path + "/bin"])
            #expect(r.exitCode == 0)
            let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let areas = try #require(root["areas"] as? [[String: Any]])
            #expect(areas.count == 1)
            #expect(areas.first?["status"] as? String == "covered")
            let out = dir.path + "/report.json"
            let w = CapauditBinary.run(["scan", "--catalog", mini, "--format", "json", "--output", out], environment: ["PATH": dir.path + "/bin"])
            #expect(w.exitCode == 0)
            #expect(w.stdout.isEmpty)
            let written = try #require(FileManager.default.contents(atPath: out))
            #expect((try? JSONSerialization.jsonObject(with: written)) != nil)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".capaudit-") }
            #expect(leftovers.isEmpty)
        }

        @Test("an unwritable --output exits 2 and keeps nothing half-written")
        func unwritableOutput() throws {
            let r = CapauditBinary.run(["scan", "--catalog", mini, "--output", "/nonexistent-dir/x.json"])
            #expect(r.exitCode == 2)
            #expect(r.stderr.contains("cannot write /nonexistent-dir/x.json"))
        }

        @Test("a planted executable in the current folder with . on PATH is never executed")
        func plantedBinary() throws {
            let dir = try TemporaryFolder()
            let marker = dir.path + "/planted-ran"
            try dir.tool("wrk", "/usr/bin/touch \(marker); echo 'wrk 4.1.0'")
            let r = CapauditBinary.run(["scan", "--catalog", mini, "--format", "json"], environment: ["PATH": ".:/nonexistent"], cwd: dir.path)
            #expect(r.exitCode == 0)
            #expect(!FileManager.default.fileExists(atPath: marker))
            #expect(r.stdout.contains("\"relative-path-entry\""))
            let allowed = CapauditBinary.run(["scan", "--catalog", mini, "--allow-relative-path"], environment: ["PATH": ".:/nonexistent"], cwd: dir.path)
            #expect(allowed.exitCode == 0)
            #expect(FileManager.default.fileExists(atPath: marker), "--allow-relative-path should search .")
        }

        @Test("the text report has no colour or symbols when not on a terminal")
        func plainWhenPiped() {
            let r = CapauditBinary.run(["scan", "--catalog", mini])
            #expect(r.exitCode == 0)
            #expect(!r.stdout.contains("\u{1B}["))
            #expect(r.stdout.contains("Summary: "))
            #expect(r.stderr.isEmpty, "no progress line when stderr is not a terminal")
            let forced = CapauditBinary.run(["scan", "--catalog", mini, "--color", "always"])
            #expect(forced.stdout.contains("\u{1B}["))
            // An explicit --color always is this command's choice and wins over NO_COLOR, a standing preference.
            let noColor = CapauditBinary.run(["scan", "--catalog", mini, "--color", "always"], environment: ["NO_COLOR": "1"])
            #expect(noColor.stdout.contains("\u{1B}["))
        }

        @Test("a copied binary scans with its built-in catalog: all ten areas")
        func builtinCatalog() throws {
            let dir = try TemporaryFolder()
            let copy = dir.path + "/capaudit"
            try FileManager.default.copyItem(atPath: CapauditBinary.path, toPath: copy)
            let output = ProbeRunner().run(
                ProbeRequest(
                    executable: copy, arguments: ["scan", "--format", "json", "--no-exec"],
                    environment: ["PATH": "/nonexistent"], timeout: 60, outputLimit: 4 << 20, workingDirectory: dir.path))
            #expect(output.exitCode == 0)
            let root = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
            let ids = (root["areas"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(Array(ids.prefix(10)) == ["cicd", "security", "monitoring", "secrets", "profiling", "load-testing", "migrations", "orchestration", "api-docs", "queues"])
            #expect(ids.contains("foundation"))
        }
    }
}
