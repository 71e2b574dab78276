import Foundation

/// Small constructors for JSON Schema (draft 2020-12) documents, so the schemas of the report and the
/// config read like the documents they describe and take their enums from the code.
enum SchemaBuilder {
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    static func type(_ name: String, _ description: String? = nil) -> JSONOutput {
        var o: [String: JSONOutput] = ["type": .string(name)]
        if let description { o["description"] = .string(description) }
        return .object(o)
    }

    static func nullable(_ name: String, _ description: String? = nil) -> JSONOutput {
        var o: [String: JSONOutput] = ["type": .array([.string(name), .string("null")])]
        if let description { o["description"] = .string(description) }
        return .object(o)
    }

    static var string: JSONOutput { type("string") }
    static var integer: JSONOutput { type("integer") }
    static var boolean: JSONOutput { type("boolean") }

    static func strings(_ description: String? = nil) -> JSONOutput {
        var o: [String: JSONOutput] = ["type": .string("array"), "items": string]
        if let description { o["description"] = .string(description) }
        return .object(o)
    }

    static func oneOf(_ values: [String], nullable: Bool = false, _ description: String? = nil) -> JSONOutput {
        var o: [String: JSONOutput] = ["enum": .array(values.map { .string($0) } + (nullable ? [.null] : []))]
        if let description { o["description"] = .string(description) }
        return .object(o)
    }

    static func array(_ items: JSONOutput, _ description: String? = nil) -> JSONOutput {
        var o: [String: JSONOutput] = ["type": .string("array"), "items": items]
        if let description { o["description"] = .string(description) }
        return .object(o)
    }

    static func ref(_ name: String) -> JSONOutput { .object(["$ref": .string("#/$defs/\(name)")]) }

    static func nullableRef(_ name: String) -> JSONOutput {
        .object(["anyOf": .array([ref(name), .object(["type": .string("null")])])])
    }

    /// An object with exactly these properties: `required` names those that must be there. With
    /// `comments`, members whose names start with `$comment` are allowed too (capaudit ignores them).
    static func object(
        _ properties: [String: JSONOutput], required: [String], additional: Bool = false, comments: Bool = false,
        _ description: String? = nil
    ) -> JSONOutput {
        var o: [String: JSONOutput] = [
            "type": .string("object"),
            "properties": .object(properties),
            "required": .array(required.map { .string($0) }),
            "additionalProperties": .bool(additional),
        ]
        if comments { o["patternProperties"] = .object(["^\\$comment": .object([:])]) }
        if let description { o["description"] = .string(description) }
        return .object(o)
    }

    /// An object whose member names are free (ids) and whose values all follow `values`.
    static func map(_ values: JSONOutput, comments: Bool = false, _ description: String? = nil) -> JSONOutput {
        var o: [String: JSONOutput] = ["type": .string("object"), "additionalProperties": values]
        if comments { o["patternProperties"] = .object(["^\\$comment": .object([:])]) }
        if let description { o["description"] = .string(description) }
        return .object(o)
    }
}
