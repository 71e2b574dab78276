import CapAuditKit
import Foundation

/// A JSON Schema (draft 2020-12) validator for exactly the keywords capaudit's schemas use: `type`,
/// `enum`, `const`, `properties`, `required`, `additionalProperties`, `patternProperties`, `items`,
/// `anyOf`, `pattern`, and `$ref` to `#/$defs/NAME`. Annotations (`title`, `description`,
/// `$schema`) are ignored; any other keyword is an error, so a schema cannot rely on one this
/// validator would silently skip.
struct SchemaValidator {
    let root: JSONValue

    init(_ schemaText: String) throws {
        root = try JSONParser.parse(schemaText)
    }

    static let annotations: Set<String> = ["$schema", "title", "description", "$defs", "$comment"]
    static let keywords: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties",
        "patternProperties", "items", "anyOf", "pattern", "$ref",
    ]

    /// Every way `instance` breaks the schema, each with its JSON path; empty when it is valid.
    func validate(_ instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "$", &errors)
        return errors
    }

    func validate(text: String) -> [String] {
        do { return validate(try JSONParser.parse(text)) } catch { return ["not JSON: \(error)"] }
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, _ errors: inout [String]) {
        guard case .object(let members, _) = schema else {
            if case .bool(let allowed, _) = schema, !allowed { errors.append("\(path): no value is allowed here") }
            return
        }
        let keywords = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        for key in keywords.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            errors.append("\(path): the schema uses \(key), which this validator does not implement")
        }
        if case .string(let ref, _)? = keywords["$ref"] {
            let prefix = "#/$defs/"
            guard ref.hasPrefix(prefix), let target = root.member("$defs")?.member(String(ref.dropFirst(prefix.count))) else {
                errors.append("\(path): unresolvable $ref \(ref)")
                return
            }
            check(value, against: target, at: path, &errors)
        }
        if let type = keywords["type"] {
            let allowed: [String]
            switch type {
            case .string(let name, _): allowed = [name]
            case .array(let names, _): allowed = names.compactMap { if case .string(let n, _) = $0 { return n } else { return nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")) but found \(value.typeName)")
                return
            }
        }
        if case .array(let options, _)? = keywords["enum"], !options.contains(value) {
            errors.append("\(path): \(Self.show(value)) is not one of \(options.map(Self.show).joined(separator: ", "))")
        }
        if let constant = keywords["const"], constant != value {
            errors.append("\(path): expected \(Self.show(constant)) but found \(Self.show(value))")
        }
        if case .string(let pattern, _)? = keywords["pattern"], case .string(let text, _) = value, !Self.matches(text, pattern) {
            errors.append("\(path): \(Self.show(value)) does not match \(pattern)")
        }
        if case .array(let options, _)? = keywords["anyOf"] {
            let passes = options.contains { option in
                var sub: [String] = []
                check(value, against: option, at: path, &sub)
                return sub.isEmpty
            }
            if !passes { errors.append("\(path): matches none of the anyOf alternatives") }
        }
        if case .array(let items, _) = value, let itemSchema = keywords["items"] {
            for (i, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(i)]", &errors) }
        }
        guard case .object(let fields, _) = value else { return }
        if case .array(let required, _)? = keywords["required"] {
            for case .string(let name, _) in required where !fields.contains(where: { $0.key == name }) {
                errors.append("\(path): missing required property \(name)")
            }
        }
        let properties = keywords["properties"]
        let patterns: [(String, JSONValue)] = {
            guard case .object(let p, _)? = keywords["patternProperties"] else { return [] }
            return p.map { ($0.key, $0.value) }
        }()
        for (key, member) in fields {
            let memberPath = "\(path).\(key)"
            var matched = false
            if let propertySchema = properties?.member(key) {
                matched = true
                check(member, against: propertySchema, at: memberPath, &errors)
            }
            for (pattern, patternSchema) in patterns where Self.matches(key, pattern) {
                matched = true
                check(member, against: patternSchema, at: memberPath, &errors)
            }
            if !matched, let additional = keywords["additionalProperties"] {
                if case .bool(false, _) = additional {
                    errors.append("\(memberPath): property \(key) is not in the schema")
                } else {
                    check(member, against: additional, at: memberPath, &errors)
                }
            }
        }
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): return true
        case ("integer", .number(let d, _, _)): return d == d.rounded()
        default: return false
        }
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b, _): return String(b)
        case .number(_, let text, _): return text
        case .string(let s, _): return "\"\(s)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
