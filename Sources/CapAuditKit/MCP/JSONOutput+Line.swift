import Foundation

extension JSONOutput {
    /// The document on one line with no spaces (keys sorted), as newline-delimited JSON-RPC needs:
    /// newlines inside strings are escaped, so the line holds exactly one message.
    public func line() -> String {
        var out = ""
        writeLine(into: &out)
        return out
    }

    private func writeLine(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite { out += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) } else { out += "null" }
        case .string(let s): out += JSONOutput.escape(s)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.writeLine(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                out += JSONOutput.escape(key) + ":"
                members[key]!.writeLine(into: &out)
            }
            out += "}"
        }
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
}
