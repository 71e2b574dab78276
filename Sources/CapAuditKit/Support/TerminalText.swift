import Foundation

/// Text from the host (tool output, paths, file names) made safe to print on a terminal: control
/// characters, including ESC and the C1 range, become U+FFFD, so a hostile tool cannot move the
/// cursor, retitle the window or clear the screen through capaudit's report.
public enum TerminalText {
    public static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t") || (0x7F...0x9F).contains(u.value)
    }
}
