import CapAuditKit
import Foundation
import Testing

/// Reports for the markdown renderer beyond `SampleReports`: one gated by policy, and one whose
/// host, catalog and tool output are all hostile to markdown.
enum MarkdownSamples {
    static let mixedExecutables: Set<String> = ["/usr/local/bin/wrk", "/usr/bin/wrk", "/usr/bin/locust", "/usr/bin/vault", "/usr/bin/docker"]
    static let mixedOutputs: [String: ProbeOutput] = [
        "/usr/local/bin/wrk": .printed("wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer\nUsage: wrk <options> <url>\n", exit: 1, ms: 3),
        "/usr/bin/locust": .printed("locust 1.4.3 from /usr/lib/python3/dist-packages/locust (python 3.11.2)\n", ms: 410),
        "/usr/bin/vault": ProbeOutput(termination: .timedOut, durationMs: 5000),
        "/usr/bin/docker": .printed("v2.29.7|<b>`x`\n", ms: 40),
    ]

    /// The mixed host, judged with `--fail-on critical` and an expired waiver.
    static var gated: Report {
        let fs = FakeFileSystem(executables: mixedExecutables)
        let scanner = Scanner(
            catalog: SampleReports.catalog, runner: FakeRunner(outputs: mixedOutputs),
            resolver: PathResolver(searchPath: "/usr/local/bin:/usr/bin:.", fileSystem: fs),
            settings: ScanSettings(jobs: 8), environment: [:], host: SampleReports.host, now: { SampleReports.date })
        let policy = GatePolicy(
            failOn: .critical,
            waivers: [
                Waiver(target: "load-testing/scripted-load", reason: "Locust upgrade scheduled", expires: "2026-01-31", expired: true)
            ])
        var report = Evaluator(catalog: SampleReports.catalog, capauditVersion: "0.1.0", fileSystem: fs, policy: policy).evaluate(scanner.scan())
        report.durationMs = 1234
        return report
    }

    static let hostileVersion = "2.29.7|<b>`x`"
    static let hostilePath = "/opt/we|rd/`bin`/<img src=x>/docker"

    /// The mixed report with markdown-breaking text in every field a renderer shows.
    static var hostile: Report {
        var report = gated
        report.host.hostname = "<script>alert(1)</script>|host"
        report.host.os = "Evil *OS* [x](http://evil)"
        report.capauditVersion = "0.1.0`|"
        report.gate.failures.append(GateFailure(toolID: "x", message: "required tool x: missing\n| injected | row |"))
        report.gate.waivers.append(Waiver(target: "a|b", reason: "because <b>I</b>\nsaid `so`", expires: "2026-12-01|x"))
        for a in report.areas.indices {
            report.areas[a].area.name += " | *CI* _ops_ [link](http://x)"
            report.areas[a].area.why = "Can't <ship>\n# not a heading"
            report.areas[a].area.useCases.append("| pipe at start")
            for c in report.areas[a].capabilities.indices {
                report.areas[a].capabilities[c].capability.name += " `tick` |"
            }
            for t in report.areas[a].tools.indices where report.areas[a].tools[t].tool.id == "compose" {
                report.areas[a].tools[t].verdict.version = Version(hostileVersion)
                report.areas[a].tools[t].path = hostilePath
            }
            for t in report.areas[a].tools.indices where report.areas[a].tools[t].tool.id == "vault" {
                report.areas[a].tools[t].verdict.reason = "hung after printing:\r\n| a | b |\n<script>x</script> ``` * _ ["
            }
        }
        report.findings[0].path = "/tmp/|x"
        report.findings[0].message = "/tmp/|x <b>bad</b>\nnext"
        return report
    }

    /// The empty host with secrets as a foundation area (one the seed says a host already has)
    /// and load testing as an extended one: reported, but not ranked, planned or gating.
    static var unranked: Report {
        var report = SampleReports.empty
        report.areas[0].area.kind = .foundation
        return report
    }

    static var all: [(name: String, report: Report)] {
        [
            ("empty", SampleReports.empty), ("full", SampleReports.full), ("mixed", SampleReports.mixed), ("gated", gated),
            ("unranked", unranked), ("hostile", hostile),
        ]
    }
}

/// Structure of rendered markdown, read the way a GFM renderer reads tables.
enum MarkdownStructure {
    /// `|` characters that are cell separators: not backslash-escaped.
    static func separators(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for ch in line {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
        }
        return count
    }

