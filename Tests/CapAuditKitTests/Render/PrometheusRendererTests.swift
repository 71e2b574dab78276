import CapAuditKit
import Foundation
import Testing

@Suite struct PrometheusRendererTests {
    static let promtool = "/usr/bin/promtool"
    static let hasPromtool = FileManager.default.isExecutableFile(atPath: promtool)

    /// `promtool check metrics` reads standard input only; the runner gives children /dev/null, so a
    /// shell redirects the file.
    static func promtoolCheck(_ text: String) throws -> (exitCode: Int32?, output: String) {
        let folder = try TemporaryFolder()
        let file = try folder.file("capaudit.prom", text)
        let r = HelperProcess.run("/bin/sh", ["-c", "exec \"$0\" check metrics < \"$1\"", promtool, file])
        return (r.exitCode, r.stdout + r.stderr)
    }

    /// Sample lines of one family.
    static func samples(_ text: String, _ family: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(family + "{") || $0.hasPrefix(family + " ") }
    }

    @Test("Prometheus metrics of the mixed host match their golden file")
    func goldenMixed() {
        let g = Fixtures.matchesGolden(PrometheusRenderer.render(SampleReports.mixed), "prometheus-mixed.prom")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the same report renders to the same bytes")
    func deterministic() {
        #expect(PrometheusRenderer.render(GatedSampleReports.gated) == PrometheusRenderer.render(GatedSampleReports.gated))
    }

    @Test("promtool check metrics passes with no warnings", .enabled(if: hasPromtool))
    func promtoolPasses() throws {
        for (name, report) in [("mixed", SampleReports.mixed), ("gated", GatedSampleReports.gated), ("empty", SampleReports.empty),
                               ("full", SampleReports.full), ("escaping", GatedSampleReports.nasty)] {
            let r = try Self.promtoolCheck(PrometheusRenderer.render(report))
            #expect(r.exitCode == 0, "\(name): \(r.output)")
            #expect(r.output.isEmpty, "\(name): \(r.output)")
        }
    }

    @Test("the promtool check is not vacuous: it reports a counter without _total", .enabled(if: hasPromtool))
    func promtoolCatchesProblems() throws {
        let r = try Self.promtoolCheck("# HELP foo_bytes x\n# TYPE foo_bytes counter\nfoo_bytes 1\n")
        #expect(r.exitCode != 0)
        #expect(r.output.contains("_total"), "\(r.output)")
    }

    @Test("every family has HELP and TYPE before its samples, which are contiguous and sorted")
    func structure() {
        let text = PrometheusRenderer.render(GatedSampleReports.gated)
        #expect(text.hasSuffix("\n"))
        var families: [String] = []
        var current: String?
        var lastSample: String?
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("# HELP ") {
                let name = String(line.dropFirst(7).prefix { $0 != " " })
                #expect(!families.contains(name), "\(name) appears twice")
                families.append(name)
                current = name
                lastSample = nil
            } else if line.hasPrefix("# TYPE ") {
                #expect(line == "# TYPE \(current ?? "?") gauge")
            } else {
                let name = String(line.prefix { $0 != "{" && $0 != " " })
                #expect(name == current, "sample \(line) outside its family")
                if let lastSample { #expect(lastSample < line, "\(line) is not sorted after \(lastSample)") }
                lastSample = line
            }
        }
        #expect(families == ["capaudit_area_status", "capaudit_gate_passed", "capaudit_info", "capaudit_last_scan_timestamp_seconds",
                             "capaudit_scan_duration_seconds", "capaudit_tool_present", "capaudit_tool_status"])
    }

    @Test("values: area coverage, gate, duration and timestamp in seconds, host info")
    func values() {
        let text = PrometheusRenderer.render(GatedSampleReports.gated)
        #expect(Self.samples(text, "capaudit_area_status") == [
            "capaudit_area_status{area=\"load-testing\",priority=\"high\"} 0.5",
            "capaudit_area_status{area=\"secrets\",priority=\"critical\"} 0.5",
        ])
        #expect(Self.samples(text, "capaudit_gate_passed") == ["capaudit_gate_passed 0"])
        #expect(Self.samples(PrometheusRenderer.render(SampleReports.mixed), "capaudit_gate_passed") == ["capaudit_gate_passed 1"])
        #expect(Self.samples(text, "capaudit_scan_duration_seconds") == ["capaudit_scan_duration_seconds 1.234"])
        #expect(Self.samples(text, "capaudit_last_scan_timestamp_seconds") == ["capaudit_last_scan_timestamp_seconds 1796000000"])
        #expect(Self.samples(text, "capaudit_info") == [
            "capaudit_info{version=\"0.1.0\",hostname=\"ci-runner-7\",os=\"Debian GNU/Linux\",os_version=\"12\",arch=\"x86_64\"} 1",
        ])
        #expect(Self.samples(PrometheusRenderer.render(SampleReports.full), "capaudit_area_status").allSatisfy { $0.hasSuffix(" 1") })
        #expect(Self.samples(PrometheusRenderer.render(SampleReports.empty), "capaudit_area_status").allSatisfy { $0.hasSuffix(" 0") })
    }

    @Test("one tool_present series per area, capability and candidate tool; version empty when none was read")
    func toolSeries() {
        let text = PrometheusRenderer.render(SampleReports.mixed)
        #expect(Self.samples(text, "capaudit_tool_present") == [
            "capaudit_tool_present{area=\"load-testing\",capability=\"http-benchmark\",tool=\"ab\",version=\"\"} 0",
            "capaudit_tool_present{area=\"load-testing\",capability=\"http-benchmark\",tool=\"wrk\",version=\"4.1.0\"} 1",
            "capaudit_tool_present{area=\"load-testing\",capability=\"scripted-load\",tool=\"locust\",version=\"1.4.3\"} 0",
            "capaudit_tool_present{area=\"secrets\",capability=\"compose\",tool=\"compose\",version=\"2.29.7\"} 1",
            "capaudit_tool_present{area=\"secrets\",capability=\"secret-store\",tool=\"ui-bundle\",version=\"\"} 0",
            "capaudit_tool_present{area=\"secrets\",capability=\"secret-store\",tool=\"vault\",version=\"\"} 0",
        ])
        #expect(Self.samples(text, "capaudit_tool_status") == [
            "capaudit_tool_status{area=\"load-testing\",tool=\"ab\",status=\"missing\"} 1",
            "capaudit_tool_status{area=\"load-testing\",tool=\"locust\",status=\"outdated\"} 1",
            "capaudit_tool_status{area=\"load-testing\",tool=\"wrk\",status=\"present\"} 1",
            "capaudit_tool_status{area=\"secrets\",tool=\"compose\",status=\"present\"} 1",
            "capaudit_tool_status{area=\"secrets\",tool=\"ui-bundle\",status=\"undetectable\"} 1",
            "capaudit_tool_status{area=\"secrets\",tool=\"vault\",status=\"timeout\"} 1",
        ])
    }

    @Test("label values escape backslash, double quote and newline")
    func labelEscaping() {
        let text = PrometheusRenderer.render(GatedSampleReports.nasty)
        let info = Self.samples(text, "capaudit_info")
        #expect(info == ["capaudit_info{version=\"0.1.0\",hostname=\"h<&>\\\"'\\\\x\\ny\u{02}\",os=\"Debian GNU/Linux\",os_version=\"12\",arch=\"x86_64\"} 1"])
        #expect(text.contains("tool=\"wrk\",version=\"4.1.0<&\\\"'>\u{07}\u{1B}[0m\"} 0"))
        // Every line is one sample or comment: the newline in the hostname did not split one.
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("# ") || $0.hasPrefix("capaudit_") })
    }
}
