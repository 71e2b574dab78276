import CapAuditKit
import Foundation

/// `capaudit diff`: what changed between two scans of one host.
struct DiffCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "diff",
            synopsis: "What changed between two JSON reports of one host.",
            summary: "capaudit diff OLD.json NEW.json: what appeared, disappeared, changed version or status between two scans.",
            usage: "capaudit diff OLD.json NEW.json [--format text|markdown|json] [--fail-on-regression] [--output FILE]",
            options: [
                OptionSpec("--format", value: "FORMAT", choices: ["text", "markdown", "json"], help: "text (default), markdown or json."),
                OptionSpec("--fail-on-regression", help: "Exit 1 when a capability was lost or a tool went below its minimum version, naming them."),
                OptionSpec("--output", value: "FILE", help: "Write the diff to FILE (atomically) instead of stdout."),
            ],
            maxPositionals: 2,
            discussion: """
                Tools are matched by id: appeared (not installed before, installed now), disappeared, version changed,
                status changed; areas whose status changed; tools only one scan looked for (a catalog or --area
                difference, not a host change). Each report records its catalog's digest, so a catalog change is named.
                A regression is a capability met before and not now, or a tool now below its minimum version.

                Exit codes: 0 compared (no regression, or no --fail-on-regression), 1 a regression with
                --fail-on-regression, 2 a file could not be read as a report or a usage error.
                """,
            examples: [
                "capaudit diff before.json after.json",
                "capaudit diff before.json after.json --fail-on-regression",
                "capaudit diff before.json after.json --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
            ])
    }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let formatName = try arguments.value("--format", expected: "text, markdown or json") { ["text", "markdown", "json"].contains($0) ? $0 : nil } ?? "text"
        guard arguments.positionals.count == 2 else {
            throw UsageError.missingArgument(arguments.positionals.isEmpty ? "OLD.json and NEW.json" : "NEW.json", command: "diff")
        }
        let old = try ReportReader.read(file: arguments.positionals[0])
        let new = try ReportReader.read(file: arguments.positionals[1])
        let diff = ReportDiff.compare(old: old, new: new)
        let text: String
        switch formatName {
        case "markdown": text = DiffRenderer.markdown(diff)
        case "json": text = DiffRenderer.json(diff)
        default: text = DiffRenderer.text(diff)
        }
        let sink = OutputSink(path: arguments.value("--output"), terminal: terminal)
        sink.write(text)
        try sink.finish()
        if arguments.has("--fail-on-regression") && !diff.regressions.isEmpty {
            for r in diff.regressions { terminal.err("capaudit: regression: \(TerminalText.clean(r.message))") }
            return .gateFailed
        }
        return .success
    }
}