    static func isDelimiterRow(_ line: String) -> Bool {
        line.hasPrefix("|") && line.allSatisfy { "|-: ".contains($0) } && line.contains("-")
    }

    /// Each table as its lines: header, delimiter row, body rows.
    static func tables(_ markdown: String) -> [[String]] {
        let lines = markdown.components(separatedBy: "\n")
        var tables: [[String]] = []
        var i = 0
        while i < lines.count {
            if i + 1 < lines.count, lines[i].hasPrefix("|"), isDelimiterRow(lines[i + 1]) {
                var table = [lines[i], lines[i + 1]]
                i += 2
                while i < lines.count, lines[i].hasPrefix("|") { table.append(lines[i]); i += 1 }
                tables.append(table)
            } else {
                i += 1
            }
        }
        return tables
    }
}

@Suite struct MarkdownRendererTests {
    @Test("markdown report of a mixed host matches its golden file")
    func mixed() {
        let g = Fixtures.matchesGolden(MarkdownRenderer.render(SampleReports.mixed), "report-mixed.md")
        #expect(g.ok, "\(g.message)")
    }

    @Test("markdown report of an empty host matches its golden file")
    func empty() {
        let g = Fixtures.matchesGolden(MarkdownRenderer.render(SampleReports.empty), "report-empty.md")
        #expect(g.ok, "\(g.message)")
    }

    @Test("markdown report of a fully equipped host matches its golden file")
    func full() {
        let g = Fixtures.matchesGolden(MarkdownRenderer.render(SampleReports.full), "report-full.md")
        #expect(g.ok, "\(g.message)")
    }

