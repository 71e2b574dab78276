import Foundation

/// Text from the host (tool output, paths, file names) or a catalog made safe to print on a terminal:
/// C0 and C1 control characters (ESC, BEL, NUL, CSI...) and bidirectional controls (U+202E and
/// friends, which display text reordered) become U+FFFD, bytes that were not UTF-8 show as `\xFF` (see
/// `HostBytes`), so a hostile tool cannot move the cursor,
/// retitle the window, clear the screen or disguise a path through capaudit's output.
public enum TerminalText {
    /// Replaces every control and bidi control, including newlines, with U+FFFD; tabs are kept.
    public static func clean(_ s: String) -> String {
        let s = HostBytes.display(s)
        guard s.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { isControl($0) || isBidiControl($0) ? "\u{FFFD}" : $0 }))
    }

    /// Like `clean`, but keeps line feeds and tabs, and capaudit's own colour sequences
    /// (`ESC [ digits ; digits m`, SGR only) when `keepColor` is set: for whole multi-line reports and
    /// for everything written to stderr.
    public static func cleanLines(_ s: String, keepColor: Bool = false) -> String {
        let s = HostBytes.display(s)
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains(where: { ($0 != "\n" && $0 != "\r" && isControl($0)) || isBidiControl($0) }) || containsLoneCR(scalars) else { return s }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            // CR is kept before LF: CSV (RFC 4180) ends its lines with CRLF.
            if u == "\n" || (u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") || (!isControl(u) && !isBidiControl(u)) {
                out.append(u)
                i += 1
                continue
            }
            if keepColor, u == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, scalars[j] == ";" || ("0"..."9").contains(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == "m" {
                    out.append(contentsOf: scalars[i...j])
                    i = j + 1
                    continue
                }
            }
            out.append("\u{FFFD}")
            i += 1
        }
        return String(out)
    }

    private static func containsLoneCR(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.indices.contains { scalars[$0] == "\r" && ($0 + 1 == scalars.count || scalars[$0 + 1] != "\n") }
    }

    /// C0 controls but tab, DEL, and the C1 range.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t") || (0x7F...0x9F).contains(u.value)
    }

    /// Bidirectional formatting characters: marks, embeddings, overrides and isolates.
    public static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
