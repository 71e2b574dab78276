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
        for (name, report) in [
            ("mixed", SampleReports.mixed), ("gated", GatedSampleReports.gated), ("empty", SampleReports.empty),
            ("full", SampleReports.full), ("escaping", GatedSampleReports.nasty),
        ] {
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
        #expect(
            families == [
                "capaudit_area_coverage_ratio", "capaudit_area_status", "capaudit_build_info", "capaudit_capability_met",
                "capaudit_config_info", "capaudit_gate_passed", "capaudit_host_info", "capaudit_last_scan_timestamp_seconds",
                "capaudit_scan_duration_seconds", "capaudit_tool_info", "capaudit_tool_meets_capability",
                "capaudit_tool_status",
            ])
        #expect(families == PrometheusRenderer.familyNames)
    }

    @Test("values: area coverage ratio and state, gate, duration and timestamp in seconds, build and host info")
    func values() {
        let text = PrometheusRenderer.render(GatedSampleReports.gated)
        #expect(
            Self.samples(text, "capaudit_area_status") == [
                "capaudit_area_status{area=\"load-testing\",priority=\"high\",status=\"covered\"} 0",
                "capaudit_area_status{area=\"load-testing\",priority=\"high\",status=\"missing\"} 0",
                "capaudit_area_status{area=\"load-testing\",priority=\"high\",status=\"partial\"} 1",
                "capaudit_area_status{area=\"secrets\",priority=\"critical\",status=\"covered\"} 0",
                "capaudit_area_status{area=\"secrets\",priority=\"critical\",status=\"missing\"} 0",
                "capaudit_area_status{area=\"secrets\",priority=\"critical\",status=\"partial\"} 1",
            ])
        #expect(
            Self.samples(text, "capaudit_area_coverage_ratio") == [
                "capaudit_area_coverage_ratio{area=\"load-testing\",priority=\"high\"} 0.5",
                "capaudit_area_coverage_ratio{area=\"secrets\",priority=\"critical\"} 0.5",
            ])
        #expect(Self.samples(text, "capaudit_gate_passed") == ["capaudit_gate_passed 0"])
        #expect(Self.samples(PrometheusRenderer.render(SampleReports.mixed), "capaudit_gate_passed") == ["capaudit_gate_passed 1"])
        #expect(Self.samples(text, "capaudit_scan_duration_seconds") == ["capaudit_scan_duration_seconds 1.234"])
        #expect(Self.samples(text, "capaudit_last_scan_timestamp_seconds") == ["capaudit_last_scan_timestamp_seconds 1796000000"])
        #expect(Self.samples(text, "capaudit_build_info") == ["capaudit_build_info{version=\"0.1.0\"} 1"])
        #expect(
            Self.samples(text, "capaudit_host_info") == [
                "capaudit_host_info{hostname=\"ci-runner-7\",os=\"Debian GNU/Linux\",os_version=\"12\",arch=\"x86_64\"} 1"
            ])
        #expect(Self.samples(PrometheusRenderer.render(SampleReports.full), "capaudit_area_coverage_ratio").allSatisfy { $0.hasSuffix(" 1") })
        #expect(Self.samples(PrometheusRenderer.render(SampleReports.empty), "capaudit_area_coverage_ratio").allSatisfy { $0.hasSuffix(" 0") })
    }

    @Test("one capability series per area and capability, one meets series per candidate tool")
    func capabilitySeries() {
        let text = PrometheusRenderer.render(SampleReports.mixed)
        #expect(
            Self.samples(text, "capaudit_tool_meets_capability") == [
                "capaudit_tool_meets_capability{area=\"load-testing\",capability=\"http-benchmark\",tool=\"ab\"} 0",
                "capaudit_tool_meets_capability{area=\"load-testing\",capability=\"http-benchmark\",tool=\"wrk\"} 1",
                "capaudit_tool_meets_capability{area=\"load-testing\",capability=\"scripted-load\",tool=\"locust\"} 0",
                "capaudit_tool_meets_capability{area=\"secrets\",capability=\"compose\",tool=\"compose\"} 1",
                "capaudit_tool_meets_capability{area=\"secrets\",capability=\"secret-store\",tool=\"ui-bundle\"} 0",
                "capaudit_tool_meets_capability{area=\"secrets\",capability=\"secret-store\",tool=\"vault\"} 0",
            ])
        #expect(
            Self.samples(text, "capaudit_capability_met") == [
                "capaudit_capability_met{area=\"load-testing\",capability=\"http-benchmark\"} 1",
                "capaudit_capability_met{area=\"load-testing\",capability=\"scripted-load\"} 0",
                "capaudit_capability_met{area=\"secrets\",capability=\"compose\"} 1",
                "capaudit_capability_met{area=\"secrets\",capability=\"secret-store\"} 0",
            ])
    }

    @Test("tool versions appear only in capaudit_tool_info, one series per tool")
    func versionsOnlyInToolInfo() {
        let text = PrometheusRenderer.render(SampleReports.mixed)
        #expect(
            Self.samples(text, "capaudit_tool_info") == [
                "capaudit_tool_info{tool=\"ab\",version=\"\"} 1",
                "capaudit_tool_info{tool=\"compose\",version=\"2.29.7\"} 1",
                "capaudit_tool_info{tool=\"locust\",version=\"1.4.3\"} 1",
                "capaudit_tool_info{tool=\"ui-bundle\",version=\"\"} 1",
                "capaudit_tool_info{tool=\"vault\",version=\"\"} 1",
                "capaudit_tool_info{tool=\"wrk\",version=\"4.1.0\"} 1",
            ])
        for version in ["2.29.7", "1.4.3", "4.1.0"] {
            let lines = text.split(separator: "\n").filter { $0.contains(version) && !$0.hasPrefix("#") }
            #expect(lines.count == 1 && lines[0].hasPrefix("capaudit_tool_info{"), "\(version): \(lines)")
        }
        let versionLabels = text.split(separator: "\n").filter { $0.contains("{version=") || $0.contains(",version=") }.map { String($0.prefix { $0 != "{" }) }
        #expect(Set(versionLabels) == ["capaudit_tool_info", "capaudit_build_info"])
    }

    @Test("statuses are state labels: one series per possible state, exactly one of them 1")
    func statusStates() {
        let text = PrometheusRenderer.render(SampleReports.mixed)
        let lines = Self.samples(text, "capaudit_tool_status")
        #expect(lines.count == 6 * ToolStatus.allCases.count)
        #expect(
            lines.filter { $0.hasSuffix(" 1") } == [
                "capaudit_tool_status{area=\"load-testing\",tool=\"ab\",status=\"missing\"} 1",
                "capaudit_tool_status{area=\"load-testing\",tool=\"locust\",status=\"outdated\"} 1",
                "capaudit_tool_status{area=\"load-testing\",tool=\"wrk\",status=\"present\"} 1",
                "capaudit_tool_status{area=\"secrets\",tool=\"compose\",status=\"present\"} 1",
                "capaudit_tool_status{area=\"secrets\",tool=\"ui-bundle\",status=\"undetectable\"} 1",
                "capaudit_tool_status{area=\"secrets\",tool=\"vault\",status=\"timeout\"} 1",
            ])
        for state in ["present", "unknown-version", "outdated", "missing", "timeout", "error", "undetectable"] {
            #expect(lines.contains("capaudit_tool_status{area=\"load-testing\",tool=\"ab\",status=\"\(state)\"} \(state == "missing" ? 1 : 0)"))
        }
        let areaLines = Self.samples(text, "capaudit_area_status")
        #expect(areaLines.count == 2 * 3 && areaLines.filter { $0.hasSuffix(" 1") }.count == 2)
    }

    @Test("label values escape backslash, double quote and newline; other controls (BEL, ESC, STX) become U+FFFD")
    func labelEscaping() {
        let text = PrometheusRenderer.render(GatedSampleReports.nasty)
        let info = Self.samples(text, "capaudit_host_info")
        #expect(info == ["capaudit_host_info{hostname=\"h<&>\\\"'\\\\x\\ny\u{FFFD}\",os=\"Debian GNU/Linux\",os_version=\"12\",arch=\"x86_64\"} 1"])
        #expect(text.contains("tool=\"wrk\",version=\"4.1.0<&\\\"'>\u{FFFD}\u{FFFD}[0m\"} 1"))
        #expect(!text.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
        // Every line is one sample or comment: the newline in the hostname did not split one.
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("# ") || $0.hasPrefix("capaudit_") })
    }
}
