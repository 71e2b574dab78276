import CapAuditKit
import Foundation
import Testing

/// A valid tool file whose probe `patterns` and tool `versionFacts` the tests break one at a time.
/// Line 5 holds the probe, line 6 the facts.
private func file(
    patterns: String = #""patterns": ["ab (\\d+\\.\\d+)", "Version (\\S+)"]"#,
    facts: String = #""versionFacts": [{"source": "dpkg", "package": "apache2-utils", "sameAsTool": false, "reason": "ab keeps its own version", "toolVersion": "2.3"}]"#
) -> String {
    """
    {
      "schemaVersion": 1,
      "tools": [
        { "id": "ab", "name": "ApacheBench", "summary": "s", "homepage": "https://httpd.apache.org",
          "probes": [ { "command": "ab", "args": ["-V"], \(patterns) } ],
          \(facts) }
      ]
    }
    """
}

private func problems(_ text: String) -> [CatalogProblem] {
    do {
        _ = try CatalogLoader.parse([CatalogSource(name: "Catalog/t.json", data: Data(text.utf8))])
        return []
    } catch {
        return error.problems
    }
}

@Suite struct VersionKeysLoaderTests {
    @Test("valid patterns and versionFacts load")
    func validLoads() throws {
        let area = """
            {"schemaVersion": 1, "area": {"id": "load-testing", "name": "Load Testing", "priority": "high", "rank": 1, "phase": 1,
              "why": "w", "impact": "i", "useCases": ["u"], "capabilities": [{"id": "http-load", "name": "HTTP load", "tools": ["ab"]}]}}
            """
        let catalog = try CatalogLoader.parse([CatalogSource(name: "a.json", data: Data(area.utf8)), CatalogSource(name: "t.json", data: Data(file().utf8))])
        let tool = try #require(catalog.tools["ab"])
        #expect(tool.probes.first?.patterns.count == 2)
        #expect(tool.versionFacts.count == 1)
        #expect(tool.versionFacts.first?.toolVersion == .exactly("2.3"))
    }

    @Test("a bad regular expression in patterns names file:line:column and the item's index")
    func badPatternItem() {
        let p = problems(file(patterns: #""patterns": ["ab (\\d+)", "Version (\\S+"]"#))
        #expect(p.count == 1)
        #expect(p.first?.path == "tools[0].probes[0].patterns[1]")
        #expect(p.first?.location?.line == 5)
        #expect(p.first?.message.hasPrefix("invalid regular expression \"Version (\\\\S+\"") == true)
        #expect(p.first?.description.hasPrefix("Catalog/t.json:5:") == true)
    }

    @Test("an empty patterns array, a non-string item and pattern beside patterns are refused")
    func malformedPatterns() {
        let empty = problems(file(patterns: #""patterns": []"#))
        #expect(empty.count == 1)
        #expect(empty.first?.path == "tools[0].probes[0].patterns")
        #expect(empty.first?.location?.line == 5)

        let number = problems(file(patterns: #""patterns": ["ab (\\S+)", 3]"#))
        #expect(number.first?.path == "tools[0].probes[0].patterns[1]")
        #expect(number.first?.message.contains("expected a non-empty string") == true)

        let both = problems(file(patterns: #""pattern": "ab (\\S+)", "patterns": ["ab (\\S+)"]"#))
        #expect(both.first?.message.contains("either \"pattern\" (one) or \"patterns\" (several") == true)
        #expect(both.first?.location?.line == 5)

        let notArray = problems(file(patterns: #""patterns": "ab (\\S+)""#))
        #expect(notArray.first?.path == "tools[0].probes[0].patterns")
        #expect(notArray.first?.message.contains("expected an array") == true)
    }

    @Test("a catastrophic pattern in patterns is refused at load with its path")
    func catastrophicPattern() {
        let p = problems(file(patterns: #""patterns": ["ab (\\S+)", "(a+)+$"]"#))
        #expect(p.count == 1)
        #expect(p.first?.path == "tools[0].probes[0].patterns[1]")
        #expect(p.first?.location?.line == 5)
    }

    @Test("a versionFacts source outside dpkg, pip, apk, exec lists the accepted ones at file:line")
    func unknownSource() {
        let p = problems(file(facts: #""versionFacts": [{"source": "rpm", "package": "httpd-tools", "sameAsTool": false, "reason": "r"}]"#))
        #expect(p.count == 1)
        #expect(p.first?.path == "tools[0].versionFacts[0].source")
        #expect(p.first?.location?.line == 6)
        #expect(p.first?.message == "\"rpm\" is not a version source; expected one of dpkg, pip, apk, exec")
    }

    @Test("a versionFacts entry missing its reason, or with a misspelt key, says which and where")
    func missingOrMisspelt() {
        let missing = problems(file(facts: #""versionFacts": [{"source": "dpkg", "package": "apache2-utils", "sameAsTool": false}]"#))
        #expect(missing.first?.path == "tools[0].versionFacts[0]")
        #expect(missing.first?.message.contains("missing required key \"reason\"") == true)
        #expect(missing.first?.location?.line == 6)

        let misspelt = problems(file(facts: #""versionFacts": [{"source": "dpkg", "package": "p", "sameAsTool": false, "reason": "r", "toolversion": "2.3"}]"#))
        #expect(misspelt.first?.path == "tools[0].versionFacts[0].toolversion")
        #expect(misspelt.first?.message.contains("did you mean \"toolVersion\"?") == true)
    }

    @Test("a versionFacts toolVersion that is not a version, or not a string or null, is refused")
    func badToolVersion() {
        let words = problems(file(facts: #""versionFacts": [{"source": "pip", "package": "p", "sameAsTool": false, "reason": "r", "toolVersion": "two"}]"#))
        #expect(words.count == 1)
        #expect(words.first?.path == "tools[0].versionFacts[0].toolVersion")
        #expect(words.first?.message.contains("\"two\" is not a version") == true)
        #expect(words.first?.location?.line == 6)

        let number = problems(file(facts: #""versionFacts": [{"source": "pip", "package": "p", "sameAsTool": false, "reason": "r", "toolVersion": 2.3}]"#))
        #expect(number.first?.path == "tools[0].versionFacts[0].toolVersion")
        #expect(number.first?.message.contains("expected a string") == true)

        let sameAsToolText = problems(file(facts: #""versionFacts": [{"source": "pip", "package": "p", "sameAsTool": "no", "reason": "r"}]"#))
        #expect(sameAsToolText.first?.path == "tools[0].versionFacts[0].sameAsTool")
        #expect(sameAsToolText.first?.message.contains("expected true or false") == true)
    }

    @Test("versionFacts that is not an array of objects is refused")
    func factsNotArray() {
        let object = problems(file(facts: #""versionFacts": {"source": "dpkg"}"#))
        #expect(object.first?.path == "tools[0].versionFacts")
        #expect(object.first?.message.contains("expected an array") == true)
        let strings = problems(file(facts: #""versionFacts": ["dpkg"]"#))
        #expect(strings.first?.path == "tools[0].versionFacts[0]")
        #expect(strings.first?.message.contains("expected an object") == true)
    }
}
