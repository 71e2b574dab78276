import Foundation

/// A JSON report (schema 1) read back from a file: the fields `merge` and `diff` use, nothing
/// else. Fields a newer capaudit adds to schema 1 are ignored, as the schema promises.
public struct HostReport: Sendable, Equatable {
    /// The file it was read from, as given (kept apart from the hostname: two reports may share one).
    public var file: String
    public var schemaVersion: Int
    /// The capaudit version that wrote it.
    public var capaudit: String
    /// "" when the report does not know it.
    public var hostname: String
    public var os: String
    public var osVersion: String
    public var startedAt: String
    /// Absent from reports written before the catalog identity was recorded.
    public var catalog: CatalogIdentity?
    public var areas: [HostArea]
    public var gate: HostGate

    public init(
        file: String, schemaVersion: Int = 1, capaudit: String, hostname: String, os: String = "", osVersion: String = "",
        startedAt: String = "", catalog: CatalogIdentity? = nil, areas: [HostArea], gate: HostGate = HostGate()
    ) {
        self.file = file
        self.schemaVersion = schemaVersion
        self.capaudit = capaudit
        self.hostname = hostname
        self.os = os
        self.osVersion = osVersion
        self.startedAt = startedAt
        self.catalog = catalog
        self.areas = areas
        self.gate = gate
    }

    /// Every tool once (a tool may serve several areas), in first-mention order.
    public var tools: [HostTool] {
        var seen = Set<String>()
        var out: [HostTool] = []
        for area in areas {
            for tool in area.tools where seen.insert(tool.id).inserted { out.append(tool) }
        }
        return out
    }
}

/// One area of a report read back.
public struct HostArea: Sendable, Equatable {
    public var id: String
    public var name: String
    /// `gap`, `foundation`, `extended` or `project`; nil in reports written before it was recorded.
    public var kind: AreaKind?
    public var priority: Priority
    public var rank: Int
    public var status: AreaStatus
    public var capabilities: [HostCapability]
    public var tools: [HostTool]

    public init(
        id: String, name: String, kind: AreaKind?, priority: Priority, rank: Int, status: AreaStatus,
        capabilities: [HostCapability], tools: [HostTool]
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.priority = priority
        self.rank = rank
        self.status = status
        self.capabilities = capabilities
        self.tools = tools
    }
}

/// One capability of an area read back.
public struct HostCapability: Sendable, Equatable {
    public var id: String
    public var name: String
    public var met: Bool
    /// Candidate tools in catalog order.
    public var tools: [String]
    public var metBy: [String]

    public init(id: String, name: String, met: Bool, tools: [String], metBy: [String]) {
        self.id = id
        self.name = name
        self.met = met
        self.tools = tools
        self.metBy = metBy
    }
}

/// One tool of an area read back.
public struct HostTool: Sendable, Equatable {
    public var id: String
    public var name: String
    public var status: ToolStatus
    public var version: String?
    public var minVersion: String?

    public init(id: String, name: String, status: ToolStatus, version: String? = nil, minVersion: String? = nil) {
        self.id = id
        self.name = name
        self.status = status
        self.version = version
        self.minVersion = minVersion
    }

    /// Found on the host (whatever its version, even when it then timed out or failed to run).
    public var isFound: Bool {
        switch status {
        case .missing, .undetectable: return false
        default: return true
        }
    }

    /// Found and answered: the version (if any) counts in the fleet's version table.
    public var isInstalled: Bool {
        switch status {
        case .present, .unknownVersion, .outdated: return true
        case .missing, .timeout, .error, .undetectable: return false
        }
    }
}

/// The gate a report was written with.
public struct HostGate: Sendable, Equatable {
    /// `critical`, `high`, `medium` or `never`.
    public var failOn: String
    public var passed: Bool
    /// The report's own reasons, one sentence each.
    public var failures: [String]

    public init(failOn: String = "never", passed: Bool = true, failures: [String] = []) {
        self.failOn = failOn
        self.passed = passed
        self.failures = failures
    }
}
