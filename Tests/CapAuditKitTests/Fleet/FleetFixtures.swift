import CapAuditKit
import Foundation

/// JSON reports for merge and diff tests, written by the real `JSONRenderer` from the sample scans
/// (so a change of the report that the reader misses fails here), with hostnames and versions varied.
enum FleetFixtures {
    static func json(_ report: Report, hostname: String, replacing: [(String, String)] = []) -> String {
        var r = report
        r.host.hostname = hostname
        var text = JSONRenderer.render(r)
        for (a, b) in replacing { text = text.replacingOccurrences(of: a, with: b) }
        return text
    }

    /// Four hosts: two of the mixed scan (one with a newer locust), the full scan, the empty scan,
    /// and a second report of the first hostname.
    static func fleet() -> [(name: String, text: String)] {
        [
            ("runner-1.json", json(SampleReports.mixed, hostname: "runner-1")),
            ("runner-2.json", json(SampleReports.mixed, hostname: "runner-2", replacing: [("\"1.4.3\"", "\"1.2.0\"")])),
            ("runner-3.json", json(SampleReports.full, hostname: "runner-3")),
            ("runner-4.json", json(SampleReports.empty, hostname: "runner-4")),
            ("runner-1-again.json", json(SampleReports.full, hostname: "runner-1")),
        ]
    }

    static func read(_ name: String, _ text: String) throws -> HostReport {
        try ReportReader.parse(Data(text.utf8), file: "reports/" + name)
    }

    static func summary(failOn: Priority? = .critical, matrixLimit: Int = 300) throws -> (FleetSummary, [FleetHostRow]) {
        var aggregator = FleetAggregator(failOn: failOn, matrixLimit: matrixLimit)
        var rows: [FleetHostRow] = []
        for (name, text) in fleet() { rows.append(aggregator.add(try read(name, text))) }
        aggregator.skip(.notAReport(file: "reports/catalog.json", reason: "it looks like a catalog file (\"area\"/\"tools\"), not a scan report"))
        return (aggregator.finish(), rows)
    }
}
