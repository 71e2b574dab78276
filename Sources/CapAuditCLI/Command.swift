import CapAuditKit
import Foundation

/// One subcommand of capaudit: its help spec (options, usage, examples) and what it does.
///
/// To add a subcommand, write one file `Sources/CapAuditCLI/<Name>Command.swift` with a type
/// conforming to `Command`, and list the type in `CommandRegistry.commands`. The dispatcher
/// parses the arguments against `spec` (so `--help`, unknown options and suggestions come for free),
/// then calls `run`; errors it throws are mapped to exit codes in `CLI.fail`.
protocol Command {
    /// The name, options, usage, discussion and examples shown by `capaudit help NAME`.
    static var spec: CommandSpec { get }
    init(arguments: ParsedArguments, terminal: Terminal)
    /// Runs the command; throws user-facing errors, returns the exit code otherwise.
    func run() throws -> ExitCode
}

/// Every subcommand, in the order `capaudit help` lists them.
enum CommandRegistry {
    static var commands: [any Command.Type] {
        [
            ScanCommand.self,
            ReportCommand.self,
            PlanCommand.self,
            ExplainCommand.self,
            CatalogCommand.self,
            InitCommand.self,
            MergeCommand.self,
            DiffCommand.self,
            ExportCommand.self,
            CacheCommand.self,
            ToolsCommand.self,
            MCPCommand.self,
            SchemaCommand.self,
            CompletionsCommand.self,
            ManCommand.self,
        ]
    }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.spec.name == name }
    }
}
