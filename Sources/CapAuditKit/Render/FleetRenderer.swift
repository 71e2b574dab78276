import Foundation

/// The fleet view of `capaudit merge` as text, markdown, csv and json.
///
/// csv and json are written a host at a time (`csvHeader`/`csvRow`, `jsonStart`/`jsonRow`/`jsonEnd`)
/// so their per-host matrix streams; text and markdown show the matrix while it is small
/// (`FleetSummary.rows`) and summarise beyond.
public enum FleetRenderer {
    /// Lines of a list shown before "… and N more".
    public static let listLimit = 50

    static func symbol(_ status: AreaStatus?) -> String {
        switch status {
        case .covered?: return "✓"
        case .partial?: return "◐"
        case .missing?: return "✗"
        case nil: return "·"
        }
    }

    static func host(_ hostname: String, _ file: String) -> String { hostname.isEmpty ? "(no hostname)" : hostname }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    static func headline(_ s: FleetSummary) -> String {
        var parts = ["\(s.hostsRead) host\(s.hostsRead == 1 ? "" : "s") read"]
        if s.skippedCount > 0 { parts.append("\(s.skippedCount) file\(s.skippedCount == 1 ? "" : "s") skipped") }
        parts.append("gate: " + (s.failOn.map { "fail-on \($0.rawValue)" } ?? "each report's own"))
        parts.append("\(s.failingCount) host\(s.failingCount == 1 ? "" : "s") failing")
        return parts.joined(separator: " · ")
    }

    static func catalogLine(_ s: FleetSummary) -> String {
        let catalogs = s.catalogs.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\(shortDigest($0.key)) (\($0.value))" }.joined(separator: ", ")
        let versions = s.capauditVersions.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        var line = "catalogs: \(catalogs) · capaudit: \(versions)"
        if s.catalogs.count > 1 { line += " · hosts were judged against different catalogs: a difference between hosts may be a catalog change" }
        return line
    }

    static func shortDigest(_ digest: String) -> String {
        digest.hasPrefix("sha256:") ? String(digest.prefix(19)) : digest
    }

    static func versionText(_ v: FleetVersion) -> String { v.version ?? "version unknown" }

    static func stepText(_ step: FleetPlanStep) -> (action: String, why: String) {
        switch step.action {
        case .install(let tool, let area, let capability):
            return ("install \(tool)", "\(area)/\(capability) (\(step.capabilityName))")
        case .upgrade(let tool, let min):
            return ("upgrade \(tool)" + (min.map { " to \($0) or later" } ?? ""), "below its minimum version")
        }
    }

    // MARK: - Text

