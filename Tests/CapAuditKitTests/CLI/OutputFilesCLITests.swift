import CapAuditKit
import Foundation
import Testing

/// Issue 8: `-` is stdout, files are written all or nothing, and a failed write never hides the gate.
@Suite struct OutputFilesCLITests {
    let mini = Fixtures.url("catalogs/mini").path

    func run(_ args: [String], _ dir: TemporaryFolder) -> CapauditBinary.Result {
        CapauditBinary.run(args + ["--no-config"], environment: ["PATH": dir.path + "/empty"], cwd: dir.path)
    }

    @Test("--output with a one-character name, --report json:z and plan --output y are written")
    func oneCharacterNames() throws {
        let dir = try TemporaryFolder()
        try dir.folder("empty")
        let r = run(["scan", "--catalog", mini, "--output", "x", "--report", "json:z"], dir)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/x"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/z"))
        let plan = run(["plan", "--catalog", mini, "--output", "y"], dir)
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/y"))
    }

    @Test("--output - and --report FORMAT:- write to stdout")
    func dashIsStdout() throws {
        let dir = try TemporaryFolder()
        try dir.folder("empty")
        let r = run(["scan", "--catalog", mini, "--format", "json", "--output", "-"], dir)
        #expect(r.exitCode == 0)
        #expect(r.stdout.hasPrefix("{"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/-"))
        let report = run(["scan", "--catalog", mini, "--output", "t.txt", "--report", "json:-"], dir)
        #expect(report.exitCode == 0)
        #expect(report.stdout.hasPrefix("{"))
    }

    @Test(
        "two outputs on stdout are a usage error before anything runs",
        arguments: [
            ["--output", "-", "--report", "json:-"], ["--report", "json:-"], ["--report", "json:-", "--report", "markdown:-", "--output", "f"],
        ])
    func twoDashes(_ extra: [String]) throws {
        let dir = try TemporaryFolder()
        try dir.folder("empty")
        let r = run(["scan", "--catalog", mini] + extra, dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("at most one output on stdout"))
        #expect(r.stdout.isEmpty)
    }

    @Test("a --report into a missing folder is refused before the scan, and no other output is written")
    func allOrNothing() throws {
        let dir = try TemporaryFolder()
        try dir.folder("empty")
        let r = run(["scan", "--catalog", mini, "--output", "main.txt", "--report", "json:first.json", "--report", "markdown:no/such/folder/second.md"], dir)
        #expect(r.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/first.json"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/main.txt"))
        #expect(r.stderr.contains("cannot write no/such/folder/second.md: the folder no/such/folder does not exist"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["empty"])
    }

    @Test("a --report that fails while being written does not hide the gate: exit 1 and the gate line")
    func gateNotHidden() throws {
        let dir = try TemporaryFolder()
        try dir.folder("empty")
        // /dev/full passes the check before the scan (a writable device) and fails the write (ENOSPC).
        let r = run(["scan", "--catalog", mini, "--require", "ab", "--report", "json:/dev/full"], dir)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("cannot write /dev/full"), "\(r.stderr)")
        #expect(r.stderr.contains("capaudit: gate failed"))
    }
}
