import Foundation

/// The gap report as GitHub-flavoured markdown, for a pull request, a wiki page, a GitLab issue
/// or a GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`).
///
/// It is the hand-written capability analysis, made from a real scan: what the host has, what is
/// missing and why it matters, what needs attention, the priority ranking and a phased plan.
///
/// A pure function of the report: no clock, environment or IO, so the same report gives the same
/// bytes. The one timestamp is the scan's start, in the header. Every piece of text that comes from
/// the host or the catalog (versions, paths, tool output, reasons, names) goes through `escape`, so
/// it can neither break a table nor inject formatting, links or HTML.
public enum MarkdownRenderer {
    /// - Parameter plan: markdown from the planner, inserted verbatim under "Phased plan for this
    ///   host"; when nil, a short plan by phase is written from the unmet capabilities.
    public static func render(_ report: Report, plan: String? = nil) -> String {
        var blocks: [String] = []
        blocks += header(report)
        blocks += gate(report)
        blocks += has(report)
        blocks += missing(report)
        blocks += attention(report)
        blocks += findings(report)
        blocks += ranking(report)
        blocks += phasedPlan(report, plan: plan)
        blocks += footer(report)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: - Escaping

    /// Makes arbitrary text safe as inline markdown, inside or outside a table cell: it renders as
    /// the same characters and never as formatting, a link, HTML, math or a table separator.
    ///
    /// - `\` `|` `` ` `` `*` `[` `]` `~` `$` are backslash-escaped; `_` too, unless it sits between
    ///   two letters or digits (where it cannot start emphasis, as in `x86_64`);
    /// - `<` and `>` become `&lt;` and `&gt;`; `&` is backslash-escaped where it could start an
    ///   entity;
    /// - newlines, carriage returns and other control characters become a space; bidirectional
    ///   override characters become U+FFFD so a path cannot be displayed reordered;
    /// - a leading `#`, `+`, `-` or `=` is escaped so the text cannot start a heading or a list.
    /// Text capaudit wrote about the host (a reason, a message) whose commands are set off in
    /// backquotes: each paired `` `…` `` becomes a code span, GitHub shows it as code, not as literal
    /// backquotes; the rest goes through `escape`. Unpaired backquotes are escaped as usual.
    public static func prose(_ s: String) -> String {
        let parts = s.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts.count % 2 == 1 else { return escape(s) }
        var out = ""
        for (i, part) in parts.enumerated() {
            if i % 2 == 0 { out += escape(part); continue }
            let code = part.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
            out += code.isEmpty ? "" : "`" + (code.hasPrefix(" ") || code.hasSuffix(" ") ? " " + code + " " : code) + "`"
        }
        return out
    }

    public static func escape(_ s: String) -> String {
        let chars = Array(HostBytes.display(s))
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for (i, ch) in chars.enumerated() {
            if ch.isNewline {
                out.append(" ")
                continue
            }
            if ch.unicodeScalars.count == 1, let scalar = ch.unicodeScalars.first {
                if scalar.properties.generalCategory == .control {
                    out.append(" ")
                    continue
                }
                if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                    out.append("\u{FFFD}")
                    continue
                }
            }
            switch ch {
            case "\\", "|", "`", "*", "[", "]", "~", "$":
                out.append("\\")
                out.append(ch)
            case "_":
                let before = i > 0 ? chars[i - 1] : " "
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                if !(isWordCharacter(before) && isWordCharacter(after)) { out.append("\\") }
                out.append(ch)
            case "<":
                out.append("&lt;")
            case ">":
                out.append("&gt;")
            case "&":
                if i + 1 < chars.count, chars[i + 1] == "#" || chars[i + 1].isLetter { out.append("\\") }
                out.append(ch)
            case "#", "+", "-", "=":
                if out.isEmpty { out.append("\\") }
                out.append(ch)
            default:
                out.append(ch)
            }
        }
        return out
    }

    static func isWordCharacter(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber }

    // MARK: - Sections

