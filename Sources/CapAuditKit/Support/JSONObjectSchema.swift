/// The keys one kind of JSON object may have, each with its type and meaning as the documentation gives
/// them. `JSONReader.object(_:path:schema:)` refuses any other key and reports the required ones that are
/// missing; `markdownTable` is the table the documentation shows.
public struct JSONObjectSchema: Sendable, Equatable {
    /// One key: its name, its type and whether it is required as the documentation writes them, and what it means.
    public struct Key: Sendable, Equatable {
        public var name: String
        public var type: String
        public var isRequired: Bool
        /// The documentation's "required" cell when it says more than yes or no.
        public var requirement: String?
        public var meaning: String

        public init(_ name: String, _ type: String, required: Bool, requirement: String? = nil, _ meaning: String) {
            self.name = name
            self.type = type
            self.isRequired = required
            self.requirement = requirement
            self.meaning = meaning
        }
    }

    /// The object's name in the documentation (`area`, `probe`).
    public var name: String
    public var keys: [Key]

    public init(_ name: String, _ keys: [Key]) {
        self.name = name
        self.keys = keys
    }

    public var required: [String] { keys.filter(\.isRequired).map(\.name) }
    public var optional: [String] { keys.filter { !$0.isRequired }.map(\.name) }

    /// The documentation's table: field, type, required, meaning.
    public var markdownTable: String {
        var lines = ["| field | type | required | meaning |", "|---|---|---|---|"]
        for key in keys {
            let requirement = key.requirement ?? (key.isRequired ? "yes" : "no")
            lines.append("| `\(key.name)` | \(key.type) | \(requirement) | \(key.meaning) |")
        }
        return lines.joined(separator: "\n")
    }
}

extension JSONReader {
    /// The members of an object of this schema (see `object(_:path:required:optional:)`).
    public mutating func object(_ value: JSONValue, path: String, schema: JSONObjectSchema) -> [String: JSONValue]? {
        object(value, path: path, required: schema.required, optional: schema.optional)
    }
}
