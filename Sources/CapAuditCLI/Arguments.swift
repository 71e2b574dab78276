import CapAuditKit
import Foundation

/// One option a command accepts.
public struct OptionSpec: Sendable, Equatable {
    /// Long name with dashes, such as `--timeout`.
    public var name: String
    /// Name of the value in help (`SECONDS`); nil for a flag without a value.
    public var valueName: String?
    public var repeatable: Bool
    public var help: String

    public init(_ name: String, value: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.valueName = value
        self.repeatable = repeatable
        self.help = help
    }
}

/// A subcommand: its options, positional arguments and help text.
public struct CommandSpec: Sendable, Equatable {
    public var name: String
    /// One line for the command list of `capaudit help`.
    public var synopsis: String
    public var summary: String
    public var usage: String
    public var options: [OptionSpec]
    /// How many positional arguments it takes at most.
    public var maxPositionals: Int
    public var discussion: String
    public var examples: [String]

    public init(name: String, synopsis: String, summary: String, usage: String, options: [OptionSpec], maxPositionals: Int = 0,
                discussion: String = "", examples: [String] = []) {
        self.name = name
        self.synopsis = synopsis
        self.summary = summary
        self.usage = usage
        self.options = options + [OptionSpec("--help", help: "Show this help.")]
        self.maxPositionals = maxPositionals
        self.discussion = discussion
        self.examples = examples
    }

    public func option(_ name: String) -> OptionSpec? { options.first { $0.name == name } }
}

/// The parsed command line of one subcommand.
public struct ParsedArguments: Sendable, Equatable {
    public var command: String
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    public func value(_ name: String) -> String? { values[name]?.last }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    public func has(_ name: String) -> Bool { flags.contains(name) }
}

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

    public var command: String? {
        switch self {
        case .unknownCommand: return nil
        case .unknownOption(_, let c, _), .missingValue(_, let c), .flagTakesNoValue(_, let c), .repeated(_, let c),
             .unexpectedArgument(_, let c), .invalidValue(_, _, _, let c), .missingArgument(_, let c):
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
        }
    }
}

/// A small command-line parser: `--flag`, `--option value`, `--option=value`, repeatable options,
/// and `--` to end options.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(command: spec.name)
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                guard parsed.positionals.count < spec.maxPositionals else { throw .unexpectedArgument(arg, command: spec.name) }
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" { optionsEnded = true; continue }
            var name = arg
            var inlineValue: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inlineValue = String(arg[arg.index(after: eq)...])
            }
            if name == "-h" { name = "--help" }
            guard let option = spec.option(name) else {
                throw .unknownOption(name, command: spec.name, suggestion: nearest(name, in: spec.options.map(\.name)))
            }
            if option.valueName == nil {
                if inlineValue != nil { throw .flagTakesNoValue(name, command: spec.name) }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw .missingValue(name, command: spec.name) }
                value = arguments[index]
                index += 1
            }
            if !option.repeatable && parsed.values[name] != nil { throw .repeated(name, command: spec.name) }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }

    /// The help text of a command.
    public static func help(_ spec: CommandSpec) -> String {
        var lines = ["\(spec.summary)", "", "Usage: \(spec.usage)"]
        if !spec.discussion.isEmpty { lines += ["", spec.discussion] }
        lines += ["", "Options:"]
        let shown = spec.options.map { o in (o.valueName.map { "\(o.name) \($0)" } ?? o.name, o.help + (o.repeatable ? " (repeatable)" : "")) }
        let width = min(32, (shown.map { $0.0.count }.max() ?? 0) + 2)
        for (left, help) in shown {
            lines.append("  " + left.padding(toLength: max(width, left.count + 2), withPad: " ", startingAt: 0) + help)
        }
        if !spec.examples.isEmpty {
            lines += ["", "Examples:"] + spec.examples.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
