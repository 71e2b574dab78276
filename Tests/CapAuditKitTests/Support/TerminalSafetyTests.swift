import CapAuditKit
import Foundation
import Testing

/// Issue 8: host and catalog text is terminal-safe in every format and valid in each format's syntax.
@Suite struct TerminalSafetyTests {
    static let hostile = "tool\u{1B}]0;pwned\u{07}\u{00}\u{9B}2J\u{202E}gnp.exe"

    @Test("clean replaces C0, C1 and bidi controls; cleanLines keeps newlines, CRLF and only SGR colour")
    func cleaning() {
        #expect(!TerminalText.clean(Self.hostile).unicodeScalars.contains { TerminalText.isControl($0) || TerminalText.isBidiControl($0) })
        #expect(TerminalText.clean("a\u{202E}b") == "a\u{FFFD}b")
        #expect(TerminalText.cleanLines("a\nb\r\nc\rd", keepColor: false) == "a\nb\r\nc\u{FFFD}d")
        #expect(TerminalText.cleanLines("\u{1B}[1;31mred\u{1B}[0m \u{1B}[2J", keepColor: true) == "\u{1B}[1;31mred\u{1B}[0m \u{FFFD}[2J")
    }

    @Test("JSON escapes C1 and bidi controls as \\u escapes, so the text decodes exactly and prints safely")
    func json() throws {
        let text = JSONOutput.escape(Self.hostile)
        #expect(!text.unicodeScalars.contains { TerminalText.isControl($0) || TerminalText.isBidiControl($0) })
        #expect(text.contains("\\u009b") && text.contains("\\u202e"))
        guard case .string(let back, _) = try JSONParser.parse(text) else { Issue.record("not a string"); return }
        #expect(back == Self.hostile)
    }

    @Test("::error lines carry no control character")
    func githubAnnotations() {
        let escaped = GitHubActions.escapeData(Self.hostile + "\nsecond")
        #expect(!escaped.unicodeScalars.contains { TerminalText.isControl($0) || TerminalText.isBidiControl($0) })
        #expect(escaped.contains("%0Asecond"))
    }
}
