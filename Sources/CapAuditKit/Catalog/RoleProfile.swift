import Foundation

/// The level a role profile gives a capability or an area: gate at a priority, or never (the
/// capability belongs to another role, such as a dashboard server on a CI runner).
public enum ProfileLevel: Sendable, Equatable, CustomStringConvertible {
    case gate(Priority)
    case never

    public init?(_ text: String) {
        if text == "never" { self = .never } else if let p = Priority(rawValue: text) { self = .gate(p) } else { return nil }
    }

    public var description: String {
        switch self {
        case .gate(let p): return p.rawValue
        case .never: return "never"
        }
    }
}

/// How an area-wide profile entry is met: every capability on its own (`each`), or at least one of the
/// area's capabilities (`any`: "a CI runner needs some security scanner; which kinds is the project's call").
public enum ProfileNeed: String, Sendable, Equatable, CaseIterable {
    case each, any
}

/// One line of a profile: what it targets (an area id or `area/capability`), at which level it gates,
/// and why, in the catalog's words.
public struct ProfileGate: Sendable, Equatable {
    public var target: String
    public var level: ProfileLevel
    public var need: ProfileNeed
    public var reason: String

    public init(target: String, level: ProfileLevel, need: ProfileNeed = .each, reason: String) {
        self.target = target
        self.level = level
        self.need = need
        self.reason = reason
    }

    public var areaID: String { String(target.split(separator: "/", maxSplits: 1)[0]) }
    public var capabilityID: String? {
        let parts = target.split(separator: "/", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }
}

/// A host role (`workstation`, `ci-runner`, `k8s-node`, `bastion`, `all`) and what gates for it.
///
/// Reports always show every area; a profile only decides what gates. Capabilities it does not name
/// gate as the catalog says (a gap area at its priority; foundation and extended areas not at all).
public struct RoleProfile: Sendable, Equatable, Identifiable {
    /// The profile used when none is named anywhere: the catalog's own priorities, nothing changed.
    public static let allID = "all"

    public var id: String
    public var name: String
    public var summary: String
    /// The gate level this role uses when neither `--fail-on` nor the config's `failOn` is given.
    public var failOn: Priority?
    public var gates: [ProfileGate]
    public var source: String

    public init(id: String, name: String, summary: String, failOn: Priority? = nil, gates: [ProfileGate] = [], source: String = "") {
        self.id = id
        self.name = name
        self.summary = summary
        self.failOn = failOn
        self.gates = gates
        self.source = source
    }

    /// `all` when the catalog does not declare it.
    public static let implicitAll = RoleProfile(
        id: allID, name: "All areas",
        summary: "Every gap area gates at its catalog priority; foundation and extended areas gate only when a project requires them.")

    /// The entry naming exactly this capability.
    public func capabilityGate(area: String, capability: String) -> ProfileGate? {
        gates.first { $0.target == "\(area)/\(capability)" }
    }

    /// The entry naming the whole area.
    public func areaGate(_ area: String) -> ProfileGate? {
        gates.first { $0.target == area }
    }
}

/// Evidence that the scan runs inside a job started by a CI agent (GitHub Actions' runner, GitLab
/// Runner, Buildkite, Jenkins), read from the environment the agent gives every job.
///
/// This is evidence about the process capaudit runs in, not a file on PATH: an agent that started this
/// job is running for this host (or for the container the job runs in). Outside a job it proves nothing,
/// and the tool is judged by its probes alone.
public struct JobEnvironmentEvidence: Sendable, Equatable {
    /// Variables that must have exactly these values (`GITHUB_ACTIONS=true`).
    public var equals: [String: String]
    /// Variables that must be set and non-empty (`RUNNER_NAME`).
    public var set: [String]
    /// Variables that must not be set (`ACT`, which nektos/act sets when it imitates GitHub Actions locally).
    public var unset: [String]
    /// A variable holding the agent's version (`CI_RUNNER_VERSION`), when the agent exports one.
    public var versionVariable: String?
    public var note: String?

    public init(equals: [String: String] = [:], set: [String] = [], unset: [String] = [], versionVariable: String? = nil, note: String? = nil) {
        self.equals = equals
        self.set = set
        self.unset = unset
        self.versionVariable = versionVariable
        self.note = note
    }

    /// The variables that matched, with their values (version variable included when set), or nil.
    public func match(_ environment: [String: String]) -> [String: String]? {
        guard !equals.isEmpty || !set.isEmpty else { return nil }
        var matched: [String: String] = [:]
        for (key, value) in equals {
            guard environment[key] == value else { return nil }
            matched[key] = value
        }
        for key in set {
            guard let value = environment[key], !value.isEmpty else { return nil }
            matched[key] = value
        }
        for key in unset where environment[key] != nil { return nil }
        if let v = versionVariable, let value = environment[v], !value.isEmpty { matched[v] = value }
        return matched.mapValues { $0.count > 80 ? String($0.prefix(80)) + "…" : $0 }
    }
}
