import Foundation
import Testing
@testable import CapAuditKit

/// Issue 8, class 1: the check for catastrophic constructs runs on untrusted patterns (a catalog's, a
/// `.capaudit.json`'s) before the regular-expression engine sees them, so its own cost must be linear in the
/// pattern's length. It was quadratic on a run of `{` (each one scanned on to the next `}`): a catalog whose
/// pattern held 8,000 of them took 25 s to load in the fuzz harness.
@Suite struct CatastrophicPatternCostTests {
    /// Pattern shapes that make a naive scanner look ahead from every position.
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("a run of {", { "t (\\d+)" + String(repeating: "{", count: $0) }),
        ("a run of { closed once", { "t (\\d+)" + String(repeating: "{", count: $0) + "}" }),
        ("{ then digits", { "a{" + String(repeating: "1", count: $0) }),
        ("{1, repeated", { String(repeating: "a{1,", count: $0 / 4) + "}" }),
        ("\\Q without \\E", { String(repeating: "\\Q", count: $0 / 2) }),
        ("named groups never closed", { String(repeating: "(?<", count: $0 / 3) }),
        ("inline flags", { String(repeating: "(?i", count: $0 / 3) }),
        ("classes never closed", { String(repeating: "[", count: $0) }),
        ("nested groups", { String(repeating: "(", count: $0 / 2) + String(repeating: ")+", count: $0 / 4) }),
    ]

    @Test("the check examines each character of a pattern a bounded number of times, whatever its shape")
    func stepsLinear() {
        for shape in Self.shapes {
            for n in [1000, 8000] {
                let pattern = shape.make(n)
                let steps = CatastrophicPattern.scan(pattern).steps
                #expect(steps <= 3 * pattern.count + 8, "\(shape.name), \(n): \(steps) steps for \(pattern.count) characters")
            }
        }
    }

    @Test("a catalog whose pattern is a long run of { is refused as an invalid expression, not left to stall the load")
    func catalogRefused() throws {
        let pattern = "t (\\\\d+)" + String(repeating: "{", count: 20000) + "}"
        let file = """
            { "schemaVersion": 1,
              "area": { "id": "a", "name": "A", "priority": "high", "rank": 1, "phase": 1, "why": "w", "impact": "i",
                        "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["t"] } ] },
              "tools": [ { "id": "t", "name": "t", "summary": "s", "homepage": "https://example.com",
                           "probes": [ { "command": "t", "args": ["--version"], "pattern": "\(pattern)" } ] } ] }
            """
        do {
            _ = try CatalogLoader.parse([CatalogSource(name: "c.json", data: Data(file.utf8))])
            Issue.record("the catalog was accepted")
        } catch {
            #expect(error.problems.contains { $0.message.contains("not a valid regular expression") }, "\(error.problems)")
        }
    }
}
