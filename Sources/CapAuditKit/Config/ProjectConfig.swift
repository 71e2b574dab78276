import Foundation

/// A project's requirements file (`.capaudit.json`): what the project requires, at which
/// priority gaps gate, minimum versions, its own extra tools, and waivers.
public struct ProjectConfig: Sendable, Equatable {
    public static let fileName = ".capaudit.json"
    public static let schemaVersion = 1

    /// The file it was read from.
    public var path: String
    /// Gate threshold used when `--fail-on` is not given.
    public var failOn: Priority?
    public var failOnNever: Bool
    /// The host role (`profile`): used when `--profile` is not given.
    public var profile: String?
    /// Area id → the priority at which its gaps gate.
    public var areaGates: [String: Priority]
    /// `area/capability` → the priority at which it gates.
    public var capabilityGates: [String: Priority]
    public var requiredTools: [ToolRequirement]
    /// `minVersions`: tool id → the versions that count, replacing the catalog's.
    public var minVersions: [String: VersionConstraint]
    /// The team's own CLIs, in the catalog's tool schema; each becomes a required capability of the
    /// `project` area.
    public var extraTools: [Tool]
    /// Waivers, with `expired` set against the evaluation date.
    public var waivers: [Waiver]

    public init(
        path: String = "", failOn: Priority? = nil, failOnNever: Bool = false, areaGates: [String: Priority] = [:],
        capabilityGates: [String: Priority] = [:], requiredTools: [ToolRequirement] = [], minVersions: [String: VersionConstraint] = [:],
        extraTools: [Tool] = [], waivers: [Waiver] = []
    ) {
        self.path = path
        self.failOn = failOn
        self.failOnNever = failOnNever
        self.areaGates = areaGates
        self.capabilityGates = capabilityGates
        self.requiredTools = requiredTools
        self.minVersions = minVersions
        self.extraTools = extraTools
        self.waivers = waivers
    }

