import Foundation

/// One catalog file's name and bytes, however it was obtained (disk or the built-in copy).
public struct CatalogSource: Sendable, Equatable {
    public var name: String
    public var data: Data
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// What one file contributed before cross-file validation.
struct CatalogFragment {
    var areas: [(Area, JSONValue)] = []
    var tools: [(Tool, JSONValue)] = []
    var profiles: [(RoleProfile, JSONValue)] = []
    var repositories: [(VendorRepository, JSONValue)] = []
    /// Ids of tool entries that had mistakes: known, so capabilities naming them do not add a
    /// second, misleading "unknown tool" problem.
    var invalidToolIDs: Set<String> = []
}

/// Turns catalog files into a validated `Catalog`, reporting every problem with file, line,
/// column and JSON path.
public enum CatalogLoader {
    /// Files larger than this are refused: no real catalog file comes near it.
    public static let maxFileSize = 1 << 20
    public static let schemaVersion = 1

    /// Loads catalog files or folders (every `*.json` in a folder, sorted by name).
    public static func load(paths: [String]) throws(CatalogError) -> Catalog {
        var sources: [CatalogSource] = []
        var problems: [CatalogProblem] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(CatalogProblem(file: path, message: "no such file or folder"))
                continue
            }
            var files: [String] = []
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files = names.filter { $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
                if files.isEmpty {
                    problems.append(CatalogProblem(file: path, message: "the folder holds no *.json catalog files"))
                }
            } else {
                files = [path]
            }
            for file in files {
                switch readBytes(file) {
                case .success(let data): sources.append(CatalogSource(name: file, data: data))
                case .failure(let problem): problems.append(problem)
                }
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        var catalog = try parse(sources)
        catalog.identity = CatalogIdentity.of(sources, paths: paths)
        return catalog
    }

