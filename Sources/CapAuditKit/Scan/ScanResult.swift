import Foundation

/// One probe alternative tried for a tool: where its command was looked for and, when it ran,
/// what it printed. Facts only.
public struct ProbeAttempt: Sendable, Equatable {
    /// Index into the tool's `probes`.
    public var probeIndex: Int
    public var lookup: PathLookup
    /// The argv run; nil when the command was not found or nothing was executed (`--no-exec`).
    public var argv: [String]?
    public var output: ProbeOutput?
    /// The output is an earlier scan's, from the probe cache: nothing was run this time.
    public var fromCache = false
    /// What the found file's own metadata says (Go build info, dist-info, npm, dpkg, apk), read without
    /// running it; empty when not read.
    public var sources: [VersionSource] = []

    public init(probeIndex: Int, lookup: PathLookup, argv: [String]? = nil, output: ProbeOutput? = nil) {
        self.probeIndex = probeIndex
        self.lookup = lookup
        self.argv = argv
        self.output = output
    }

    public var stdoutText: String { output.map { String(decoding: $0.stdout, as: UTF8.self) } ?? "" }
    public var stderrText: String { output.map { String(decoding: $0.stderr, as: UTF8.self) } ?? "" }
}

/// Everything that happened while looking for one tool.
public struct ToolObservation: Sendable, Equatable {
    public var toolID: String
    /// Attempts in probe order; the scan stops at the first that is decisive.
    public var attempts: [ProbeAttempt]
    /// The CI job variables that matched the tool's `jobEnvironment`, when they all held.
    public var jobEnvironment: [String: String]?

    public init(toolID: String, attempts: [ProbeAttempt], jobEnvironment: [String: String]? = nil) {
        self.toolID = toolID
        self.attempts = attempts
        self.jobEnvironment = jobEnvironment
    }
}

/// The settings a scan ran with that change what its facts mean.
public struct ScanSettings: Sendable, Equatable {
    public var timeout: Double
    /// The user gave `--timeout`: it then bounds every probe, and catalog timeouts of known-slow tools do not
    /// apply.
    public var timeoutFromUser: Bool
    public var jobs: Int
    /// Nothing was executed; tools were found by PATH alone.
    public var noExec: Bool
    public var allowRelativePath: Bool
    public var isolatedHome: Bool

    /// The hard cap on probes at once by default. Below it, `ProbeScheduler` starts a probe only while a core
    /// is idle, so CPU-bound interpreter start-ups do not slow each other into their timeouts while probes
    /// that only wait overlap freely. Measured with Tests/Benchmarks/scan-benchmark.sh.
    public static let defaultJobs = 32

    public init(
        timeout: Double = ProbeRequest.defaultTimeout, timeoutFromUser: Bool = false, jobs: Int = ScanSettings.defaultJobs, noExec: Bool = false, allowRelativePath: Bool = false,
        isolatedHome: Bool = false
    ) {
        self.timeout = timeout
        self.timeoutFromUser = timeoutFromUser
        self.jobs = jobs
        self.noExec = noExec
        self.allowRelativePath = allowRelativePath
        self.isolatedHome = isolatedHome
    }
}

/// The facts of one scan: what was found, run and printed. Judgements come from `Evaluator`.
public struct ScanResult: Sendable, Equatable {
    public var host: HostInfo
    public var startedAt: Date
    public var durationMs: Int
    public var settings: ScanSettings
    /// Area ids the scan covered, in catalog order.
    public var areaIDs: [String]
    public var observations: [String: ToolObservation]
    /// The PATH the scan searched.
    public var searchPath: String
    /// PATH entries that resolve against the current folder, and that folder.
    public var relativePathEntries: [String]
    public var currentDirectory: String
    /// Processes probes left behind outside their process groups (daemons), killed after the scan.
    public var survivors: [Survivor]

    public init(
        host: HostInfo, startedAt: Date, durationMs: Int, settings: ScanSettings, areaIDs: [String],
        observations: [String: ToolObservation], searchPath: String, relativePathEntries: [String] = [], currentDirectory: String = "/",
        survivors: [Survivor] = []
    ) {
        self.host = host
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.settings = settings
        self.areaIDs = areaIDs
        self.observations = observations
        self.searchPath = searchPath
        self.relativePathEntries = relativePathEntries
        self.currentDirectory = currentDirectory
        self.survivors = survivors
    }
}
