import CapAuditKit
import Foundation
import Testing

/// The words a user reads: one test per point of issue 11's wording list.
@Suite struct WordingTests {
    static func builtinEmpty() throws -> (Catalog, Report) {
        let catalog = try BuiltinCatalog.load()
        return (catalog, PlanCatalogs.report(catalog))
    }

    @Test("a name that already shows its id is written once: ApacheBench (ab), never ApacheBench (ab) (ab)")
    func namesOnce() throws {
        let (catalog, report) = try Self.builtinEmpty()
        let markdown = MarkdownRenderer.render(report)
        #expect(markdown.contains("ApacheBench (ab)"))
        #expect(!markdown.contains("(ab) (ab)"))
        for tool in catalog.tools.values {
            #expect(!markdown.contains("(\(tool.id)) (\(tool.id))"), "\(tool.id)")
        }
    }

    @Test("a shadow note stands under the tool it concerns, and never under a missing tool")
    func notesUnderTheirTool() throws {
        let text = TextRenderer.render(SampleReports.mixed)
        let lines = text.split(separator: "\n").map(String.init)
        let note = try #require(lines.firstIndex { $0.contains("note: wrk at /usr/local/bin/wrk shadows /usr/bin/wrk") })
        #expect(lines[note - 1].contains("HTTP benchmarking: wrk 4.1.0"))
        // A tool that is missing (a Python module not found in the python3 that shadows another) gets no note.
        var report = SampleReports.mixed
        let a = try #require(report.areas.firstIndex { $0.area.id == "load-testing" })
        let t = try #require(report.areas[a].tools.firstIndex { $0.tool.id == "locust" })
        report.areas[a].tools[t].verdict.status = .missing
        report.areas[a].tools[t].shadowed = ["/usr/bin/locust-other"]
        #expect(!TextRenderer.render(report).contains("note: locust"))
        #expect(!MarkdownRenderer.render(report).contains("Shadowed copies: locust"))
    }

    @Test(
        "markdown renders on GitHub as meant: commands in a reason are code, not escaped backquotes", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"))
    )
    func githubMarkdown() throws {
        let markdown = MarkdownRenderer.render(SampleReports.mixed)
        #expect(!markdown.contains("\\`"))
        #expect(markdown.contains("`/usr/bin/vault version` did not finish"))
        #expect(MarkdownRenderer.prose("run `a|b` now") == "run `a\\|b` now")
        #expect(MarkdownRenderer.prose("one ` quote") == MarkdownRenderer.escape("one ` quote"))
        // GitHub uses CommonMark with tables (GFM); markdown-it with tables renders the same way.
        let folder = try TemporaryFolder()
        let file = try folder.file("report.md", markdown)
        let r = HelperProcess.run(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys
                try:
                    from markdown_it import MarkdownIt
                except ImportError:
                    print("SKIP"); sys.exit(0)
                html = MarkdownIt("commonmark").enable("table").render(open(sys.argv[1]).read())
                print(html)
                """, file,
            ])
        try #require(r.exitCode == 0, "\(r.stderr)")
        guard !r.stdout.hasPrefix("SKIP") else { return }
        #expect(r.stdout.contains("<code>/usr/bin/vault version</code> did not finish"), "\(r.stdout)")
        #expect(!r.stdout.contains("`/usr/bin/vault"))
    }

    @Test("no words from the analysis document that mean nothing to a user: no seed steps, no agent TOOLS registry")
    func noInternalVocabulary() throws {
        let (catalog, report) = try Self.builtinEmpty()
        let plan = Planner.plan(report: report, catalog: catalog, host: try PlanHosts.debian(), date: SampleReports.date)
        for format in PlanRenderer.Format.allCases where format != .json {
            let text = PlanRenderer.render(plan, format: format)
            for word in ["seed step", "TOOLS registry", "seed's"] { #expect(!text.contains(word), "\(format): \(word)") }
        }
        for text in [TextRenderer.render(report), MarkdownRenderer.render(report)] {
            #expect(!text.contains("seed step") && !text.contains("TOOLS registry"))
        }
    }

    @Test("counts agree with their nouns: 1 area, 2 areas")
    func plurals() throws {
        #expect(TextRenderer.plural(1, "area") == "1 area")
        #expect(TextRenderer.plural(2, "area") == "2 areas")
        #expect(TextRenderer.plural(0, "tool") == "0 tools")
        var report = SampleReports.mixed
        report.areas = [report.areas[0]]
        let second = TextRenderer.render(report).split(separator: "\n")[1]
        #expect(second.hasPrefix("1 area, "), "\(second)")
        #expect(!TextRenderer.render(report).contains("1 areas"))
    }

    @Test("a scan ends with one line that says what to do next: the plan for gaps, the gate when covered")
    func nextStep() throws {
        let gaps = TextRenderer.render(SampleReports.mixed).split(separator: "\n").map(String.init)
        #expect(gaps.last == "Next: capaudit plan writes the install steps for these gaps (--format shell for a script).")
        let full = TextRenderer.render(SampleReports.full).split(separator: "\n").map(String.init)
        #expect(full.last?.hasPrefix("Next: gate CI on it: capaudit scan --fail-on critical") == true)
        let gated = TextRenderer.render(GatedSampleReports.gated).split(separator: "\n").map(String.init)
        #expect(gated.last?.hasPrefix("Next: capaudit plan --format shell > install.sh") == true)
    }
}
