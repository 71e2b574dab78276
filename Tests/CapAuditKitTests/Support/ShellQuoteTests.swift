import CapAuditKit
import Testing

@Suite struct ShellQuoteTests {
    @Test("one quoting rule: safe words stay bare, everything else is single-quoted so the shell reads it literally")
    func word() {
        #expect(ShellQuote.word("kubectl") == "kubectl")
        #expect(ShellQuote.word("--version") == "--version")
        #expect(ShellQuote.word("a/b.c:d,e@f%g+h=i") == "a/b.c:d,e@f%g+h=i")
        #expect(ShellQuote.word("") == "''")
        #expect(ShellQuote.word("sleep 300 & wait") == "'sleep 300 & wait'")
        #expect(ShellQuote.word("$HOME") == "'$HOME'")
        #expect(ShellQuote.word("it's") == #"'it'\''s'"#)
        #expect(ShellQuote.word("~root") == "'~root'")
        #expect(ShellQuote.word("=x") == "'=x'")
        #expect(ShellQuote.word("café") == "'café'")
    }

    @Test("a double-quoted body escapes backslash, double quote, dollar and backquote")
    func doubleQuotedBody() {
        #expect(ShellQuote.doubleQuotedBody(#"a\b"c$d`e"#) == #"a\\b\"c\$d\`e"#)
    }
}
