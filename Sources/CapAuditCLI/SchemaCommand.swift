import CapAuditKit
import Foundation

/// `capaudit schema config|report`: the JSON Schema of `.capaudit.json` or of the JSON report.
struct SchemaCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "schema",
            synopsis: "Print the JSON Schema of .capaudit.json or of the JSON report.",
            summary: "capaudit schema config|report: the JSON Schema (draft 2020-12) of the requirements file or of `scan --format json`.",
            usage: "capaudit schema config|report [--output FILE]",
            options: [OptionSpec("--output", value: "FILE", help: "Write the schema to FILE (atomically) instead of stdout.")],
            maxPositionals: 1,
            actions: ["config", "report"],
            discussion: """
                config  .capaudit.json: editors validate and complete it when the file names the schema, as in
                        "$schema": "./capaudit-config.schema.json" (capaudit itself ignores "$schema").
                report  the JSON report, schemaVersion \(Report.schemaVersion). It lists every field this capaudit
                        writes; later versions only add fields within a schemaVersion.
                """,
            examples: [
                "capaudit schema config --output capaudit-config.schema.json",
                "capaudit schema report > capaudit-report.schema.json",
            ])
    }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        guard let which = arguments.positionals.first else { throw UsageError.missingArgument("which schema: config or report", command: "schema") }
        let document = which == "config" ? ConfigSchema.document : ReportSchema.document
        var files = OutputFiles()
        files.add(document.rendered(), to: arguments.value("--output") ?? OutputFiles.stdoutName)
        try files.write(terminal: terminal)
        return .success
    }
}
