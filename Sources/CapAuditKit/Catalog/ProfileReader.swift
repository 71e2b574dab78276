import Foundation

/// Reads role profiles (`profiles.json`) and tools' `jobEnvironment` evidence, reporting every
/// problem with file, line, column and JSON path. Targets are checked against the areas later, in
/// `CatalogValidator`, once every file is read.
enum ProfileReader {
    static func readProfile(_ value: JSONValue, path: String, reader: inout JSONReader) -> RoleProfile? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.profile) else { return nil }
        let id = CatalogLoader.readID(f, "id", path: path, reader: &reader)
        let name = reader.string(f, "name", path: path)
        let summary = reader.string(f, "summary", path: path)
        let failOn = reader.parsed(
            f, "failOn", path: path, as: "a gate level for a profile",
            expected: "critical, high or medium (leave it out for no default gate)"
        ) { Priority(rawValue: $0) }
        var gates: [ProfileGate] = []
        var ok = true
        for (i, v) in (reader.array(f, "gates", path: path) ?? []).enumerated() {
            let gatePath = "\(reader.join(path, "gates"))[\(i)]"
            guard let g = reader.object(v, path: gatePath, schema: CatalogSchema.profileGate) else { ok = false; continue }
            let target = reader.string(g, "target", path: gatePath)
            let reason = reader.string(g, "reason", path: gatePath)
            let level = reader.parsed(g, "level", path: gatePath, as: "a level", expected: "critical, high, medium or never") { ProfileLevel($0) }
            let need =
                reader.parsed(
                    g, "need", path: gatePath, as: "a need",
                    expected: "each (every capability) or any (at least one capability of the area)"
                ) { ProfileNeed(rawValue: $0) } ?? .each
            if need == .any, let target, target.contains("/") {
                reader.report("need \"any\" applies to a whole area; \(quoted(target)) names one capability", at: g["need"], path: reader.join(gatePath, "need"))
            }
            if let previous = gates.first(where: { $0.target == target }) {
                reader.report("\(quoted(previous.target)) is listed twice in this profile", at: g["target"], path: reader.join(gatePath, "target"))
            }
            guard let target, let level, let reason else { ok = false; continue }
            gates.append(ProfileGate(target: target, level: level, need: need, reason: reason))
        }
        if let id, id == RoleProfile.allID, !gates.isEmpty {
            reader.report(
                "profile \"all\" means the catalog's own priorities and cannot have gates; give this profile another id",
                at: f["gates"], path: reader.join(path, "gates"))
            return nil
        }
        guard let id, let name, let summary, ok else { return nil }
        return RoleProfile(id: id, name: name, summary: summary, failOn: failOn, gates: gates, source: reader.file)
    }

    static func readJobEnvironment(_ value: JSONValue, path: String, reader: inout JSONReader) -> JobEnvironmentEvidence? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.jobEnvironment) else { return nil }
        let equals = reader.stringMap(f, "equals", path: path) ?? [:]
        let set = reader.strings(f, "set", path: path) ?? []
        let unset = reader.strings(f, "unset", path: path) ?? []
        let version = reader.string(f, "version", path: path)
        let note = reader.string(f, "note", path: path)
        var ok = true
        for name in Array(equals.keys) + set + unset + (version.map { [$0] } ?? []) where !isVariableName(name) {
            reader.report("\(quoted(name)) is not an environment variable name (letters, digits and _, not starting with a digit)", at: value, path: path)
            ok = false
        }
        if equals.isEmpty && set.isEmpty {
            reader.report("jobEnvironment needs \"equals\" or \"set\": evidence that holds only inside the agent's jobs", at: value, path: path)
            ok = false
        }
        guard ok else { return nil }
        return JobEnvironmentEvidence(equals: equals, set: set, unset: unset, versionVariable: version, note: note)
    }

    static func isVariableName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !("0"..."9").contains(first), s.count <= 128 else { return false }
        return s.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
