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
                    problems.append(
                        CatalogProblem(
                            file: file, location: value.location, path: "tools",
                            message: "duplicate tool id \"\(tool.id)\" (first defined in \(first)); define each tool once"))
                    continue
                }
                toolSeen[tool.id] = file
                tools[tool.id] = tool
            }
        }
        for (file, fragment) in fragments {
            for (area, value) in fragment.areas {
                if let problem = duplicateDefinition(area.id, "area", seen: &areaSeen, file: file, value: value, path: "area.id") {
                    problems.append(problem)
                    continue
                }
                if let other = rankSeen[area.rank] {
                    problems.append(
                        CatalogProblem(
                            file: file, location: value.member("rank")?.location, path: "area.rank",
                            message: "rank \(area.rank) is also the rank of area \"\(other)\"; ranks must be unique"))
                }
                rankSeen[area.rank] = area.id
                var capabilitySeen = Set<String>()
                for (i, capability) in area.capabilities.enumerated() {
                    let path = "area.capabilities[\(i)]"
                    let capabilityValue = value.member("capabilities")?.element(i)
                    if !capabilitySeen.insert(capability.id).inserted {
                        problems.append(
                            CatalogProblem(
                                file: file, location: capabilityValue?.member("id")?.location, path: "\(path).id",
                                message: "duplicate capability id \"\(capability.id)\" in area \"\(area.id)\""))
                    }
                    var toolInCapability = Set<String>()
                    for (j, toolID) in capability.tools.enumerated() {
                        if !toolInCapability.insert(toolID).inserted {
                            problems.append(
                                CatalogProblem(
                                    file: file, location: capabilityValue?.member("tools")?.element(j)?.location, path: "\(path).tools[\(j)]",
                                    message: "tool \"\(toolID)\" is listed twice"))
                        }
                        if tools[toolID] == nil && !invalidToolIDs.contains(toolID) {
                            var message = "unknown tool \"\(toolID)\"; no catalog file defines it"
                            if let near = nearest(toolID, in: Array(tools.keys).sorted()) { message += "; did you mean \"\(near)\"?" }
                            problems.append(
                                CatalogProblem(file: file, location: capabilityValue?.member("tools")?.element(j)?.location, path: "\(path).tools[\(j)]", message: message))
                        }
                    }
                }
                areas.append(area)
            }
        }
        var profiles: [RoleProfile] = []
        var profileSeen: [String: String] = [:]
        let targets = areas.map(\.id) + areas.flatMap { a in a.capabilities.map { "\(a.id)/\($0.id)" } }
        for (file, fragment) in fragments {
            for (profile, value) in fragment.profiles {
                if let problem = duplicateDefinition(profile.id, "profile", seen: &profileSeen, file: file, value: value, path: "profiles[\"\(profile.id)\"].id") {
                    problems.append(problem)
                    continue
                }
                var valid = true
                for (i, gate) in profile.gates.enumerated() where !targets.contains(gate.target) {
                    var message = "profile \"\(profile.id)\" names unknown target \(quoted(gate.target)); expected an area id or area/capability"
                    if let near = nearest(gate.target, in: targets) { message += "; did you mean \"\(near)\"?" }
                    problems.append(
                        CatalogProblem(
                            file: file, location: value.member("gates")?.element(i)?.member("target")?.location,
                            path: "profiles[\"\(profile.id)\"].gates[\(i)].target", message: message))
                    valid = false
                }
                if valid { profiles.append(profile) }
            }
        }
        var repositories: [String: VendorRepository] = [:]
        var repositorySeen: [String: String] = [:]
        for (file, fragment) in fragments {
            for (repository, value) in fragment.repositories {
                if let problem = duplicateDefinition(
                    repository.id, "repository", seen: &repositorySeen, file: file, value: value, path: "repositories[\"\(repository.id)\"].id")
                {
                    problems.append(problem)
                    continue
                }
                repositories[repository.id] = repository
            }
        }
        // A tool's package from a vendor repository names one the catalog defines, with an entry for that method.
        for (file, fragment) in fragments {
            for (tool, value) in fragment.tools {
                for (method, id) in tool.install.repositories.sorted(by: { $0.key < $1.key }) {
                    let location = value.member("install")?.member("repositories")?.member(method.rawValue)?.location
                    let path = "tools[\"\(tool.id)\"].install.repositories.\(method.rawValue)"
                    guard let repository = repositories[id] else {
                        var message = "unknown repository \(quoted(id)); no catalog file defines it"
                        if let near = nearest(id, in: Array(repositories.keys).sorted()) { message += "; did you mean \"\(near)\"?" }
                        problems.append(CatalogProblem(file: file, location: location, path: path, message: message))
                        continue
                    }
                    if repository.access(for: method) == nil {
                        problems.append(
                            CatalogProblem(
                                file: file, location: location, path: path,
                                message:
                                    "repository \(quoted(id)) has no \(quoted(method.rawValue)) entry (it has \(repository.access.keys.sorted().map(\.rawValue).joined(separator: ", ")))"
                            ))
                    }
                }
            }
        }
        return (Catalog(areas: areas, tools: tools, profiles: profiles, repositories: repositories), problems)
    }

    /// Records that `file` defines `id`; when an earlier file already did, the problem to report instead.
    static func duplicateDefinition(
        _ id: String, _ what: String, seen: inout [String: String], file: String, value: JSONValue,
        path: String
    ) -> CatalogProblem? {
        if let first = seen[id] {
            return CatalogProblem(
                file: file, location: value.member("id")?.location, path: path,
                message: "duplicate \(what) id \"\(id)\" (first defined in \(first))")
        }
        seen[id] = file
        return nil
    }
}
