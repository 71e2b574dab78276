import Foundation

/// Hides the values in output that may carry secrets, keeping its shape: in every `key: value`,
/// `"key": "value"` and `KEY=VALUE` line the value becomes `***`, and any other long token-like word
/// (20 or more letters, digits, `+/=_-`) does too. Keys stay, so an agent still sees what exists.
public enum SecretMasker {
    public static let mask = "***"

    /// The masked text and how many values were hidden.
    public static func masked(_ text: String) -> (text: String, count: Int) {
        var count = 0
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let (masked, n) = maskLine(String(line))
            count += n
            lines.append(masked)
        }
        return (lines.joined(separator: "\n"), count)
    }

    static func maskLine(_ line: String) -> (String, Int) {
        // key: value, "key": value, KEY=VALUE. A value that opens a block ({, [, |, >) or is empty stays.
        if let separator = keyValueSeparator(line) {
            let head = line[..<line.index(after: separator)]
            let rest = line[line.index(after: separator)...]
            let value = rest.trimmingCharacters(in: .whitespaces)
            let open =
                value.isEmpty || ["{", "[", "|", ">", "|-", ">-", "{}", "[]", "null", "true", "false"].contains(value.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
            if !open {
                let leading = rest.prefix { $0 == " " || $0 == "\t" }
                let comma = value.hasSuffix(",") ? "," : ""
                let quotedValue = value.hasPrefix("\"")
                return (head + leading + (quotedValue ? "\"\(mask)\"" : mask) + comma, 1)
            }
            return (line, 0)
        }
        return maskLongTokens(line)
    }

    /// The index of the `:` or `=` that ends a key at the start of the line, if the line is a key/value pair.
    static func keyValueSeparator(_ line: String) -> String.Index? {
        var i = line.startIndex
        while i < line.endIndex, line[i] == " " || line[i] == "\t" || line[i] == "-" { i = line.index(after: i) }
        guard i < line.endIndex else { return nil }
        var inQuotes = false
        if line[i] == "\"" { inQuotes = true; i = line.index(after: i) }
        let keyStart = i
        while i < line.endIndex {
            let c = line[i]
            if inQuotes {
                if c == "\"" {
                    let after = line.index(after: i)
                    var j = after
                    while j < line.endIndex, line[j] == " " { j = line.index(after: j) }
                    return j < line.endIndex && line[j] == ":" && i > keyStart ? j : nil
                }
            } else if c == ":" || c == "=" {
                let next = line.index(after: i)
                // "http://" is not a key; "a: b" and "A=b" are.
                if c == ":" && next < line.endIndex && line[next] != " " && line[next] != "\t" { return nil }
                return i > keyStart ? i : nil
            } else if !(c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == "/") {
                return nil
            }
            i = line.index(after: i)
        }
        return nil
    }

    static func maskLongTokens(_ line: String) -> (String, Int) {
        var out = ""
        var token = ""
        var count = 0
        func flush() {
            if token.count >= 20 && token.contains(where: \.isNumber) && token.contains(where: \.isLetter) {
                out += mask
                count += 1
            } else {
                out += token
            }
            token = ""
        }
        for c in line {
            if c.isASCII && (c.isLetter || c.isNumber || "+/=_-".contains(c)) {
                token.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return (out, count)
    }
}
