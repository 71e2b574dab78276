import Foundation

/// What running an operation can do to the world outside its own output.
public enum SafetyClass: String, Sendable, Equatable, CaseIterable, Comparable {
    /// Cannot change anything outside its output (a lint, a listing, a dry render).
    case readOnly = "read-only"
    /// Changes things, but the change can be undone (`helm upgrade`, `kubectl scale`).
    case write
    /// Deletes, or cannot be undone (`kubectl delete`, a downgrade migration).
    case destructive

    var order: Int {
        switch self {
        case .readOnly: return 0
        case .write: return 1
        case .destructive: return 2
        }
    }

    public static func < (a: SafetyClass, b: SafetyClass) -> Bool { a.order < b.order }
}

/// Whether an operation's output can carry secrets, and how capaudit treats it.
public enum SecretExposure: String, Sendable, Equatable, CaseIterable {
    /// Output may contain secrets (`kubectl get secret`): values are masked unless `--reveal-secrets`.
    case masked
    /// The output is the secret (`sops --decrypt`): listed only with `--reveal-secrets`.
    case only
}

/// One element of an operation's argv template.
public enum ArgvElement: Sendable, Equatable {
    /// A fixed word, passed as it is.
    case literal(String)
    /// A parameter slot `{name}`: one argv element per value (none for a boolean, one per item for an array).
    case slot(String)
    /// Elements passed only when every parameter they name was given (a boolean counts when true),
    /// such as `["-n", "{namespace}"]` or `["--recursive", "{recursive}"]`.
    case group([ArgvElement])

    /// Parameter names this element uses.
    public var slots: [String] {
        switch self {
        case .literal: return []
        case .slot(let name): return [name]
        case .group(let items): return items.flatMap(\.slots)
        }
    }
}

/// The type of an operation parameter: a small subset of JSON Schema.
public enum ParameterType: String, Sendable, Equatable, CaseIterable {
    case string, integer, boolean
    /// An array of strings; each item becomes one argv element.
    case array
}

/// A string parameter that names a file or folder: it must exist and resolve inside the working folder.
public enum PathKind: String, Sendable, Equatable, CaseIterable {
    case file, directory
    case any = "file-or-directory"
}

/// A string parameter that names a network address: loopback only unless `--allow-network`.
public enum AddressKind: String, Sendable, Equatable, CaseIterable {
    /// An http(s) URL.
    case url
    /// A host name or IP address.
    case host
    /// `HOST:PORT` (a Kafka broker, say).
    case hostPort = "host-port"
}

/// One typed parameter of an operation.
public struct OperationParameter: Sendable, Equatable {
    public var name: String
    public var type: ParameterType
    public var description: String
    public var required: Bool
    /// Used when the caller gives nothing (then the parameter counts as given).
    public var defaultValue: ParameterValue?
    public var allowed: [String]?
    /// A regular expression every string (or array item) must match in full.
    public var pattern: String?
    public var minimum: Int?
    public var maximum: Int?
    public var maxItems: Int?
    public var path: PathKind?
    public var address: AddressKind?
    /// Values may begin with `-` (otherwise refused: a tool would read them as options).
    public var allowLeadingDash: Bool

    public init(
        name: String, type: ParameterType, description: String, required: Bool = false, defaultValue: ParameterValue? = nil,
        allowed: [String]? = nil, pattern: String? = nil, minimum: Int? = nil, maximum: Int? = nil, maxItems: Int? = nil,
        path: PathKind? = nil, address: AddressKind? = nil, allowLeadingDash: Bool = false
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
        self.allowed = allowed
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
        self.maxItems = maxItems
        self.path = path
        self.address = address
        self.allowLeadingDash = allowLeadingDash
    }

    /// Longest string (or array item) accepted.
    public static let maxLength = 4096
}

/// A parameter value after type checking.
public enum ParameterValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case strings([String])
}

/// A common task an agent may run with a catalog tool: a fixed argv template with typed slots, never
/// a shell string, with what it can do (safety class, attach, network, secrets) and its bounds.
public struct ToolOperation: Sendable, Equatable, Identifiable {
    public var id: String
    /// One line, what it does and, when it reaches the network, what it reaches.
    public var description: String
    /// The probe command to run (one of the tool's); nil runs the command the scan found.
    public var command: String?
    public var argv: [ArgvElement]
    /// In declaration order.
    public var parameters: [OperationParameter]
    public var safety: SafetyClass
    /// Attaches to other processes (`py-spy dump`, `perf stat -p`): listed only with `--allow-attach`.
    public var attaches: Bool
    /// What it reaches over the network by itself (a vulnerability database, the cluster of the
    /// kubeconfig); nil when nothing. Listed only with `--allow-network`.
    public var network: String?
    public var secrets: SecretExposure?
    /// Seconds before the process group is killed.
    public var timeout: Double
    /// Bytes kept of each of stdout and stderr.
    public var outputCap: Int
    /// Extra environment (update checks and telemetry off).
    public var env: [String: String]

    public init(
        id: String, description: String, command: String? = nil, argv: [ArgvElement], parameters: [OperationParameter] = [],
        safety: SafetyClass = .readOnly, attaches: Bool = false, network: String? = nil, secrets: SecretExposure? = nil,
        timeout: Double = ToolOperation.defaultTimeout, outputCap: Int = ToolOperation.defaultOutputCap, env: [String: String] = [:]
    ) {
        self.id = id
        self.description = description
        self.command = command
        self.argv = argv
        self.parameters = parameters
        self.safety = safety
        self.attaches = attaches
        self.network = network
        self.secrets = secrets
        self.timeout = timeout
        self.outputCap = outputCap
        self.env = env
    }

    public static let defaultTimeout = 60.0
    public static let defaultOutputCap = 256 * 1024

    public func parameter(_ name: String) -> OperationParameter? { parameters.first { $0.name == name } }

    /// Whether any parameter is a network address.
    public var takesAddress: Bool { parameters.contains { $0.address != nil } }
}
