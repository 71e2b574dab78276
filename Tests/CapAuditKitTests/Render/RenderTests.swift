import CapAuditKit
import Foundation
import Testing

/// Builds reports from the mini catalog with canned outputs: no process runs, nothing depends
/// on the machine or the clock.
enum SampleReports {
    static let catalog: Catalog = try! CatalogLoader.load(paths: [Fixtures.url("catalogs/mini").path])
    static let host = HostInfo(os: "Debian GNU/Linux", osVersion: "12", osID: "debian", arch: "x86_64", hostname: "ci-runner-7")
    static let date = Date(timeIntervalSince1970: 1_796_000_000)

    static func report(executables: Set<String>, outputs: [String: ProbeOutput], path: String = "/usr/local/bin:/usr/bin") -> Report {
        let fs = FakeFileSystem(executables: executables)
        let scanner = Scanner(
            catalog: catalog, runner: FakeRunner(outputs: outputs), resolver: PathResolver(searchPath: path, fileSystem: fs),
            settings: ScanSettings(jobs: 8), environment: [:], host: host, now: { date })
        var report = Evaluator(catalog: catalog, capauditVersion: "0.1.0", fileSystem: fs).evaluate(scanner.scan())
        report.durationMs = 1234
        // The fixture folder's absolute path differs between checkouts; the digest does not.
        report.catalog?.paths = ["Tests/CapAuditKitTests/Fixtures/catalogs/mini"]
        return report
    }

    static var empty: Report { report(executables: [], outputs: [:]) }

    static var mixed: Report {
        report(
            executables: ["/usr/local/bin/wrk", "/usr/bin/wrk", "/usr/bin/locust", "/usr/bin/vault", "/usr/bin/docker"],
            outputs: [
                "/usr/local/bin/wrk": .printed("wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer\nUsage: wrk <options> <url>\n", exit: 1, ms: 3),
                "/usr/bin/locust": .printed("locust 1.4.3 from /usr/lib/python3/dist-packages/locust (python 3.11.2)\n", ms: 410),
                "/usr/bin/vault": ProbeOutput(termination: .timedOut, durationMs: 5000),
                "/usr/bin/docker": .printed("v2.29.7|<b>`x`\n", ms: 40),
            ], path: "/usr/local/bin:/usr/bin:.")
    }

    static var full: Report {
        report(
            executables: ["/usr/bin/wrk", "/usr/bin/ab", "/usr/bin/locust", "/usr/bin/vault", "/usr/bin/docker-compose"],
            outputs: [
                "/usr/bin/wrk": .printed("wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer\n", exit: 1),
                "/usr/bin/ab": .printed("This is ApacheBench, Version 2.3 <$Revision: 1903618 $>\n"),
                "/usr/bin/locust": .printed("locust 2.47.0 from /usr/lib/python3/site-packages/locust (Python 3.11.7)\n"),
                "/usr/bin/vault": .printed("Vault v1.17.2 (a9a0c0c5f3d4d2a3d3c5b8a1c1e2f4a4b5c6d7e8), built 2024-07-05T15:19:12Z\n"),
                "/usr/bin/docker-compose": .printed("docker-compose version 1.29.2, build unknown\n"),
            ])
    }
}

@Suite struct RenderTests {
    @Test("text report of a mixed host matches its golden file")
    func textMixed() {
        let g = Fixtures.matchesGolden(TextRenderer.render(SampleReports.mixed), "scan-mixed.txt")
        #expect(g.ok, "\(g.message)")
    }

    @Test("text report of an empty host matches its golden file")
    func textEmpty() {
        let g = Fixtures.matchesGolden(TextRenderer.render(SampleReports.empty), "scan-empty.txt")
        #expect(g.ok, "\(g.message)")
    }

    @Test("text report of a fully equipped host matches its golden file")
    func textFull() {
        let g = Fixtures.matchesGolden(TextRenderer.render(SampleReports.full), "scan-full.txt")
        #expect(g.ok, "\(g.message)")
    }

    @Test("JSON report of a mixed host matches its golden file")
    func jsonMixed() {
        let g = Fixtures.matchesGolden(JSONRenderer.render(SampleReports.mixed), "scan-mixed.json")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the same report renders to the same bytes")
    func deterministic() {
        #expect(JSONRenderer.render(SampleReports.mixed) == JSONRenderer.render(SampleReports.mixed))
        #expect(TextRenderer.render(SampleReports.mixed) == TextRenderer.render(SampleReports.mixed))
    }

    @Test("the JSON report has every field of the schema-1 contract")
    func jsonContract() throws {
        let data = Data(JSONRenderer.render(SampleReports.mixed).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["schemaVersion", "capaudit", "host", "durationMs", "summary", "areas"] { #expect(root[key] != nil, "missing \(key)") }
        #expect(root["schemaVersion"] as? Int == 1)
        let host = try #require(root["host"] as? [String: Any])
        #expect(Set(host.keys).isSuperset(of: ["os", "osVersion", "arch", "hostname"]))
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(Set(summary.keys).isSuperset(of: ["covered", "partial", "missing"]))
        let areas = try #require(root["areas"] as? [[String: Any]])
        #expect(areas.map { $0["id"] as? String } == ["secrets", "load-testing"])
        for area in areas {
            #expect(Set(area.keys).isSuperset(of: ["id", "name", "priority", "rank", "phase", "status", "capabilities", "tools"]))
            for c in try #require(area["capabilities"] as? [[String: Any]]) {
                #expect(Set(c.keys).isSuperset(of: ["id", "name", "met", "tools"]))
            }
            for t in try #require(area["tools"] as? [[String: Any]]) {
                #expect(Set(t.keys).isSuperset(of: ["id", "name", "status", "command", "path", "version", "minVersion", "shadowed", "probe"]))
                if let probe = t["probe"] as? [String: Any] {
                    #expect(Set(probe.keys).isSuperset(of: ["argv", "exitCode", "durationMs", "timedOut"]))
                }
            }
        }
        let tools = areas.flatMap { ($0["tools"] as? [[String: Any]]) ?? [] }
        let wrk = try #require(tools.first { $0["id"] as? String == "wrk" })
        #expect(wrk["version"] as? String == "4.1.0")
        #expect(wrk["shadowed"] as? [String] == ["/usr/bin/wrk"])
        let ab = try #require(tools.first { $0["id"] as? String == "ab" })
        #expect(ab["path"] is NSNull)
        #expect(ab["probe"] is NSNull)
        let vault = try #require(tools.first { $0["id"] as? String == "vault" })
        #expect((vault["probe"] as? [String: Any])?["timedOut"] as? Bool == true)
        #expect(vault["status"] as? String == "timeout")
    }

    @Test("colour and symbols appear only when asked for")
    func style() {
        let plain = TextRenderer.render(SampleReports.mixed, style: .plain)
        #expect(!plain.contains("\u{1B}["))
        #expect(!plain.contains("✓"))
        let fancy = TextRenderer.render(SampleReports.mixed, style: TextStyle(color: true, symbols: true))
        #expect(fancy.contains("\u{1B}[32m✓"))
    }
}