    /// The nearest `.capaudit.json` in `directory` or its parents, as git finds `.gitignore`.
    public static func discover(from directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Reads and validates a requirements file against the catalog. `today` (`YYYY-MM-DD`, UTC)
    /// decides which waivers have expired.
    public static func load(path: String, catalog: Catalog, today: String) throws(ConfigError) -> ProjectConfig {
        let data: Data
        switch CatalogLoader.readBytes(path) {
        case .success(let d): data = d
        case .failure(let problem): throw .invalid([problem])
        }
        return try parse(data, path: path, catalog: catalog, today: today)
    }

    public static func parse(_ data: Data, path: String, catalog: Catalog, today: String) throws(ConfigError) -> ProjectConfig {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw .invalid([JSONProblem(file: path, location: error.location, message: "malformed JSON: \(error.message)")])
        }
        var reader = JSONReader(file: path)
        var config = ProjectConfig(path: path)
        guard
            let f = reader.object(
                root, path: "", required: ["schemaVersion"],
                optional: ["$schema", "failOn", "profile", "require", "minVersions", "tools", "waivers"])
        else {
            throw .invalid(reader.problems)
        }
        // `$schema` points editors at `capaudit schema config`; capaudit reads only that it is a string.
        _ = reader.string(f, "$schema", path: "")
        if let v = reader.int(f, "schemaVersion", path: "", range: 1...Int.max), v != schemaVersion {
            reader.report("schemaVersion \(v) is not supported; this capaudit reads version \(schemaVersion)", at: f["schemaVersion"], path: "schemaVersion")
        }
        if let text = reader.string(f, "profile", path: "") {
            if checkID(text, known: catalog.profileIDs, what: "profile (one of \(catalog.profileIDs.joined(separator: ", ")))", at: f["profile"], path: "profile", reader: &reader)
            {
                config.profile = text
            }
        }
        if let text = reader.string(f, "failOn", path: "") {
            if text == "never" {
                config.failOnNever = true
            } else if let p = Priority(rawValue: text) {
                config.failOn = p
            } else {
                reader.report("\"\(text)\" is not a gate level; expected critical, high, medium or never", at: f["failOn"], path: "failOn")
            }
        }
        // Extra tools first: requirements may name them.
        var extraIDs: [String] = []
        if let values = reader.array(f, "tools", path: "") {
            for (i, value) in values.enumerated() {
                guard let tool = CatalogLoader.readTool(value, path: "tools[\(i)]", reader: &reader) else { continue }
                if catalog.tools[tool.id] != nil || extraIDs.contains(tool.id) {
                    reader.report(
                        "tool id \"\(tool.id)\" is already defined by the catalog; use minVersions to change its minimum, or pick another id",
                        at: value.member("id"), path: "tools[\(i)].id")
                    continue
                }
                extraIDs.append(tool.id)
                config.extraTools.append(tool)
            }
        }
        let toolIDs = Array(catalog.tools.keys).sorted() + extraIDs
        // The project's own tools form the `project` area, whose capabilities are named after them.
        let areaIDs = catalog.areas.map(\.id) + (extraIDs.isEmpty ? [] : ["project"])
        let capabilityIDs = catalog.areas.flatMap { a in a.capabilities.map { "\(a.id)/\($0.id)" } } + extraIDs.map { "project/\($0)" }
        if let value = f["require"], let r = reader.object(value, path: "require", required: [], optional: ["areas", "capabilities", "tools"]) {
            config.areaGates = readGates(r["areas"], path: "require.areas", known: areaIDs, what: "area", reader: &reader)
            config.capabilityGates = readGates(r["capabilities"], path: "require.capabilities", known: capabilityIDs, what: "capability (area/capability)", reader: &reader)
            if let tools = reader.stringMap(r, "tools", path: "require") {
                for id in tools.keys.sorted() {
                    let constraint = tools[id]!.trimmingCharacters(in: .whitespaces)
                    let at = r["tools"]?.member(id)
                    guard checkID(id, known: toolIDs, what: "tool", at: at, path: "require.tools.\(id)", reader: &reader) else { continue }
                    if constraint.isEmpty || constraint == "*" {
                        config.requiredTools.append(ToolRequirement(toolID: id))
                    } else if let parsed = VersionConstraint(parsing: constraint) {
                        config.requiredTools.append(ToolRequirement(toolID: id, versionConstraint: parsed))
                    } else {
                        reader.report(
                            "\(quoted(constraint)) is not a version constraint; use \"*\" (any version), \">=1.2.3\", \"~> 1.2\" or clauses joined with commas (\">= 1.2, < 2\"; operators >, >=, =, <, <=, !=, ~>)",
                            at: at, path: "require.tools.\(id)")
                    }
                }
            }
        }
        if let versions = reader.stringMap(f, "minVersions", path: "") {
            for id in versions.keys.sorted() {
                let at = f["minVersions"]?.member(id)
                guard checkID(id, known: toolIDs, what: "tool", at: at, path: "minVersions.\(id)", reader: &reader) else { continue }
                if let v = VersionConstraint(parsing: versions[id]!) {
                    config.minVersions[id] = v
                } else {
                    reader.report(
                        "\(quoted(versions[id]!)) is not a version; expected something like 1.2.3 (at least), or a constraint such as \"~> 1.2\" or \">= 1.2, < 2\"",
                        at: at, path: "minVersions.\(id)")
                }
            }
        }
        if let values = reader.array(f, "waivers", path: "") {
            for (i, value) in values.enumerated() {
                let path = "waivers[\(i)]"
                guard let w = reader.object(value, path: path, required: ["target", "reason"], optional: ["expires"]) else { continue }
                guard let target = reader.string(w, "target", path: path), let reason = reader.string(w, "reason", path: path) else { continue }
                guard
                    checkID(
                        target, known: toolIDs + areaIDs + capabilityIDs, what: "waiver target (tool, area or area/capability)",
                        at: w["target"], path: "\(path).target", reader: &reader)
                else { continue }
                var expires: String?
                if let e = reader.string(w, "expires", path: path) {
                    guard isDate(e) else {
                        reader.report("\(quoted(e)) is not a date; expected YYYY-MM-DD", at: w["expires"], path: "\(path).expires")
                        continue
                    }
                    expires = e
                }
                config.waivers.append(Waiver(target: target, reason: reason, expires: expires, expired: expires.map { $0 < today } ?? false))
            }
        }
        if !reader.problems.isEmpty { throw .invalid(reader.problems) }
        return config
    }

