@testable import CapAuditKit
import Foundation
import Testing

/// `capaudit export`: the files each integration writes. promtool and ansible-playbook run them for real in
/// Tests/Integration/fleet.sh.
@Suite struct ExportCLITests {
    @Test("export writes each integration's files into --output, with the scan, user, PATH and textfile folder asked for")
    func writesFiles() throws {
        let dir = try TemporaryFolder()
        for target in IntegrationTarget.allCases {
            let r = CapauditBinary.run(["export", target.rawValue, "--output", target.rawValue, "--textfile-dir", "/srv/textfile", "--fail-on", "high"], cwd: dir.path)
            #expect(r.exitCode == 0, "\(r.stderr)")
            for file in target.files(ExportSettings()) {
                #expect(FileManager.default.fileExists(atPath: "\(dir.path)/\(target.rawValue)/\(file.path)"), "\(file.path)")
            }
        }
        let service = try String(contentsOfFile: dir.path + "/prometheus/capaudit.service", encoding: .utf8)
        #expect(service.contains("\nUser=capaudit\n"))
        #expect(service.contains("\nEnvironment=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"))
        #expect(service.contains("\nExecStart=/usr/local/bin/capaudit scan --no-config --isolated-home --fail-on high --format prometheus --output /srv/textfile/capaudit.prom\n"))
        #expect(service.contains("\nReadWritePaths=/srv/textfile\n"))
        let daemonSet = try String(contentsOfFile: dir.path + "/kubernetes/daemonset.yaml", encoding: .utf8)
        #expect(daemonSet.contains("scan --root /host"))
        #expect(daemonSet.contains("path: /srv/textfile"))
        #expect(daemonSet.contains("readOnlyRootFilesystem: true"))
    }

    @Test("export refuses an unknown integration (naming the known ones), a missing --output and a relative --textfile-dir")
    func refusesBadInput() throws {
        let dir = try TemporaryFolder()
        let unknown = CapauditBinary.run(["export", "nagios", "--output", "x"], cwd: dir.path)
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("expected prometheus, ansible or kubernetes"))
        #expect(CapauditBinary.run(["export", "prometheus"], cwd: dir.path).exitCode == 2)
        #expect(CapauditBinary.run(["export", "prometheus", "--output", "x", "--textfile-dir", "rel/dir"], cwd: dir.path).exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/x"))
    }

    @Test("the alert rules name the three alerts and use the metric names the Prometheus renderer writes")
    func rulesUseRenderedMetrics() {
        let rules = PrometheusIntegration.rules(ExportSettings())
        for alert in ["CapabilityGapCritical", "CapauditScanStale", "CapauditToolOutdated"] { #expect(rules.contains("- alert: \(alert)\n")) }
        let rendered = PrometheusRenderer.render(SampleReports.mixed)
        for metric in ["capaudit_area_status", "capaudit_tool_status", "capaudit_tool_info", "capaudit_last_scan_timestamp_seconds", "capaudit_area_coverage_ratio"] {
            #expect(rules.contains(metric))
            #expect(rendered.contains("# TYPE \(metric) gauge"), "\(metric)")
        }
    }
}
