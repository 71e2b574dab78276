import Foundation

/// One option a command accepts.
public struct OptionSpec: Sendable, Equatable {
    /// Long name with dashes, such as `--timeout`.
    public var name: String
    /// Name of the value in help (`SECONDS`); nil for a flag without a value.
    public var valueName: String?
    public var repeatable: Bool
    public var help: String
    /// The only values the option takes (`--color auto|always|never`); empty means any. The parser
    /// refuses others with the nearest one, and completions offer them.
    public var choices: [String]

    public init(_ name: String, value: String? = nil, repeatable: Bool = false, choices: [String] = [], help: String) {
        self.name = name
        self.valueName = value
        self.repeatable = repeatable
        self.choices = choices
        self.help = help
    }

    /// What the value names, for completions and the man page: a file, a folder, or anything else.
    public var valueKind: ValueKind {
        guard let valueName else { return .none }
        if !choices.isEmpty { return .choice }
        if valueName.hasSuffix("DIR") { return .directory }
        if valueName.hasSuffix("FILE") || valueName == "PATH" { return .file }
        return .text
    }

    public enum ValueKind: Sendable, Equatable { case none, choice, file, directory, text }
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
    /// The words the first positional argument may be (`catalog list|show|validate`); empty when the
    /// command has no actions. The parser refuses others with the nearest one.
    public var actions: [String]

    public init(
        name: String, synopsis: String, summary: String, usage: String, options: [OptionSpec], maxPositionals: Int = 0,
        actions: [String] = [], discussion: String = "", examples: [String] = []
    ) {
        self.name = name
        self.synopsis = synopsis
        self.summary = summary
        self.usage = usage
        self.options = options + [OptionSpec("--help", help: "Show this help.")]
        self.maxPositionals = maxPositionals
        self.discussion = discussion
        self.examples = examples
        self.actions = actions
    }

    public func option(_ name: String) -> OptionSpec? { options.first { $0.name == name } }
}