    static func header(_ report: Report) -> [String] {
        let s = report.summary
        let toolCount = Set(report.areas.flatMap { $0.tools.map(\.tool.id) }).count
        var title = "# Production engineering capability report"
        if let name = report.host.hostname, !name.isEmpty { title += ": " + escape(name) }

        var facts = [
            "- **Host:** " + hostDescription(report.host),
            "- **Scanned:** \(timestamp(report.startedAt)) by capaudit \(escape(report.capauditVersion)), in \(TextRenderer.formatDuration(report.durationMs))"
                + " (\(count(report.areas.count, "area")), \(count(toolCount, "tool")))",
            "- **Areas:** \(s.covered) covered, \(s.partial) partial, \(s.missing) missing (of \(report.areas.count))",
        ]
        if let config = report.configFile {
            facts.append("- **Requirements file:** " + escape(config))
        }
        if showsGate(report) {
            let g = report.gate
            facts.append(
                "- **Gate:** " + (g.passed ? "✅ passed" : "❌ failed, \(count(g.failures.count, "failure"))")
                    + " (fail on: \(g.failOn?.rawValue ?? "never"))")
        }

        var blocks = [title, "## Executive summary", facts.joined(separator: "\n"), criticalSentence(report)]
        if report.settings.noExec {
            blocks.append(
                "> **Note:** this scan ran with `--no-exec`: tools were looked up on PATH but none was run, "
                    + "so versions are unknown and minimum versions were not checked.")
        }
        return blocks
    }

    /// "Critical gaps: A (x, y), B (z)." or "No critical gaps.", then the other gaps in one more sentence.
    static func criticalSentence(_ report: Report) -> String {
        let critical = Set(report.summary.criticalGaps)
        let gaps = report.areas.filter { critical.contains($0.area.id) }
        func list(_ areas: [AreaReport]) -> String {
            areas.map { area in
                escape(area.area.name) + " (" + area.unmetCapabilities.map { escape($0.capability.name) }.joined(separator: ", ") + ")"
            }.joined(separator: ", ")
        }
        var sentence = gaps.isEmpty ? "**No critical gaps.**" : "**Critical gaps:** " + list(gaps) + "."
        let others = report.areas.filter { $0.area.kind.isRanked && !critical.contains($0.area.id) && $0.status != .covered }
        if !others.isEmpty { sentence += " Other gaps: " + list(others) + "." }
        return sentence
    }

    static func showsGate(_ report: Report) -> Bool { report.gate.failOn != nil || !report.gate.failures.isEmpty }

    static func gate(_ report: Report) -> [String] {
        let g = report.gate
        var blocks: [String] = []
        if showsGate(report) {
            blocks.append("## Gate: " + (g.passed ? "✅ PASSED" : "❌ FAILED"))
            let policy: String
            switch g.failOn {
            case .critical?: policy = "unmet capabilities at **critical** priority fail the gate"
            case .high?: policy = "unmet capabilities at **critical** or **high** priority fail the gate"
            case .medium?: policy = "unmet capabilities at any priority fail the gate"
            case nil: policy = "no priority gates (`--fail-on never`); only required tools do"
            }
            blocks.append("Policy: " + policy + ", unless waived.")
            if g.failures.isEmpty {
                blocks.append("Nothing fails the gate.")
            } else {
                blocks.append(count(g.failures.count, "failure") + ":")
                blocks.append(g.failures.map { "- " + prose($0.message) }.joined(separator: "\n"))
            }
        }
        if !g.waivers.isEmpty {
            blocks.append(showsGate(report) ? "### Waivers" : "## Waivers")
            let rows = g.waivers.map { w -> [String] in
                [
                    escape(w.target), escape(w.reason), w.expires.map(escape) ?? "never",
                    w.expired ? "**EXPIRED**: no longer in force" : "active",
                ]
            }
            blocks.append(table(["Target", "Reason", "Expires", "State"], rows))
        }
        return blocks
    }

    static func has(_ report: Report) -> [String] {
        var blocks = ["## What this host has"]
        var any = false
        for area in report.areas {
            let tools = toolsByID(area)
            var rows: [[String]] = []
            for capability in area.capabilities where capability.met {
                for id in capability.metBy {
                    guard let t = tools[id] else { continue }
                    rows.append([escape(capability.capability.name), toolLabel(t), versionText(t, report: report), t.path.map(escape) ?? "—"])
                }
            }
            let shadows = area.tools.filter { !$0.shadowed.isEmpty && $0.path != nil && ![.missing, .undetectable].contains($0.verdict.status) }
            guard !rows.isEmpty || !shadows.isEmpty else { continue }
            any = true
            let met = area.capabilities.filter(\.met).count
            let label = area.area.kind.isRanked ? "\(area.area.rank). \(escape(area.area.name))" : "\(escape(area.area.name)) (\(kindText(area.area.kind)))"
            blocks.append("### \(label) — \(met) of \(area.capabilities.count) capabilities met")
            if rows.isEmpty {
                blocks.append("No capability of this area is met yet.")
            } else {
                blocks.append(table(["Capability", "Tool", "Version", "Path"], rows))
            }
            if !shadows.isEmpty {
                blocks.append(
                    shadows.map { t in
                        "- Shadowed copies: \(escape(t.tool.id)) at \(escape(t.path!)) comes first on PATH and hides "
                            + t.shadowed.map(escape).joined(separator: ", ") + "; the first one is what runs."
                    }.joined(separator: "\n"))
            }
        }
        if !any { blocks.append("Nothing yet: no tool that meets a capability was found on this host.") }
        return blocks
    }

