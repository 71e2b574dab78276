import Foundation

/// `capaudit explain TOOL`: how one tool was looked for and what happened, step by step, for the
/// user who thinks capaudit got it wrong.
public enum ExplainRenderer {
    public static let outputLines = 12

    public static func render(tool: Tool, areas: [Area], report: ToolReport, observation: ToolObservation?, scan: ScanResult,
                              probeEnvironment: (Probe) -> [String: String]) -> String {
        var lines: [String] = []
        lines.append("\(tool.id): \(tool.name) — \(tool.summary)")
        let usedBy = areas.flatMap { area in area.capabilities.filter { $0.tools.contains(tool.id) }.map { "\(area.id)/\($0.id)" } }
        if !usedBy.isEmpty { lines.append("Meets: " + usedBy.joined(separator: ", ")) }
        lines.append("Status: \(report.verdict.status.rawValue) — \(report.verdict.reason)")
        lines.append("Minimum version: " + (report.minVersion?.text ?? "none"))
        lines.append("Homepage: \(tool.homepage)")
        if case .undetectable(let reason) = tool.detection {
            lines.append("")
            lines.append("Not probed: \(reason).")
            return lines.map(visible).joined(separator: "\n") + "\n"
        }
        let attempts = Dictionary((observation?.attempts ?? []).map { ($0.probeIndex, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, probe) in tool.probes.enumerated() {
            lines.append("")
            lines.append("Probe \(index + 1) of \(tool.probes.count): \(([probe.command] + probe.args).joined(separator: " "))"
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
            lines.append("  ran: " + argv.map(shellQuoted).joined(separator: " "))
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
            lines.append("  pattern: " + (probe.pattern.map { $0.source } ?? "(default) \(VersionPattern.default.source)"))
            switch VersionParser.parse(stdout: attempt.stdoutText, stderr: attempt.stderrText, pattern: probe.pattern) {
            case .version(let v): lines.append("  version read: \(v)")
            case .placeholder(let p): lines.append("  version read: \(quoted(p)), which is not a version")
            case .none: lines.append("  version read: nothing matched")
            case .gaveUp: lines.append("  version read: the pattern used up its step budget (\(VersionPattern.tickBudget * 10_000) steps) before matching")
            }
            let judged = ProbeJudgement.judge(attempt, probe: probe, minVersion: report.minVersion)
            lines.append("  verdict: \(judged.verdict.status.rawValue)" + (judged.decisive ? "" : " (not decisive: the next probe is tried)"))
        }
        return lines.map(visible).joined(separator: "\n") + "\n"
    }

    /// Control characters made visible so a hostile output cannot rewrite the terminal.
    static func visible(_ s: String) -> String { TerminalText.clean(s) }

    static func shellQuoted(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,+@%".unicodeScalars.contains($0) }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// `capaudit catalog list` and `catalog show`.
public enum CatalogRenderer {
    public static func list(_ catalog: Catalog) -> String {
        var lines: [String] = []
        for area in catalog.areas {
            let label = area.kind == .gap ? "\(area.priority.rawValue), rank \(area.rank), phase \(area.phase)" : area.kind.rawValue
            lines.append("\(area.id)  \(area.name)  [\(label)]")
            for capability in area.capabilities {
                lines.append("  \(area.id)/\(capability.id)  \(capability.name): " + capability.tools.map { $0 == capability.preferred ? "\($0)*" : $0 }.joined(separator: ", "))
            }
        }
        lines.append("")
        lines.append("tools:")
        for id in catalog.tools.keys.sorted() {
            let tool = catalog.tools[id]!
            let how: String
            switch tool.detection {
            case .undetectable: how = "cannot be detected from the host"
            case .probes(let probes): how = probes.map { ([$0.command] + $0.args).joined(separator: " ") }.joined(separator: " | ")
            }
            lines.append("  \(id)  \(tool.summary)  (\(how))")
        }
        lines.append("")
        lines.append("* preferred tool of the capability")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One area or tool in detail; nil when the id is neither.
    public static func show(_ id: String, in catalog: Catalog) -> String? {
        if let area = catalog.area(id) {
            var lines = ["\(area.name) (\(area.id))", "kind: \(area.kind.rawValue)  priority: \(area.priority.rawValue)  rank: \(area.rank)  phase: \(area.phase)",
                         "why: \(area.why)", "impact: \(area.impact)", "use cases: " + area.useCases.joined(separator: "; "), "capabilities:"]
            for c in area.capabilities {
                lines.append("  \(c.id): \(c.name) — tools: \(c.tools.joined(separator: ", "))" + (c.preferred.map { " (preferred: \($0))" } ?? ""))
            }
            lines.append("source: \(area.source)")
            return lines.joined(separator: "\n") + "\n"
        }
        guard let tool = catalog.tools[id] else { return nil }
        var lines = ["\(tool.name) (\(tool.id))", tool.summary, "homepage: \(tool.homepage)"]
        if let min = tool.minVersion { lines.append("minimum version: \(min)") }
        if !tool.platforms.isEmpty { lines.append("platforms: " + tool.platforms.joined(separator: ", ")) }
        switch tool.detection {
        case .undetectable(let reason): lines.append("cannot be detected from the host: \(reason)")
        case .probes(let probes):
            for (i, p) in probes.enumerated() {
                lines.append("probe \(i + 1): \(([p.command] + p.args).joined(separator: " "))")
                if let pattern = p.pattern { lines.append("  pattern: \(pattern.source)") }
                if !p.env.isEmpty { lines.append("  env: " + p.env.keys.sorted().map { "\($0)=\(p.env[$0]!)" }.joined(separator: " ")) }
                if p.evidence != .path { lines.append("  evidence: \(p.evidence.rawValue)") }
                if let note = p.note { lines.append("  note: \(note)") }
            }
        }
        let install = tool.install.packages.keys.sorted().map { "\($0.rawValue): \(tool.install.packages[$0]!)" }
        if !install.isEmpty { lines.append("install: " + install.joined(separator: ", ")) }
        if let docs = tool.install.docs { lines.append("install docs: \(docs)") }
        let usedBy = catalog.areas.flatMap { a in a.capabilities.filter { $0.tools.contains(id) }.map { "\(a.id)/\($0.id)" } }
        lines.append("meets: " + (usedBy.isEmpty ? "(no capability)" : usedBy.joined(separator: ", ")))
        lines.append("source: \(tool.source)")
        return lines.joined(separator: "\n") + "\n"
    }
}
