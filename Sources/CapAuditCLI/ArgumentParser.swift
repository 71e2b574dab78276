import CapAuditKit
import Foundation

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
                try requireUTF8(arg, role: "argument \(index + 1)", command: spec.name)
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
            try requireUTF8(name, role: "the option at argument \(index + 1)", command: spec.name)
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
            try requireUTF8(value, role: "the value of '\(name)'", command: spec.name)
            if !option.repeatable && parsed.values[name] != nil { throw .repeated(name, command: spec.name) }
            if !option.choices.isEmpty && !option.choices.contains(value) {
                throw .invalidChoice(option: name, value: value, choices: option.choices, command: spec.name)
            }
            parsed.values[name, default: []].append(value)
        }
        if !spec.actions.isEmpty, let action = parsed.positionals.first, !spec.actions.contains(action) {
            throw .invalidChoice(option: "action", value: action, choices: spec.actions, command: spec.name)
        }
        return parsed
    }

    /// Refuses an argument with bytes that are not UTF-8: capaudit's file access takes paths as UTF-8
    /// (Foundation, the catalog and config loaders, the report writer), so such a path would silently name
    /// another file. Refused by name, shown with the bytes escaped, before anything is read or written.
    static func requireUTF8(_ argument: String, role: String, command: String) throws(UsageError) {
        if HostBytes.hasRawBytes(argument) { throw .notUTF8(argument, role: role, command: command) }
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