    public static func text(_ s: FleetSummary) -> String {
        let t = TerminalText.clean
        var lines = ["capaudit merge · " + headline(s), t(catalogLine(s))]
        if !s.skipped.isEmpty {
            lines += ["", "SKIPPED (not read)"]
            lines += s.skipped.prefix(listLimit).map { "  " + t($0.description) }
            if s.skippedCount > min(listLimit, s.skipped.count) { lines.append("  … and \(s.skippedCount - min(listLimit, s.skipped.count)) more") }
        }
        if !s.duplicates.isEmpty {
            lines += ["", "DUPLICATE HOSTNAMES (kept apart by file)"]
            lines += s.duplicates.prefix(listLimit).map { "  " + t($0.hostname) + ": " + t($0.files.joined(separator: ", ")) }
        }
        lines += ["", "AREAS (hosts covered / partial / missing)"]
        for a in s.areas {
            lines.append(
                "  " + pad(t(a.id), 24) + pad(kindText(a.kind), 11) + pad(a.priority.rawValue, 9)
                    + "\(a.covered) / \(a.partial) / \(a.missing)  (\(percent(a.covered, a.hosts)) covered)")
        }
        lines += ["", "HOSTS"]
        if let rows = s.rows {
            let gapAreas = s.areas.filter { $0.kind?.isRanked ?? true }
            for row in rows {
                let gaps = gapAreas.compactMap { a -> String? in
                    guard let st = row.statuses[a.id], st != .covered else { return nil }
                    return "\(a.id) \(st.rawValue)"
                }
                var line = "  " + (row.gatePassed ? "pass " : "FAIL ") + t(host(row.hostname, row.file)) + " (" + t(row.file) + ")"
                if row.duplicateOf != nil { line += " [duplicate hostname]" }
                line += gaps.isEmpty ? ": every gap area covered" : ": " + gaps.joined(separator: ", ")
                lines.append(line)
            }
        } else {
            lines.append("  \(s.hostsRead) hosts: more than \(s.matrixLimit), so the per-host matrix is summarised; use --format csv or json for it")
        }
        if s.failingCount > 0 {
            lines += ["", "FAILING HOSTS (\(s.failingCount))"]
            for f in s.failing.prefix(listLimit) {
                lines.append("  " + t(host(f.hostname, f.file)) + " (" + t(f.file) + "): " + t(f.reasons.joined(separator: "; ")))
            }
            if s.failingCount > listLimit { lines.append("  … and \(s.failingCount - listLimit) more (--format csv lists every host)") }
        }
        let drifting = s.tools.filter(\.drifts)
        lines += ["", "VERSION DRIFT (oldest first)" + (drifting.isEmpty ? ": every installed tool runs one version" : "")]
        for tool in drifting {
            let versions = tool.versions.map { v in "\(t(versionText(v))) on \(v.hosts) (\(t(v.examples.joined(separator: ", ")))\(v.hosts > v.examples.count ? ", …" : ""))" }
            lines.append("  " + t(tool.id) + (tool.minVersion.map { " (minimum \(t($0)))" } ?? "") + ": " + versions.joined(separator: " · "))
        }
        lines += ["", "FLEET PLAN (most hosts fixed first)" + (s.plan.isEmpty ? ": nothing to do" : "")]
        for (i, step) in s.plan.prefix(listLimit).enumerated() {
            let (action, why) = stepText(step)
            lines.append("  \(i + 1). " + t(action) + " on \(step.hosts) host\(step.hosts == 1 ? "" : "s"): " + t(why))
        }
        if s.plan.count > listLimit { lines.append("  … and \(s.plan.count - listLimit) more steps") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    static func kindText(_ kind: AreaKind?) -> String { kind?.rawValue ?? "unknown" }

    // MARK: - Markdown

    public static func markdown(_ s: FleetSummary) -> String {
        let e = MarkdownRenderer.escape
        var out = ["# capaudit fleet report", "", e(headline(s)) + "  ", e(catalogLine(s))]
        if !s.skipped.isEmpty {
            out += ["", "## Skipped files", ""]
            out += s.skipped.prefix(listLimit).map { "- " + e($0.description) }
            if s.skippedCount > min(listLimit, s.skipped.count) { out.append("- … and \(s.skippedCount - min(listLimit, s.skipped.count)) more") }
        }
        if !s.duplicates.isEmpty {
            out += ["", "## Duplicate hostnames", "", "Each report stays its own row; check that these are really different hosts.", ""]
            out += s.duplicates.prefix(listLimit).map { "- " + e($0.hostname) + ": " + $0.files.map(e).joined(separator: ", ") }
        }
        out += ["", "## Areas", ""]
        out.append(
            MarkdownRenderer.table(
                ["Area", "Kind", "Priority", "Covered", "Partial", "Missing", "Coverage"],
                s.areas.map { a in
                    [e(a.name), kindText(a.kind), a.priority.rawValue, "\(a.covered)", "\(a.partial)", "\(a.missing)", percent(a.covered, a.hosts)]
                }))
        out += ["", "## Hosts", ""]
        if let rows = s.rows {
            let columns = s.areas.filter { $0.kind?.isRanked ?? true }
            out.append("✓ covered, ◐ partial, ✗ missing, · not scanned. Foundation and extended areas are in the table above.")
            out.append("")
            out.append(
                MarkdownRenderer.table(
                    ["Host", "File", "Gate"] + columns.map { e($0.id) },
                    rows.map { row in
                        [e(host(row.hostname, row.file)) + (row.duplicateOf == nil ? "" : " (duplicate)"), e(row.file), row.gatePassed ? "pass" : "**fail**"]
                            + columns.map { symbol(row.statuses[$0.id]) }
                    }))
        } else {
            out.append("\(s.hostsRead) hosts: more than \(s.matrixLimit), so the per-host matrix is summarised here; `capaudit merge --format csv` writes it.")
        }
        if s.failingCount > 0 {
            out += ["", "## Failing hosts (\(s.failingCount))", ""]
            out += s.failing.prefix(listLimit).map { "- **" + e(host($0.hostname, $0.file)) + "** (" + e($0.file) + "): " + e($0.reasons.joined(separator: "; ")) }
            if s.failingCount > listLimit { out.append("- … and \(s.failingCount - listLimit) more") }
        }
        out += ["", "## Tool versions across the fleet", "", "Oldest first; hosts named are the first few of each version.", ""]
        out.append(
            MarkdownRenderer.table(
                ["Tool", "Minimum", "Installed on", "Versions", "Drift"],
                s.tools.filter { !$0.versions.isEmpty }.map { tool in
                    [
                        e(tool.id), e(tool.minVersion ?? ""), "\(tool.installedHosts)",
                        tool.versions.map {
                            e(versionText($0)) + " ×\($0.hosts) (" + $0.examples.map(e).joined(separator: ", ") + ($0.hosts > $0.examples.count ? ", …" : "") + ")"
                        }.joined(separator: "<br>"),
                        tool.drifts ? "yes" : "",
                    ]
                }))
        out += ["", "## Fleet plan", ""]
        if s.plan.isEmpty { out.append("Nothing to do: every gap area is covered on every host.") }
        for (i, step) in s.plan.prefix(listLimit).enumerated() {
            let (action, why) = stepText(step)
            out.append("\(i + 1). **\(e(action))** on \(step.hosts) host\(step.hosts == 1 ? "" : "s"): \(e(why))")
        }
        if s.plan.count > listLimit { out += ["", "… and \(s.plan.count - listLimit) more steps."] }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - CSV (one row per host, streamed)

    public static let csvFixedColumns = ["file", "hostname", "duplicate_of", "capaudit", "started_at", "catalog_digest", "gate", "failures"]

    public static func csvHeader(areas: [String]) -> String {
        (csvFixedColumns + areas).map(csvCell).joined(separator: ",") + "\r\n"
    }

    /// Area cells are the status, or empty where the host's report did not hold the area.
    public static func csvRow(_ row: FleetHostRow, areas: [String]) -> String {
        ([
            row.file, row.hostname, row.duplicateOf ?? "", row.capaudit, row.startedAt, row.catalogDigest ?? "",
            row.gatePassed ? "pass" : "fail", row.failures.joined(separator: "; "),
        ] + areas.map { row.statuses[$0]?.rawValue ?? "" })
        .map(csvCell).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a
    /// leading apostrophe (reports come from hosts, which are not trusted).
    static func csvCell(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@\t\r".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    // MARK: - JSON (hosts streamed, summary last)

    /// `{"kind": "capaudit-fleet", "schemaVersion": 1, "hosts": [` (hosts follow, then `jsonEnd`).
    /// Keys are in this fixed order, not sorted, so the hosts can stream before the summary exists.
    public static func jsonStart() -> String {
        "{\n  \"kind\": \"capaudit-fleet\",\n  \"schemaVersion\": 1,\n  \"capaudit\": \(JSONOutput.string(CapAudit.version).rendered().dropLast()),\n  \"hosts\": ["
    }

    public static func jsonRow(_ row: FleetHostRow, first: Bool) -> String {
        let doc: JSONOutput = .object([
            "file": .string(row.file),
            "hostname": .string(row.hostname),
            "duplicateOf": .string(row.duplicateOf),
            "capaudit": .string(row.capaudit),
            "startedAt": .string(row.startedAt),
            "catalogDigest": .string(row.catalogDigest),
            "gate": .object(["passed": .bool(row.gatePassed), "failures": .array(row.failures.map { .string($0) })]),
            "areas": .object(row.statuses.mapValues { .string($0.rawValue) }),
        ])
        return (first ? "\n" : ",\n") + indent(doc.rendered(), by: 4)
    }

    public static func jsonEnd(_ s: FleetSummary) -> String {
        let summary: JSONOutput = .object([
            "hostsRead": .int(s.hostsRead),
            "skipped": .array(s.skipped.map { .object(["file": .string($0.file), "message": .string($0.description)]) }),
            "skippedCount": .int(s.skippedCount),
            "failOn": .string(s.failOn?.rawValue),
            "failingCount": .int(s.failingCount),
            "duplicates": .array(s.duplicates.map { .object(["hostname": .string($0.hostname), "files": .array($0.files.map { .string($0) })]) }),
            "catalogs": .object(s.catalogs.mapValues { .int($0) }),
            "capauditVersions": .object(s.capauditVersions.mapValues { .int($0) }),
            "areas": .array(
                s.areas.map { a in
                    .object([
                        "id": .string(a.id), "name": .string(a.name), "kind": .string(a.kind?.rawValue), "priority": .string(a.priority.rawValue),
                        "covered": .int(a.covered), "partial": .int(a.partial), "missing": .int(a.missing),
                        "capabilities": .array(
                            a.capabilities.map { c in
                                .object(["id": .string(c.id), "unmetHosts": .int(c.unmetHosts), "metBy": .object(c.metBy.mapValues { .int($0) })])
                            }),
                    ])
                }),
            "tools": .array(
                s.tools.map { t in
                    .object([
                        "id": .string(t.id), "minVersion": .string(t.minVersion), "drift": .bool(t.drifts),
                        "statuses": .object(Dictionary(uniqueKeysWithValues: t.statuses.map { ($0.key.rawValue, JSONOutput.int($0.value)) })),
                        "versions": .array(
                            t.versions.map { v in
                                .object(["version": .string(v.version), "hosts": .int(v.hosts), "examples": .array(v.examples.map { .string($0) })])
                            }),
                    ])
                }),
            "plan": .array(
                s.plan.map { step in
                    switch step.action {
                    case .install(let tool, let area, let capability):
                        return .object([
                            "action": .string("install"), "tool": .string(tool), "area": .string(area), "capability": .string(capability),
                            "hosts": .int(step.hosts), "priority": .string(step.priority.rawValue),
                        ])
                    case .upgrade(let tool, let min):
                        return .object([
                            "action": .string("upgrade"), "tool": .string(tool), "minVersion": .string(min),
                            "hosts": .int(step.hosts), "priority": .string(step.priority.rawValue),
                        ])
                    }
                }),
        ])
        return "\n  ],\n  \"summary\": " + String(indent(summary.rendered(), by: 2).drop { $0 == " " }) + "}\n"
    }

    static func indent(_ text: String, by n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { pad + $0 }.joined(separator: "\n")
    }
}
