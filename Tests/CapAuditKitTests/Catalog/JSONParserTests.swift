import CapAuditKit
import Foundation
import Testing

@Suite struct JSONParserTests {
    @Test("parses every JSON type and keeps member order")
    func types() throws {
        let v = try JSONParser.parse(#"{"b": [1, -2.5e3, true, false, null], "a": "x\u00e9\n\ud83d\ude00"}"#)
        guard case .object(let members, _) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a"])
        guard case .string(let s, _) = members[1].value else { Issue.record("not a string"); return }
        #expect(s == "xé\n😀")
    }

    @Test("reports line and column of a syntax error", arguments: [
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3),
        ("[1, 2", 1, 6),
        ("{\"a\": tru}", 1, 7),
        ("\"unterminated\n\"", 1, 14),
        ("{} x", 1, 4),
        ("{\"é\": x}", 1, 7),
    ])
    func errorLocation(text: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(line: line, column: column))
        }
    }

    @Test("refuses nesting deeper than the limit instead of overflowing the stack")
    func depth() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test("refuses invalid UTF-8 in strings and lone surrogates")
    func invalidText() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Data([0x22, 0xFF, 0x22])) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(#""\ud800""#) }
    }
}
