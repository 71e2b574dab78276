import CapAuditKit
import Foundation

/// Everything a scanning command needs, read from its options: the catalog (with the project's
/// own tools), the gate policy, and the scanner. Shared by scan, report, explain and plan.
struct ScanSession {
    let catalog: Catalog
    let config: ProjectConfig?
    let policy: GatePolicy
    let settings: ScanSettings
    let environment: [String: String]
    let areaIDs: [String]
    let command: String

    init(arguments: ParsedArguments, command: String, defaultFailOn: Priority? = nil) throws {
        self.command = command
        let timeout = try Self.number(arguments, "--timeout", default: 5, range: 0.1...600, command: command)
        let jobs = Int(try Self.number(arguments, "--jobs", default: Double(ScanSettings.defaultJobs), range: 1...64, integer: true, command: command))
        var failOnOverride: Priority?? = nil
        if let level = arguments.value("--fail-on") {
            if level == "never" { failOnOverride = .some(nil) } else if let p = Priority(rawValue: level) { failOnOverride = .some(p) } else {
                throw UsageError.invalidValue(option: "--fail-on", value: level, expected: "critical, high, medium or never", command: command)
            }
        }
        var requirements: [ToolRequirement] = []
        for text in arguments.all("--require") {
            guard let r = ToolRequirement(parsing: text) else {
                throw UsageError.invalidValue(option: "--require", value: text, expected: "TOOL or TOOL>=VERSION, e.g. gh>=2.40", command: command)
            }
            requirements.append(r)
        }
        let paths = arguments.all("--catalog")
        var catalog = paths.isEmpty ? try BuiltinCatalog.load() : try CatalogLoader.load(paths: paths)

        var configPath: String?
        if let explicit = arguments.value("--config") {
            configPath = explicit
        } else if !arguments.has("--no-config") {
            configPath = ProjectConfig.discover(from: FileManager.default.currentDirectoryPath)
        }
        var config: ProjectConfig?
        if let configPath {
            config = try ProjectConfig.load(path: configPath, catalog: catalog, today: Self.today())
            catalog = config!.extend(catalog)
        }
        self.config = config
        self.catalog = catalog
        self.policy = (config ?? ProjectConfig()).policy(failOnOverride: failOnOverride, extraRequirements: requirements)
        for r in requirements where catalog.tools[r.toolID] == nil {
            throw UsageError.invalidValue(option: "--require", value: r.toolID,
                                          expected: "a tool id of the catalog" + (nearest(r.toolID, in: Array(catalog.tools.keys)).map { " (did you mean \($0)?)" } ?? ""), command: command)
        }
        let areaIDs = arguments.all("--area")
        for id in areaIDs where catalog.area(id) == nil {
            throw UsageError.invalidValue(option: "--area", value: id, expected: "one of " + catalog.areas.map(\.id).joined(separator: ", "), command: command)
        }
        self.areaIDs = areaIDs
        self.settings = ScanSettings(timeout: timeout, jobs: jobs, noExec: arguments.has("--no-exec"),
                                     allowRelativePath: arguments.has("--allow-relative-path"), isolatedHome: arguments.has("--isolated-home"))
        self.environment = ProcessInfo.processInfo.environment
    }

    func scanner(environment env: [String: String]) -> CapAuditKit.Scanner {
        let resolver = PathResolver(searchPath: env["PATH"] ?? "", allowRelative: settings.allowRelativePath)
        var scanner = CapAuditKit.Scanner(catalog: catalog, runner: ProbeRunner(), resolver: resolver, settings: settings, environment: env, host: HostInfo.current())
        scanner.minVersions = policy.minVersions
        return scanner
    }

    /// Runs the scan (with a throw-away HOME when asked) and judges it.
    func run(terminal: Terminal, areaIDs override: [String]? = nil) throws -> (ScanResult, Report, CapAuditKit.Scanner) {
        try withScanner { scanner in
            // A probe's daemon is reparented to capaudit, then killed and reported after the scan.
            Subreaper.enable()
            let result = scanner.scan(areaIDs: override ?? areaIDs, extraToolIDs: policy.requiredTools.map(\.toolID)) { terminal.progress($0) }
            terminal.eraseProgress()
            let report = Evaluator(catalog: catalog, policy: policy).evaluate(result)
            return (result, report, scanner)
        }
    }

    /// Calls `body` with a scanner whose probes get the user's environment, or a throw-away HOME
    /// with `--isolated-home` (removed afterwards).
    func withScanner<T>(_ body: (CapAuditKit.Scanner) throws -> T) throws -> T {
        var env = environment
        var isolatedHome: IsolatedHome?
        if settings.isolatedHome {
            isolatedHome = try IsolatedHome.make()
            isolatedHome!.apply(to: &env)
        }
        defer { isolatedHome?.remove() }
        return try body(scanner(environment: env))
    }

    /// Today's date in UTC, `YYYY-MM-DD`, for waiver expiry.
    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    static func number(_ arguments: ParsedArguments, _ option: String, default value: Double, range: ClosedRange<Double>,
                       integer: Bool = false, command: String) throws -> Double {
        guard let text = arguments.value(option) else { return value }
        guard let n = Double(text), n.isFinite, range.contains(n), !integer || n == n.rounded() else {
            let kind = integer ? "an integer" : "a number"
            let low = integer ? String(Int(range.lowerBound)) : String(range.lowerBound)
            throw UsageError.invalidValue(option: option, value: text, expected: "\(kind) from \(low) to \(Int(range.upperBound))", command: command)
        }
        return n
    }
}

/// A throw-away HOME and XDG folders for probes (`--isolated-home`), removed after the scan.
struct IsolatedHome {
    let path: String

    static func make() throws -> IsolatedHome {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("capaudit-home-\(UUID().uuidString)")
        do {
            for sub in ["", ".config", ".cache", ".local/share", ".local/state"] {
                try FileManager.default.createDirectory(at: base.appendingPathComponent(sub), withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw OutputFileError(path: base.path, reason: "cannot create the isolated HOME")
        }
        // An interrupt exits without running `defer`; the signal handler removes what is registered.
        SignalCleanup.shared.add(base.path)
        return IsolatedHome(path: base.path)
    }

    func apply(to environment: inout [String: String]) {
        environment["HOME"] = path
        environment["XDG_CONFIG_HOME"] = path + "/.config"
        environment["XDG_CACHE_HOME"] = path + "/.cache"
        environment["XDG_DATA_HOME"] = path + "/.local/share"
        environment["XDG_STATE_HOME"] = path + "/.local/state"
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
        SignalCleanup.shared.remove(path)
    }
}
