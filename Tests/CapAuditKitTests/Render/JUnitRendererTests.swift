import CapAuditKit
import Foundation
import Testing

/// Reports for the CI-output renderers: the mixed host of `SampleReports`, judged with a gate.
enum GatedSampleReports {
    /// The mixed host with `--fail-on high --require ab>=2.3` and a waiver on `load-testing/scripted-load`:
    /// secrets/secret-store fails the gate, scripted-load is waived, ab is a required tool that is missing.
    static var gated: Report {
        let executables: Set<String> = ["/usr/local/bin/wrk", "/usr/bin/wrk", "/usr/bin/locust", "/usr/bin/vault", "/usr/bin/docker"]
        let outputs: [String: ProbeOutput] = [
            "/usr/local/bin/wrk": .printed("wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer\nUsage: wrk <options> <url>\n", exit: 1, ms: 3),
            "/usr/bin/locust": .printed("locust 1.4.3 from /usr/lib/python3/dist-packages/locust (python 3.11.2)\n", ms: 410),
            "/usr/bin/vault": ProbeOutput(termination: .timedOut, durationMs: 5000),
            "/usr/bin/docker": .printed("v2.29.7|<b>`x`\n", ms: 40),
        ]
        let fs = FakeFileSystem(executables: executables)
        let scanner = Scanner(
            catalog: SampleReports.catalog, runner: FakeRunner(outputs: outputs),
            resolver: PathResolver(searchPath: "/usr/local/bin:/usr/bin:.", fileSystem: fs),
            settings: ScanSettings(jobs: 8), environment: [:], host: SampleReports.host, now: { SampleReports.date })
        let policy = GatePolicy(
            failOn: .high, requiredTools: [ToolRequirement(parsing: "ab>=2.3")!],
            waivers: [Waiver(target: "load-testing/scripted-load", reason: "locust 2 upgrade is tracked in <OPS-12> & due", expires: "2027-01-31")])
        var report = Evaluator(catalog: SampleReports.catalog, capauditVersion: "0.1.0", fileSystem: fs, policy: policy).evaluate(scanner.scan())
        report.durationMs = 1234
        return report
    }

    /// Characters that must be escaped or removed in every output format.
    static let nastyVersion = "4.1.0<&\"'>\u{07}\u{1B}[0m"
    static let nastyPath = "/opt/a&b<c>\"d\"'e/\u{01}bin\tx/wrk"
    static let nastyReason = "printed \u{00}null & <tag> \"q\"\r\nsecond line"
    static let nastyHostname = "h<&>\"'\\x\ny\u{02}"

    /// The mixed report with wrk's version, path and reason, a capability name and the hostname
    /// rewritten to contain markup, quotes and control characters.
    static var nasty: Report {
        var report = SampleReports.mixed
        report.host.hostname = nastyHostname
        let a = report.areas.firstIndex { $0.area.id == "load-testing" }!
        let t = report.areas[a].tools.firstIndex { $0.tool.id == "wrk" }!
        report.areas[a].tools[t].path = nastyPath
        report.areas[a].tools[t].verdict.version = Version(nastyVersion)
        report.areas[a].tools[t].verdict.reason = nastyReason
        report.areas[a].tools[t].verdict.status = .outdated
        let c = report.areas[a].capabilities.firstIndex { $0.capability.id == "http-benchmark" }!
        report.areas[a].capabilities[c].capability.name = "HTTP <bench> & \"load\""
        report.areas[a].capabilities[c].met = false
        report.areas[a].capabilities[c].metBy = []
        report.areas[a].capabilities[c].gating = true
        return report
    }
}

/// Runs a helper program (python3, promtool) through capaudit's own runner.
enum HelperProcess {
    static func run(_ executable: String, _ arguments: [String]) -> (exitCode: Int32?, stdout: String, stderr: String) {
        let output = ProbeRunner().run(
            ProbeRequest(
                executable: executable, arguments: arguments,
                environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"],
                timeout: 60, outputLimit: 4 << 20))
        return (output.exitCode, String(decoding: output.stdout, as: UTF8.self), String(decoding: output.stderr, as: UTF8.self))
    }
}

@Suite struct JUnitRendererTests {
    static let python = "/usr/bin/python3"
    static let hasPython = FileManager.default.isExecutableFile(atPath: python)