    public static func readBytes(_ path: String) -> Result<Data, CatalogProblem> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .failure(CatalogProblem(file: path, message: "cannot read the file"))
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > maxFileSize {
            return .failure(CatalogProblem(file: path, message: "the file is \(size.intValue) bytes; files over \(maxFileSize) bytes are refused"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(CatalogProblem(file: path, message: "cannot read the file (permission denied, or not a regular file)"))
        }
        if data.count > maxFileSize {
            return .failure(CatalogProblem(file: path, message: "files over \(maxFileSize) bytes are refused"))
        }
        return .success(data)
    }

    /// Parses and validates catalog sources into one catalog.
    public static func parse(_ sources: [CatalogSource]) throws(CatalogError) -> Catalog {
        var problems: [CatalogProblem] = []
        var fragments: [(String, CatalogFragment)] = []
        for source in sources {
            if source.data.count > maxFileSize {
                problems.append(CatalogProblem(file: source.name, message: "files over \(maxFileSize) bytes are refused"))
                continue
            }
            let root: JSONValue
            do {
                root = try JSONParser.parse(source.data)
            } catch {
                problems.append(CatalogProblem(file: source.name, location: error.location, message: "malformed JSON: \(error.message)"))
                continue
            }
            var reader = JSONReader(file: source.name)
            let fragment = readFile(root, reader: &reader)
            problems += reader.problems
            fragments.append((source.name, fragment))
        }
        if sources.isEmpty {
            problems.append(CatalogProblem(file: "(catalog)", message: "no catalog files were given"))
        }
        let (catalog, crossProblems) = CatalogValidator.assemble(fragments)
        problems += crossProblems
        if problems.isEmpty && catalog.areas.isEmpty && !sources.isEmpty {
            problems.append(CatalogProblem(file: sources.map(\.name).joined(separator: ", "), message: "the catalog defines no area"))
        }
        if !problems.isEmpty { throw .invalid(problems) }
        var identified = catalog
        identified.identity = CatalogIdentity.of(sources)
        return identified
    }

    static func readFile(_ root: JSONValue, reader: inout JSONReader) -> CatalogFragment {
        var fragment = CatalogFragment()
        guard let fields = reader.object(root, path: "", schema: CatalogSchema.file) else {
            return fragment
        }
        if let version = reader.int(fields, "schemaVersion", path: "", range: 1...Int.max), version != schemaVersion {
            reader.report(
                "schemaVersion \(version) is not supported; this capaudit reads version \(schemaVersion) (upgrade capaudit)",
                at: fields["schemaVersion"], path: "schemaVersion")
        }
        if fields["area"] == nil && fields["tools"] == nil && fields["profiles"] == nil && fields["repositories"] == nil {
            reader.report(
                "a catalog file needs an \"area\", \"tools\", or both (or \"profiles\", as in profiles.json, or \"repositories\", as in repositories.json)",
                at: root, path: "")
        }
        if let values = reader.array(fields, "repositories", path: "", nonEmpty: true) {
            for (i, value) in values.enumerated() {
                if let repository = RepositoryReader.read(value, path: "repositories[\(i)]", reader: &reader) { fragment.repositories.append((repository, value)) }
            }
        }
        if let values = reader.array(fields, "profiles", path: "", nonEmpty: true) {
            for (i, value) in values.enumerated() {
                if let profile = ProfileReader.readProfile(value, path: "profiles[\(i)]", reader: &reader) { fragment.profiles.append((profile, value)) }
            }
        }
        if let areaValue = fields["area"], let area = readArea(areaValue, path: "area", reader: &reader) {
            fragment.areas.append((area, areaValue))
        }
        if let toolValues = reader.array(fields, "tools", path: "") {
            for (i, value) in toolValues.enumerated() {
                if let tool = readTool(value, path: "tools[\(i)]", reader: &reader) {
                    fragment.tools.append((tool, value))
                } else if case .object(let members, _) = value, case .string(let id, _)? = members.first(where: { $0.key == "id" })?.value {
                    fragment.invalidToolIDs.insert(id)
                }
            }
        }
        return fragment
    }

    static func readArea(_ value: JSONValue, path: String, reader: inout JSONReader) -> Area? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.area) else { return nil }
        let kind =
            reader.parsed(f, "kind", path: path, as: "an area kind", expected: "gap, foundation or extended") { text in
                AreaKind(rawValue: text).flatMap { $0 == .project ? nil : $0 }
            } ?? .gap
        let id = readID(f, "id", path: path, reader: &reader)
        let name = reader.string(f, "name", path: path)
        let priority = reader.parsed(f, "priority", path: path, as: "a priority", expected: "one of critical, high, medium") { Priority(rawValue: $0) }
        let rank = reader.int(f, "rank", path: path, range: 1...1000)
        let phase = reader.int(f, "phase", path: path, range: 1...3)
        let why = reader.string(f, "why", path: path)
        let impact = reader.string(f, "impact", path: path)
        let useCases = reader.strings(f, "useCases", path: path)
        var capabilities: [Capability] = []
        var capabilitiesOK = true
        if let values = reader.array(f, "capabilities", path: path, nonEmpty: true) {
            for (i, v) in values.enumerated() {
                if let c = readCapability(v, path: "\(path).capabilities[\(i)]", reader: &reader) { capabilities.append(c) } else { capabilitiesOK = false }
            }
        } else {
            capabilitiesOK = false
        }
        guard let id, let name, let priority, let rank, let phase, let why, let impact, let useCases, capabilitiesOK else { return nil }
        return Area(
            id: id, name: name, priority: priority, rank: rank, phase: phase, why: why, impact: impact,
            useCases: useCases, capabilities: capabilities, source: reader.file, kind: kind)
    }

