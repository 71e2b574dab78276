import CapAuditKit
import Foundation

/// `capaudit merge`: the fleet view of many hosts' JSON reports.
struct MergeCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "merge",
            synopsis: "Merge many hosts' JSON reports into one fleet view.",
            summary: "capaudit merge: the fleet view of many hosts' JSON reports (capaudit scan --format json).",
            usage: "capaudit merge REPORT.json...|DIR... [--format text|markdown|json|csv] [--fail-on LEVEL] [--output FILE]",
            options: [
                OptionSpec("--format", value: "FORMAT", choices: ["text", "markdown", "json", "csv"], help: "text (default), markdown, json or csv."),
                OptionSpec(
                    "--fail-on", value: "LEVEL", choices: ["critical", "high", "medium", "never"],
                    help: "Exit 1 when a host has a gap area at LEVEL or above not covered: critical, high or medium (default: report each file's own gate, exit 0)."),
                OptionSpec("--output", value: "FILE", help: "Write the fleet view to FILE (atomically) instead of stdout."),
            ],
            maxPositionals: Int.max,
            discussion: """
                Reads each file, and each folder's *.json files, one at a time: a host × area matrix of statuses, the hosts
                that fail the gate and why, each tool's versions across the fleet (oldest first), and a fleet-wide plan
                ordered by how many hosts each step fixes. Memory grows with the number of distinct tools and versions,
                not hosts. csv and json write the per-host matrix as they read (csv reads every file twice, to know its
                columns first); text and markdown show it up to \(matrixLimit) hosts and summarise beyond.

                A file that is not a capaudit report, or of a newer schemaVersion, is named on stderr and skipped.
                Reports with the same hostname stay separate rows (their files tell them apart) and are flagged.

                Exit codes: 0 merged (and no host fails --fail-on), 1 a host fails --fail-on, 2 nothing could be read
                or a usage error.
                """,
            examples: [
                "capaudit merge reports/",
                "capaudit merge reports/ --format markdown --output fleet.md",
                "capaudit merge reports/*.json --format csv > fleet.csv",
                "capaudit merge reports/ --fail-on critical",
            ])
    }

    static let matrixLimit = 300

    let arguments: ParsedArguments
    let terminal: Terminal

    enum Format: String { case text, markdown, json, csv }

    func run() throws -> ExitCode {
        let format = try arguments.value("--format", expected: "text, markdown, json or csv") { Format(rawValue: $0) } ?? .text
        let level = try arguments.value("--fail-on", expected: "critical, high, medium or never") { $0 == "never" || Priority(rawValue: $0) != nil ? $0 : nil }
        let failOn = level.flatMap { Priority(rawValue: $0) }
        guard !arguments.positionals.isEmpty else { throw UsageError.missingArgument("REPORT.json files or folders to merge", command: "merge") }
        let (files, missing) = ReportReader.expand(arguments.positionals)
        let builtinAreas = (try? BuiltinCatalog.load())?.areas ?? []
        let kinds = Dictionary(builtinAreas.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var aggregator = FleetAggregator(failOn: failOn, matrixLimit: Self.matrixLimit, knownKinds: kinds)
        for area in builtinAreas {
            for capability in area.capabilities { aggregator.preferredTools["\(area.id)/\(capability.id)"] = capability.preferred }
        }
        for error in missing {
            terminal.err("capaudit: skipped \(TerminalText.clean(error.description))")
            aggregator.skip(error)
        }
        let sink = OutputSink(path: arguments.value("--output"), terminal: terminal)

        // csv needs its columns before the first row: a first pass learns the areas.
        var columns: [String] = []
        if format == .csv {
            var firstPass = FleetAggregator(failOn: failOn, matrixLimit: 0, failingLimit: 0, examplesPerVersion: 0, knownKinds: kinds)
            for file in files { if let report = try? ReportReader.read(file: file) { firstPass.add(report) } }
            columns = firstPass.finish().areas.map(\.id)
        }
        var started = false
        for file in files {
            let report: HostReport
            do {
                report = try ReportReader.read(file: file)
            } catch {
                terminal.err("capaudit: skipped \(TerminalText.clean(error.description))")
                aggregator.skip(error)
                continue
            }
            let row = aggregator.add(report)
            switch format {
            case .json:
                if !started { sink.write(FleetRenderer.jsonStart()) }
                sink.write(FleetRenderer.jsonRow(row, first: !started))
            case .csv:
                if !started { sink.write(FleetRenderer.csvHeader(areas: columns)) }
                sink.write(FleetRenderer.csvRow(row, areas: columns))
            case .text, .markdown:
                break
            }
            started = true
        }
        let summary = aggregator.finish()
        guard summary.hostsRead > 0 else { throw NothingReadError(skipped: summary.skippedCount) }
        switch format {
        case .json: sink.write(FleetRenderer.jsonEnd(summary))
        case .csv: break
        case .text: sink.write(FleetRenderer.text(summary))
        case .markdown: sink.write(FleetRenderer.markdown(summary))
        }
        try sink.finish()
        if summary.skippedCount > 0 {
            terminal.err(
                "capaudit: merged \(summary.hostsRead) report\(summary.hostsRead == 1 ? "" : "s"); skipped \(summary.skippedCount) file\(summary.skippedCount == 1 ? "" : "s") (named above)"
            )
        }
        if let failOn, summary.failingCount > 0 {
            terminal.err("capaudit: \(summary.failingCount) of \(summary.hostsRead) hosts fail the gate (--fail-on \(failOn.rawValue))")
            return .gateFailed
        }
        return .success
    }
}
