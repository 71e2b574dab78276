import CapAuditKit
import Foundation
import Testing

@Suite struct CatalogSchemaTests {
    static let readme = Fixtures.packageRoot.appendingPathComponent("Catalog/README.md")

    /// Catalog/README.md with every `<!-- schema: NAME -->` block replaced by the schema's table.
    static func rendered(_ text: String) -> (text: String, names: [String]) {
        var out = ""
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<!-- schema: ") {
            out += rest[..<open.lowerBound]
            guard let nameEnd = rest[open.upperBound...].range(of: " -->\n"),
                let close = rest[nameEnd.upperBound...].range(of: "\n<!-- /schema -->")
            else { break }
            let name = String(rest[open.upperBound..<nameEnd.lowerBound])
            names.append(name)
            let table = CatalogSchema.all.first { $0.name == name }?.markdownTable ?? "(no schema named \(name))"
            out += "<!-- schema: \(name) -->\n" + table + "\n<!-- /schema -->"
            rest = rest[close.upperBound...]
        }
        return (out + rest, names)
    }

    @Test("Catalog/README.md shows every catalog object's keys as the loader's schema has them (UPDATE_CATALOG_README=1 rewrites the tables)")
    func readmeTablesAreTheSchema() throws {
        let actual = try String(contentsOf: Self.readme, encoding: .utf8)
        let (expected, names) = Self.rendered(actual)
        #expect(names.sorted() == CatalogSchema.all.map(\.name).sorted(), "every schema object has exactly one table in Catalog/README.md")
        if ProcessInfo.processInfo.environment["UPDATE_CATALOG_README"] == "1" && expected != actual {
            try AtomicFile.write(expected, to: Self.readme.path)
            Issue.record("Catalog/README.md's tables were rewritten from CatalogSchema; review the diff")
            return
        }
        #expect(expected == actual, "Catalog/README.md differs from CatalogSchema: run UPDATE_CATALOG_README=1 swift test --filter CatalogSchema")
    }

    @Test("a probe key the schema does not list is refused, naming the nearest known key")
    func unknownKeysAreRefusedEverywhere() throws {
        let probe = #"{"command": "wrk", "args": ["-v"], "patern": "x"}"#
        let text = """
            {"schemaVersion": 1, "tools": [{"id": "wrk", "name": "wrk", "summary": "s", "homepage": "https://example.org", "probes": [\(probe)]}]}
            """
        do {
            _ = try CatalogLoader.parse([CatalogSource(name: "t.json", data: Data(text.utf8))])
            Issue.record("a probe with an unknown key loaded")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.description.hasSuffix(#"tools[0].probes[0].patern: unknown key "patern"; did you mean "pattern"?"#) == true)
        }
    }

    @Test("each schema object has a unique name and lists each key once, required keys as the loader requires them")
    func schemaIsWellFormed() {
        #expect(Set(CatalogSchema.all.map(\.name)).count == CatalogSchema.all.count)
        for schema in CatalogSchema.all {
            #expect(Set(schema.keys.map(\.name)).count == schema.keys.count, "\(schema.name) lists a key twice")
        }
        #expect(CatalogSchema.probe.required == ["command", "args"])
        #expect(CatalogSchema.tool.required == ["id", "name", "summary", "homepage"])
    }
}
