import Foundation

/// A tool that must be present, optionally within a version constraint (`--require gh>=2.40`,
/// `--require 'helm~>3.12'`, `--require 'kubectl>=1.28,<1.31'`).
public struct ToolRequirement: Sendable, Equatable, CustomStringConvertible {
    public var toolID: String
    public var versionConstraint: VersionConstraint?

    public init(toolID: String, versionConstraint: VersionConstraint? = nil) {
        self.toolID = toolID
        self.versionConstraint = versionConstraint
    }

    /// At least `minVersion`.
    public init(toolID: String, minVersion: Version?) {
        self.init(toolID: toolID, versionConstraint: minVersion.map(VersionConstraint.atLeast))
    }

    /// The constraint's lower bound, if it has one.
    public var minVersion: Version? { versionConstraint?.minimum }

    /// Parses `TOOL` or `TOOL` followed by a constraint (`gh>=2.40`, `helm ~> 3.12`, `jq=1.7.1`).
    public init?(parsing text: String) {
        let operatorStart = text.firstIndex { "<>=~!".contains($0) }
        let id = text[..<(operatorStart ?? text.endIndex)].trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "," }) else { return nil }
        toolID = id
        if let operatorStart {
            // An operator is required here: `gh 2.40` is a typo, not a constraint.
            guard let constraint = VersionConstraint(parsing: String(text[operatorStart...])) else { return nil }
            versionConstraint = constraint
        }
    }

    /// `gh>=2.40`, `kubectl>=1.28,<1.31`: as `--require` takes it.
    public var description: String { toolID + (versionConstraint?.compact ?? "") }
}

/// A gap the team has accepted, with a reason and an optional expiry after which it gates again.
public struct Waiver: Sendable, Equatable {
    /// A tool id, an area id, or `area/capability`.
    public var target: String
    public var reason: String
    /// `YYYY-MM-DD`; the waiver holds through that day.
    public var expires: String?
    /// True when `expires` is before the evaluation date.
    public var expired: Bool

    public init(target: String, reason: String, expires: String? = nil, expired: Bool = false) {
        self.target = target
        self.reason = reason
        self.expires = expires
        self.expired = expired
    }
}

/// What makes a scan fail its gate: `--fail-on`, `--require`, and the project's requirements file.
public struct GatePolicy: Sendable, Equatable {
    /// Areas at this priority or above gate when not covered; nil gates on no area (`never`).
    public var failOn: Priority?
    public var requiredTools: [ToolRequirement]
    /// Per-area gate priority from the project file (overrides the catalog priority for gating).
    public var areaGates: [String: Priority]
    /// Per-capability gate priority (`area/capability` keys) from the project file.
    public var capabilityGates: [String: Priority]
    /// Version constraints from the project file (`minVersions`); they replace the catalog's.
    public var versionConstraints: [String: VersionConstraint]
    public var waivers: [Waiver]
    /// The host role whose levels apply (`--profile`, else the config's `profile`); nil is `all`.
    public var profile: RoleProfile?
    /// Areas named with `--area`: they gate whatever their kind or the profile's `never`.
    public var selectedAreas: Set<String>

    public init(
        failOn: Priority? = nil, requiredTools: [ToolRequirement] = [], areaGates: [String: Priority] = [:],
        capabilityGates: [String: Priority] = [:], versionConstraints: [String: VersionConstraint] = [:], waivers: [Waiver] = [],
        profile: RoleProfile? = nil, selectedAreas: Set<String> = []
    ) {
        self.profile = profile
        self.selectedAreas = selectedAreas
        self.failOn = failOn
        self.requiredTools = requiredTools
        self.areaGates = areaGates
        self.capabilityGates = capabilityGates
        self.versionConstraints = versionConstraints
        self.waivers = waivers
    }

    public static let none = GatePolicy()

    /// The waiver in force for a target, ignoring expired ones.
    public func activeWaiver(for target: String) -> Waiver? {
        waivers.first { $0.target == target && !$0.expired }
    }
}

/// One reason the gate failed.
public struct GateFailure: Sendable, Equatable {
    public var areaID: String?
    public var capabilityID: String?
    public var toolID: String?
    public var message: String

    public init(areaID: String? = nil, capabilityID: String? = nil, toolID: String? = nil, message: String) {
        self.areaID = areaID
        self.capabilityID = capabilityID
        self.toolID = toolID
        self.message = message
    }
}

/// The gate's verdict.
public struct GateResult: Sendable, Equatable {
    public var failOn: Priority?
    /// The profile whose levels applied (`all` when none was named).
    public var profile: String = RoleProfile.allID
    public var failures: [GateFailure]
    /// Waivers that kept a gap from failing the gate, and expired ones (shown in every report).
    public var waivers: [Waiver]

    public init(failOn: Priority? = nil, failures: [GateFailure] = [], waivers: [Waiver] = []) {
        self.failOn = failOn
        self.failures = failures
        self.waivers = waivers
    }

    public var passed: Bool { failures.isEmpty }
}
