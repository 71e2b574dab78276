import Foundation

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

    /// `catalog list --format json`: the areas in catalog order with their capabilities, every tool
    /// (sorted by id) with how it is detected and the versions that count, and the role profiles.
    public static func listJSON(_ catalog: Catalog) -> String {
        let areas: [JSONOutput] = catalog.areas.map { area in
            .object([
                "id": .string(area.id), "name": .string(area.name), "kind": .string(area.kind.rawValue),
                "priority": .string(area.priority.rawValue), "rank": .int(area.rank), "phase": .int(area.phase),
                "why": .string(area.why), "impact": .string(area.impact), "useCases": .array(area.useCases.map { .string($0) }),
                "capabilities": .array(
                    area.capabilities.map { c in
                        .object(["id": .string(c.id), "name": .string(c.name), "tools": .array(c.tools.map { .string($0) }), "preferred": .string(c.preferred)])
                    }),
            ])
        }
        let tools: [JSONOutput] = catalog.tools.keys.sorted().map { id in
            let tool = catalog.tools[id]!
            var probes: [JSONOutput] = []
            var undetectable: String?
            switch tool.detection {
            case .probes(let list): probes = list.map { .object(["command": .string($0.command), "args": .array($0.args.map { .string($0) })]) }
            case .undetectable(let reason): undetectable = reason
            }
            let meets = catalog.areas.flatMap { area in area.capabilities.filter { $0.tools.contains(id) }.map { JSONOutput.string("\(area.id)/\($0.id)") } }
            return .object([
                "id": .string(id), "name": .string(tool.name), "summary": .string(tool.summary), "homepage": .string(tool.homepage),
                "probes": .array(probes), "undetectable": .string(undetectable),
                "minVersion": .string(tool.minVersion?.text), "versionConstraint": .string(tool.versionConstraint?.description),
                "platforms": .array(tool.platforms.map { .string($0) }), "capabilities": .array(meets),
            ])
        }
        let profiles: [JSONOutput] = catalog.profiles.map { p in
            .object(["id": .string(p.id), "name": .string(p.name), "summary": .string(p.summary), "failOn": .string(p.failOn?.rawValue)])
        }
        return JSONOutput.object([
            "catalog": catalog.identity.map { c in
                .object(["source": .string(c.source.rawValue), "paths": .array(c.paths.map { .string($0) }), "digest": .string(c.digest)])
            } ?? .null,
            "areas": .array(areas), "tools": .array(tools), "profiles": .array(profiles),
        ]).rendered()
    }

    /// One area or tool in detail; nil when the id is neither.
    public static func show(_ id: String, in catalog: Catalog) -> String? {
        if let area = catalog.area(id) {
            var lines = [
                "\(area.name) (\(area.id))", "kind: \(area.kind.rawValue)  priority: \(area.priority.rawValue)  rank: \(area.rank)  phase: \(area.phase)",
                "why: \(area.why)", "impact: \(area.impact)", "use cases: " + area.useCases.joined(separator: "; "), "capabilities:",
            ]
            for c in area.capabilities {
                lines.append("  \(c.id): \(c.name) — tools: \(c.tools.joined(separator: ", "))" + (c.preferred.map { " (preferred: \($0))" } ?? ""))
            }
            lines.append("source: \(area.source)")
            return lines.joined(separator: "\n") + "\n"
        }
        guard let tool = catalog.tools[id] else { return nil }
        var lines = ["\(tool.name) (\(tool.id))", tool.summary, "homepage: \(tool.homepage)"]
        if let constraint = tool.versionConstraint {
            lines.append(constraint.plainMinimum.map { "minimum version: \($0)" } ?? "version constraint: \(constraint)")
        }
        if !tool.platforms.isEmpty { lines.append("platforms: " + tool.platforms.joined(separator: ", ")) }
        switch tool.detection {
        case .undetectable(let reason): lines.append("cannot be detected from the host: \(reason)")
        case .probes(let probes):
            for (i, p) in probes.enumerated() {
                lines.append("probe \(i + 1): \(([p.command] + p.args).joined(separator: " "))")
                for (n, pattern) in p.patterns.enumerated() { lines.append(p.patterns.count > 1 ? "  pattern \(n + 1): \(pattern.source)" : "  pattern: \(pattern.source)") }
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
