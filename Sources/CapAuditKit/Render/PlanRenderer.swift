import Foundation

/// Renders an `InstallPlan` as markdown, plain text or JSON. Pure functions of the plan: the
/// same plan always gives the same bytes (the date comes from the plan, not the clock).
public enum PlanRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, text, json, shell
    }

    /// The plan in `format` (`shell` is `ShellScriptRenderer`).
    public static func render(_ plan: InstallPlan, format: Format) -> String {
        switch format {
        case .markdown: return markdown(plan)
        case .text: return text(plan)
        case .json: return json(plan)
        case .shell: return ShellScriptRenderer.render(plan)
        }
    }

    // MARK: - Shared wording

    static func managersText(_ host: HostEnvironment) -> String {
        if host.managers.isEmpty { return "none found" }
        let list = host.managers.keys.sorted().map { m -> String in
            let command = host.managers[m]!
            return command == m.managerName ? m.managerName : "\(m.managerName) (\(command))"
        }.joined(separator: ", ")
        if host.managersOverridden { return list + " (from --manager)" }
        return host.isLocal ? list : list + " (assumed from the target's os-release: the plan is for another machine, whose PATH capaudit cannot see)"
    }

    static func osText(_ host: HostEnvironment) -> String {
        var parts: [String] = []
        let os = [host.info.os, host.info.osVersion].compactMap { $0 }.joined(separator: " ")
        parts.append(os.isEmpty ? (host.platform == .macos ? "macOS" : "unknown OS (no os-release)") : os)
        let ids = [host.info.osID].compactMap { $0 } + host.info.osLike
        if !ids.isEmpty { parts.append("family " + ids.joined(separator: "/")) }
        if let arch = host.info.arch { parts.append(arch) }
        return parts.joined(separator: ", ")
    }

    static func userText(_ host: HostEnvironment) -> String {
        host.isRoot ? "root (no sudo needed)" : "not root: commands that need root use sudo"
    }

    static func pythonText(_ host: HostEnvironment) -> String {
        if host.pythonExternallyManaged {
            let via =
                host.has(.pipx)
                ? "Python tools install with pipx"
                : host.canUse(.pipx)
                    ? "Python tools install with pipx, installed first from the system packages"
                    : "Python tools go into $HOME/\(InstallPlan.venvPath)"
            return "externally managed (PEP 668): \(via); pip never touches the system Python"
        }
        return host.has(.venv) || host.has(.pip) ? "not externally managed" : "no python3 on PATH"
    }

    static func stepTarget(_ step: PlanStep) -> String {
        step.covers.map(\.label).joined(separator: "; ")
    }

    static func aptHint(_ plan: InstallPlan) -> String? {
        guard plan.installersUsed.contains(.apt) else { return nil }
        return "Run `\(plan.host.isRoot ? "" : "sudo ")apt-get update` once before the first apt-get step."
    }

    static func flat(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }

    // MARK: - Markdown

    public static func markdown(_ plan: InstallPlan) -> String {
        var out: [String] = []
        let host = plan.host
        out.append("# Install plan for \(md(host.displayName))")
        out.append("")
        out.append(
            "Made by capaudit \(plan.capauditVersion) on \(JSONRenderer.isoTimestamp(plan.createdAt)). capaudit never runs these commands; "
                + "`capaudit plan --format shell` writes them as a script that skips what is already installed.")
        out.append("")
        out.append("| Host | |")
        out.append("|---|---|")
        out.append("| OS | \(cell(osText(host))) |")
        out.append("| Package managers | \(cell(managersText(host))) |")
        out.append("| User | \(cell(userText(host))) |")
        out.append("| System Python | \(cell(pythonText(host))) |")
        if let scope = plan.scopeDescription { out.append("| Scope | \(cell(scope)) |") }
        out.append("")
        if let hint = aptHint(plan) {
            out.append(hint)
            out.append("")
        }
        for phase in plan.phases {
            out.append("## \(md(phase.heading))")
            out.append("")
            if !phase.areas.isEmpty {
                out.append("Areas: " + phase.areas.map { "\(md($0.name)) (\($0.status.rawValue))" }.joined(separator: ", ") + ".")
                out.append("")
            }
            if phase.workSteps.isEmpty && !phase.areas.isEmpty {
                out.append("Nothing to install: every capability of this phase is met.")
                out.append("")
            }
            guard !phase.steps.isEmpty else { continue }
            out.append("| # | Step | For | Command on this host | Alternatives |")
            out.append("|---|---|---|---|---|")
            for step in phase.steps {
                let command: String
                if let url = step.docs {
                    command = "upstream docs: <\(url)>"
                } else if step.commands.isEmpty {
                    command = ""
                } else {
                    command = step.commands.map(code).joined(separator: " then ")
                }
                let alternatives = step.alternatives.map { a -> String in
                    if let c = a.command { return "\(cell(a.toolName)): \(code(c))" }
                    if let d = a.docs { return "\(cell(a.toolName)): <\(d)>" }
                    return cell(a.toolName)
                }.joined(separator: "; ")
                let title = cell(step.title)

                out.append("| \(step.number) | \(title) | \(cell(stepTarget(step))) | \(command) | \(alternatives) |")
            }
            let details = phase.steps.filter { $0.reason != nil || $0.detail != nil || !$0.notes.isEmpty }
            if !details.isEmpty {
                out.append("")
                for step in details {
                    let source = step.packageSource.flatMap { s in step.package.map { "Package name \($0) from: \(s)." } }
                    let text = ([step.detail, step.reason.map { "Why: \($0)." }, source].compactMap { $0 } + step.notes)
                        .map { MarkdownRenderer.prose(flat($0)) }.joined(separator: " ")
                    out.append("- **\(step.number)** \(text)")
                }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// The plan as a section of the markdown gap report: no title or second timestamp, headings
    /// one level down so they nest under the report's "Phased plan" heading.
    public static func markdownSection(_ plan: InstallPlan) -> String {
        var lines = markdown(plan).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.hasPrefix("# ") == true { lines.removeFirst() }
        lines.removeAll { $0.hasPrefix("Made by capaudit ") }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.map { $0.hasPrefix("#") ? "#" + $0 : $0 }.joined(separator: "\n")
    }

    /// Markdown text: the gap report's escaping, so both documents treat hostile text alike.
    static func md(_ s: String) -> String { MarkdownRenderer.escape(s) }

    /// A table cell: markdown-escaped, `|` escaped, on one line.
    static func cell(_ s: String) -> String { md(s) }

    /// Inline code that survives a backtick inside and a `|` in a table.
    static func code(_ s: String) -> String {
        let body = flat(s).replacingOccurrences(of: "|", with: "\\|")
        return body.contains("`") ? "`` \(body) ``" : "`\(body)`"
    }

    // MARK: - Text

    public static func text(_ plan: InstallPlan) -> String {
        var out: [String] = []
        let host = plan.host
        out.append("capaudit install plan for \(flat(host.displayName))")
        out.append("made by capaudit \(plan.capauditVersion) on \(JSONRenderer.isoTimestamp(plan.createdAt)); capaudit never runs these commands")
        out.append("")
        out.append("host:      \(flat(osText(host)))")
        out.append("managers:  \(managersText(host))")
        out.append("user:      \(userText(host))")
        out.append("python:    \(pythonText(host))")
        if let p = plan.phaseFilter { out.append("phase:     \(p) only") }
        if !plan.areaFilter.isEmpty { out.append("areas:     \(plan.areaFilter.joined(separator: ", ")) only") }
        if let hint = aptHint(plan) { out.append("note:      " + hint.replacingOccurrences(of: "`", with: "")) }
        for phase in plan.phases {
            out.append("")
            out.append(phase.heading)
            if !phase.areas.isEmpty {
                out.append("  areas: " + phase.areas.map { "\(flat($0.name)) (\($0.status.rawValue))" }.joined(separator: ", "))
            }
            if phase.workSteps.isEmpty && !phase.areas.isEmpty { out.append("  nothing to install: every capability of this phase is met") }
            for step in phase.steps {
                out.append("")
                out.append("  \(step.number) \(flat(step.title))")
                func line(_ label: String, _ value: String) { out.append("      " + (label + ":").padding(toLength: 7, withPad: " ", startingAt: 0) + flat(value)) }
                if !step.covers.isEmpty { line("for", stepTarget(step)) }
                if let url = step.docs { line("docs", url) }
                for c in step.commands { line("run", c) }
                if let d = step.detail { line("what", d) }
                if let r = step.reason { line("why", r) }
                if let source = step.packageSource, step.package != nil { line("name", "from " + source) }
                for a in step.alternatives { line("or", a.label) }
                for n in step.notes { line("note", n) }
            }
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    // MARK: - JSON

    public static func json(_ plan: InstallPlan) -> String {
        document(plan).rendered()
    }

    public static func document(_ plan: InstallPlan) -> JSONOutput {
        let host = plan.host
        return .object([
            "schemaVersion": .int(InstallPlan.schemaVersion),
            "capaudit": .string(plan.capauditVersion),
            "createdAt": .string(JSONRenderer.isoTimestamp(plan.createdAt)),
            "host": .object([
                "os": .string(host.info.os),
                "osVersion": .string(host.info.osVersion),
                "osID": .string(host.info.osID),
                "osLike": .array(host.info.osLike.map { .string($0) }),
                "arch": .string(host.info.arch),
                "hostname": .string(host.info.hostname),
                "platform": .string(host.platform.rawValue),
                "isRoot": .bool(host.isRoot),
                "managers": .object(Dictionary(uniqueKeysWithValues: host.managers.map { ($0.key.managerName, JSONOutput.string($0.value)) })),
                "managersOverridden": .bool(host.managersOverridden),
                "pythonExternallyManaged": .bool(host.pythonExternallyManaged),
                "externallyManagedMarker": .string(host.externallyManagedMarker),
                "systemManagers": .array(host.systemManagers.map { .string($0.rawValue) }),
            ]),
            "filter": .object([
                "phase": .int(plan.phaseFilter),
                "areas": .array(plan.areaFilter.map { .string($0) }),
            ]),
            "phases": .array(
                plan.phases.map { phase in
                    .object([
                        "number": .int(phase.number),
                        "title": .string(phase.title),
                        "week": .int(phase.week),
                        "areas": .array(
                            phase.areas.map {
                                .object(["id": .string($0.id), "name": .string($0.name), "priority": .string($0.priority.rawValue), "status": .string($0.status.rawValue)])
                            }),
                        "steps": .array(phase.steps.map(step)),
                    ])
                }),
        ])
    }

    static func step(_ s: PlanStep) -> JSONOutput {
        var check: JSONOutput = .null
        switch s.check {
        case .command(let c)?: check = .object(["kind": .string("command"), "command": .string(c)])
        case .succeeds(let argv, let env)?:
            check = .object([
                "kind": .string("succeeds"), "argv": .array(argv.map { .string($0) }),
                "env": .object(env.mapValues { .string($0) }),
            ])
        case StepCheck.none?: check = .object(["kind": .string("none")])
        case nil: break
        }
        var path: JSONOutput = .null
        switch s.action {
        case .createVenv(let p), .addToPath(let p): path = .string("$HOME/" + p)
        default: break
        }
        return .object([
            "number": .string(s.number),
            "kind": .string(s.kind.rawValue),
            "title": .string(s.title),
            "detail": .string(s.detail),
            "tool": .string(s.toolID),
            "toolName": .string(s.toolName),
            "covers": .array(s.covers.map { .object(["area": .string($0.areaID), "capability": .string($0.capabilityID)]) }),
            "method": .string(s.installer?.rawValue),
            "package": .string(s.package),
            "docs": .string(s.docs),
            "path": path,
            "commands": .array(s.commands.map { .string($0) }),
            "check": check,
            "reason": .string(s.reason),
            "alternatives": .array(
                s.alternatives.map {
                    .object([
                        "tool": .string($0.toolID), "toolName": .string($0.toolName), "method": .string($0.installer.rawValue),
                        "command": .string($0.command), "docs": .string($0.docs),
                    ])
                }),
            "notes": .array(s.notes.map { .string($0) }),
            "seedStep": .int(s.seedStep),
            "packageSource": .string(s.packageSource),
            "services": .array(s.services.map { .string($0) }),
            "provides": .string(s.provides),
            "requires": .array(s.requires.map { .string($0) }),
            "fromRepository": .string(s.repository),
            "repository": s.repositorySetup.map { r in
                JSONOutput.object([
                    "id": .string(r.id), "name": .string(r.name), "manager": .string(r.manager.rawValue), "key": .string(r.keyURL),
                    "fingerprints": .array(r.fingerprints.map { .string($0) }), "fingerprintSource": .string(r.fingerprintSource),
                    "keyring": .string(r.keyring), "sourceFile": .string(r.sourceFile), "sourceText": .string(r.sourceText),
                    "codenameAtRunTime": .bool(r.codenameAtRunTime), "docs": .string(r.docs),
                ])
            } ?? .null,
        ])
    }
}
