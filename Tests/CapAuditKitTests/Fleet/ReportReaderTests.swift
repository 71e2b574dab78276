@testable import CapAuditKit
import Foundation
import Testing

@Suite struct ReportReaderTests {
    @Test("a report written by JSONRenderer reads back with its host, areas, kinds, tools, gate and catalog")
    func roundTrip() throws {
        let text = FleetFixtures.json(SampleReports.mixed, hostname: "runner-1")
        let report = try ReportReader.parse(Data(text.utf8), file: "a.json")
        #expect(report.hostname == "runner-1")
        #expect(report.capaudit == "0.1.0")
        #expect(report.areas.map(\.id) == SampleReports.mixed.areas.map(\.area.id))
        #expect(report.areas.allSatisfy { $0.kind != nil })
        let locust = try #require(report.tools.first { $0.id == "locust" })
        #expect(locust.status == .outdated)
        #expect(locust.version == "1.4.3")
        #expect(locust.minVersion == "2.0")
        #expect(report.catalog?.source == .paths)
        #expect(report.catalog?.digest.hasPrefix("sha256:") == true)
    }

    @Test("a newer schemaVersion is refused, naming the file and the version this capaudit reads")
    func newerSchema() {
        let text = #"{"schemaVersion": 2, "host": {}, "areas": []}"#
        #expect(throws: ReportReadError.unsupportedSchema(file: "new.json", version: "2")) {
            try ReportReader.parse(Data(text.utf8), file: "new.json")
        }
        let message = ReportReadError.unsupportedSchema(file: "new.json", version: "2").description
        #expect(message.contains("new.json") && message.contains("reads schemaVersion 1"))
    }

    @Test("files that are not reports are named as such: a catalog file, another JSON, an array, not JSON at all")
    func notReports() throws {
        let cases: [(String, String)] = [
            (#"{"schemaVersion": 1, "area": {"id": "x"}}"#, "looks like a catalog file"),
            (#"{"name": "package.json"}"#, "no \"schemaVersion\""),
            (#"[1, 2]"#, "an array, not an object"),
        ]
        for (text, expected) in cases {
            do {
                _ = try ReportReader.parse(Data(text.utf8), file: "x.json")
                Issue.record("\(text) was read as a report")
            } catch {
                guard case .notAReport = error else { Issue.record("\(error)"); continue }
                #expect(error.description.contains(expected), "\(error)")
            }
        }
        #expect(throws: ReportReadError.self) { try ReportReader.parse(Data("{\"schemaVersion\": 1,".utf8), file: "cut.json") }
    }

    @Test("a wrong field names the file, line and JSON path")
    func badField() {
        let text = """
            {"schemaVersion": 1, "capaudit": "0.1.0", "host": {"hostname": "h"},
             "areas": [{"id": "a", "name": "A", "priority": "urgent", "rank": 1, "status": "covered", "capabilities": [], "tools": []}]}
            """
        do {
            _ = try ReportReader.parse(Data(text.utf8), file: "bad.json")
            Issue.record("read")
        } catch {
            #expect(error.description == "bad.json:2:49: areas[0].priority: expected critical, high or medium but found \"urgent\"")
        }
    }

    @Test("a report from before kind and catalog were recorded still reads (fields are additive)")
    func olderReport() throws {
        let text = """
            {"schemaVersion": 1, "capaudit": "0.0.9", "host": {"hostname": null},
             "areas": [{"id": "cicd", "name": "CI/CD", "priority": "critical", "rank": 1, "status": "missing",
                        "capabilities": [{"id": "c", "name": "C", "met": false, "tools": ["gh"], "metBy": []}],
                        "tools": [{"id": "gh", "name": "gh", "status": "missing", "version": null, "minVersion": null}]}],
             "somethingNewer": {"ignored": true}}
            """
        let report = try ReportReader.parse(Data(text.utf8), file: "old.json")
        #expect(report.hostname == "")
        #expect(report.catalog == nil)
        #expect(report.areas.first?.kind == nil)
        #expect(report.gate.passed)
    }

    @Test("a folder expands to its *.json files sorted by name; a missing path is an error")
    func expand() throws {
        let dir = try TemporaryFolder()
        try dir.file("r/b.json", "{}")
        try dir.file("r/a.json", "{}")
        try dir.file("r/notes.txt", "")
        let (files, errors) = ReportReader.expand([dir.path + "/r", dir.path + "/absent.json"])
        #expect(files == [dir.path + "/r/a.json", dir.path + "/r/b.json"])
        #expect(errors == [.unreadable(file: dir.path + "/absent.json", reason: "no such file or folder")])
    }

    @Test("SHA-256 matches the FIPS 180-2 test vectors")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the built-in catalog and a copy of Catalog/ have the same digest; the built-in one says builtin")
    func catalogIdentity() throws {
        let builtin = try BuiltinCatalog.load()
        let disk = try CatalogLoader.load(paths: [Fixtures.packageRoot.appendingPathComponent("Catalog").path])
        #expect(builtin.identity?.source == .builtin)
        #expect(disk.identity?.source == .paths)
        #expect(builtin.identity?.digest == disk.identity?.digest)
        let mini = try CatalogLoader.load(paths: [Fixtures.url("catalogs/mini").path])
        #expect(mini.identity?.digest != builtin.identity?.digest)
    }
}
