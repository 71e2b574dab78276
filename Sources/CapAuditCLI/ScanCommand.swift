import CapAuditKit
import Foundation

/// `capaudit scan` and `capaudit report`: scan once, write every requested report, apply the gate.
struct ScanCommand: Command {
    static let spec = CommandSpec(
        name: "scan",
        synopsis: "Probe this host and report which capabilities it has and lacks.",
        summary: "capaudit scan: probe this host for production-engineering capabilities and report the gaps.",
        usage: "capaudit scan [options]",
        options: [OptionSpec("--format", value: "FORMAT", choices: ReportFormat.allCases.map(\.rawValue), help: "Output format: \(ReportFormat.names) (default text).")]
            + Commands.outputOptions + Commands.gateOptions + Commands.scanningOptions,
        discussion: """
            Each tool of the catalog is looked up on PATH (in-process, `command -v` semantics) and its version
            command run with an argument array, stdin from /dev/null, LC_ALL=C and a timeout. Nothing contacts
            the network. Areas are reported by priority, then rank.

            Scheduling: probes start slowest expected first (the cache's last duration, the catalog's hint, scripts
            before binaries). One always runs; another starts only while at least half a CPU core was idle over
            the last 10 ms (capaudit's control group's CPU time), so probes that only wait overlap and interpreter
            start-ups do not slow each other into their timeouts. --jobs is a hard cap. A probe's timeout counts
            from its own start, never from time spent queued; a timed-out probe's reason says whether it was still
            using the CPU or printing (slow: raise --timeout) or idle (hung).

            In GitHub Actions (GITHUB_ACTIONS=true) gate failures are also printed as ::error workflow commands,
            and the markdown report is appended to $GITHUB_STEP_SUMMARY when that is set.

            Exit codes:
            \(Commands.exitCodeTable)
            """,
        examples: [
            "capaudit scan",
            "capaudit scan --fail-on critical --report junit:capaudit.xml --report markdown:gaps.md",
            "capaudit scan --format json --output capaudit.json",
            "capaudit scan --require 'gh>=2.40' --require kubectl   # quote >= from the shell",
            "capaudit scan --area security --area secrets --timeout 10",
            "capaudit scan --no-exec",
            "capaudit scan --cache   # a warm scan runs only what changed",
        ])

    let arguments: ParsedArguments
    let terminal: Terminal
    let defaultFormat: ReportFormat
    /// The environment the output policy reads (NO_COLOR, TERM, GITHUB_ACTIONS, GITHUB_STEP_SUMMARY).
    var environment = ProcessInfo.processInfo.environment

    init(arguments: ParsedArguments, terminal: Terminal) {
        self.init(arguments: arguments, terminal: terminal, defaultFormat: .text)
    }

    init(arguments: ParsedArguments, terminal: Terminal, defaultFormat: ReportFormat) {
        self.arguments = arguments
        self.terminal = terminal
        self.defaultFormat = defaultFormat
    }

    func run() throws -> ExitCode {
        let outputs = try ScanOutputs(parsing: arguments, defaultFormat: defaultFormat)
        let session = try ScanSession(arguments: arguments, command: arguments.command)
        let (_, report, _) = try session.run(terminal: terminal)
        let plan = installPlan(for: report, session: session, outputs: outputs)
        let files = render(report, plan: plan, outputs: outputs)
        let writeFailure = try write(files, report: report, outputs: outputs)
        reportToGitHubActions(report, plan: plan)
        return try verdict(report, writeFailure: writeFailure)
    }

    /// The markdown report carries the install plan for this host; planning is pure, so it costs no probe.
    func installPlan(for report: Report, session: ScanSession, outputs: ScanOutputs) -> InstallPlan? {
        guard outputs.wantsMarkdown || environment["GITHUB_STEP_SUMMARY"] != nil else { return nil }
        return (try? HostEnvironment.detect(searchPath: session.searchPath)).map {
            Planner.plan(report: report, catalog: session.catalog, host: $0, phase: nil, areas: session.areaIDs, date: report.startedAt)
        }
    }

    /// Colour and symbols only for a terminal; see `ColorChoice` for NO_COLOR and `--color`.
    func textStyle(_ outputs: ScanOutputs) -> TextStyle {
        let toTerminal = outputs.mainOutputIsStdout && terminal.stdoutIsTTY
        return TextStyle(color: outputs.color.useColor(toTerminal: toTerminal, environment: environment), symbols: toTerminal)
    }

    /// Every report, rendered before anything is written (see `OutputFiles`).
    func render(_ report: Report, plan: InstallPlan?, outputs: ScanOutputs) -> OutputFiles {
        var files = OutputFiles()
        for request in outputs.reports {
            files.add(request.format.render(report, plan: plan), to: request.path)
        }
        files.add(outputs.format.render(report, style: textStyle(outputs), plan: plan), to: outputs.output ?? OutputFiles.stdoutName)
        return files
    }

    /// Writes all files or none; a failure is returned, to be reported after the gate's verdict is known.
    func write(_ files: OutputFiles, report: Report, outputs: ScanOutputs) throws -> OutputWriteFailure? {
        do {
            try files.write(terminal: terminal)
            if !outputs.mainOutputIsStdout, outputs.format == .text && terminal.stdoutIsTTY {
                terminal.out(TextRenderer.summaryLine(report) + "\n")
            }
            return nil
        } catch let failure as OutputWriteFailure {
            return failure
        }
    }

    /// In a GitHub Actions job: error annotations, and the markdown report appended to the job summary.
    func reportToGitHubActions(_ report: Report, plan: InstallPlan?) {
        guard environment["GITHUB_ACTIONS"] == "true" else { return }
        terminal.err(GitHubActions.errorCommands(report), newline: false)
        guard let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty else { return }
        // A job summary that cannot be written must not hide the gate's verdict.
        do {
            try appendStepSummary(ReportFormat.markdown.render(report, plan: plan), to: summary)
        } catch {
            terminal.err("warning: \(error); the job summary was not written")
        }
    }

    /// The gate's verdict is the exit code; a report that could not be written is said either way.
    func verdict(_ report: Report, writeFailure: OutputWriteFailure?) throws -> ExitCode {
        if !report.gate.passed {
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