    @Test("markdown report of a gated scan with an expired waiver matches its golden file")
    func gated() {
        let g = Fixtures.matchesGolden(MarkdownRenderer.render(MarkdownSamples.gated), "report-gated.md")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the same report renders to the same bytes")
    func deterministic() {
        for (name, report) in MarkdownSamples.all {
            #expect(MarkdownRenderer.render(report) == MarkdownRenderer.render(report), "\(name)")
            #expect(MarkdownRenderer.render(report, plan: "x") == MarkdownRenderer.render(report, plan: "x"), "\(name)")
        }
    }

    @Test("the only timestamp is the scan's start, in the header, as YYYY-MM-DD HH:MM UTC")
    func oneTimestamp() {
        let md = MarkdownRenderer.render(SampleReports.mixed)
        #expect(md.contains("2026-11-30 00:53 UTC"))
        #expect(md.components(separatedBy: " UTC").count == 2)
        #expect(!md.contains("T00:53"))
    }

    @Test("escape() neutralises table separators, code, HTML, emphasis, links and line breaks")
    func escapeCases() {
        #expect(MarkdownRenderer.escape("a|b") == #"a\|b"#)
        #expect(MarkdownRenderer.escape("`x`") == #"\`x\`"#)
        #expect(MarkdownRenderer.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(MarkdownRenderer.escape("one\ntwo\r\nthree\rfour") == "one two three four")
        #expect(MarkdownRenderer.escape("a\u{2028}b\tc\u{1B}[0m") == #"a b c \[0m"#)
        #expect(MarkdownRenderer.escape("*bold* **x**") == #"\*bold\* \*\*x\*\*"#)
        #expect(MarkdownRenderer.escape("_em_ x86_64 __init__") == #"\_em\_ x86_64 \_\_init\_\_"#)
        #expect(MarkdownRenderer.escape("[a](http://b)") == #"\[a\](http://b)"#)
        #expect(MarkdownRenderer.escape(#"C:\dir\|"#) == #"C:\\dir\\\|"#)
        #expect(MarkdownRenderer.escape("&lt; &#60; a & b") == #"\&lt; \&#60; a & b"#)
        #expect(MarkdownRenderer.escape("$x$ ~~y~~") == #"\$x\$ \~\~y\~\~"#)
        #expect(MarkdownRenderer.escape("# h") == "\\# h")
        #expect(MarkdownRenderer.escape("- item") == #"\- item"#)
        #expect(MarkdownRenderer.escape("1.2-rc+b#1") == "1.2-rc+b#1")
        #expect(MarkdownRenderer.escape("evil\u{202E}txt.exe") == "evil\u{FFFD}txt.exe")
        #expect(MarkdownRenderer.escape("") == "")
        #expect(MarkdownRenderer.escape("Debian GNU/Linux 12 (bookworm), 2.29.7") == "Debian GNU/Linux 12 (bookworm), 2.29.7")
    }

    @Test("every table row has as many cell separators as its header")
    func tableShape() throws {
        for (name, report) in MarkdownSamples.all {
            let md = MarkdownRenderer.render(report)
            let tables = MarkdownStructure.tables(md)
            #expect(!tables.isEmpty, "\(name)")
            for table in tables {
                let header = MarkdownStructure.separators(table[0])
                #expect(header >= 2)
                for row in table.dropFirst() {
                    #expect(MarkdownStructure.separators(row) == header, "\(name): \(row)")
                    #expect(row.hasSuffix(" |"), "\(name): \(row)")
                }
            }
            // A table is only a table when a blank line (or the start) comes before it.
            let lines = md.components(separatedBy: "\n")
            for (i, line) in lines.enumerated() where i + 1 < lines.count && MarkdownStructure.isDelimiterRow(lines[i + 1]) {
                #expect(i == 0 || lines[i - 1].isEmpty, "\(name): no blank line before table at line \(i + 1)")
            }
        }
    }

    @Test("no text from the host or the catalog can produce raw HTML or break out of its line")
    func noRawHTML() {
        for (name, report) in MarkdownSamples.all {
            let md = MarkdownRenderer.render(report)
            for (i, line) in md.components(separatedBy: "\n").enumerated() {
                #expect(!line.contains("<"), "\(name) line \(i + 1): \(line)")
                #expect(!line.contains(">"), "\(name) line \(i + 1): \(line)")
            }
            #expect(!md.contains("\r"), "\(name)")
        }
        let hostile = MarkdownRenderer.render(MarkdownSamples.hostile)
        // The hostile newlines were flattened: none of them starts a line of its own.
        #expect(!hostile.contains("\n| injected"))
        #expect(!hostile.contains("\n# not a heading"))
        #expect(hostile.contains(MarkdownRenderer.escape(MarkdownSamples.hostileVersion)))
        #expect(hostile.contains(MarkdownRenderer.escape(MarkdownSamples.hostilePath)))
        #expect(hostile.contains(#"2.29.7\|&lt;b&gt;\`x\`"#))
    }

    @Test("the mixed host's report says what a reader needs: host, gaps, status per tool, ranking, plan")
    func content() {
        let md = MarkdownRenderer.render(SampleReports.mixed)
        #expect(md.hasPrefix("# Production engineering capability report: ci-runner-7\n"))
        #expect(md.contains("ci-runner-7 (Debian GNU/Linux 12, x86_64)"))
        #expect(md.contains("**Critical gaps:** Secrets Management (Secret store CLI)."))
        #expect(md.contains("| Capability | Tool | Version | Path |"))
        #expect(md.contains("| Rank | Area | Priority | Phase | Status |"))
        #expect(md.contains("outdated: 1.4.3 (needs ≥ 2.0)"))
        #expect(md.contains("hides /usr/bin/wrk"))
        #expect(md.contains("cannot be detected from the host"))
        #expect(md.contains("Secret \\| rotation"))
        #expect(md.contains("Run `capaudit plan` for install commands for this host."))
        #expect(md.contains("Generated by capaudit 0.1.0 from a scan of ci-runner-7; statuses come from running each tool's version command"))
        #expect(!md.contains("## Gate"), "no gate section without --fail-on")
        #expect(MarkdownRenderer.render(SampleReports.full).contains("**No critical gaps.**"))
        let sections = md.components(separatedBy: "\n").filter { $0.hasPrefix("## ") }
        #expect(
            sections == [
                "## Executive summary", "## What this host has", "## What is missing", "## Tools that need attention",
                "## Findings", "## Priority ranking", "## Phased plan for this host",
            ])
    }

    @Test("the gate shows failures and an expired waiver marked EXPIRED")
    func gate() {
        let md = MarkdownRenderer.render(MarkdownSamples.gated)
        #expect(md.contains("## Gate: ❌ FAILED"))
        #expect(md.contains("- secrets/secret-store (Secret store CLI): none of vault, ui-bundle is usable"))
        #expect(md.contains("| load-testing/scripted-load | Locust upgrade scheduled | 2026-01-31 | **EXPIRED**"))
        #expect(md.contains("Secret store CLI (fails the gate)"))
        var passed = SampleReports.full
        passed.gate = GateResult(failOn: .high)
        #expect(MarkdownRenderer.render(passed).contains("## Gate: ✅ PASSED"))
        var waivedOnly = SampleReports.full
        waivedOnly.gate = GateResult(waivers: [Waiver(target: "secrets", reason: "r")])
        let w = MarkdownRenderer.render(waivedOnly)
        #expect(w.contains("## Waivers") && !w.contains("## Gate"))
    }

