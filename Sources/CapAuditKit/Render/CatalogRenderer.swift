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

    /// One area or tool in detail; nil when the id is neither.
    public static func show(_ id: String, in catalog: Catalog) -> String? {
        if let area = catalog.area(id) {
            var lines = ["\(area.name) (\(area.id))", "kind: \(area.kind.rawValue)  priority: \(area.priority.rawValue)  rank: \(area.rank)  phase: \(area.phase)",
                         "why: \(area.why)", "impact: \(area.impact)", "use cases: " + area.useCases.joined(separator: "; "), "capabilities:"]
            for c in area.capabilities {
                lines.append("  \(c.id): \(c.name) — tools: \(c.tools.joined(separator: ", "))" + (c.preferred.map { " (preferred: \($0))" } ?? ""))
            }
            lines.append("source: \(area.source)")
            return lines.joined(separator: "\n") + "\n"
        }
        guard let tool = catalog.tools[id] else { return nil }
        var lines = ["\(tool.name) (\(tool.id))", tool.summary, "homepage: \(tool.homepage)"]
        if let min = tool.minVersion { lines.append("minimum version: \(min)") }
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
