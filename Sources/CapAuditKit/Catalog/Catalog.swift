import Foundation

/// How urgent an area is, from the seed analysis's priority ranking.
public enum Priority: String, Sendable, CaseIterable, Comparable, Codable {
    case critical, high, medium

    /// Lower is more urgent.
    public var order: Int {
        switch self {
        case .critical: return 0
        case .high: return 1
        case .medium: return 2
        }
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.order < rhs.order }
}

/// The complete, validated catalog: areas in rank order and every tool they name.
public struct Catalog: Sendable, Equatable {
    /// Areas sorted by rank.
    public var areas: [Area]
    /// Every tool, keyed by id.
    public var tools: [String: Tool]
    /// Role profiles (`profiles.json`), in file order; `all` is implied when not declared.
    public var profiles: [RoleProfile]
    /// Which files the catalog came from and their digest; nil for a catalog built in code (tests).
    public var identity: CatalogIdentity?
    /// Vendors' package repositories (`repositories.json`), keyed by id.
    public var repositories: [String: VendorRepository]

    public init(
        areas: [Area], tools: [String: Tool], identity: CatalogIdentity? = nil, profiles: [RoleProfile] = [],
        repositories: [String: VendorRepository] = [:]
    ) {
        self.areas = areas.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        self.tools = tools
        self.identity = identity
        self.profiles = profiles
        self.repositories = repositories
    }

    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }

    /// A profile by id; `all` exists even when the catalog does not declare it.
    public func profile(_ id: String) -> RoleProfile? {
        profiles.first { $0.id == id } ?? (id == RoleProfile.allID ? RoleProfile.implicitAll : nil)
    }

    /// Every profile id a user can name, `all` included.
    public var profileIDs: [String] {
        let ids = profiles.map(\.id)
        return ids.contains(RoleProfile.allID) ? ids : ids + [RoleProfile.allID]
    }

    /// Tool ids an area's capabilities name, in first-mention order.
    public func toolIDs(of area: Area) -> [String] {
        var seen = Set<String>()
        var ids: [String] = []
        for capability in area.capabilities {
            for id in capability.tools where seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }
}

/// What an area is for: the seed's gaps gate by priority; the rest only when a project asks.
public enum AreaKind: String, Sendable, Equatable, CaseIterable {
    /// One of the seed's ten gap areas: gates at its priority.
    case gap
    /// What the seed says a host already HAS: reported, gates nothing unless required.
    case foundation
    /// The seed's "additional considerations": reported, gates nothing unless required.
    case extended
    /// A project's own tools from `.capaudit.json`.
    case project

    /// Ranked by priority and rank in every report (the seed's gaps and the project's own tools);
    /// foundation and extended areas are reported apart and not ranked.
    public var isRanked: Bool { self == .gap || self == .project }
}

/// A capability area such as CI/CD or secrets management.
public struct Area: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var priority: Priority
    /// The seed's ranking, 1 = most important.
    public var rank: Int
    /// Install phase of the seed's plan (1 critical, 2 high, 3 medium).
    public var phase: Int
    public var why: String
    public var impact: String
    public var useCases: [String]
    public var capabilities: [Capability]
    /// The file the area was read from, for error messages.
    public var source: String
    public var kind: AreaKind

    public init(
        id: String, name: String, priority: Priority, rank: Int, phase: Int, why: String, impact: String,
        useCases: [String], capabilities: [Capability], source: String = "", kind: AreaKind = .gap
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.priority = priority
        self.rank = rank
        self.phase = phase
        self.why = why
        self.impact = impact
        self.useCases = useCases
        self.capabilities = capabilities
        self.source = source
    }
}

/// One thing an area needs; met when any one of its tools is usable.
public struct Capability: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var tools: [String]
    /// The tool a plan recommends for this capability.
    public var preferred: String?

    public init(id: String, name: String, tools: [String], preferred: String? = nil) {
        self.id = id
        self.name = name
        self.tools = tools
        self.preferred = preferred
    }
}

