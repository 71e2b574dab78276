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

    @Test(
        "reports line and column of a syntax error",
        arguments: [
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

/// Issue 8: parsing is linear, whatever the shape of the lines.
@Suite struct JSONParserLinearTests {
    @Test("a 1 MiB single-line document examines each byte at most once to compute locations")
    func singleLineIsLinear() throws {
        var text = "["
        while text.utf8.count < 1 << 20 { text += #"{"id":"tool","args":["--version"],"n":12345},"# }
        text += "0]"
        var scanned = 0
        let value = try JSONParser.parse(Data(text.utf8), columnBytesScanned: &scanned)
        #expect(scanned <= text.utf8.count)
        guard case .array(let items, _) = value else { Issue.record("not an array"); return }
        // The locations are still right: the last element's column is its offset + 1.
        #expect(items.last?.location == SourceLocation(line: 1, column: text.utf8.count - 1))
        #expect(items[1].location.column == 2 + #"{"id":"tool","args":["--version"],"n":12345},"#.utf8.count)
    }

    @Test("columns count characters, not bytes, on a long line after multi-byte text")
    func columnsAfterUnicode() throws {
        let value = try JSONParser.parse(#"["é😀", 1, "ü"]"#)
        #expect(value.element(1)?.location == SourceLocation(line: 1, column: 8))
        #expect(value.element(2)?.location == SourceLocation(line: 1, column: 11))
    }
}
