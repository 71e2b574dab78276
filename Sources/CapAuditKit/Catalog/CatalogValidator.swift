import Foundation

/// Checks what no single file can: unique ids and ranks across files, and capabilities that name
/// tools the catalog defines.
enum CatalogValidator {
    static func assemble(_ fragments: [(String, CatalogFragment)]) -> (Catalog, [CatalogProblem]) {
        var problems: [CatalogProblem] = []
        var areas: [Area] = []
        var areaSeen: [String: String] = [:]
        var rankSeen: [Int: String] = [:]
        var tools: [String: Tool] = [:]
        var toolSeen: [String: String] = [:]
        let invalidToolIDs = fragments.reduce(into: Set<String>()) { $0.formUnion($1.1.invalidToolIDs) }

        for (file, fragment) in fragments {
            for (tool, value) in fragment.tools {
                if let first = toolSeen[tool.id] {
                    problems.append(CatalogProblem(file: file, location: value.location, path: "tools",
                                                   message: "duplicate tool id \"\(tool.id)\" (first defined in \(first)); define each tool once"))
                    continue
                }
                toolSeen[tool.id] = file
                tools[tool.id] = tool
            }
        }
        for (file, fragment) in fragments {
            for (area, value) in fragment.areas {
                if let first = areaSeen[area.id] {
                    problems.append(CatalogProblem(file: file, location: value.member("id")?.location, path: "area.id",
                                                   message: "duplicate area id \"\(area.id)\" (first defined in \(first))"))
                    continue
                }
                areaSeen[area.id] = file
                if let other = rankSeen[area.rank] {
                    problems.append(CatalogProblem(file: file, location: value.member("rank")?.location, path: "area.rank",
                                                   message: "rank \(area.rank) is also the rank of area \"\(other)\"; ranks must be unique"))
                }
                rankSeen[area.rank] = area.id
                var capabilitySeen = Set<String>()
                for (i, capability) in area.capabilities.enumerated() {
                    let path = "area.capabilities[\(i)]"
                    let capabilityValue = value.member("capabilities")?.element(i)
                    if !capabilitySeen.insert(capability.id).inserted {
                        problems.append(CatalogProblem(file: file, location: capabilityValue?.member("id")?.location, path: "\(path).id",
                                                       message: "duplicate capability id \"\(capability.id)\" in area \"\(area.id)\""))
                    }
                    var toolInCapability = Set<String>()
                    for (j, toolID) in capability.tools.enumerated() {
                        if !toolInCapability.insert(toolID).inserted {
                            problems.append(CatalogProblem(file: file, location: capabilityValue?.member("tools")?.element(j)?.location, path: "\(path).tools[\(j)]",
                                                           message: "tool \"\(toolID)\" is listed twice"))
                        }
                        if tools[toolID] == nil && !invalidToolIDs.contains(toolID) {
                            var message = "unknown tool \"\(toolID)\"; no catalog file defines it"
                            if let near = nearest(toolID, in: Array(tools.keys).sorted()) { message += "; did you mean \"\(near)\"?" }
                            problems.append(CatalogProblem(file: file, location: capabilityValue?.member("tools")?.element(j)?.location, path: "\(path).tools[\(j)]", message: message))
                        }
                    }
                }
                areas.append(area)
            }
        }
        return (Catalog(areas: areas, tools: tools), problems)
    }
}
