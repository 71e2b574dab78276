import CapAuditKit
import Foundation
import Testing

/// A valid file to break one piece at a time.
private let validFile = """
    {
      "schemaVersion": 1,
      "area": {
        "id": "queues", "name": "Message Queues", "priority": "medium", "rank": 10, "phase": 3,
        "why": "w", "impact": "i", "useCases": ["Queue inspection"],
        "capabilities": [ { "id": "redis", "name": "Redis", "tools": ["redis-cli"] } ]
      },
      "tools": [
        { "id": "redis-cli", "name": "redis-cli", "summary": "s", "homepage": "https://redis.io",
          "probes": [ { "command": "redis-cli", "args": ["--version"], "pattern": "redis-cli (\\\\S+)" } ] }
      ]
    }
    """

private func load(_ files: [String: String]) throws(CatalogError) -> Catalog {
    try CatalogLoader.parse(files.sorted { $0.key < $1.key }.map { CatalogSource(name: $0.key, data: Data($0.value.utf8)) })
}

private func problems(_ files: [String: String]) -> [CatalogProblem] {
    do {
        _ = try load(files)
        return []
    } catch {
        return error.problems
    }
}

@Suite struct CatalogLoaderTests {
    @Test("a valid file loads with its area, capability and tool")
    func validFileLoads() throws {
        let catalog = try load(["q.json": validFile])
        #expect(catalog.areas.map(\.id) == ["queues"])
        #expect(catalog.tools["redis-cli"]?.probes.first?.args == ["--version"])
        #expect(catalog.areas[0].priority == .medium)
    }

    @Test("malformed JSON names the file, line and column")
    func malformedJSON() {
        let broken = validFile.replacingOccurrences(of: "\"phase\": 3,", with: "\"phase\": 3,,")
        let p = problems(["q.json": broken])
        #expect(p.count == 1)
        #expect(p.first?.file == "q.json")
        #expect(p.first?.location == SourceLocation(line: 4, column: 92))
        #expect(p.first?.message.contains("malformed JSON") == true)
    }

