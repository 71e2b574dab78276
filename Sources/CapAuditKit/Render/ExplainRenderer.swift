import Foundation

/// `capaudit explain TOOL`: how one tool was looked for and what happened, step by step, for the
/// user who thinks capaudit got it wrong.
public enum ExplainRenderer {
    public static let outputLines = 12

    public static func render(
        tool: Tool, areas: [Area], report: ToolReport, observation: ToolObservation?, scan: ScanResult,
        probeEnvironment: (Probe) -> [String: String]
    ) -> String {
        var lines: [String] = []
        lines.append("\(tool.id): \(tool.name) — \(tool.summary)")
        let usedBy = areas.flatMap { area in area.capabilities.filter { $0.tools.contains(tool.id) }.map { "\(area.id)/\($0.id)" } }
        if !usedBy.isEmpty { lines.append("Meets: " + usedBy.joined(separator: ", ")) }
        lines.append("Status: \(report.verdict.status.rawValue) — \(report.verdict.reason)")
        if let constraint = report.versionConstraint, constraint.plainMinimum == nil {
            lines.append("Version constraint: \(constraint)")
        } else {
            lines.append("Minimum version: " + (report.minVersion?.text ?? "none"))
        }
        lines.append("Homepage: \(tool.homepage)")
        if case .undetectable(let reason) = tool.detection {
            lines.append("")
            lines.append("Not probed: \(reason).")
            return lines.map(visible).joined(separator: "\n") + "\n"
        }
        let attempts = Dictionary((observation?.attempts ?? []).map { ($0.probeIndex, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, probe) in tool.probes.enumerated() {
            lines.append("")
            lines.append(
                "Probe \(index + 1) of \(tool.probes.count): \(([probe.command] + probe.args).joined(separator: " "))"
                    + (probe.evidence == .path ? "" : " (evidence: \(probe.evidence.rawValue))"))
            if let note = probe.note { lines.append("  why: \(note)") }
            guard let attempt = attempts[index] else {
                lines.append("  not tried: an earlier probe decided")
                continue
            }
            lines.append("  PATH lookup for \"\(probe.command)\":")
            if attempt.lookup.candidates.isEmpty { lines.append("    (PATH is empty)") }
            let used = attempt.lookup.resolved
            for candidate in attempt.lookup.candidates {
                let marker = candidate.path == used ? "  <- used" : (candidate.outcome == .match ? "  (shadowed)" : "")
                lines.append("    \(candidate.path): \(candidate.outcome.rawValue)\(marker)")
            }
            guard let argv = attempt.argv, let output = attempt.output else {
                lines.append(used == nil ? "  not found on PATH" : "  not executed (--no-exec)")
                continue
            }
            lines.append("  ran: " + argv.map(ShellQuote.word).joined(separator: " "))
            let extra = probeEnvironment(probe).filter { $0.key == "LC_ALL" || probe.env[$0.key] != nil }
            lines.append("  environment: the user's, plus " + extra.keys.sorted().map { "\($0)=\(extra[$0]!)" }.joined(separator: " "))
            switch output.termination {
            case .exited(let code): lines.append("  exit code \(code) after \(output.durationMs) ms")
            case .signaled(let sig): lines.append("  killed by signal \(sig) after \(output.durationMs) ms")
            case .timedOut: lines.append("  timed out after \(output.durationMs) ms (timeout \(scan.settings.timeout) s); its process group was killed")
            case .failedToStart(let e, let message): lines.append("  could not start: \(message) (errno \(e))")
            }
            for (name, data, truncated) in [("stdout", output.stdout, output.stdoutTruncated), ("stderr", output.stderr, output.stderrTruncated)] {
                let text = String(decoding: data, as: UTF8.self)
                let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let shown = all.last == "" ? Array(all.dropLast()) : all
                if shown.isEmpty { lines.append("  \(name): (empty)"); continue }
                lines.append("  \(name) (\(data.count) bytes\(truncated ? ", truncated" : ""))" + (shown.count > outputLines ? ", first \(outputLines) lines:" : ":"))
                for line in shown.prefix(outputLines) { lines.append("    | " + visible(line)) }
            }
            lines.append(
                probe.patterns.count > 1
                    ? "  patterns, in order: " + probe.patterns.map(\.source).joined(separator: "  |  ")
                    : "  pattern: " + (probe.pattern.map { $0.source } ?? "(default) \(VersionPattern.default.source)"))
            let reading = VersionReader.read(stdout: attempt.stdoutText, stderr: attempt.stderrText, probe: probe, toolNames: [tool.id, tool.name])
            switch reading.parsed {
            case .version(let v): lines.append("  version read: \(v), by the \(reading.layerDescription)")
            case .placeholder(let p): lines.append("  version read: \(quoted(p)), which is not a version (\(reading.layerDescription))")
            case .none: lines.append("  version read: nothing matched (catalog patterns, tolerant reader)")
            case .gaveUp: lines.append("  version read: the pattern gave up (step budget) before matching")
            }
            if let line = reading.line { lines.append("  from the line: " + visible(line)) }
            let judged = ProbeJudgement.judge(attempt, probe: probe, constraint: report.versionConstraint, toolNames: [tool.id, tool.name])
            lines.append("  verdict: \(judged.verdict.status.rawValue)" + (judged.decisive ? "" : " (not decisive: the next probe is tried)"))
        }
        return lines.map(visible).joined(separator: "\n") + "\n"
    }

    /// Control characters made visible so a hostile output cannot rewrite the terminal.
    static func visible(_ s: String) -> String { TerminalText.clean(s) }
}
