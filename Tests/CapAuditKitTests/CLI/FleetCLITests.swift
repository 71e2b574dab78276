import CapAuditKit
import Foundation
import Testing

/// `capaudit merge` and `capaudit diff` as a user runs them.
@Suite struct FleetCLITests {
    func reports() throws -> TemporaryFolder {
        let dir = try TemporaryFolder()
        for (name, text) in FleetFixtures.fleet() { try dir.file("reports/" + name, text) }
        try dir.file("reports/newer.json", #"{"schemaVersion": 2, "host": {}, "areas": []}"#)
        try dir.file("reports/catalog.json", #"{"schemaVersion": 1, "area": {"id": "x"}}"#)
        return dir
    }

    @Test("merge reads a folder, names and skips what is not a report, and exits 1 when a host fails --fail-on")
    func mergeFolder() throws {
        let dir = try reports()
        let r = CapauditBinary.run(["merge", "reports", "--fail-on", "critical"], cwd: dir.path)
        #expect(r.exitCode == 1)
        #expect(r.stdout.hasPrefix("capaudit merge · 5 hosts read · 2 files skipped · gate: fail-on critical · 3 hosts failing\n"))
        #expect(r.stderr.contains("capaudit: skipped reports/newer.json: report schemaVersion 2 is not supported"))
        #expect(r.stderr.contains("capaudit: skipped reports/catalog.json: not a capaudit report"))
        #expect(r.stderr.contains("3 of 5 hosts fail the gate (--fail-on critical)"))
        #expect(CapauditBinary.run(["merge", "reports"], cwd: dir.path).exitCode == 0)
    }

    @Test("merge --format csv streams one row per host with a column per area; json is one document with every host")
    func mergeCSVAndJSON() throws {
        let dir = try reports()
        let csv = CapauditBinary.run(["merge", "reports", "--format", "csv"], cwd: dir.path)
        #expect(csv.exitCode == 0)
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first == "file,hostname,duplicate_of,capaudit,started_at,catalog_digest,gate,failures,secrets,load-testing")
        #expect(lines.count == 6)
        let json = CapauditBinary.run(["merge", "reports", "--format", "json", "--output", "fleet.json"], cwd: dir.path)
        #expect(json.exitCode == 0)
        let doc = try JSONParser.parse(try Data(contentsOf: dir.url.appendingPathComponent("fleet.json")))
        guard case .array(let hosts, _)? = doc.member("hosts") else { Issue.record("no hosts array"); return }
        #expect(hosts.count == 5)
        #expect(doc.member("summary")?.member("duplicates")?.element(0)?.member("hostname") == .string("runner-1", SourceLocation(line: 0, column: 0)))
    }

    @Test("merge exits 2 naming every file when nothing could be read")
    func mergeNothing() throws {
        let dir = try TemporaryFolder()
        try dir.file("a.json", "not json")
        let r = CapauditBinary.run(["merge", "a.json", "absent.json"], cwd: dir.path)
        #expect(r.exitCode == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("capaudit: skipped a.json:1:1: not JSON"))
        #expect(r.stderr.contains("capaudit: skipped absent.json: cannot read it: no such file or folder"))
        #expect(r.stderr.contains("error: none of the 2 files given could be read as a capaudit report"))
        #expect(CapauditBinary.run(["merge"], cwd: dir.path).exitCode == 2)
    }

    @Test("diff --fail-on-regression exits 1 naming the regressions; without the flag it exits 0")
    func diffRegression() throws {
        let dir = try TemporaryFolder()
        try dir.file("before.json", FleetFixtures.json(SampleReports.full, hostname: "h"))
        try dir.file("after.json", FleetFixtures.json(SampleReports.mixed, hostname: "h"))
        let r = CapauditBinary.run(["diff", "before.json", "after.json", "--fail-on-regression"], cwd: dir.path)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("capaudit: regression: locust: version 1.4.3 is below the minimum 2.0"))
        #expect(r.stderr.contains("capaudit: regression: secrets/secret-store (Secret store CLI) is no longer met"))
        #expect(CapauditBinary.run(["diff", "before.json", "after.json"], cwd: dir.path).exitCode == 0)
        #expect(CapauditBinary.run(["diff", "after.json", "before.json", "--fail-on-regression"], cwd: dir.path).exitCode == 0)
        let bad = CapauditBinary.run(["diff", "before.json", "missing.json"], cwd: dir.path)
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.hasPrefix("error: missing.json: cannot read it"))
    }
}