    @Test("foundation and extended areas are reported as not found, but not ranked, planned or counted as critical gaps")
    func unranked() {
        let md = MarkdownRenderer.render(MarkdownSamples.unranked)
        #expect(md.contains("**No critical gaps.** Other gaps: Load/Stress Testing (HTTP benchmarking, Scripted load tests)."))
        #expect(md.contains("### Also not found: foundation and additional areas"))
        #expect(md.contains("| Secrets Management | foundation | Secret store CLI | vault: missing; UI bundle (ui-bundle): cannot be detected from the host |"))
        let ranking = md.components(separatedBy: "## Priority ranking")[1].components(separatedBy: "## Phased plan")
        #expect(!ranking[0].contains("Secrets Management"))
        #expect(!ranking[1].contains("Secret store CLI"))
        #expect(ranking[1].contains("Scripted load tests"))
        #expect(!md.contains("### 4. Secrets Management"))
    }

    @Test("a planner's markdown is inserted verbatim instead of the short plan")
    func plan() {
        let plan = "### Phase 1 (critical)\n\n```sh\nsudo apt-get install -y vault\n```\n"
        let md = MarkdownRenderer.render(SampleReports.mixed, plan: plan)
        #expect(md.contains("## Phased plan for this host\n\n" + plan + "\n---\n"))
        #expect(!md.contains("capaudit plan"))
    }

    @Test("a --no-exec scan says versions were not read")
    func noExec() {
        var report = SampleReports.full
        report.settings.noExec = true
        let md = MarkdownRenderer.render(report)
        #expect(md.contains("`--no-exec`"))
        #expect(md.contains("nothing was run"))
    }

    // MARK: - A real markdown parser

    @Test(
        "markdown-it (CommonMark + GFM tables) sees every table, every row, and the data as plain text",
        .enabled(if: MarkdownIt.python != nil, "needs python3 with markdown-it-py (pip install markdown-it-py)"))
    func markdownIt() throws {
        let cases = MarkdownSamples.all
        let documents = cases.map { MarkdownRenderer.render($0.report) }
        let parsed = try MarkdownIt.parse(documents)
        try #require(parsed.count == documents.count)
        for ((name, _), (md, doc)) in zip(cases, zip(documents, parsed)) {
            let ours = MarkdownStructure.tables(md)
            #expect(doc.tables.count == ours.count, "\(name): tables")
            for (theirs, mine) in zip(doc.tables, ours) {
                #expect(theirs.count == mine.count - 1, "\(name): rows (header + body, without the delimiter row)")
                #expect(Set(theirs.map(\.count)).count == 1, "\(name): ragged table")
            }
            #expect(doc.html == 0, "\(name): raw HTML reached the output")
            #expect(doc.links == 0, "\(name): a link or image appeared")
            #expect(doc.emphasis == 0, "\(name): emphasis or strikethrough appeared (the renderer only uses bold)")
            #expect(doc.headings == md.components(separatedBy: "\n").filter { $0.hasPrefix("#") }.count, "\(name): headings")
        }
        // The hostile cells come back as exactly the text that went in.
        let hostile = try #require(parsed.last)
        let cells = hostile.tables.flatMap { $0.flatMap { $0 } }
        #expect(cells.contains(MarkdownSamples.hostileVersion))
        #expect(cells.contains(MarkdownSamples.hostilePath))
        #expect(cells.contains("hung after printing: | a | b | <script>x</script> ``` * _ ["))
    }

