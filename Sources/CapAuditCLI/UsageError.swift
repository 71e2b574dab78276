import CapAuditKit
import Foundation

/// A mistake on the command line. The text is one line saying what is wrong.
public enum UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, command: String, suggestion: String?)
    case missingValue(String, command: String)
    case flagTakesNoValue(String, command: String)
    case repeated(String, command: String)
    case unexpectedArgument(String, command: String)
    case invalidValue(option: String, value: String, expected: String, command: String)
    case missingArgument(String, command: String)
    /// A value outside a fixed list (an option's choices, a command's actions), with the nearest one.
    case invalidChoice(option: String, value: String, choices: [String], command: String)
    /// An argument with bytes that are not UTF-8 (see `HostBytes`); `role` says which one: `the value of '--output'`.
    case notUTF8(String, role: String, command: String?)

    public var command: String? {
        switch self {
        case .unknownCommand: return nil
        case .notUTF8(_, _, let c): return c
        case .unknownOption(_, let c, _), .missingValue(_, let c), .flagTakesNoValue(_, let c), .repeated(_, let c),
            .unexpectedArgument(_, let c), .invalidValue(_, _, _, let c), .missingArgument(_, let c), .invalidChoice(_, _, _, let c):
            return c
        }
    }

    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            return "unknown command \(quoted(name))" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .unknownOption(let name, _, let suggestion):
            return "unknown option \(quoted(name))" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .missingValue(let name, _):
            return "option '\(name)' needs a value"
        case .flagTakesNoValue(let name, _):
            return "option '\(name)' takes no value"
        case .repeated(let name, _):
            return "option '\(name)' was given more than once"
        case .unexpectedArgument(let arg, _):
            return "unexpected argument \(quoted(arg))"
        case .invalidValue(let option, let value, let expected, _):
            return "invalid value \(quoted(value)) for '\(option)'; expected \(expected)"
        case .missingArgument(let what, _):
            return "missing \(what)"
        case .invalidChoice(let option, let value, let choices, _):
            let what = option == "action" ? "unknown action \(quoted(value))" : "invalid value \(quoted(value)) for '\(option)'"
            return what + "; expected " + Self.list(choices) + (nearest(value, in: choices).map { "; did you mean '\($0)'?" } ?? "")
        case .notUTF8(let argument, let role, _):
            // quoted doubles each backslash first, so every \xFF shown is a byte of the argument.
            return "\(role) is not UTF-8: \(HostBytes.display(quoted(argument))) (each byte that is not UTF-8 shown as \\xFF)"
        }
    }

    /// `a, b or c`.
    static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}
