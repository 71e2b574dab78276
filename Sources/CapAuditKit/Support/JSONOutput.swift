import Foundation

/// A JSON document being written: rendered with sorted keys and fixed formatting so the same
/// value always gives the same bytes.
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONOutput])
    case object([String: JSONOutput])

    public static func string(_ s: String?) -> JSONOutput { s.map { .string($0) } ?? .null }
    public static func int(_ i: Int?) -> JSONOutput { i.map { .int($0) } ?? .null }

    /// Pretty-printed with two-space indentation and a trailing newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    /// The document on one line with no spaces (keys sorted), as newline-delimited JSON-RPC needs:
    /// newlines inside strings are escaped, so the line holds exactly one message.
    public func line() -> String {
        var out = ""
        write(into: &out, indent: nil)
        return out
    }

    /// A parsed value as output (locations dropped; numbers kept as integers when they are).
    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b, _): self = .bool(b)
        case .number(let d, _, _): self = d == d.rounded() && abs(d) < 9e15 ? .int(Int(d)) : .double(d)
        case .string(let s, _): self = .string(s)
        case .array(let items, _): self = .array(items.map(JSONOutput.init))
        case .object(let members, _):
            var out: [String: JSONOutput] = [:]
            for (k, v) in members where out[k] == nil { out[k] = JSONOutput(v) }
            self = .object(out)
        }
    }

    /// Writes the value at nesting depth `indent`, pretty-printed; with `indent` nil, on one line without spaces.
    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite { out += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) } else { out += "null" }
        case .string(let s): out += JSONOutput.escape(s)
        case .array(let items):
            Self.write(items.map { (nil, $0) }, between: "[", "]", into: &out, indent: indent)
        case .object(let members):
            Self.write(members.keys.sorted().map { ($0, members[$0]!) }, between: "{", "}", into: &out, indent: indent)
        }
    }

    /// An array's items (no keys) or an object's members, one per line when pretty-printed.
    private static func write(
        _ entries: [(key: String?, value: JSONOutput)], between open: String, _ close: String,
        into out: inout String, indent: Int?
    ) {
        if entries.isEmpty { out += open + close; return }
        out += open
        let itemBreak = indent.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? ""
        for (i, entry) in entries.enumerated() {
            if i > 0 { out += "," }
            out += itemBreak
            if let key = entry.key { out += escape(key) + (indent == nil ? ":" : ": ") }
            entry.value.write(into: &out, indent: indent.map { $0 + 1 })
        }
        out += indent.map { "\n" + String(repeating: "  ", count: $0) } ?? ""
        out += close
    }

    /// A JSON string literal; control characters, quotes and backslashes escaped.
    public static func escape(_ s: String) -> String {
        var out = "\""
        // A file name's bytes that are not UTF-8 as `\xFF` (JSON strings are Unicode text).
        for scalar in HostBytes.display(s).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // C0, DEL, C1, the JavaScript line separators and bidi controls are escaped, so the JSON is
            // terminal-safe when printed and still decodes to the exact text.
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
                || TerminalText.isBidiControl(scalar):
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