    static func missing(_ report: Report) -> [String] {
        var blocks = ["## What is missing"]
        let gaps = report.areas.filter { $0.area.kind.isRanked && $0.status != .covered }
        let others = report.areas.filter { !$0.area.kind.isRanked && $0.status != .covered }
        if gaps.isEmpty && others.isEmpty {
            blocks.append("Nothing: every capability of every scanned area is met.")
            return blocks
        }
        if gaps.isEmpty { blocks.append("No priority gap: every capability of the ranked areas is met.") }
        for area in gaps {
            let a = area.area
            let met = area.capabilities.filter(\.met).count
            blocks.append("### \(a.rank). \(escape(a.name)) — \(badge(a.priority))")
            var facts = ["- **Status:** \(statusText(area)) (\(met) of \(area.capabilities.count) capabilities met)"]
            if !a.why.isEmpty { facts.append("- **Why it matters:** " + escape(a.why)) }
            if !a.impact.isEmpty { facts.append("- **Impact:** " + escape(a.impact)) }
            if !a.useCases.isEmpty { facts.append("- **Use cases:** " + a.useCases.map(escape).joined(separator: "; ")) }
            blocks.append(facts.joined(separator: "\n"))

            let tools = toolsByID(area)
            var rows: [[String]] = []
            for capability in area.unmetCapabilities {
                var name = escape(capability.capability.name)
                if capability.gating { name += " (fails the gate)" }
                if let w = capability.waiver {
                    name += " (waived" + (w.expires.map { " until " + escape($0) } ?? "") + ": " + escape(w.reason) + ")"
                }
                // Marking the preferred tool only says something when there is a choice.
                let preferred = capability.capability.tools.count > 1 ? preferredTool(capability.capability) : nil
                for (i, id) in capability.capability.tools.enumerated() {
                    let label: String
                    let status: String
                    let detail: String
                    if let t = tools[id] {
                        label = id == preferred ? strong(toolLabel(t.tool)) + " (preferred)" : toolLabel(t.tool)
                        status = statusText(t)
                        detail = reasonText(t)
                    } else {
                        label = escape(id) + (id == preferred ? " (preferred)" : "")
                        status = "not in the catalog"
                        detail = "—"
                    }
                    rows.append([i == 0 ? name : "", label, status, detail])
                }
            }
            blocks.append(table(["Unmet capability", "Would be met by", "Status", "Details"], rows))
        }
        if !others.isEmpty {
            blocks.append("### Also not found: foundation and additional areas")
            blocks.append(
                "What a working host is expected to have already, and the further considerations. "
                    + "They are not ranked and do not gate unless the project requires them.")
            var rows: [[String]] = []
            for area in others {
                let tools = toolsByID(area)
                for (i, capability) in area.unmetCapabilities.enumerated() {
                    let options = capability.capability.tools.map { id in
                        tools[id].map { toolLabel($0.tool) + ": " + statusText($0) } ?? escape(id) + ": not in the catalog"
                    }
                    rows.append([
                        i == 0 ? escape(area.area.name) : "", i == 0 ? kindText(area.area.kind) : "",
                        escape(capability.capability.name) + (capability.gating ? " (fails the gate)" : ""),
                        options.joined(separator: "; "),
                    ])
                }
            }
            blocks.append(table(["Area", "Kind", "Unmet capability", "Would be met by"], rows))
        }
        return blocks
    }

    static func kindText(_ kind: AreaKind) -> String {
        switch kind {
        case .gap: return "gap"
        case .foundation: return "foundation"
        case .extended: return "additional"
        case .project: return "project"
        }
    }