    @Test(
        "escape() round-trips through markdown-it: a cell shows exactly the text, newlines as spaces",
        .enabled(if: MarkdownIt.python != nil, "needs python3 with markdown-it-py (pip install markdown-it-py)"))
    func escapeRoundTrip() throws {
        let samples = [
            "a|b", "`x`", "``` fence", "<script>alert(1)</script>", "*bold* _em_ __init__ x86_64", "[a](http://b) ![i](j)",
            #"C:\dir\|x\"#, "&lt; &#60; &amp", "$x$ ~~y~~ ~z~", "# h", "- item", "+ x", "= x", "1. x", "<!-- c -->",
            "line\nnext\r\nlast", "v2.29.7|<b>`x`", "\\`", "|", "\\", "**", "a  b", "<http://x>",
        ]
        let documents = samples.map { "| h |\n| --- |\n| x \(MarkdownRenderer.escape($0)) |\n\nx \(MarkdownRenderer.escape($0))\n" }
        let parsed = try MarkdownIt.parse(documents)
        try #require(parsed.count == samples.count)
        for (sample, doc) in zip(samples, parsed) {
            let expected = "x " + sample.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            #expect(doc.tables.count == 1 && doc.tables.first?.count == 2, "\(sample)")
            #expect(doc.tables.first?.last == [expected], "\(sample)")
            #expect(doc.paragraphs == [expected], "\(sample)")
            #expect(doc.html == 0 && doc.links == 0 && doc.emphasis == 0 && doc.strong == 0, "\(sample)")
        }
    }
}

/// markdown-it-py, run through capaudit's own probe runner.
enum MarkdownIt {
    struct Document {
        var tables: [[[String]]]
        var paragraphs: [String]
        var html: Int
        var links: Int
        var emphasis: Int
        var strong: Int
        var headings: Int
    }

    static let script = #"""
        import json, sys
        from markdown_it import MarkdownIt
        md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
        out = []
        for doc in json.load(open(sys.argv[1], encoding="utf-8")):
            r = {"tables": [], "paragraphs": [], "html": 0, "links": 0, "emphasis": 0, "strong": 0, "headings": 0}
            table = row = None
            in_cell = in_par = False
            cell = ""
            for tok in md.parse(doc):
                t = tok.type
                if t.startswith("html"): r["html"] += 1
                if t == "heading_open": r["headings"] += 1
                if t == "table_open": table = []
                elif t == "table_close": r["tables"].append(table); table = None
                elif t == "tr_open": row = []
                elif t == "tr_close": table.append(row); row = None
                elif t in ("th_open", "td_open"): in_cell = True; cell = ""
                elif t in ("th_close", "td_close"): row.append(cell); in_cell = False
                elif t == "paragraph_open": in_par = True
                elif t == "paragraph_close": in_par = False
                elif t == "inline":
                    text = ""
                    for c in tok.children or []:
                        if c.type.startswith("html"): r["html"] += 1
                        elif c.type in ("link_open", "image"): r["links"] += 1
                        elif c.type in ("em_open", "s_open"): r["emphasis"] += 1
                        elif c.type == "strong_open": r["strong"] += 1
                        elif c.type in ("softbreak", "hardbreak"): text += "\n"
                        elif c.type in ("text", "code_inline"): text += c.content
                    if in_cell: cell += text
                    elif in_par and table is None: r["paragraphs"].append(text)
            out.append(r)
        json.dump(out, sys.stdout)
        """#

    static func environment() -> [String: String] { ProcessInfo.processInfo.environment }

    /// A python3 on PATH that can import markdown_it, or nil.
    static let python: String? = {
        let path = environment()["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where dir.hasPrefix("/") {
            let candidate = String(dir) + "/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            let out = ProbeRunner().run(
                ProbeRequest(
                    executable: candidate, arguments: ["-c", "import markdown_it"],
                    environment: environment(), timeout: 30))
            if out.exitCode == 0 { return candidate }
        }
        return nil
    }()

    static func parse(_ documents: [String]) throws -> [Document] {
        let python = try #require(python)
        let folder = try TemporaryFolder()
        let input = folder.url.appendingPathComponent("docs.json")
        try JSONSerialization.data(withJSONObject: documents).write(to: input)
        let out = ProbeRunner().run(
            ProbeRequest(
                executable: python, arguments: ["-c", script, input.path],
                environment: environment(), timeout: 60, outputLimit: 16 << 20))
        try #require(out.exitCode == 0, "markdown-it failed: \(String(decoding: out.stderr, as: UTF8.self))")
        let root = try #require(try JSONSerialization.jsonObject(with: out.stdout) as? [[String: Any]])
        return root.map { r in
            Document(
                tables: r["tables"] as? [[[String]]] ?? [], paragraphs: r["paragraphs"] as? [String] ?? [],
                html: r["html"] as? Int ?? -1, links: r["links"] as? Int ?? -1, emphasis: r["emphasis"] as? Int ?? -1,
                strong: r["strong"] as? Int ?? -1, headings: r["headings"] as? Int ?? -1)
        }
    }
}
