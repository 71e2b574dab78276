import CapAuditKit
import Foundation
import Testing

@Suite struct PlanRendererTests {
    @Test("markdown plan for an empty Debian host matches its golden file")
    func markdownDebian() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        let g = Fixtures.matchesGolden(PlanRenderer.markdown(plan), "plan-debian-empty.md")
        #expect(g.ok, "\(g.message)")
    }

    @Test("markdown plan for a mixed Debian host matches its golden file")
    func markdownMixed() throws {
        let plan = SamplePlans.plan(SampleReports.mixed, host: try PlanHosts.debian())
        let g = Fixtures.matchesGolden(PlanRenderer.markdown(plan), "plan-debian-mixed.md")
        #expect(g.ok, "\(g.message)")
    }

    @Test("markdown plan for a macOS host with Homebrew matches its golden file")
    func markdownMac() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.macOS())
        let g = Fixtures.matchesGolden(PlanRenderer.markdown(plan), "plan-macos-empty.md")
        #expect(g.ok, "\(g.message)")
    }

    @Test("text plan for a mixed Debian host matches its golden file")
    func textMixed() throws {
        let plan = SamplePlans.plan(SampleReports.mixed, host: try PlanHosts.debian())
        let g = Fixtures.matchesGolden(PlanRenderer.text(plan), "plan-debian-mixed.txt")
        #expect(g.ok, "\(g.message)")
    }

    @Test("JSON plan for a mixed Debian host matches its golden file")
    func jsonMixed() throws {
        let plan = SamplePlans.plan(SampleReports.mixed, host: try PlanHosts.debian())
        let g = Fixtures.matchesGolden(PlanRenderer.json(plan), "plan-debian-mixed.json")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the JSON plan has a schemaVersion, sorted keys and every step's command and method")
    func jsonContract() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        let text = PlanRenderer.json(plan)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root["createdAt"] as? String == JSONRenderer.isoTimestamp(SampleReports.date))
        let host = try #require(root["host"] as? [String: Any])
        #expect(host["pythonExternallyManaged"] as? Bool == true)
        #expect(host["managers"] as? [String: String] == ["apt": "apt-get", "python3": "python3"])
        let phases = try #require(root["phases"] as? [[String: Any]])
        #expect(phases.map { $0["number"] as? Int } == [1, 2, 3])
        let steps = phases.flatMap { ($0["steps"] as? [[String: Any]]) ?? [] }
        let wrk = try #require(steps.first { $0["tool"] as? String == "wrk" })
        #expect(wrk["method"] as? String == "apt")
        #expect(wrk["package"] as? String == "wrk")
        #expect(wrk["commands"] as? [String] == ["sudo apt-get install -y wrk"])
        #expect((wrk["check"] as? [String: Any])?["command"] as? String == "wrk")
        // Keys come out sorted: the top-level object's keys appear in order in the text.
        let keys = ["capaudit", "createdAt", "filter", "host", "phases", "schemaVersion"]
        let offsets = keys.map { text.range(of: "\n  \"\($0)\":")?.lowerBound }
        #expect(offsets.allSatisfy { $0 != nil })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
    }

    @Test("the same plan renders to the same bytes in every format")
    func deterministic() throws {
        let host = try PlanHosts.debian()
        for format in PlanRenderer.Format.allCases {
            let a = PlanRenderer.render(SamplePlans.plan(SampleReports.mixed, host: host), format: format)
            let b = PlanRenderer.render(SamplePlans.plan(SampleReports.mixed, host: host), format: format)
            #expect(a == b, "\(format)")
        }
    }

    @Test("markdown has a heading per phase and a table row per step, with the command for this host and the alternatives")
    func markdownShape() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.fedora())
        let md = PlanRenderer.markdown(plan)
        #expect(md.contains("## Phase 1: Critical (week 1)"))
        #expect(md.contains("## Phase 2: High priority (week 2)"))
        #expect(md.contains("## Phase 3: Medium priority and integration (week 3)"))
        for step in plan.steps { #expect(md.contains("| \(step.number) |"), "row for \(step.number)") }
        // wrk is preferred but has no Fedora recipe: ApacheBench from dnf, wrk named as the alternative.
        #expect(md.contains("`sudo dnf install -y httpd-tools`"))
        #expect(md.contains("wrk: <https://github.com/wg/wrk/blob/master/INSTALL>"))
    }

    @Test("catalog text cannot break a markdown table or a text line")
    func escaping() throws {
        var plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        plan.phases[0].steps[0].title = "Evil | title\nwith a newline"
        let md = PlanRenderer.markdown(plan)
        #expect(md.contains("Evil \\| title with a newline"))
        let text = PlanRenderer.text(plan)
        #expect(text.contains("Evil | title with a newline"))
    }
}
