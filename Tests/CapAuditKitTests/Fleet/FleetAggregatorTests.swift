@testable import CapAuditKit
import Foundation
import Testing

@Suite struct FleetAggregatorTests {
    @Test("the fleet view of five reports matches its golden text, markdown, csv and json")
    func goldens() throws {
        let (summary, rows) = try FleetFixtures.summary()
        let areas = summary.areas.map(\.id)
        let csv = FleetRenderer.csvHeader(areas: areas) + rows.map { FleetRenderer.csvRow($0, areas: areas) }.joined()
        let json =
            FleetRenderer.jsonStart() + rows.enumerated().map { FleetRenderer.jsonRow($0.element, first: $0.offset == 0) }.joined()
            + FleetRenderer.jsonEnd(summary)
        for (text, file) in [
            (FleetRenderer.text(summary), "merge-fleet.txt"), (FleetRenderer.markdown(summary), "merge-fleet.md"),
            (csv, "merge-fleet.csv"), (json, "merge-fleet.json"),
        ] {
            let g = Fixtures.matchesGolden(text, file)
            #expect(g.ok, "\(g.message)")
        }
        // The streamed json is one valid document.
        #expect(throws: Never.self) { try JSONParser.parse(json) }
    }

    @Test("a repeated hostname keeps both rows, each with its file, and is flagged with both files")
    func duplicates() throws {
        let (summary, rows) = try FleetFixtures.summary()
        #expect(rows.filter { $0.hostname == "runner-1" }.map(\.file) == ["reports/runner-1.json", "reports/runner-1-again.json"])
        #expect(rows.last?.duplicateOf == "reports/runner-1.json")
        #expect(summary.duplicates == [FleetDuplicate(hostname: "runner-1", files: ["reports/runner-1.json", "reports/runner-1-again.json"])])
        #expect(summary.hostsRead == 5)
    }

    @Test("versions across the fleet are listed oldest first with the hosts that run them")
    func versionDrift() throws {
        let (summary, _) = try FleetFixtures.summary()
        let locust = try #require(summary.tools.first { $0.id == "locust" })
        #expect(locust.versions.map(\.version) == ["1.2.0", "1.4.3", "2.47.0"])
        #expect(locust.versions.map(\.hosts) == [1, 1, 2])
        #expect(locust.versions[2].examples == ["runner-3", "runner-1"])
        #expect(locust.drifts)
        #expect(FleetAggregator.olderFirst(FleetVersion(version: "1.10", hosts: 1, examples: []), FleetVersion(version: "1.9", hosts: 1, examples: [])) == false)
    }

    @Test("--fail-on gates only the seed's gap areas at or above the level, with the uncovered areas as the reason")
    func gate() throws {
        let (critical, _) = try FleetFixtures.summary(failOn: .critical)
        let (never, _) = try FleetFixtures.summary(failOn: nil)
        // The empty host lacks the critical secrets area; the mixed hosts cover it partly.
        #expect(critical.failing.map(\.hostname).contains("runner-4"))
        #expect(critical.failing.first { $0.hostname == "runner-4" }?.reasons.first?.hasPrefix("secrets (critical) is missing") == true)
        // Without --fail-on each report's own gate decides: these reports were written without one.
        #expect(never.failingCount == 0)
    }

    @Test("the fleet plan is ordered by how many hosts each step fixes")
    func planOrder() throws {
        let (summary, _) = try FleetFixtures.summary()
        #expect(!summary.plan.isEmpty)
        #expect(summary.plan.map(\.hosts) == summary.plan.map(\.hosts).sorted(by: >))
        #expect(
            summary.plan.contains {
                if case .upgrade(let tool, "2.0") = $0.action { return tool == "locust" && $0.hosts == 2 }; return false
            })
    }

    @Test("a gap no host meets is planned with the catalog's preferred tool; one some hosts meet, with the tool they use")
    func planTool() throws {
        var aggregator = FleetAggregator(failOn: .critical)
        aggregator.preferredTools = ["secrets/secret-store": "ui-bundle", "load-testing/scripted-load": "wrk"]
        for (name, text) in FleetFixtures.fleet() { aggregator.add(try FleetFixtures.read(name, text)) }
        let plan = aggregator.finish().plan
        // vault meets secret-store on two hosts, so it wins over the preferred tool.
        #expect(plan.contains { $0.action == .install(tool: "vault", area: "secrets", capability: "secret-store") })
        // wrk is not a candidate of scripted-load, so the preference is ignored.
        #expect(!plan.contains { $0.action == .install(tool: "wrk", area: "load-testing", capability: "scripted-load") })
        var none = FleetAggregator(failOn: .critical)
        none.preferredTools = ["secrets/secret-store": "ui-bundle"]
        none.add(try FleetFixtures.read("e.json", FleetFixtures.json(SampleReports.empty, hostname: "e")))
        #expect(none.finish().plan.contains { $0.action == .install(tool: "ui-bundle", area: "secrets", capability: "secret-store") })
    }

    @Test("beyond the matrix limit text and markdown summarise instead of listing every host")
    func summarises() throws {
        let (summary, rows) = try FleetFixtures.summary(matrixLimit: 3)
        #expect(summary.rows == nil)
        #expect(rows.count == 5)
        #expect(FleetRenderer.text(summary).contains("5 hosts: more than 3, so the per-host matrix is summarised"))
        #expect(!FleetRenderer.markdown(summary).contains("| Host | File | Gate"))
    }

    @Test("csv cells are quoted as RFC 4180 says and cannot start a spreadsheet formula")
    func csvCells() {
        #expect(FleetRenderer.csvCell("a,b") == "\"a,b\"")
        #expect(FleetRenderer.csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(FleetRenderer.csvCell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(FleetRenderer.csvCell("runner-1") == "runner-1")
    }
}