    @Test("a missing required key is named with its JSON path")
    func missingKey() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"why\": \"w\", ", with: "")])
        #expect(p.map(\.description).contains { $0.contains("area: missing required key \"why\"") })
    }

    @Test("a value of the wrong type says what was expected")
    func wrongType() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"rank\": 10", with: "\"rank\": \"ten\"")])
        #expect(p.count == 1)
        #expect(p.first?.path == "area.rank")
        #expect(p.first?.message == "expected an integer but found a string")
        #expect(p.first?.location == SourceLocation(line: 4, column: 77))
    }

    @Test("an unknown key names the nearest valid key")
    func unknownKey() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"pattern\":", with: "\"patern\":")])
        #expect(p.first?.path == "tools[0].probes[0].patern")
        #expect(p.first?.message.contains("did you mean \"pattern\"?") == true)
    }

    @Test("an invalid regular expression is its own error with the path to the pattern")
    func invalidRegex() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "redis-cli (\\\\S+)", with: "redis-cli (\\\\S+")])
        #expect(p.count == 1)
        #expect(p.first?.path == "tools[0].probes[0].pattern")
        #expect(p.first?.message.hasPrefix("invalid regular expression") == true)
    }

    @Test("a tool defined twice across files is reported with the first file")
    func duplicateTool() {
        let second = """
            {"schemaVersion": 1, "tools": [{"id": "redis-cli", "name": "x", "summary": "s", "homepage": "https://x.org", "undetectable": "r"}]}
            """
        let p = problems(["a.json": validFile, "b.json": second])
        #expect(p.count == 1)
        #expect(p.first?.file == "b.json")
        #expect(p.first?.message.contains("duplicate tool id \"redis-cli\" (first defined in a.json)") == true)
    }

    @Test("an area id used twice is reported")
    func duplicateArea() {
        let other = validFile.replacingOccurrences(of: "\"rank\": 10", with: "\"rank\": 9").replacingOccurrences(of: "\"tools\": [\n", with: "\"tools\": [\n").replacingOccurrences(
            of: "{ \"id\": \"redis-cli\", \"name\": \"redis-cli\"", with: "{ \"id\": \"redis-cli2\", \"name\": \"redis-cli\"")
        let p = problems(["a.json": validFile, "b.json": other])
        #expect(p.contains { $0.message.contains("duplicate area id \"queues\"") })
    }

    @Test("two areas with the same rank are reported")
    func duplicateRank() {
        let other = validFile.replacingOccurrences(of: "\"id\": \"queues\"", with: "\"id\": \"queues-two\"")
            .replacingOccurrences(of: "\"tools\": [\n    {", with: "\"tools\": [\n    {").replacingOccurrences(
                of: "{ \"id\": \"redis-cli\", \"name\"", with: "{ \"id\": \"other-cli\", \"name\"")
        let p = problems(["a.json": validFile, "b.json": other])
        #expect(p.contains { $0.message.contains("rank 10 is also the rank of area \"queues\"") })
    }

    @Test("a capability naming an unknown tool suggests the nearest")
    func unknownTool() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"tools\": [\"redis-cli\"]", with: "\"tools\": [\"redis-clj\"]")])
        #expect(p.count == 1)
        #expect(p.first?.path == "area.capabilities[0].tools[0]")
        #expect(p.first?.location == SourceLocation(line: 6, column: 67))
        #expect(p.first?.message.contains("did you mean \"redis-cli\"?") == true)
    }

    @Test("an empty capability list or tool list is refused")
    func emptyCapability() {
        let noTools = problems(["q.json": validFile.replacingOccurrences(of: "\"tools\": [\"redis-cli\"]", with: "\"tools\": []")])
        #expect(noTools.contains { $0.path == "area.capabilities[0].tools" && $0.message == "must not be empty" })
        let noCapabilities = validFile.replacingOccurrences(of: "[ { \"id\": \"redis\", \"name\": \"Redis\", \"tools\": [\"redis-cli\"] } ]", with: "[]")
        #expect(problems(["q.json": noCapabilities]).contains { $0.path == "area.capabilities" && $0.message == "must not be empty" })
    }

    @Test("an id that is not kebab-case is refused")
    func badID() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"id\": \"queues\"", with: "\"id\": \"Message Queues\"")])
        #expect(p.contains { $0.path == "area.id" && $0.message.contains("kebab-case") })
    }

    @Test("a priority outside critical/high/medium is refused")
    func badPriority() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"medium\"", with: "\"urgent\"")])
        #expect(p.first?.message.contains("expected one of critical, high, medium") == true)
    }

    @Test("a preferred tool outside the capability's tools is refused")
    func badPreferred() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"tools\": [\"redis-cli\"] }", with: "\"tools\": [\"redis-cli\"], \"preferred\": \"kcat\" }")])
        #expect(p.first?.path == "area.capabilities[0].preferred")
    }

    @Test("a probe command containing a slash is refused (PATH lookup only)")
    func commandWithSlash() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"command\": \"redis-cli\"", with: "\"command\": \"/usr/bin/redis-cli\"")])
        #expect(p.first?.path == "tools[0].probes[0].command")
    }

    @Test("a tool with neither probes nor undetectable is refused")
    func noDetection() {
        let file = validFile.replacingOccurrences(of: "\"probes\":", with: "\"$comment\":")
        let p = problems(["q.json": file])
        #expect(p.contains { $0.message.contains("needs \"probes\"") })
    }

    @Test("an unsupported schemaVersion says to upgrade")
    func futureSchema() {
        let p = problems(["q.json": validFile.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")])
        #expect(p.first?.message.contains("upgrade capaudit") == true)
    }

    @Test("every problem is listed, not just the first")
    func allProblems() {
        let file = validFile.replacingOccurrences(of: "\"rank\": 10", with: "\"rank\": \"ten\"")
            .replacingOccurrences(of: "\"pattern\":", with: "\"patern\":")
            .replacingOccurrences(of: "\"medium\"", with: "\"urgent\"")
        let p = problems(["q.json": file, "r.json": "{ nope"])
        #expect(p.count == 4)
        #expect(Set(p.map(\.file)) == ["q.json", "r.json"])
    }

    @Test("a file over the size limit is refused without parsing it")
    func tooLarge() {
        let big = String(repeating: " ", count: CatalogLoader.maxFileSize + 1)
        let p = problems(["big.json": big])
        #expect(p.first?.message.contains("refused") == true)
    }

    @Test("loading from a folder reads every *.json in it")
    func folder() throws {
        let dir = try TemporaryFolder()
        try dir.file("cat/q.json", validFile)
        try dir.file("cat/README.md", "not json")
        let catalog = try CatalogLoader.load(paths: [dir.path + "/cat"])
        #expect(catalog.areas.count == 1)
        #expect(throws: CatalogError.self) { try CatalogLoader.load(paths: [dir.path + "/nowhere"]) }
    }

    @Test("error text names file:line:column and path")
    func errorText() {
        let p = CatalogProblem(file: "Catalog/x.json", location: SourceLocation(line: 3, column: 9), path: "tools[2].probes[0].pattern", message: "bad")
        #expect(p.description == "Catalog/x.json:3:9: tools[2].probes[0].pattern: bad")
    }
}
