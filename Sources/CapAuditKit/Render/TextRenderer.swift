import Foundation

/// How the terminal report may decorate its text.
public struct TextStyle: Sendable, Equatable {
    /// ANSI colours.
    public var color: Bool
    /// ✓ ✗ ◐ symbols instead of bracketed words.
    public var symbols: Bool

    public init(color: Bool, symbols: Bool) {
        self.color = color
        self.symbols = symbols
    }

    public static let plain = TextStyle(color: false, symbols: false)
}

/// The human report for a terminal or a log: areas by priority then rank, what was found where,
/// what would meet each gap, and a summary line.
public enum TextRenderer {
    public static func render(_ report: Report, style: TextStyle = .plain) -> String {
        var lines: [String] = []
        let host = [
            report.host.root.map { "root scan of \($0)" } ?? report.host.hostname,
            [report.host.os, report.host.osVersion].compactMap { $0 }.joined(separator: " "), report.host.arch,
        ]
        .compactMap { $0 }.filter { !$0.isEmpty }
        let toolCount = Set(report.areas.flatMap { $0.tools.map(\.tool.id) }).count
        lines.append(bold("capaudit \(report.capauditVersion)", style) + " · " + t(host.joined(separator: " · ")))
        lines.append(
            "\(plural(report.areas.count, "area")), \(plural(toolCount, "tool")), scanned in \(formatDuration(report.durationMs))"
                + (report.settings.noExec ? " · --no-exec: nothing was executed, versions unknown" : ""))
        var sections: [(String, [AreaReport])] = Priority.allCases.map { priority in
            (priority.rawValue.uppercased(), report.areas.filter { $0.area.priority == priority && $0.area.kind.isRanked })
        }
        sections.append(("FOUNDATION (reported; gates only when a project requires it)", report.areas.filter { $0.area.kind == .foundation }))
        sections.append(("EXTENDED (reported; gates only when a project requires it)", report.areas.filter { $0.area.kind == .extended }))
        for (title, areas) in sections where !areas.isEmpty {
            lines.append("")
            lines.append(bold(title, style))
            for area in areas { lines += render(area, style: style) }
        }
        let gate = report.gate
        if let config = report.configFile {
            lines.append("")
            lines.append("Requirements file: " + t(config))
        }
        if gate.failOn != nil || !gate.failures.isEmpty {
            lines.append("")
            let level = gate.failOn.map { " (--fail-on \($0.rawValue))" } ?? ""
            lines.append(bold("GATE\(level): " + (gate.passed ? "passed" : "FAILED"), style))
            for failure in gate.failures {
                lines.append("  " + mark("✗", "[fail]", .red, style) + " " + t(failure.message))
            }
        }
        if !gate.waivers.isEmpty {
            lines.append("")
            lines.append(bold("WAIVERS", style))
            for waiver in gate.waivers {
                let until = waiver.expires.map { waiver.expired ? " (EXPIRED \($0): gates again)" : " (until \($0))" } ?? ""
                lines.append("  - \(t(waiver.target)): \(t(waiver.reason))\(until)")
            }
        }
        if !report.findings.isEmpty {
            lines.append("")
            lines.append(bold("FINDINGS", style))
            for finding in report.findings {
                lines.append("  " + mark("!", "[warn]", .yellow, style) + " " + t(finding.message))
            }
        }
        lines.append("")
        lines.append(summaryLine(report))
        lines.append(nextStep(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1 area`, `2 areas`.
    public static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// The one line after a scan that says what to do next: the plan for the gaps, or the gate.
    public static func nextStep(_ report: Report) -> String {
        let gaps = report.areas.filter { ($0.area.kind == .gap || $0.area.kind == .project) && $0.status != .covered }
        if !report.gate.passed {
            return "Next: capaudit plan --format shell > install.sh writes the install steps that close the gaps failing the gate."
        }
        if !gaps.isEmpty {
            return "Next: capaudit plan writes the install steps for \(gaps.count == 1 ? "this gap" : "these gaps") (--format shell for a script)."
        }
        return report.gate.failOn == nil
            ? "Next: gate CI on it: capaudit scan --fail-on critical exits 1 when a critical capability goes missing."
            : "Next: nothing to install; keep this scan in CI."
    }

    /// One line: counts and the critical gaps.
    public static func summaryLine(_ report: Report) -> String {
        let s = report.summary
        var line = "Summary: \(s.covered) covered, \(s.partial) partial, \(s.missing) missing"
        if s.criticalGaps.isEmpty {
            line += "; no critical gaps."
        } else {
            let gaps = report.areas.filter { s.criticalGaps.contains($0.area.id) }.map { area in
                "\(area.area.id) (" + t(area.unmetCapabilities.map(\.capability.name).joined(separator: ", ")) + ")"
            }
            line += "; critical gaps: " + gaps.joined(separator: "; ") + "."
        }
        return line
    }

    static func render(_ area: AreaReport, style: TextStyle) -> [String] {
        var lines: [String] = []
        let status: String
        switch area.status {
        case .covered: status = mark("✓", "[covered]", .green, style)
        case .partial: status = mark("◐", "[partial]", .yellow, style)
        case .missing: status = mark("✗", "[missing]", .red, style)
        }
        let rank = area.area.kind.isRanked ? "\(area.area.rank). " : ""
        lines.append("  \(status) \(rank)\(bold(t(area.area.name), style)) (\(area.area.id))" + (style.symbols ? " — \(area.status.rawValue)" : ""))
        let tools = Dictionary(uniqueKeysWithValues: area.tools.map { ($0.tool.id, $0) })
        var noted = Set<String>()
        for capability in area.capabilities {
            if capability.met {
                let found = capability.metBy.compactMap { tools[$0] }.map { describeFound($0) }
                lines.append("      \(mark("✓", "[met]", .green, style)) \(t(capability.capability.name)): " + found.joined(separator: "; "))
            } else {
                let options = capability.capability.tools.compactMap { tools[$0] }
                lines.append(
                    "      \(mark("✗", "[unmet]", .red, style)) \(t(capability.capability.name)): " + "install one of "
                        + options.map { "\($0.tool.id) (\(shortStatus($0)))" }.joined(separator: ", "))
            }
            // Tools found but not usable deserve their reason, whether or not the capability is met;
            // a shadow note goes under the first capability of the tool it concerns, and only for a
            // tool that was found (a missing module says nothing about the python3 it was looked in).
            for id in capability.capability.tools {
                guard let tool = tools[id] else { continue }
                if tool.needsAttention {
                    lines.append("          \(mark("!", "[warn]", .yellow, style)) \(tool.tool.id): \(t(tool.verdict.reason))")
                }
                if !tool.shadowed.isEmpty, let path = tool.path, ![.missing, .undetectable].contains(tool.verdict.status),
                    noted.insert(id).inserted
                {
                    lines.append("          note: \(tool.tool.id) at \(t(path)) shadows " + t(tool.shadowed.joined(separator: ", ")))
                }
            }
        }
        return lines
    }

    static func describeFound(_ tool: ToolReport) -> String {
        let version = tool.verdict.version.map { " \($0)" } ?? (tool.verdict.status == .unknownVersion ? " (version unknown)" : "")
        return t("\(tool.tool.id)\(version)" + (tool.path.map { " at \($0)" } ?? ""))
    }

    static func shortStatus(_ tool: ToolReport) -> String {
        switch tool.verdict.status {
        case .undetectable: return "cannot be detected from the host"
        case .outdated:
            let found = tool.verdict.version.map(\.text) ?? "?"
            if let minimum = tool.versionConstraint?.plainMinimum { return t("outdated: \(found) < \(minimum)") }
            return t("\(tool.versionProblem == .tooNew ? "too new" : "outdated"): \(found), needs \(tool.versionConstraint.map(\.description) ?? "?")")
        default: return tool.verdict.status.rawValue
        }
    }

    /// Host-derived text, safe for a terminal.
    static func t(_ s: String) -> String { TerminalText.clean(s) }

    public static func formatDuration(_ ms: Int) -> String {
        ms < 1000 ? "\(ms) ms" : String(format: "%.1f s", Double(ms) / 1000)
    }

    enum Color: String { case red = "31", green = "32", yellow = "33" }

    static func mark(_ symbol: String, _ word: String, _ color: Color, _ style: TextStyle) -> String {
        let text = style.symbols ? symbol : word
        return style.color ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    static func bold(_ text: String, _ style: TextStyle) -> String {
        style.color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
