import Foundation

/// `capaudit diff` as text, markdown and json.
public enum DiffRenderer {
    static func change(_ c: ReportDiff.ToolChange) -> String {
        switch c.kind {
        case .appeared: return "\(c.tool) appeared: \(c.newVersion ?? c.newStatus.rawValue)"
        case .disappeared: return "\(c.tool) disappeared: was \(c.oldVersion ?? c.oldStatus.rawValue), now \(c.newStatus.rawValue)"
        case .versionChanged:
            let direction: String
            if let a = c.oldVersion.flatMap(Version.init), let b = c.newVersion.flatMap(Version.init) { direction = b < a ? " (downgrade)" : " (upgrade)" } else { direction = "" }
            return "\(c.tool) \(c.oldVersion ?? "version unknown") → \(c.newVersion ?? "version unknown")\(direction)"
                + (c.newStatus != c.oldStatus ? ", \(c.oldStatus.rawValue) → \(c.newStatus.rawValue)" : "")
        case .statusChanged: return "\(c.tool) \(c.oldStatus.rawValue) → \(c.newStatus.rawValue)"
        }
    }

    static func header(_ d: ReportDiff) -> [String] {
        var lines = [
            "old: \(d.oldFile) (\(d.oldHost.isEmpty ? "no hostname" : d.oldHost), \(d.oldStartedAt), capaudit \(d.oldCapaudit))",
            "new: \(d.newFile) (\(d.newHost.isEmpty ? "no hostname" : d.newHost), \(d.newStartedAt), capaudit \(d.newCapaudit))",
        ]
        if d.hostChanged { lines.append("note: the reports are of different hosts (\(d.oldHost), \(d.newHost))") }
        if let c = d.catalogChange {
            lines.append(
                "note: the catalog changed (\(c.old ?? "unrecorded") → \(c.new ?? "unrecorded")); tools and areas only one scan looked for are listed apart, not as host changes")
        }
        return lines
    }

    static func groups(_ d: ReportDiff) -> [(String, [String])] {
        let kinds: [(ReportDiff.ToolChange.Kind, String)] = [
            (.appeared, "Appeared"), (.disappeared, "Disappeared"),
            (.versionChanged, "Version changed"), (.statusChanged, "Status changed"),
        ]
        var out = kinds.map { kind, title in (title, d.tools.filter { $0.kind == kind }.map(change)) }
        out.append(("Areas", d.areas.map { "\($0.area): \($0.old.rawValue) → \($0.new.rawValue)" }))
        out.append(("Only in the old scan's catalog or areas", d.onlyInOld))
        out.append(("Only in the new scan's catalog or areas", d.onlyInNew))
        return out.filter { !$0.1.isEmpty }
    }

    static func verdict(_ d: ReportDiff) -> String {
        if d.regressions.isEmpty { return d.isEmpty ? "no changes" : "no regressions" }
        return "\(d.regressions.count) regression\(d.regressions.count == 1 ? "" : "s")"
    }

    public static func text(_ d: ReportDiff) -> String {
        let t = TerminalText.clean
        var lines = ["capaudit diff · " + verdict(d)] + header(d).map(t)
        for (title, items) in groups(d) {
            lines += ["", title.uppercased()] + items.map { "  " + t($0) }
        }
        if !d.regressions.isEmpty {
            lines += ["", "REGRESSIONS"] + d.regressions.map { "  " + t($0.message) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ d: ReportDiff) -> String {
        let e = MarkdownRenderer.escape
        var lines = ["# capaudit diff: \(verdict(d))", ""] + header(d).map { "- " + e($0) }
        if !d.regressions.isEmpty {
            lines += ["", "## Regressions", ""] + d.regressions.map { "- **" + e($0.subject) + "**: " + e($0.message) }
        }
        for (title, items) in groups(d) {
            lines += ["", "## \(title)", ""] + items.map { "- " + e($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ d: ReportDiff) -> String {
        let doc: JSONOutput = .object([
            "kind": .string("capaudit-diff"),
            "schemaVersion": .int(1),
            "old": .object(["file": .string(d.oldFile), "hostname": .string(d.oldHost), "startedAt": .string(d.oldStartedAt), "capaudit": .string(d.oldCapaudit)]),
            "new": .object(["file": .string(d.newFile), "hostname": .string(d.newHost), "startedAt": .string(d.newStartedAt), "capaudit": .string(d.newCapaudit)]),
            "catalogChanged": .bool(d.catalogChange != nil),
            "tools": .array(
                d.tools.map { c in
                    .object([
                        "tool": .string(c.tool), "change": .string(c.kind.rawValue), "oldStatus": .string(c.oldStatus.rawValue),
                        "newStatus": .string(c.newStatus.rawValue), "oldVersion": .string(c.oldVersion), "newVersion": .string(c.newVersion),
                        "minVersion": .string(c.minVersion),
                    ])
                }),
            "areas": .array(d.areas.map { .object(["area": .string($0.area), "old": .string($0.old.rawValue), "new": .string($0.new.rawValue)]) }),
            "onlyInOld": .array(d.onlyInOld.map { .string($0) }),
            "onlyInNew": .array(d.onlyInNew.map { .string($0) }),
            "regressions": .array(d.regressions.map { .object(["kind": .string($0.kind.rawValue), "subject": .string($0.subject), "message": .string($0.message)]) }),
        ])
        return doc.rendered()
    }
}
