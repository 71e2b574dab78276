import Foundation

/// The JSON Schema (draft 2020-12) of a project's requirements file, `.capaudit.json`
/// (`capaudit schema config`). Point an editor at it with `"$schema"` in the file.
///
/// It says what capaudit's loader accepts, shape by shape; what only the catalog can say (whether an
/// id exists, whether a version constraint parses) is checked by capaudit itself, with the file, line
/// and a suggestion.
public enum ConfigSchema {
    public static var document: JSONOutput {
        typealias S = SchemaBuilder
        let level = S.oneOf(Priority.allCases.map(\.rawValue))
        let constraintText =
            "A version (at least it: \"1.2.3\") or a constraint: clauses of >=, >, =, <, <=, != or ~> and a version, joined with commas (\">= 1.2, < 2\", \"~> 1.2\")."
        let probe = S.object(
            [
                "command": S.string, "args": S.strings(), "pattern": S.string, "patterns": S.strings(),
                "env": S.map(S.string, comments: true), "evidence": S.oneOf(Evidence.allCases.map(\.rawValue)),
                "timeout": S.type("number"), "note": S.string,
            ], required: ["command", "args"], comments: true)
        let tool = S.object(
            [
                "id": S.string, "name": S.string, "summary": S.string, "homepage": S.type("string", "An http(s) URL."),
                "probes": S.array(S.ref("probe")), "undetectable": S.string,
                "minVersion": S.type("string", constraintText),
                "platforms": S.array(S.oneOf(["linux", "macos"])),
                "install": S.type("object"), "versionFacts": S.type("array"), "note": S.string, "jobEnvironment": S.type("object"),
                "goPackages": S.strings(), "operations": S.type("array"),
            ], required: ["id", "name", "summary", "homepage"], comments: true, "A tool of the project's own, in the catalog's tool schema (Catalog/README.md).")
        let waiver = S.object(
            [
                "target": S.type("string", "A tool id, an area id, or area/capability."),
                "reason": S.string,
                "expires": .object([
                    "type": .string("string"), "pattern": .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                    "description": .string("YYYY-MM-DD; the waiver holds through that day."),
                ]),
            ], required: ["target", "reason"], comments: true)
        let root = S.object(
            [
                "$schema": S.type("string", "This schema's location, for editors; capaudit ignores it."),
                "schemaVersion": .object(["const": .int(ProjectConfig.schemaVersion)]),
                "failOn": S.oneOf(Priority.allCases.map(\.rawValue) + ["never"], "Gate level when --fail-on is not given."),
                "profile": S.type("string", "The host role whose levels apply: workstation, ci-runner, k8s-node, bastion, all, or one of the catalog's profiles."),
                "require": S.object(
                    [
                        "areas": S.map(level, comments: true, "Area id → the level at which its gaps gate."),
                        "capabilities": S.map(level, comments: true, "area/capability → the level at which it gates."),
                        "tools": S.map(S.type("string", "\"*\" (any version), or " + constraintText), comments: true, "Tool id → required, within this version constraint."),
                    ], required: [], comments: true),
                "minVersions": S.map(S.type("string", constraintText), comments: true, "Tool id → the versions that count for it, replacing the catalog's."),
                "tools": S.array(S.ref("tool")),
                "waivers": S.array(S.ref("waiver")),
            ], required: ["schemaVersion"], comments: true)
        guard case .object(var members) = root else { return root }
        members["$schema"] = .string(SchemaBuilder.dialect)
        members["title"] = .string("capaudit project requirements (.capaudit.json), schemaVersion \(ProjectConfig.schemaVersion)")
        members["description"] = .string("Members whose names start with $comment are ignored everywhere.")
        members["$defs"] = .object(["probe": probe, "tool": tool, "waiver": waiver])
        return .object(members)
    }
}
