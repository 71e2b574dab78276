import CapAuditKit
import Foundation

/// `capaudit catalog list | show ID | validate PATH...`.
struct CatalogCommand: Command {
    static let spec = CommandSpec(
        name: "catalog",
        synopsis: "List, show and validate catalogs.",
        summary: "capaudit catalog: inspect and validate catalogs.",
        usage: "capaudit catalog list [--format text|json] | show ID | validate PATH...",
        options: [
            OptionSpec("--catalog", value: "PATH", repeatable: true, help: "Use this catalog instead of the built-in one (list, show)."),
            OptionSpec("--format", value: "FORMAT", choices: ["text", "json"], help: "list only: text (default) or json (areas with their capabilities, tools, profiles)."),
        ],
        maxPositionals: 64,
        actions: ["list", "show", "validate"],
        discussion: """
            list        areas, capabilities and tools, one line each (--format json: one JSON document)
            show ID     one area or tool in detail
            validate    check catalog files or folders; every problem is listed; exit 0 or 3
            """,
        examples: ["capaudit catalog list", "capaudit catalog list --format json", "capaudit catalog show trivy", "capaudit catalog validate Catalog/"])

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        guard let action = arguments.positionals.first else { throw UsageError.missingArgument("an action: list, show ID or validate PATH...", command: "catalog") }
        let rest = Array(arguments.positionals.dropFirst())
        if let format = arguments.value("--format"), action != "list" {
            throw UsageError.invalidValue(option: "--format", value: format, expected: "no --format: only 'catalog list' has formats", command: "catalog")
        }
        switch action {
        case "list":
            guard rest.isEmpty else { throw UsageError.unexpectedArgument(rest[0], command: "catalog") }
            let catalog = try load()
            terminal.out(arguments.value("--format") == "json" ? CatalogRenderer.listJSON(catalog) : CatalogRenderer.list(catalog))
        case "show":
            guard rest.count == 1 else { throw UsageError.missingArgument("exactly one area or tool id after 'show'", command: "catalog") }
            let catalog = try load()
            guard let text = CatalogRenderer.show(rest[0], in: catalog) else {
                let ids = catalog.areas.map(\.id) + Array(catalog.tools.keys)
                throw UsageError.invalidValue(
                    option: "ID", value: rest[0], expected: "an area or tool id" + (nearest(rest[0], in: ids).map { " (did you mean \($0)?)" } ?? ""), command: "catalog")
            }
            terminal.out(text)
        case "validate":
            guard !rest.isEmpty else { throw UsageError.missingArgument("catalog files or folders to validate", command: "catalog") }
            let catalog = try CatalogLoader.load(paths: rest)
            terminal.out("ok: \(catalog.areas.count) areas, \(catalog.tools.count) tools, \(catalog.areas.reduce(0) { $0 + $1.capabilities.count }) capabilities\n")
        default:
            throw UsageError.invalidValue(option: "action", value: action, expected: "list, show or validate", command: "catalog")
        }
        return .success
    }

    func load() throws -> Catalog {
        let paths = arguments.all("--catalog")
        return paths.isEmpty ? try BuiltinCatalog.load() : try CatalogLoader.load(paths: paths)
    }
}