    /// Parses the file with ElementTree and prints its structure as JSON.
    static let parseScript = #"""
        import json, sys, xml.etree.ElementTree as E
        root = E.parse(sys.argv[1]).getroot()
        def kid(e, tag):
            c = e.find(tag)
            return None if c is None else {"attrib": c.attrib, "text": c.text or ""}
        out = {"tag": root.tag, "attrib": root.attrib, "suites": []}
        for s in root.findall("testsuite"):
            out["suites"].append({
                "attrib": s.attrib,
                "children": [c.tag for c in s],
                "properties": {p.get("name"): p.get("value") for p in s.findall("properties/property")},
                "systemOut": (s.findtext("system-out") or ""),
                "cases": [{"attrib": c.attrib, "failure": kid(c, "failure"), "skipped": kid(c, "skipped")} for c in s.findall("testcase")],
            })
        print(json.dumps(out, ensure_ascii=True))
        """#

    /// The rendered XML as Python's ElementTree reads it.
    static func parsed(_ xml: String) throws -> [String: Any] {
        let folder = try TemporaryFolder()
        let file = try folder.file("report.xml", xml)
        let r = HelperProcess.run(python, ["-c", parseScript, file])
        try #require(r.exitCode == 0, "python could not parse the XML: \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func suites(_ doc: [String: Any]) -> [[String: Any]] { doc["suites"] as? [[String: Any]] ?? [] }
    static func attrib(_ node: [String: Any]) -> [String: String] { node["attrib"] as? [String: String] ?? [:] }
    static func cases(_ suite: [String: Any]) -> [[String: Any]] { suite["cases"] as? [[String: Any]] ?? [] }

    @Test("JUnit XML of the mixed host matches its golden file")
    func goldenMixed() {
        let g = Fixtures.matchesGolden(JUnitRenderer.render(SampleReports.mixed), "junit-mixed.xml")
        #expect(g.ok, "\(g.message)")
    }

    @Test("JUnit XML of the gated host matches its golden file")
    func goldenGated() {
        let g = Fixtures.matchesGolden(JUnitRenderer.render(GatedSampleReports.gated), "junit-gated.xml")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the same report renders to the same bytes")
    func deterministic() {
        #expect(JUnitRenderer.render(GatedSampleReports.gated) == JUnitRenderer.render(GatedSampleReports.gated))
    }

    @Test("the gate's report has the declaration, the root's totals and no errors")
    func header() {
        let xml = JUnitRenderer.render(GatedSampleReports.gated)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"capaudit\" tests=\"5\" failures=\"2\" errors=\"0\" time=\"1.234\">\n"))
        #expect(xml.hasSuffix("</testsuites>\n"))
    }

    @Test(
        "the gated report parses as XML with one failure per gating gap and required tool, and a skip for the waived gap",
        .enabled(if: hasPython))
    func gatedParses() throws {
        let doc = try Self.parsed(JUnitRenderer.render(GatedSampleReports.gated))
        #expect(doc["tag"] as? String == "testsuites")
        let root = Self.attrib(doc)
        let suites = Self.suites(doc)
        #expect(suites.map { Self.attrib($0)["name"] } == ["secrets: Secrets Management", "load-testing: Load/Stress Testing", "capaudit.required-tools"])

        let allCases = suites.flatMap(Self.cases)
        let failures = allCases.filter { $0["failure"] is [String: Any] }
        let skipped = allCases.filter { $0["skipped"] is [String: Any] }
        #expect(allCases.count == 5)
        #expect(failures.count == 2)
        #expect(skipped.count == 1)
        #expect(root["tests"] == "5" && root["failures"] == "2" && root["skipped"] == nil && root["errors"] == "0")
        for suite in suites {
            let a = Self.attrib(suite)
            let cs = Self.cases(suite)
            #expect(a["tests"] == String(cs.count))
            #expect(a["failures"] == String(cs.filter { $0["failure"] is [String: Any] }.count))
            #expect(a["skipped"] == String(cs.filter { $0["skipped"] is [String: Any] }.count))
            #expect(a["errors"] == "0")
            #expect(a["timestamp"] == "2026-11-30T00:53:20Z")
            #expect(a["hostname"] == "ci-runner-7")
            let props = try #require(suite["properties"] as? [String: String])
            #expect(props["capaudit.version"] == "0.1.0")
            #expect(props["host.os"] == "Debian GNU/Linux")
            #expect(props["gate.fail-on"] == "high")
            #expect(props["gate.passed"] == "false")
            // properties first, then testcases, then system-out: the order the JUnit schemas expect.
            let children = try #require(suite["children"] as? [String])
            #expect(children.first == "properties")
            #expect(children.drop { $0 != "testcase" }.allSatisfy { $0 == "testcase" || $0 == "system-out" })
        }

        let secretStore = try #require(allCases.first { Self.attrib($0)["name"] == "secret-store: Secret store CLI" })
        #expect(Self.attrib(secretStore)["classname"] == "capaudit.secrets")
        #expect(Self.attrib(secretStore)["time"] == "5.000")
        let failure = try #require(secretStore["failure"] as? [String: Any])
        #expect(Self.attrib(failure)["type"] == "unmet-capability")
        #expect(Self.attrib(failure)["message"] == "secrets/secret-store (Secret store CLI): none of vault, ui-bundle is usable")
        let body = try #require(failure["text"] as? String)
        #expect(body.contains("vault: timeout: `/usr/bin/vault version` did not finish"))
        #expect(body.contains("ui-bundle: undetectable: cannot be detected from the host"))

        let waived = try #require(allCases.first { Self.attrib($0)["name"] == "scripted-load: Scripted load tests" })
        let skip = try #require(waived["skipped"] as? [String: Any])
        let message = try #require(Self.attrib(skip)["message"])
        #expect(message.contains("waived (load-testing/scripted-load): locust 2 upgrade is tracked in <OPS-12> & due (until 2027-01-31)"))
        #expect((skip["text"] as? String)?.contains("locust: outdated: version 1.4.3 is below the minimum 2.0") == true)

        let required = try #require(suites.last)
        let ab = try #require(Self.cases(required).first)
        #expect(Self.attrib(ab)["classname"] == "capaudit.required-tools")
        #expect(Self.attrib(ab)["name"] == "ab")
        let abFailure = try #require(ab["failure"] as? [String: Any])
        #expect(Self.attrib(abFailure)["type"] == "required-tool")
        #expect(Self.attrib(abFailure)["message"]?.hasPrefix("required tool ab>=2.3: missing") == true)

        let load = suites[1]
        #expect(load["systemOut"] as? String == "wrk 4.1.0 at /usr/local/bin/wrk (present); shadows /usr/bin/wrk\nlocust 1.4.3 at /usr/bin/locust (outdated)")
    }

    @Test("without a gate, unmet capabilities are skipped, not failed", .enabled(if: hasPython))
    func mixedParses() throws {
        let doc = try Self.parsed(JUnitRenderer.render(SampleReports.mixed))
        let cases = Self.suites(doc).flatMap(Self.cases)
        #expect(Self.suites(doc).count == 2, "no required-tools suite without --require failures")
        #expect(cases.count == 4)
        #expect(cases.filter { $0["failure"] is [String: Any] }.isEmpty)
        let skipped = cases.filter { $0["skipped"] is [String: Any] }
        #expect(skipped.map { Self.attrib($0)["name"] } == ["secret-store: Secret store CLI", "scripted-load: Scripted load tests"])
        #expect(skipped.allSatisfy { (($0["skipped"] as? [String: Any]).map(Self.attrib)?["message"] ?? "").hasSuffix("not gating (--fail-on never)") })
        let root = Self.attrib(doc)
        #expect(root["failures"] == "0" && root["skipped"] == nil && root["tests"] == "4")
    }

    @Test(
        "markup, quotes and control characters in versions, paths, reasons and names are escaped or removed",
        .enabled(if: hasPython))
    func escaping() throws {
        let xml = JUnitRenderer.render(GatedSampleReports.nasty)
        // Nothing XML 1.0 forbids reaches the file.
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" })
        #expect(xml.contains("4.1.0&lt;&amp;&quot;&apos;&gt;[0m"))
        #expect(xml.contains("HTTP &lt;bench&gt; &amp; &quot;load&quot;"))

        let doc = try Self.parsed(xml)
        let load = try #require(Self.suites(doc).first { Self.attrib($0)["name"] == "load-testing: Load/Stress Testing" })
        #expect(Self.attrib(load)["hostname"] == "h<&>\"'\\x\ny", "the newline survives inside the attribute; U+0002 is dropped")
        let out = try #require(load["systemOut"] as? String)
        #expect(out.contains("wrk 4.1.0<&\"'>[0m at /opt/a&b<c>\"d\"'e/bin\tx/wrk (outdated)"))
        let bench = try #require(Self.cases(load).first { Self.attrib($0)["name"] == "http-benchmark: HTTP <bench> & \"load\"" })
        let failure = try #require(bench["failure"] as? [String: Any])
        #expect((failure["text"] as? String)?.contains("wrk: outdated: printed null & <tag> \"q\"\r\nsecond line") == true)
        #expect(Self.attrib(failure)["message"]?.contains("HTTP <bench> & \"load\"") == true)
        #expect(Self.attrib(doc)["failures"] == "1")
    }

    @Test("times are seconds with three decimals: probe durations summed per capability and area, wall time at the root")
    func times() {
        let xml = JUnitRenderer.render(SampleReports.mixed)
        #expect(xml.contains("<testsuites name=\"capaudit\" tests=\"4\" failures=\"0\" errors=\"0\" time=\"1.234\">"))
        // secrets: vault 5000 ms + docker (compose) 40 ms; load-testing: wrk 3 ms + locust 410 ms.
        #expect(xml.contains("name=\"secrets: Secrets Management\" tests=\"2\" failures=\"0\" skipped=\"1\" errors=\"0\" time=\"5.040\""))
        #expect(xml.contains("name=\"load-testing: Load/Stress Testing\" tests=\"2\" failures=\"0\" skipped=\"1\" errors=\"0\" time=\"0.413\""))
        #expect(xml.contains("<testcase classname=\"capaudit.load-testing\" name=\"http-benchmark: HTTP benchmarking\" time=\"0.003\"/>"))
    }

    @Test("a host where nothing was found still renders a valid report", .enabled(if: hasPython))
    func empty() throws {
        let xml = JUnitRenderer.render(SampleReports.empty)
        #expect(xml.contains("<system-out>no tools found</system-out>"))
        let doc = try Self.parsed(xml)
        #expect(Self.attrib(doc)["tests"] == "4")
    }
}