    static func attention(_ report: Report) -> [String] {
        var blocks = ["## Tools that need attention"]
        var seen: [String: Int] = [:]
        var rows: [[String]] = []
        var areasOf: [[String]] = []
        for area in report.areas {
            for t in area.tools where t.needsAttention {
                if let i = seen[t.tool.id] {
                    areasOf[i].append(escape(area.area.name))
                    continue
                }
                seen[t.tool.id] = rows.count
                var reason = reasonText(t)
                if t.verdict.status == .unknownVersion, let constraint = t.versionConstraint {
                    reason +=
                        constraint.plainMinimum.map { "; the minimum \(escape($0.text)) cannot be checked" }
                        ?? "; the constraint \(escape(constraint.description)) cannot be checked"
                }
                if !t.shadowed.isEmpty {
                    reason += "; also on PATH, hidden by it: " + t.shadowed.map(escape).joined(separator: ", ")
                }
                rows.append([toolLabel(t), statusText(t), versionText(t, report: report), t.path.map(escape) ?? "—", reason])
                areasOf.append([escape(area.area.name)])
            }
        }
        if rows.isEmpty {
            blocks.append("None: no tool was found outdated, hanging, failing to run or with an unreadable version.")
            return blocks
        }
        blocks.append("Found on this host but not usable as they are: each counts as not there until fixed.")
        let full = zip(rows, areasOf).map { row, areas in [row[0], areas.joined(separator: ", ")] + row[1...] }
        blocks.append(table(["Tool", "Area", "Status", "Version", "Path", "Reason"], full))
        return blocks
    }

    static func findings(_ report: Report) -> [String] {
        guard !report.findings.isEmpty else { return [] }
        return [
            "## Findings",
            "About the host's PATH and files rather than a tool: they decide whether the scan, and the tools, can be trusted.",
            report.findings.map { "- ⚠️ **\(escape($0.kind.rawValue))**: " + prose($0.message) }.joined(separator: "\n"),
        ]
    }

    static func ranking(_ report: Report) -> [String] {
        let rows = report.areas.filter { $0.area.kind.isRanked }.map { area -> [String] in
            let met = area.capabilities.filter(\.met).count
            return [
                String(area.area.rank), escape(area.area.name), badge(area.area.priority), String(area.area.phase),
                statusText(area) + (area.status == .partial ? " (\(met) of \(area.capabilities.count))" : ""),
            ]
        }
        guard !rows.isEmpty else { return ["## Priority ranking", "No ranked area was scanned."] }
        return ["## Priority ranking", table(["Rank", "Area", "Priority", "Phase", "Status"], rows)]
    }

    static func phasedPlan(_ report: Report, plan: String?) -> [String] {
        var blocks = ["## Phased plan for this host"]
        if let plan {
            var text = plan
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            if !text.isEmpty { blocks.append(text) }
            return blocks
        }
        var byPhase: [Int: [String]] = [:]
        for area in report.areas {
            let tools = toolsByID(area)
            for capability in area.unmetCapabilities where area.area.kind.isRanked || capability.gating {
                let item =
                    "- " + strong(escape(area.area.name)) + " — \(escape(capability.capability.name)): "
                    + action(preferredTool(capability.capability), tools: tools)
                byPhase[area.area.phase, default: []].append(item)
            }
        }
        if byPhase.isEmpty {
            blocks.append("Nothing to install: every capability of every scanned area is met.")
            return blocks
        }
        for phase in byPhase.keys.sorted() {
            blocks.append("### Phase \(phase)" + (phaseName(phase).map { ": \($0)" } ?? ""))
            blocks.append(byPhase[phase]!.joined(separator: "\n"))
        }
        blocks.append("Run `capaudit plan` for install commands for this host.")
        return blocks
    }

    static func footer(_ report: Report) -> [String] {
        let how =
            report.settings.noExec
            ? "statuses come from looking each tool up on PATH; nothing was run (`--no-exec`)"
            : "statuses come from running each tool's version command (timeout \(seconds(report.settings.timeout)) each)"
        let host = report.host.hostname.flatMap { $0.isEmpty ? nil : escape($0) } ?? "this host"
        return ["---", "Generated by capaudit \(escape(report.capauditVersion)) from a scan of \(host); \(how)."]
    }

