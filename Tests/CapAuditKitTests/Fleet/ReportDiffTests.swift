@testable import CapAuditKit
import Foundation
import Testing

@Suite struct ReportDiffTests {
    /// Before: the full scan. After: the mixed scan (ab gone, locust downgraded below its minimum,
    /// vault timing out, docker-compose replaced by the compose plugin).
    func sample() throws -> ReportDiff {
        let old = try FleetFixtures.read("before.json", FleetFixtures.json(SampleReports.full, hostname: "runner-1"))
        let new = try FleetFixtures.read("after.json", FleetFixtures.json(SampleReports.mixed, hostname: "runner-1"))
        return ReportDiff.compare(old: old, new: new)
    }

    @Test("diff of two scans matches its golden text, markdown and json")
    func goldens() throws {
        let d = try sample()
        for (text, file) in [(DiffRenderer.text(d), "diff-runner.txt"), (DiffRenderer.markdown(d), "diff-runner.md"), (DiffRenderer.json(d), "diff-runner.json")] {
            let g = Fixtures.matchesGolden(text, file)
            #expect(g.ok, "\(g.message)")
        }
    }

    @Test("appeared, disappeared, version and status changes are told apart")
    func kinds() throws {
        let d = try sample()
        let byTool = Dictionary(uniqueKeysWithValues: d.tools.map { ($0.tool, $0.kind) })
        #expect(byTool["ab"] == .disappeared)
        #expect(byTool["locust"] == .versionChanged)
        #expect(byTool["vault"] == .statusChanged)
        #expect(byTool["compose"] == .versionChanged)
        #expect(byTool["wrk"] == nil)
    }

    @Test("a tool below its minimum and a capability no longer met are regressions; the reverse is not")
    func regressions() throws {
        let d = try sample()
        #expect(d.regressions.contains { $0.kind == .belowMinimum && $0.subject == "locust" })
        #expect(d.regressions.contains { $0.kind == .capabilityLost && $0.subject == "secrets/secret-store" })
        let old = try FleetFixtures.read("a.json", FleetFixtures.json(SampleReports.mixed, hostname: "h"))
        let new = try FleetFixtures.read("b.json", FleetFixtures.json(SampleReports.full, hostname: "h"))
        #expect(ReportDiff.compare(old: old, new: new).regressions.isEmpty)
        #expect(ReportDiff.compare(old: old, new: old).isEmpty)
    }

    @Test("a catalog change is named, and tools only one scan looked for are listed apart, not as host changes")
    func catalogChange() throws {
        var oldReport = SampleReports.mixed
        oldReport.catalog?.digest = "sha256:" + String(repeating: "0", count: 64)
        let oldText = FleetFixtures.json(oldReport, hostname: "h").replacingOccurrences(of: "\"id\": \"vault\"", with: "\"id\": \"vault-old\"")
        let d = ReportDiff.compare(
            old: try FleetFixtures.read("a.json", oldText),
            new: try FleetFixtures.read("b.json", FleetFixtures.json(SampleReports.mixed, hostname: "h")))
        #expect(d.catalogChange != nil)
        #expect(d.onlyInOld == ["vault-old"])
        #expect(d.onlyInNew == ["vault"])
        #expect(DiffRenderer.text(d).contains("the catalog changed"))
    }
}
