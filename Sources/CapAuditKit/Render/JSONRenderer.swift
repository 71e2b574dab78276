import Foundation

/// The stable, versioned JSON report (`schemaVersion` 1) that dashboards and scripts read.
///
/// The field names of schema 1 are a contract: add fields, never rename or remove them.
public enum JSONRenderer {
    public static func render(_ report: Report) -> String {
        document(report).rendered()
    }

    public static func document(_ report: Report) -> JSONOutput {
        let summary = report.summary
        return .object([
            "schemaVersion": .int(Report.schemaVersion),
            "capaudit": .string(report.capauditVersion),
            "host": .object([
                "os": .string(report.host.os),
                "osVersion": .string(report.host.osVersion),
                "arch": .string(report.host.arch),
                "hostname": .string(report.host.hostname),
                "root": .string(report.host.root),
            ]),
            "startedAt": .string(isoTimestamp(report.startedAt)),
            "durationMs": .int(report.durationMs),
            "settings": .object([
                "timeoutSeconds": .double(report.settings.timeout),
                "jobs": .int(report.settings.jobs),
                "noExec": .bool(report.settings.noExec),
                "allowRelativePath": .bool(report.settings.allowRelativePath),
                "isolatedHome": .bool(report.settings.isolatedHome),
            ]),
            "summary": .object([
                "covered": .int(summary.covered),
                "partial": .int(summary.partial),
                "missing": .int(summary.missing),
                "criticalGaps": .array(summary.criticalGaps.map { .string($0) }),
            ]),
            "areas": .array(report.areas.map(area)),
            "gate": .object([
                "failOn": .string(report.gate.failOn?.rawValue ?? "never"),
                "profile": .string(report.gate.profile),
                "passed": .bool(report.gate.passed),
                "failures": .array(
                    report.gate.failures.map { f in
                        .object(["area": .string(f.areaID), "capability": .string(f.capabilityID), "tool": .string(f.toolID), "message": .string(f.message)])
                    }),
                "waivers": .array(report.gate.waivers.map(waiver)),
            ]),
            "catalog": report.catalog.map { c in
                .object(["source": .string(c.source.rawValue), "paths": .array(c.paths.map { .string($0) }), "digest": .string(c.digest)])
            } ?? .null,
            "config": .string(report.configFile),
            "findings": .array(report.findings.map { .object(["kind": .string($0.kind.rawValue), "path": .string($0.path), "message": .string($0.message)]) }),
        ])
    }

    static func area(_ a: AreaReport) -> JSONOutput {
        .object([
            "id": .string(a.area.id),
            "name": .string(a.area.name),
            "kind": .string(a.area.kind.rawValue),
            "priority": .string(a.area.priority.rawValue),
            "rank": .int(a.area.rank),
            "phase": .int(a.area.phase),
            "status": .string(a.status.rawValue),
            "capabilities": .array(
                a.capabilities.map { c in
                    .object([
                        "id": .string(c.capability.id),
                        "name": .string(c.capability.name),
                        "met": .bool(c.met),
                        "tools": .array(c.capability.tools.map { .string($0) }),
                        "metBy": .array(c.metBy.map { .string($0) }),
                        "gating": .bool(c.gating),
                        "waiver": c.waiver.map(waiver) ?? .null,
                    ])
                }),
            "tools": .array(a.tools.map(tool)),
        ])
    }

    static func waiver(_ w: Waiver) -> JSONOutput {
        .object(["target": .string(w.target), "reason": .string(w.reason), "expires": .string(w.expires), "expired": .bool(w.expired)])
    }

    static func tool(_ t: ToolReport) -> JSONOutput {
        .object([
            "id": .string(t.tool.id),
            "name": .string(t.tool.name),
            "status": .string(t.verdict.status.rawValue),
            "reason": .string(t.verdict.reason),
            "command": .string(t.command),
            "path": .string(t.path),
            "version": .string(t.verdict.version?.text),
            "minVersion": .string(t.minVersion?.text),
            "versionConstraint": .string(t.versionConstraint?.description),
            "versionProblem": .string(t.versionProblem?.rawValue),
            "shadowed": .array(t.shadowed.map { .string($0) }),
            "probe": probe(t.verdict.attempt),
            "versionFrom": .string(t.verdict.versionFrom?.rawValue),
            "sources": sources(t.verdict),
            "versionRead": versionRead(t.verdict.reading),
        ])
    }

    /// What each source said about the tool's version: the version command (when it ran), then the
    /// file's own metadata. Keys without a value are left out.
    static func sources(_ verdict: ToolVerdict) -> JSONOutput {
        guard let attempt = verdict.attempt else { return .array([]) }
        var out: [JSONOutput] = []
        if let argv = attempt.argv, attempt.output != nil {
            let printed = verdict.versionFrom == .exec ? verdict.version?.text : nil
            out.append(.object(["source": .string("exec"), "version": .string(printed), "argv": .array(argv.map { .string($0) })]))
        }
        for s in attempt.sources {
            var fields: [String: JSONOutput] = ["source": .string(s.kind.rawValue), "version": .string(s.version)]
            let optional: [(String, String?)] = [
                ("module", s.module), ("mainPackage", s.mainPackage), ("goVersion", s.goVersion),
                ("package", s.package), ("recordedVersion", s.recordedVersion), ("file", s.file), ("note", s.note),
            ]
            for (key, value) in optional { if let value { fields[key] = .string(value) } }
            out.append(.object(fields))
        }
        return .array(out)
    }

    /// The probe that decided, or null when nothing ran. (Kept apart from `tool(_:)`: Swift 6.3's
    /// optimizer crashed on the two combined, "Found ownership error" in -O builds.)
    static func probe(_ attempt: ProbeAttempt?) -> JSONOutput {
        guard let attempt, let argv = attempt.argv, let output = attempt.output else { return .null }
        let exitCode: JSONOutput
        switch output.termination {
        case .exited(let code): exitCode = .int(Int(code))
        default: exitCode = .null
        }
        var fields: [String: JSONOutput] = [
            "argv": .array(argv.map { .string($0) }),
            "exitCode": exitCode,
            "durationMs": .int(output.durationMs),
            "timedOut": .bool(output.termination == .timedOut),
        ]
        // Additive to schema 1: present only when the output is an earlier scan's (`--cache`), where
        // durationMs is how long the command took back then.
        if attempt.fromCache { fields["fromCache"] = .bool(true) }
        return .object(fields)
    }

    /// Which layer read the version (additive in schema 1): `{"layer": "pattern"|"tolerant"|"default",
    /// "pattern": 0, "shape": "name-version", "line": "…"}`, or null when no version was read.
    static func versionRead(_ reading: VersionReading?) -> JSONOutput {
        guard let reading, let layer = reading.layer else { return .null }
        return .object([
            "layer": .string(layer.rawValue),
            "pattern": reading.patternIndex.map { .int($0) } ?? .null,
            "shape": .string(reading.shape),
            "line": .string(reading.line),
        ])
    }

    /// UTC, second precision: `2026-11-29T12:00:00Z`.
    public static func isoTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