    // MARK: - Pieces

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            // Cells are escaped already; an empty cell still needs its space to stay a cell.
            "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
        }
        return
            ([line(header), "| " + header.map { _ in "---" }.joined(separator: " | ") + " |"]
            + rows.map { line(Array($0.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - $0.count))) })
            .joined(separator: "\n")
    }

    static func hostDescription(_ host: HostInfo) -> String {
        let os = [host.os, host.osVersion].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let details = [os, host.arch ?? ""].filter { !$0.isEmpty }.map(escape)
        let name = host.hostname.flatMap { $0.isEmpty ? nil : escape($0) } ?? "unknown host"
        return details.isEmpty ? name : name + " (" + details.joined(separator: ", ") + ")"
    }

    /// `YYYY-MM-DD HH:MM UTC`.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? "\(Int(value)) s" : String(format: "%g s", value)
    }

    /// Bold escaped text; `**` next to a space would not close, so the text is trimmed first.
    static func strong(_ escaped: String) -> String {
        let text = escaped.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? escaped : "**" + text + "**"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func badge(_ priority: Priority) -> String {
        switch priority {
        case .critical: return "🔴 **CRITICAL**"
        case .high: return "🟠 **HIGH**"
        case .medium: return "🟡 **MEDIUM**"
        }
    }

    static func phaseName(_ phase: Int) -> String? {
        switch phase {
        case 1: return "critical"
        case 2: return "high priority"
        case 3: return "medium priority"
        default: return nil
        }
    }

    static func statusText(_ area: AreaReport) -> String {
        switch area.status {
        case .covered: return "✅ covered"
        case .partial: return "⚠️ partial"
        case .missing: return "❌ missing"
        }
    }

    static func toolsByID(_ area: AreaReport) -> [String: ToolReport] {
        Dictionary(area.tools.map { ($0.tool.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The tool label, and the command it was found as when that was an alternative
    /// (`compose (via docker)`).
    static func toolLabel(_ t: ToolReport) -> String {
        guard let command = t.command, t.path != nil, let first = t.tool.probes.first?.command, command != first else { return toolLabel(t.tool) }
        return toolLabel(t.tool) + " (via " + escape(command) + ")"
    }

    /// The tool id, with its display name when that says more (`ApacheBench (ab)`).
    static func toolLabel(_ tool: Tool) -> String {
        if tool.name.isEmpty || tool.name.lowercased() == tool.id.lowercased() { return escape(tool.id) }
        // A name that already shows the id (`ApacheBench (ab)`) is not followed by it again.
        if tool.name.lowercased().contains("(" + tool.id.lowercased() + ")") { return escape(tool.name) }
        return escape(tool.name) + " (" + escape(tool.id) + ")"
    }

    static func preferredTool(_ capability: Capability) -> String? { capability.preferred ?? capability.tools.first }

    /// The versions a tool needs, as the report shows them: `≥ 2.0` for a plain minimum, else the
    /// constraint (`~> 1.2`, `>= 1.2, < 2`).
    static func needs(_ t: ToolReport) -> String? {
        guard let constraint = t.versionConstraint else { return nil }
        return escape(constraint.plainMinimum.map { "≥ \($0.text)" } ?? constraint.description)
    }

    static func statusText(_ t: ToolReport) -> String {
        switch t.verdict.status {
        case .present: return "present"
        case .unknownVersion: return "version unknown"
        case .outdated:
            return (t.versionProblem == .tooNew ? "too new: " : "outdated: ") + (t.verdict.version.map { escape($0.text) } ?? "?")
                + needs(t).map { " (needs \($0))" }.orEmpty
        case .missing: return "missing"
        case .timeout: return "timeout"
        case .error: return "error"
        case .undetectable: return "cannot be detected from the host"
        }
    }

    static func reasonText(_ t: ToolReport) -> String {
        var reason = t.verdict.reason
        let prefix = "cannot be detected from the host: "
        if t.verdict.status == .undetectable, reason.hasPrefix(prefix) { reason = String(reason.dropFirst(prefix.count)) }
        return reason.isEmpty ? "—" : prose(reason)
    }

    static func versionText(_ t: ToolReport, report: Report) -> String {
        if let v = t.verdict.version { return escape(v.text) }
        if let shown = t.verdict.placeholder { return "unknown (printed " + escape(shown) + ")" }
        if t.verdict.attempt?.output == nil && t.path != nil && report.settings.noExec { return "not run (--no-exec)" }
        return t.path == nil ? "—" : "unknown"
    }

    /// What the plan says to do about a capability, from its preferred tool's status.
    static func action(_ id: String?, tools: [String: ToolReport]) -> String {
        guard let id else { return "no tool in the catalog meets it" }
        guard let t = tools[id] else { return "install " + escape(id) }
        let name = escape(t.tool.id)
        switch t.verdict.status {
        case .outdated:
            return (t.versionProblem == .tooNew ? "replace \(name) with an older version" : "upgrade \(name)") + " (found " + (t.verdict.version.map { escape($0.text) } ?? "?")
                + needs(t).map { ", needs \($0)" }.orEmpty + ")"
        case .timeout: return "repair \(name) (its version command timed out; see Tools that need attention)"
        case .error: return "repair \(name) (it was found but could not run; see Tools that need attention)"
        case .unknownVersion:
            return "check \(name) (its version is unknown" + needs(t).map { "; needs \($0)" }.orEmpty + ")"
        case .undetectable: return "set up \(name) (it cannot be detected from the host, so capaudit cannot confirm it)"
        case .present, .missing: return "install \(name)"
        }
    }
}

private extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
