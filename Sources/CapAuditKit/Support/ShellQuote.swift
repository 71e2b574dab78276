import Foundation

/// POSIX shell quoting: the one rule for every command line capaudit prints or writes (install
/// scripts, `explain`'s "ran:" line, the command lines of killed survivors).
public enum ShellQuote {
    /// True when `s` needs no quotes: letters, digits and `@%_+=:,./-`, not starting with `~` or `=`.
    public static func isBare(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first != "~", first != "=" else { return false }
        return s.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "@%_+=:,./-".unicodeScalars.contains(c)
        }
    }

    /// `'s'`, with each `'` written as `'\''`.
    public static func single(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `s` as one shell word: bare when that is safe, else single-quoted (`''` for the empty string).
    public static func word(_ s: String) -> String {
        isBare(s) ? s : single(s)
    }

    /// `s` escaped for use between double quotes (`\`, `"`, `$` and backquote get a backslash), for
    /// messages that read better with `$HOME` than with `'$HOME'`.
    public static func doubleQuotedBody(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\\"$`".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
