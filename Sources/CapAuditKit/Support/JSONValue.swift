import Foundation

/// A position in a text file, 1-based, as editors show it.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON value that remembers where it started in its file, so catalog and config
/// errors can name the line and column as well as the JSON path.
public indirect enum JSONValue: Sendable, Equatable {
    case null(SourceLocation)
    case bool(Bool, SourceLocation)
    case number(Double, String, SourceLocation)
    case string(String, SourceLocation)
    case array([JSONValue], SourceLocation)
    /// Members in file order; duplicate keys are kept so the reader can report them.
    case object([(key: String, value: JSONValue)], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .null(let l), .bool(_, let l), .number(_, _, let l), .string(_, let l), .array(_, let l), .object(_, let l):
            return l
        }
    }

    /// The first member with this key, when this is an object.
    public func member(_ key: String) -> JSONValue? {
        if case .object(let members, _) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    /// The element at this index, when this is an array.
    public func element(_ index: Int) -> JSONValue? {
        if case .array(let items, _) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    /// The JSON type name a user would recognise in an error message.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a, _), .bool(b, _)): return a == b
        case let (.number(a, _, _), .number(b, _, _)): return a == b
        case let (.string(a, _), .string(b, _)): return a == b
        case let (.array(a, _), .array(b, _)): return a == b
        case let (.object(a, _), .object(b, _)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

/// A JSON syntax error with the line and column where parsing stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    public var description: String { "\(location): \(message)" }
}