    static func readGates(_ value: JSONValue?, path: String, known: [String], what: String, reader: inout JSONReader) -> [String: Priority] {
        guard let value else { return [:] }
        guard case .object(let members, _) = value else {
            reader.report("expected an object mapping ids to critical, high or medium but found \(value.typeName)", at: value, path: path)
            return [:]
        }
        var out: [String: Priority] = [:]
        for (id, v) in members where !id.hasPrefix("$comment") {
            if out[id] != nil {
                reader.report("duplicate key \"\(id)\"", at: v, path: "\(path).\(id)")
                continue
            }
            guard checkID(id, known: known, what: what, at: v, path: "\(path).\(id)", reader: &reader) else { continue }
            guard case .string(let text, _) = v, let p = Priority(rawValue: text) else {
                reader.report("expected critical, high or medium", at: v, path: "\(path).\(id)")
                continue
            }
            out[id] = p
        }
        return out
    }

    static func checkID(_ id: String, known: [String], what: String, at value: JSONValue?, path: String, reader: inout JSONReader) -> Bool {
        guard !known.contains(id) else { return true }
        var message = "unknown \(what) \(quoted(id))"
        if let near = nearest(id, in: known) { message += "; did you mean \"\(near)\"?" }
        reader.report(message, at: value, path: path)
        return false
    }

    /// Exactly `YYYY-MM-DD` (expiry compares these as strings, so the shape must be exact).
    static func isDate(_ s: String) -> Bool {
        let chars = Array(s)
        guard chars.count == 10, chars[4] == "-", chars[7] == "-",
            chars.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element.isASCII && $0.element.isNumber) }),
            let y = Int(String(chars[0..<4])), let m = Int(String(chars[5..<7])), let d = Int(String(chars[8..<10]))
        else { return false }
        guard y >= 2000, (1...12).contains(m) else { return false }
        // A real calendar day: 2027-02-31 is not one.
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    /// The gate policy this file asks for, with the command line's `--fail-on` and `--require` on top.
    ///
    /// Precedence (first that is set wins): the gate level from `--fail-on`, the file's `failOn`, the
    /// profile's `failOn`, else never; per-capability levels from the file's `require`, then the profile,
    /// then the catalog (see `Evaluator.gatePriority`). `profile` is the one already chosen from
    /// `--profile`, else this file's `profile`, else `all` (nil).
    public func policy(
        failOnOverride: Priority??, extraRequirements: [ToolRequirement], profile: RoleProfile? = nil,
        selectedAreas: Set<String> = []
    ) -> GatePolicy {
        let failOn: Priority? = failOnOverride ?? (failOnNever ? nil : (self.failOn ?? profile?.failOn))
        return GatePolicy(
            failOn: failOn, requiredTools: requiredTools + extraRequirements, areaGates: areaGates,
            capabilityGates: capabilityGates, versionConstraints: minVersions, waivers: waivers,
            profile: profile?.id == RoleProfile.allID && profile?.gates.isEmpty == true ? nil : profile,
            selectedAreas: selectedAreas)
    }

    /// The catalog with this project's own tools added as an area `project` whose capabilities
    /// (one per tool) gate at critical.
    public func extend(_ catalog: Catalog) -> Catalog {
        guard !extraTools.isEmpty else { return catalog }
        var tools = catalog.tools
        for tool in extraTools { tools[tool.id] = tool }
        let area = Area(
            id: "project", name: "Project tools", priority: .critical, rank: 1000, phase: 1,
            why: "Required by this project's \(ProjectConfig.fileName)", impact: "The project's own workflows cannot run without them",
            useCases: [], capabilities: extraTools.map { Capability(id: $0.id, name: $0.name, tools: [$0.id], preferred: $0.id) },
            source: path, kind: .project)
        return Catalog(areas: catalog.areas + [area], tools: tools, identity: catalog.identity, profiles: catalog.profiles)
    }
}
