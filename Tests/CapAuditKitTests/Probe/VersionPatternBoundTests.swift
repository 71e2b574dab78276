import CapAuditKit
import Foundation
import Testing

/// Issue 8: regular-expression matching is bounded in input, in steps, and by refusing catastrophic patterns.
@Suite struct VersionPatternBoundTests {
    @Test("crafted output (a name repeated on one long line) hands the matcher windows of bounded length, never the whole line")
    func boundedWindows() throws {
        let line = String(repeating: "dependency-check", count: 4000) // 64,000 characters on one line
        let pattern = try VersionPattern(#"(?i)(?:Dependency-Check Core|dependency-check[\w.-]*) version v?(\d+\.\d+[^\s]*)"#)
        let search = pattern.search(line)
        #expect(search.match == nil)
        #expect(search.largestWindow <= VersionPattern.windowLength)
        #expect(search.largestWindow < line.utf16.count / 10)
        // Whatever the budget did, the steps spent are bounded by the budget, not by the line squared.
        #expect(search.ticks <= VersionPattern.tickBudget + VersionPattern.windowLength)
    }

    @Test("only the first 64 KiB of a stream are searched")
    func boundedInput() throws {
        let text = String(repeating: "no version here\n", count: 20_000) + "tool 1.2.3\n"
        let search = VersionPattern.default.search(text)
        #expect(search.match == nil)
        #expect(search.unitsHanded <= VersionPattern.maxSearchedLength)
    }

    @Test("a match across a window boundary of a long line is still found, and a version far into a short line too")
    func overlapFindsMatches() throws {
        let long = String(repeating: "x", count: VersionPattern.windowLength - 3) + " tool 4.5.6 " + String(repeating: "y", count: 5000)
        #expect(VersionPattern.default.firstMatch(in: long) == "4.5.6")
        #expect(VersionPattern.default.firstMatch(in: "a\nb\nversion v10.2.0-rc1\n") == "10.2.0-rc1")
        // ^ is a line start, never a window start inside a line.
        let anchored = try VersionPattern(#"^v?(\d+\.\d+\.\d+)"#)
        let cut = String(repeating: "z", count: VersionPattern.windowLength - VersionPattern.windowOverlap) + "1.2.3 and more"
        #expect(anchored.firstMatch(in: cut) == nil)
        #expect(anchored.firstMatch(in: "header\n1.2.3\n") == "1.2.3")
    }

    @Test("a slow pattern that passes the load check stops at its step budget and says it gave up")
    func stepBudget() throws {
        // Overlapping alternatives are left to the budget (exponential on a long run of a's).
        let pattern = try VersionPattern(#"(?:a|aa)+b(\d+\.\d+)"#)
        let search = pattern.search(String(repeating: "a", count: 200))
        #expect(search.gaveUp)
        #expect(search.ticks <= VersionPattern.tickBudget + VersionPattern.windowLength)
        #expect(VersionParser.parse(stdout: String(repeating: "a", count: 200), stderr: "", pattern: pattern) == .gaveUp)
    }

    @Test(
        "catastrophic constructs are refused when the pattern is loaded",
        arguments: [
            (#"(a+)+$"#, 0), (#"(a*)*"#, 0), (#"x(\w+\s?)+y"#, 1), (#"((ab*)+)+"#, 0), (#"v(?:\d+){2,}"#, 1),
        ])
    func refused(_ source: String, _ offset: Int) {
        #expect(throws: VersionPatternError.self) { try VersionPattern(source) }
        do { _ = try VersionPattern(source) } catch { #expect(error.offset == offset, "\(source)") }
    }

    @Test(
        "patterns of the catalogs, nested but anchored, are accepted",
        arguments: [
            #"(?<![\w.-])v?(\d+(?:\.\d+)+(?:[-+~][0-9A-Za-z][0-9A-Za-z.+~-]*)?)"#, #"go version go(\d+(?:\.\d+)+)"#,
            #"(?m)^(?:kernprof )?v?(\d+\.\d+[^\s]*)\s*$"#, #"(?:a+b)+"#, #"(?i)(?<name>v\d+)+x"#,
        ])
    func accepted(_ source: String) throws {
        _ = try VersionPattern(source)
    }

    @Test("a catastrophic pattern in a catalog is a catalog error at file:line:col of the construct")
    func refusedInCatalog() throws {
        let line = #"      "probes": [ { "command": "t", "args": ["--version"], "pattern": "x(\\d+)+" } ] }"#
        let file = """
            {
              "schemaVersion": 1,
              "area": { "id": "a", "name": "A", "priority": "high", "rank": 1, "phase": 1, "why": "w", "impact": "i",
                        "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["t"] } ] },
              "tools": [ { "id": "t", "name": "t", "summary": "s", "homepage": "https://example.com",
            \(line)
              ]
            }
            """
        let expectedColumn = line.distance(from: line.startIndex, to: line.range(of: "x(")!.lowerBound) + 2
        do {
            _ = try CatalogLoader.parse([CatalogSource(name: "c.json", data: Data(file.utf8))])
            Issue.record("the catalog was accepted")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.location == SourceLocation(line: 6, column: expectedColumn))
            #expect(problem.message.contains("catastrophic backtracking"))
        }
    }
}
