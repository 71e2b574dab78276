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
