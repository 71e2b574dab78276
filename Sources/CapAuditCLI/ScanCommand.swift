import CapAuditKit
import Foundation

/// `capaudit scan` and `capaudit report`: scan once, write every requested report, apply the gate.
struct ScanCommand: Command {
    static var spec: CommandSpec { Commands.scan }

    let arguments: ParsedArguments
    let terminal: Terminal
    let defaultFormat: ReportFormat

    init(arguments: ParsedArguments, terminal: Terminal) {
        self.init(arguments: arguments, terminal: terminal, defaultFormat: .text)
    }

    init(arguments: ParsedArguments, terminal: Terminal, defaultFormat: ReportFormat) {
        self.arguments = arguments
        self.terminal = terminal
        self.defaultFormat = defaultFormat
    }

    func run() throws -> ExitCode {
        let formatName = arguments.value("--format") ?? defaultFormat.rawValue
        guard let format = ReportFormat(rawValue: formatName) else {
            throw UsageError.invalidValue(option: "--format", value: formatName, expected: ReportFormat.names, command: arguments.command)
        }
        let color = arguments.value("--color") ?? "auto"
        guard ["auto", "always", "never"].contains(color) else {
            throw UsageError.invalidValue(option: "--color", value: color, expected: "auto, always or never", command: arguments.command)
        }
        var requests: [ReportRequest] = []
        for text in arguments.all("--report") {
            guard let r = ReportRequest(parsing: text) else {
                throw UsageError.invalidValue(option: "--report", value: text, expected: "FORMAT:FILE with FORMAT one of \(ReportFormat.names)", command: arguments.command)
            }
            requests.append(r)
        }
        let output = arguments.value("--output")
        try OutputFiles.checkStdout(requests.map { ("--report", $0.path) } + (output.map { [("--output", $0)] } ?? []),
                                    mainOutputToStdout: output == nil, command: arguments.command)
        let session = try ScanSession(arguments: arguments, command: arguments.command)
        let (_, report, _) = try session.run(terminal: terminal)
        // The markdown report carries the install plan for this host; planning is pure, so it costs no probe.
        let wantsMarkdown = format == .markdown || requests.contains { $0.format == .markdown } || ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] != nil
        let plan = wantsMarkdown ? (try? HostEnvironment.detect(searchPath: session.searchPath)).map {
            Planner.plan(report: report, catalog: session.catalog, host: $0, phase: nil, areas: session.areaIDs, date: report.startedAt)
        } : nil

        let env = ProcessInfo.processInfo.environment
        let toTerminal = (output == nil || output == OutputFiles.stdoutName) && terminal.stdoutIsTTY
        // NO_COLOR (no-color.org) and --color never always win.
        let useColor = color != "never" && env["NO_COLOR"] == nil && (color == "always" || (toTerminal && env["TERM"] != "dumb"))
        let text = format.render(report, style: TextStyle(color: useColor, symbols: toTerminal), plan: plan)

        // Every file is rendered first, then all are written or none (see OutputFiles).
        var files = OutputFiles()
        for request in requests {
            files.add(request.format.render(report, plan: plan), to: request.path)
        }
        files.add(text, to: output ?? OutputFiles.stdoutName)
        var writeFailure: OutputWriteFailure?
        do {
            try files.write(terminal: terminal)
            if let output, output != OutputFiles.stdoutName, format == .text && terminal.stdoutIsTTY {
                terminal.out(TextRenderer.summaryLine(report) + "\n")
            }
        } catch let failure as OutputWriteFailure {
            // Reported below, after the gate's verdict is known.
            writeFailure = failure
        }
        if env["GITHUB_ACTIONS"] == "true" {
            terminal.err(GitHubActions.errorCommands(report), newline: false)
            if let summary = env["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                // A job summary that cannot be written must not hide the gate's verdict.
                do {
                    try appendStepSummary(ReportFormat.markdown.render(report, plan: plan), to: summary)
                } catch {
                    terminal.err("warning: \(error); the job summary was not written")
                }
            }
        }
        if !report.gate.passed {
            // A report that could not be written is said, but the gate's verdict is the exit code.
            if let writeFailure { terminal.err(writeFailure.stderrText) }
            throw GateFailure(report: report)
        }
        if let writeFailure { throw writeFailure }
        return .success
    }

    /// Appends to the job summary file GitHub gives (append, not replace: other steps write there too).
    func appendStepSummary(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw OutputFileError(path: path, reason: "cannot open $GITHUB_STEP_SUMMARY for appending")
        }
        defer { try? handle.close() }
        do {
            _ = try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw OutputFileError(path: path, reason: "cannot append the job summary")
        }
    }
}
