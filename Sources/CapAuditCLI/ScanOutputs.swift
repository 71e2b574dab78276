import CapAuditKit

/// What `scan` and `report` write: `--format`, `--color`, `--report FORMAT:FILE` and `--output`,
/// parsed and checked before any probe runs.
struct ScanOutputs {
    var format: ReportFormat
    var color: ColorChoice
    var reports: [ReportRequest]
    /// `--output`; nil means stdout.
    var output: String?

    init(parsing arguments: ParsedArguments, defaultFormat: ReportFormat) throws {
        let command = arguments.command
        let format = try arguments.value("--format", expected: ReportFormat.names) { ReportFormat(rawValue: $0) } ?? defaultFormat
        let color = try arguments.value("--color", expected: "auto, always or never") { ColorChoice(rawValue: $0) } ?? .auto
        var reports: [ReportRequest] = []
        for text in arguments.all("--report") {
            guard let r = ReportRequest(parsing: text) else {
                throw UsageError.invalidValue(option: "--report", value: text, expected: "FORMAT:FILE with FORMAT one of \(ReportFormat.names)", command: command)
            }
            reports.append(r)
        }
        let output = arguments.value("--output")
        try OutputFiles.checkStdout(
            reports.map { ("--report", $0.path) } + (output.map { [("--output", $0)] } ?? []),
            mainOutputToStdout: output == nil, command: command)
        self.format = format
        self.color = color
        self.reports = reports
        self.output = output
    }

    /// The main report goes to stdout (no `--output`, or `--output -`).
    var mainOutputIsStdout: Bool { output == nil || output == OutputFiles.stdoutName }

    /// A markdown report is asked for, so the install plan is worth making.
    var wantsMarkdown: Bool { format == .markdown || reports.contains { $0.format == .markdown } }
}