/// A tool the catalog knows how to look for.
public struct Tool: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var summary: String
    public var homepage: String
    public var detection: Detection
    /// The versions that count (catalog `minVersion`: a bare version means at least it); a version
    /// outside it is `outdated` (too old or too new).
    public var versionConstraint: VersionConstraint?
    /// The constraint's lower bound, if it has one.
    public var minVersion: Version? { versionConstraint?.minimum }
    /// Where the tool exists at all (`linux`, `macos`); empty means everywhere.
    public var platforms: [String]
    public var install: InstallRecipes
    /// Where a package's version is not the tool's own (catalog `versionFacts`).
    public var versionFacts: [VersionFact] = []
    public var source: String
    /// Go main package paths this tool is built from (`helm.sh/helm/v3/cmd/helm`): a Go binary found
    /// under the tool's name whose build information names a main package that is none of these, nor
    /// below one of them, is reported as an `identity-mismatch`. Empty: not checked.
    public var goPackages: [String] = []
    /// Evidence from the environment of a CI job that the agent which started it is this tool
    /// (`jobEnvironment` in the catalog); judged only when no probe settles the tool.
    public var jobEnvironment: JobEnvironmentEvidence?
    /// Tasks an agent may run with this tool (`capaudit tools`, `capaudit mcp`).
    public var operations: [ToolOperation] = []

    public init(
        id: String, name: String, summary: String, homepage: String, detection: Detection,
        minVersion: Version? = nil, versionConstraint: VersionConstraint? = nil, platforms: [String] = [], install: InstallRecipes = .none,
        source: String = "", jobEnvironment: JobEnvironmentEvidence? = nil, operations: [ToolOperation] = []
    ) {
        self.jobEnvironment = jobEnvironment
        self.operations = operations
        self.id = id
        self.name = name
        self.summary = summary
        self.homepage = homepage
        self.detection = detection
        self.versionConstraint = versionConstraint ?? minVersion.map(VersionConstraint.atLeast)
        self.platforms = platforms
        self.install = install
        self.source = source
    }

    /// Whether the tool exists at all on this kind of system (`platforms` empty means everywhere).
    public func exists(on platform: String) -> Bool {
        platforms.isEmpty || platforms.contains(platform)
    }

    /// The platform capaudit runs on, as `platforms` names it.
    public static var currentPlatform: String {
        #if os(macOS)
        return "macos"
        #else
        return "linux"
        #endif
    }

    /// The probes, or none for an undetectable tool.
    public var probes: [Probe] {
        if case .probes(let p) = detection { return p }
        return []
    }
}

/// How the presence of a tool can be shown on a host.
public enum Detection: Sendable, Equatable {
    /// Try these in order; the first whose command is on PATH and whose evidence holds decides.
    case probes([Probe])
    /// Nothing on a host can show the tool exists; the reason is shown to the user.
    case undetectable(reason: String)
}

/// What proves a probe found the tool.
public enum Evidence: String, Sendable, Equatable, CaseIterable {
    /// The executable on PATH is proof.
    case path
    /// The invocation must exit 0 (an interpreter importing a module, a plugin of a host command).
    case exitZero = "exit-zero"
    /// The version pattern must match the output.
    case version
}

/// One way to look for a tool: a command on PATH and the arguments that make it print its version.
public struct Probe: Sendable, Equatable {
    public var command: String
    public var args: [String]
    /// The catalog's patterns, tried in order before the tolerant reader (`VersionReader`); the first that
    /// matches decides. The catalog's `pattern` is the one-pattern shorthand of `patterns`.
    public var patterns: [VersionPattern]
    /// The first catalog pattern, if any.
    public var pattern: VersionPattern? {
        get { patterns.first }
        set { patterns = newValue.map { [$0] } ?? [] }
    }
    /// Extra environment for the probe, such as update-check off switches.
    public var env: [String: String]
    public var evidence: Evidence
    /// Why these arguments were chosen, when it is not obvious.
    public var note: String?
    /// The timeout (seconds) this probe gets when the user gave no `--timeout`: a known-slow tool (a large
    /// Python or JVM start-up) gets more than the default. An explicit `--timeout` always wins.
    public var timeout: Double?

    public init(
        command: String, args: [String], pattern: VersionPattern? = nil, patterns: [VersionPattern] = [], env: [String: String] = [:],
        evidence: Evidence = .path, note: String? = nil
    ) {
        self.command = command
        self.args = args
        self.patterns = (pattern.map { [$0] } ?? []) + patterns
        self.env = env
        self.evidence = evidence
        self.note = note
    }
}
