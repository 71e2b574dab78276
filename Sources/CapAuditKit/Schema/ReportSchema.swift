import Foundation

/// The JSON Schema (draft 2020-12) of the JSON report, schema 1 (`capaudit schema report`).
///
/// Every object lists every property the renderer writes, with `additionalProperties: false`: the
/// tests validate each golden report against it, so a field added to `JSONRenderer` without being
/// added here fails them. Consumers who want to accept later additive fields can ignore
/// `additionalProperties`; schema 1 only ever adds fields.
public enum ReportSchema {
    public static var document: JSONOutput {
        typealias S = SchemaBuilder
        let probe = S.object(
            [
                "argv": S.strings("The command line run, without a shell."),
                "exitCode": S.nullable("integer", "null when it did not exit (timed out, killed by a signal, could not start)"),
                "durationMs": S.integer,
                "timedOut": S.boolean,
                "fromCache": S.type("boolean", "Present (true) only when the output is an earlier scan's (scan --cache)."),
            ], required: ["argv", "exitCode", "durationMs", "timedOut"])
        let source = S.object(
            [
                "source": S.oneOf(VersionSource.Kind.allCases.map(\.rawValue) + ["exec"]),
                "version": S.nullable("string"),
                "argv": S.strings(),
                "module": S.string, "mainPackage": S.string, "goVersion": S.string, "package": S.string,
                "recordedVersion": S.string, "file": S.string, "note": S.string,
            ], required: ["source", "version"])
        let versionRead = S.object(
            [
                "layer": S.oneOf(VersionReading.Layer.allCases.map(\.rawValue)),
                "pattern": S.nullable("integer", "Index of the catalog pattern that matched."),
                "shape": S.nullable("string"),
                "line": S.nullable("string"),
            ], required: ["layer", "pattern", "shape", "line"])
        let tool = S.object(
            [
                "id": S.string,
                "name": S.string,
                "status": S.oneOf(ToolStatus.allCases.map(\.rawValue)),
                "reason": S.string,
                "command": S.nullable("string"),
                "path": S.nullable("string"),
                "version": S.nullable("string"),
                "minVersion": S.nullable("string", "The lower bound of the version constraint, if it has one."),
                "versionConstraint": S.nullable("string", "The version constraint in force (catalog, config or --require), such as \">= 1.2, < 2\"; a bare version means >= it."),
                "versionProblem": S.oneOf(VersionProblem.allCases.map(\.rawValue), nullable: true, "Why an outdated tool's version fails its constraint; null otherwise."),
                "shadowed": S.strings("Later matches on PATH, hidden by path."),
                "probe": S.nullableRef("probe"),
                "versionFrom": S.oneOf(VersionSource.Kind.allCases.map(\.rawValue) + ["exec"], nullable: true),
                "sources": S.array(S.ref("source")),
                "versionRead": S.nullableRef("versionRead"),
            ], required: ["id", "name", "status", "reason", "command", "path", "version", "minVersion", "shadowed", "probe"])
        let waiver = S.object(
            [
                "target": S.string, "reason": S.string, "expires": S.nullable("string"), "expired": S.boolean,
            ], required: ["target", "reason", "expires", "expired"])
        let capability = S.object(
            [
                "id": S.string, "name": S.string, "met": S.boolean, "tools": S.strings(), "metBy": S.strings(),
                "gating": S.boolean, "waiver": S.nullableRef("waiver"),
            ], required: ["id", "name", "met", "tools", "metBy"])
        let area = S.object(
            [
                "id": S.string,
                "name": S.string,
                "kind": S.oneOf(AreaKind.allCases.map(\.rawValue)),
                "priority": S.oneOf(Priority.allCases.map(\.rawValue)),
                "rank": S.integer,
                "phase": S.integer,
                "status": S.oneOf(AreaStatus.allCases.map(\.rawValue)),
                "capabilities": S.array(S.ref("capability")),
                "tools": S.array(S.ref("tool")),
            ], required: ["id", "name", "priority", "rank", "phase", "status", "capabilities", "tools"])
        let root = S.object(
            [
                "$schema": S.type("string", "Ignored; lets editors find this schema."),
                "schemaVersion": .object(["const": .int(Report.schemaVersion)]),
                "capaudit": S.type("string", "The capaudit version that wrote the report."),
                "host": S.object(
                    [
                        "os": S.nullable("string"), "osVersion": S.nullable("string"), "arch": S.nullable("string"),
                        "hostname": S.nullable("string"), "root": S.nullable("string", "The --root folder; null for a live scan."),
                    ], required: ["os", "osVersion", "arch", "hostname"]),
                "startedAt": S.type("string", "UTC, ISO 8601, second precision."),
                "durationMs": S.integer,
                "settings": S.object(
                    [
                        "timeoutSeconds": S.type("number"), "jobs": S.integer, "noExec": S.boolean,
                        "allowRelativePath": S.boolean, "isolatedHome": S.boolean,
                    ], required: ["timeoutSeconds", "jobs", "noExec", "allowRelativePath", "isolatedHome"]),
                "summary": S.object(
                    [
                        "covered": S.integer, "partial": S.integer, "missing": S.integer, "criticalGaps": S.strings(),
                    ], required: ["covered", "partial", "missing", "criticalGaps"]),
                "areas": S.array(S.ref("area")),
                "gate": S.object(
                    [
                        "failOn": S.oneOf(Priority.allCases.map(\.rawValue) + ["never"]),
                        "profile": S.string,
                        "passed": S.boolean,
                        "failures": S.array(
                            S.object(
                                [
                                    "area": S.nullable("string"), "capability": S.nullable("string"), "tool": S.nullable("string"), "message": S.string,
                                ], required: ["message"])),
                        "waivers": S.array(S.ref("waiver")),
                    ], required: ["failOn", "passed", "failures"]),
                "catalog": .object([
                    "anyOf": .array([
                        S.object(
                            ["source": S.oneOf(CatalogIdentity.Source.allCases.map(\.rawValue)), "paths": S.strings(), "digest": S.string],
                            required: ["source", "paths", "digest"]),
                        S.type("null"),
                    ])
                ]),
                "config": S.nullable("string", "The .capaudit.json in use."),
                "findings": S.array(
                    S.object(
                        [
                            "kind": S.oneOf(Finding.Kind.allCases.map(\.rawValue)), "path": S.string, "message": S.string,
                        ], required: ["kind", "path", "message"])),
            ], required: ["schemaVersion", "capaudit", "host", "startedAt", "durationMs", "summary", "areas", "findings"])
        guard case .object(var members) = root else { return root }
        members["$schema"] = .string(SchemaBuilder.dialect)
        members["title"] = .string("capaudit JSON report, schemaVersion \(Report.schemaVersion)")
        members["description"] = .string("Written by `capaudit scan --format json`. Fields are only ever added within a schemaVersion.")
        members["$defs"] = .object([
            "probe": probe, "source": source, "versionRead": versionRead, "tool": tool, "waiver": waiver,
            "capability": capability, "area": area,
        ])
        // The report itself never carries "$schema"; the property is there for tools that add it.
        return .object(members)
    }
}
