import Foundation

/// Reads typed fields out of a `JSONValue` tree, collecting every problem (with file, line,
/// column and JSON path) instead of stopping at the first.
public struct JSONReader {
    public let file: String
    public private(set) var problems: [JSONProblem] = []

    public init(file: String) { self.file = file }

    public mutating func report(_ message: String, at value: JSONValue?, path: String) {
        problems.append(JSONProblem(file: file, location: value?.location, path: path, message: message))
    }

    /// Reports a problem inside a string value, `columnOffset` columns after its opening quote.
    public mutating func report(_ message: String, at value: JSONValue?, path: String, columnOffset: Int?) {
        var location = value?.location
        if let columnOffset, location != nil { location!.column += columnOffset }
        problems.append(JSONProblem(file: file, location: location, path: path, message: message))
    }

    /// The members of an object, checking for duplicate keys, unknown keys (naming the nearest
    /// known one) and missing required keys.
    public mutating func object(_ value: JSONValue, path: String, required: [String], optional: [String]) -> [String: JSONValue]? {
        guard case .object(let members, _) = value else {
            report("expected an object but found \(value.typeName)", at: value, path: path)
            return nil
        }
        let known = required + optional
        var result: [String: JSONValue] = [:]
        for (key, member) in members {
            let memberPath = join(path, key)
            if result[key] != nil {
                report("duplicate key \"\(key)\"", at: member, path: memberPath)
                continue
            }
            guard known.contains(key) || key.hasPrefix("$comment") else {
                var message = "unknown key \"\(key)\""
                if let near = nearest(key, in: known) { message += "; did you mean \"\(near)\"?" } else { message += "; known keys: \(known.joined(separator: ", "))" }
                report(message, at: member, path: memberPath)
                continue
            }
            result[key] = member
        }
        for key in required where result[key] == nil {
            report("missing required key \"\(key)\"", at: value, path: path)
        }
        return result
    }

    /// An http(s) URL that can be printed in markdown, XML and shell comments as it is: no spaces,
    /// quotes, angle brackets, pipes, backticks or control characters.
    public mutating func url(_ fields: [String: JSONValue], _ key: String, path: String) -> String? {
        guard let s = string(fields, key, path: path) else { return nil }
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(CharacterSet(charactersIn: "<>|`\"'\\{}^"))
        guard s.hasPrefix("https://") || s.hasPrefix("http://"), s.rangeOfCharacter(from: forbidden) == nil, s.count > 8 else {
            report("expected an http(s) URL without spaces, quotes, <, >, | or backticks (percent-encode them)", at: fields[key], path: join(path, key))
            return nil
        }
        return s
    }

    public mutating func string(_ fields: [String: JSONValue], _ key: String, path: String, nonEmpty: Bool = true) -> String? {
        guard let v = fields[key] else { return nil }
        guard case .string(let s, _) = v else {
            report("expected a string but found \(v.typeName)", at: v, path: join(path, key))
            return nil
        }
        if nonEmpty && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report("must not be empty", at: v, path: join(path, key))
            return nil
        }
        return s
    }

    /// A string member turned into a value by `parse`; a string it refuses is reported as
    /// `"<text>" is not <what>; expected <expected>`.
    public mutating func parsed<T>(
        _ fields: [String: JSONValue], _ key: String, path: String, as what: String, expected: String,
        _ parse: (String) -> T?
    ) -> T? {
        guard let text = string(fields, key, path: path) else { return nil }
        guard let value = parse(text) else {
            report("\(quoted(text)) is not \(what); expected \(expected)", at: fields[key], path: join(path, key))
            return nil
        }
        return value
    }

    public mutating func int(_ fields: [String: JSONValue], _ key: String, path: String, range: ClosedRange<Int>) -> Int? {
        guard let v = fields[key] else { return nil }
        guard case .number(let d, let text, _) = v, d == d.rounded(), abs(d) < 1e15 else {
            report("expected an integer but found \(v.typeName)", at: v, path: join(path, key))
            return nil
        }
        let i = Int(d)
        guard range.contains(i) else {
            report("\(text) is out of range; expected \(range.lowerBound)...\(range.upperBound)", at: v, path: join(path, key))
            return nil
        }
        return i
    }

    public mutating func bool(_ fields: [String: JSONValue], _ key: String, path: String) -> Bool? {
        guard let v = fields[key] else { return nil }
        guard case .bool(let b, _) = v else {
            report("expected true or false but found \(v.typeName)", at: v, path: join(path, key))
            return nil
        }
        return b
    }

    public mutating func array(_ fields: [String: JSONValue], _ key: String, path: String, nonEmpty: Bool = false) -> [JSONValue]? {
        guard let v = fields[key] else { return nil }
        guard case .array(let items, _) = v else {
            report("expected an array but found \(v.typeName)", at: v, path: join(path, key))
            return nil
        }
        if nonEmpty && items.isEmpty {
            report("must not be empty", at: v, path: join(path, key))
            return nil
        }
        return items
    }

    public mutating func strings(_ fields: [String: JSONValue], _ key: String, path: String, nonEmpty: Bool = false) -> [String]? {
        guard let items = array(fields, key, path: path, nonEmpty: nonEmpty) else { return nil }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s, _) = item else {
                report("expected a string but found \(item.typeName)", at: item, path: "\(join(path, key))[\(i)]")
                continue
            }
            out.append(s)
        }
        return out
    }

    public mutating func stringMap(_ fields: [String: JSONValue], _ key: String, path: String) -> [String: String]? {
        guard let v = fields[key] else { return nil }
        guard case .object(let members, _) = v else {
            report("expected an object of strings but found \(v.typeName)", at: v, path: join(path, key))
            return nil
        }
        var out: [String: String] = [:]
        for (k, item) in members where !k.hasPrefix("$comment") {
            if out[k] != nil {
                report("duplicate key \"\(k)\"", at: item, path: join(join(path, key), k))
                continue
            }
            guard case .string(let s, _) = item else {
                report("expected a string but found \(item.typeName)", at: item, path: join(join(path, key), k))
                continue
            }
            out[k] = s
        }
        return out
    }

    /// Appends a member name to a JSON path.
    public func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