    static func readCapability(_ value: JSONValue, path: String, reader: inout JSONReader) -> Capability? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.capability) else { return nil }
        let id = readID(f, "id", path: path, reader: &reader)
        let name = reader.string(f, "name", path: path)
        let tools = reader.strings(f, "tools", path: path, nonEmpty: true)
        let preferred = reader.string(f, "preferred", path: path)
        if let preferred, let tools, !tools.contains(preferred) {
            reader.report(
                "preferred tool \"\(preferred)\" is not one of this capability's tools (\(tools.joined(separator: ", ")))",
                at: f["preferred"], path: reader.join(path, "preferred"))
            return nil
        }
        guard let id, let name, let tools else { return nil }
        return Capability(id: id, name: name, tools: tools, preferred: preferred)
    }

    public static func readTool(_ value: JSONValue, path: String, reader: inout JSONReader) -> Tool? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.tool) else { return nil }
        let id = readID(f, "id", path: path, reader: &reader)
        let name = reader.string(f, "name", path: path)
        let summary = reader.string(f, "summary", path: path)
        let homepage = reader.url(f, "homepage", path: path)
        var versionConstraint: VersionConstraint?
        if let text = reader.string(f, "minVersion", path: path) {
            versionConstraint = VersionConstraint(parsing: text)
            if versionConstraint == nil {
                reader.report(
                    "\"\(text)\" is not a version or version constraint; expected 1.2.3 (at least), or clauses like \">= 1.2, < 2\" or \"~> 1.2\" (>, >=, =, <, <=, !=, ~>)",
                    at: f["minVersion"], path: reader.join(path, "minVersion"))
            }
        }
        let platforms = reader.strings(f, "platforms", path: path) ?? []
        for p in platforms where !["linux", "macos"].contains(p) {
            reader.report("\"\(p)\" is not a platform; expected linux or macos", at: f["platforms"], path: reader.join(path, "platforms"))
        }
        let install = f["install"].map { readInstall($0, path: reader.join(path, "install"), reader: &reader) } ?? .none
        var detection: Detection?
        let undetectable = reader.string(f, "undetectable", path: path)
        let jobEnvironment = f["jobEnvironment"].flatMap { ProfileReader.readJobEnvironment($0, path: reader.join(path, "jobEnvironment"), reader: &reader) }
        if jobEnvironment != nil && undetectable != nil {
            reader.report("an undetectable tool cannot have \"jobEnvironment\" evidence", at: f["jobEnvironment"], path: reader.join(path, "jobEnvironment"))
        }
        switch (f["probes"], undetectable) {
        case (nil, nil) where f["jobEnvironment"] != nil:
            // Found only from a CI job's environment (a Jenkins agent is a Java process with no command).
            if jobEnvironment != nil { detection = .probes([]) }
        case (nil, nil):
            reader.report("a tool needs \"probes\" (how to find it), \"jobEnvironment\" or \"undetectable\" (why it cannot be found)", at: value, path: path)
        case (_?, _?):
            reader.report("a tool has either \"probes\" or \"undetectable\", not both", at: f["undetectable"], path: reader.join(path, "undetectable"))
        case (nil, let reason?):
            detection = .undetectable(reason: reason)
        case (_?, nil):
            if let values = reader.array(f, "probes", path: path, nonEmpty: true) {
                var probes: [Probe] = []
                for (i, v) in values.enumerated() {
                    if let p = readProbe(v, path: "\(path).probes[\(i)]", reader: &reader) { probes.append(p) }
                }
                if probes.count == values.count { detection = .probes(probes) }
            }
        }
        var facts: [VersionFact] = []
        var factsOK = true
        for (i, v) in (reader.array(f, "versionFacts", path: path) ?? []).enumerated() {
            if let fact = readVersionFact(v, path: "\(path).versionFacts[\(i)]", reader: &reader) { facts.append(fact) } else { factsOK = false }
        }
        let goPackages = reader.strings(f, "goPackages", path: path) ?? []
        for p in goPackages where p.isEmpty || p.contains(where: { $0.isWhitespace }) || p.hasPrefix("/") || p.hasSuffix("/") {
            reader.report("\"\(p)\" is not a Go package path; expected something like helm.sh/helm/v3/cmd/helm", at: f["goPackages"], path: reader.join(path, "goPackages"))
        }
        var operations: [ToolOperation] = []
        var operationsOK = true
        if let values = reader.array(f, "operations", path: path) {
            let commands = detection.map { d -> [String] in if case .probes(let p) = d { return p.map(\.command) } else { return [] } } ?? []
            (operations, operationsOK) = OperationReader.read(values, path: reader.join(path, "operations"), probeCommands: commands, reader: &reader)
        }
        guard let id, let name, let summary, let homepage, let detection, factsOK, operationsOK else { return nil }
        var tool = Tool(
            id: id, name: name, summary: summary, homepage: homepage, detection: detection, versionConstraint: versionConstraint,
            platforms: platforms, install: install, source: reader.file, jobEnvironment: jobEnvironment, operations: operations)
        tool.versionFacts = facts
        tool.goPackages = goPackages
        return tool
    }

    /// `{"source": "dpkg", "package": "apache2-utils", "sameAsTool": false, "reason": "…", "toolVersion": "2.3"}`;
    /// `toolVersion` null: the tool prints no version; absent: any real version.
    static func readVersionFact(_ value: JSONValue, path: String, reader: inout JSONReader) -> VersionFact? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.versionFact) else { return nil }
        let source = reader.parsed(
            f, "source", path: path, as: "a version source",
            expected: "one of " + VersionFact.Source.allCases.map(\.rawValue).joined(separator: ", ")
        ) { VersionFact.Source(rawValue: $0) }
        let package = reader.string(f, "package", path: path)
        let sameAsTool = reader.bool(f, "sameAsTool", path: path)
        let reason = reader.string(f, "reason", path: path)
        var toolVersion = VersionFact.ToolVersion.unstated
        var versionOK = true
        switch f["toolVersion"] {
        case nil: break
        case .null?: toolVersion = .none
        case let other?:
            if let text = reader.string(f, "toolVersion", path: path) {
                if Version(text) == nil {
                    reader.report(
                        "\(quoted(text)) is not a version; expected something like 2.3, or null when the tool prints none",
                        at: other, path: reader.join(path, "toolVersion"))
                    versionOK = false
                } else {
                    toolVersion = .exactly(text)
                }
            } else {
                versionOK = false
            }
        }
        guard let source, let package, let sameAsTool, let reason, versionOK else { return nil }
        return VersionFact(source: source, package: package, sameAsTool: sameAsTool, reason: reason, toolVersion: toolVersion)
    }

    static func readInstall(_ value: JSONValue, path: String, reader: inout JSONReader) -> InstallRecipes {
        let methods = InstallMethod.allCases.map(\.rawValue)
        guard let f = reader.object(value, path: path, required: [], optional: methods + ["docs", "note", "sources", "services", "commands", "repositories"]) else { return .none }
        var recipes = InstallRecipes()
        for method in InstallMethod.allCases {
            guard let name = reader.string(f, method.rawValue, path: path) else { continue }
            guard InstallRecipes.isSafePackageName(name) else {
                reader.report(
                    "\(quoted(name)) is not a package name (letters, digits and @._+/:=-~ only, not starting with '-')",
                    at: f[method.rawValue], path: reader.join(path, method.rawValue))
                continue
            }
            recipes.packages[method] = name
        }
        recipes.docs = reader.url(f, "docs", path: path)
        recipes.note = reader.string(f, "note", path: path)
        for (key, field) in [("sources", \InstallRecipes.sources), ("commands", \InstallRecipes.commands), ("repositories", \InstallRecipes.repositories)] {
            guard let map = reader.stringMap(f, key, path: path) else { continue }
            for (name, value) in map.sorted(by: { $0.key < $1.key }) {
                guard let method = InstallMethod(rawValue: name) else {
                    reader.report(
                        "\(quoted(name)) is not an install method; expected one of \(methods.joined(separator: ", "))",
                        at: f[key], path: reader.join(path, key))
                    continue
                }
                if recipes.packages[method] == nil {
                    reader.report("\(quoted(name)) has no package name in this recipe", at: f[key], path: reader.join(reader.join(path, key), name))
                }
                if key == "repositories" && !VendorRepository.methods.contains(method) {
                    reader.report(
                        "vendor repositories are for \(VendorRepository.methods.map(\.rawValue).joined(separator: ", ")) packages, not \(name)",
                        at: f[key], path: reader.join(reader.join(path, key), name))
                    continue
                }
                if key == "commands" && (value.contains("/") || value.isEmpty) {
                    reader.report("\(quoted(value)) must be a bare command name", at: f[key], path: reader.join(reader.join(path, key), name))
                    continue
                }
                recipes[keyPath: field][method] = value
            }
        }
        recipes.services = reader.strings(f, "services", path: path) ?? []
        for method in [InstallMethod.ubuntu, .dnf, .apk, .brew] where recipes.packages[method] != nil && recipes.sources[method] == nil && recipes.repositories[method] == nil {
            reader.report(
                "\(method.rawValue) name \(quoted(recipes.packages[method]!)) has no source; add \"sources\": {\"\(method.rawValue)\": \"<package page where it was checked>\"}",
                at: f[method.rawValue], path: reader.join(path, method.rawValue))
        }
        return recipes
    }

    static func readProbe(_ value: JSONValue, path: String, reader: inout JSONReader) -> Probe? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.probe) else { return nil }
        let command = reader.string(f, "command", path: path)
        if let command, command.contains("/") || command.contains("\0") {
            reader.report("\"\(command)\" must be a bare command name looked up on PATH, without '/'", at: f["command"], path: reader.join(path, "command"))
        }
        let args = reader.strings(f, "args", path: path)
        var pattern: VersionPattern?
        var patternOK = true
        if let source = reader.string(f, "pattern", path: path) {
            do {
                pattern = try VersionPattern(source)
            } catch {
                reader.report(
                    "invalid regular expression \(quoted(source)): \(error.reason)", at: f["pattern"], path: reader.join(path, "pattern"),
                    columnOffset: error.offset.map { rawOffset(source, $0) + 1 })
                patternOK = false
            }
        }
        var patterns: [VersionPattern] = []
        if f["pattern"] != nil && f["patterns"] != nil {
            reader.report(
                "a probe has either \"pattern\" (one) or \"patterns\" (several, tried in order), not both",
                at: f["patterns"], path: reader.join(path, "patterns"))
            patternOK = false
        } else if let values = reader.array(f, "patterns", path: path, nonEmpty: true) {
            for (i, v) in values.enumerated() {
                let itemPath = "\(reader.join(path, "patterns"))[\(i)]"
                guard case .string(let source, _) = v, !source.isEmpty else {
                    reader.report("expected a non-empty string (an ICU regular expression)", at: v, path: itemPath)
                    patternOK = false
                    continue
                }
                do {
                    patterns.append(try VersionPattern(source))
                } catch {
                    reader.report(
                        "invalid regular expression \(quoted(source)): \(error.reason)", at: v, path: itemPath,
                        columnOffset: error.offset.map { rawOffset(source, $0) + 1 })
                    patternOK = false
                }
            }
        } else if f["patterns"] != nil {
            patternOK = false
        }
        let env = reader.stringMap(f, "env", path: path) ?? [:] // $comment members are skipped, never exported
        for key in env.keys where key.isEmpty || key.contains("=") || key.contains("\0") {
            reader.report("\(quoted(key)) is not a valid environment variable name", at: f["env"], path: reader.join(path, "env"))
        }
        for key in env.keys.sorted() where LoaderVariables.isRefused(key) {
            reader.report(
                "\(quoted(key)) may not be set for a probe: it makes the loader or an interpreter run code of this file's choosing",
                at: f["env"].flatMap { $0.member(key) } ?? f["env"], path: reader.join(reader.join(path, "env"), key))
        }
        let evidence =
            reader.parsed(
                f, "evidence", path: path, as: "an evidence kind",
                expected: "one of " + Evidence.allCases.map(\.rawValue).joined(separator: ", ")
            ) { Evidence(rawValue: $0) } ?? .path
        let note = reader.string(f, "note", path: path)
        let timeout = reader.int(f, "timeout", path: path, range: 1...120)
        guard let command, !command.contains("/"), let args, patternOK else { return nil }
        var probe = Probe(command: command, args: args, pattern: pattern, patterns: patterns, env: env, evidence: evidence, note: note)
        probe.timeout = timeout.map(Double.init)
        return probe
    }

    static func readID(_ f: [String: JSONValue], _ key: String, path: String, reader: inout JSONReader) -> String? {
        guard let id = reader.string(f, key, path: path) else { return nil }
        guard isKebabCase(id) else {
            reader.report("\(quoted(id)) is not a valid id; use lower-case kebab-case such as \"memory-profiler\"", at: f[key], path: reader.join(path, key))
            return nil
        }
        return id
    }

    static func isKebabCase(_ s: String) -> Bool {
        guard !s.isEmpty, s.count <= 64, !s.hasPrefix("-"), !s.hasSuffix("-"), !s.contains("--") else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// The column offset, inside a JSON string literal, of character `offset` of its decoded text: escapes
/// such as `\\` take two columns in the file, other characters one.
func rawOffset(_ decoded: String, _ offset: Int) -> Int {
    var columns = 0
    for c in decoded.unicodeScalars.prefix(offset) {
        switch c {
        case "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}": columns += 2
        case "\u{00}"..."\u{1F}": columns += 6
        default: columns += 1
        }
    }
    return columns
}
