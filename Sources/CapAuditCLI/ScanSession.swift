import CapAuditKit
import Foundation

/// Everything a scanning command needs, read from its options: the catalog (with the project's
/// own tools), the gate policy, and the scanner. Shared by scan, report, explain and plan.
struct ScanSession {
    let catalog: Catalog
    let policy: GatePolicy
    /// The role profile in force (`all` when none is named).
    let profile: RoleProfile
    let settings: ScanSettings
    let environment: [String: String]
    let areaIDs: [String]
    let command: String

    /// Parses the scanning options, then loads what they name.
    init(arguments: ParsedArguments, command: String) throws {
        try self.init(options: ScanOptions(parsing: arguments), command: command)
    }

    /// Loads the catalog and the project's requirements, and checks `--require` and `--area` against them.
    init(
        options: ScanOptions, command: String, environment: [String: String] = HostBytes.environment(),
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws {
        self.command = command
        var catalog = options.catalogPaths.isEmpty ? try BuiltinCatalog.load() : try CatalogLoader.load(paths: options.catalogPaths)
        let discovered = options.configFile == nil && !options.noConfig ? ProjectConfig.discover(from: currentDirectory) : nil
        if let discovered, let refusal = ConfigTrust.refusal(path: discovered, currentDirectory: currentDirectory) {
            throw UntrustedConfigError(path: discovered, reason: refusal)
        }
        let configPath = options.configFile ?? discovered
        self.configPath = configPath
        var config: ProjectConfig?
        if let configPath {
            config = try ProjectConfig.load(path: configPath, catalog: catalog, today: Self.today())
            catalog = config!.extend(catalog)
        }
        self.catalog = catalog
        // --profile over the config's profile; neither means `all`.
        let profileID = options.profile ?? config?.profile ?? RoleProfile.allID
        guard let profile = catalog.profile(profileID) else {
            throw UsageError.invalidChoice(option: "--profile", value: profileID, choices: catalog.profileIDs, command: command)
        }
        self.profile = profile
        self.policy = (config ?? ProjectConfig()).policy(
            failOnOverride: options.failOn, extraRequirements: options.requirements,
            profile: profile, selectedAreas: Set(options.areaIDs))
        for r in options.requirements where catalog.tools[r.toolID] == nil {
            throw UsageError.invalidValue(
                option: "--require", value: r.toolID,
                expected: "a tool id of the catalog" + (nearest(r.toolID, in: Array(catalog.tools.keys)).map { " (did you mean \($0)?)" } ?? ""), command: command)
        }
        for id in options.areaIDs where catalog.area(id) == nil {
            throw UsageError.invalidChoice(option: "--area", value: id, choices: catalog.areas.map(\.id), command: command)
        }
        self.areaIDs = options.areaIDs
        self.settings = options.settings
        self.environment = environment
        self.useCache = options.useCache
        self.root = options.root
        self.pathOption = options.searchPath
        self.currentDirectory = currentDirectory
    }

    /// `--root DIR`, `--path`.
    let root: String?
    let pathOption: String?
    let currentDirectory: String

    /// The filesystem tools are looked for in: DIR's with `--root`, else this host's.
    var fileSystem: any FileSystemView {
        root.map { RootedFileSystem(root: $0) } ?? LocalFileSystem()
    }

    /// The PATH searched: `--path`, else (in a root) Debian's default, else the environment's.
    func effectiveSearchPath(_ env: [String: String]) -> String {
        pathOption ?? (root != nil ? RootScan.defaultPath : env["PATH"] ?? Self.defaultSearchPath)
    }

    /// The requirements file in use (discovered or `--config`), nil for none.
    let configPath: String?

    /// PATH as probes are looked up on it; unset, it is the default execvp uses.
    var searchPath: String { environment["PATH"] ?? Self.defaultSearchPath }
    /// glibc's `confstr(_CS_PATH)`, what execvp searches when PATH is not set.
    static let defaultSearchPath = "/bin:/usr/bin"

    /// `--cache`: reuse outputs of earlier scans (see `ProbeCache`).
    let useCache: Bool

    func scanner(environment env: [String: String], isolatedHome: String? = nil) -> CapAuditKit.Scanner {
        var scanner: CapAuditKit.Scanner
        if let root {
            let view = RootedFileSystem(root: root)
            let resolver = PathResolver(searchPath: effectiveSearchPath(env), allowRelative: false, fileSystem: view)
            scanner = CapAuditKit.Scanner(catalog: catalog, runner: ProbeRunner(), resolver: resolver, settings: settings, environment: [:], host: HostInfo.of(root: view))
            scanner.metadata = ToolMetadataReader(view: view)
        } else {
            let resolver = PathResolver(searchPath: effectiveSearchPath(env), allowRelative: settings.allowRelativePath)
            scanner = CapAuditKit.Scanner(catalog: catalog, runner: ProbeRunner(), resolver: resolver, settings: settings, environment: env, host: HostInfo.current())
            scanner.metadata = ToolMetadataReader(view: LocalFileSystem(), environment: env, currentDirectory: currentDirectory)
        }
        scanner.versionConstraints = policy.versionConstraints
        // The cache lives in the user's own cache folder, never in the throw-away HOME, whose per-run path
        // is left out of the key.
        if useCache, !settings.noExec, let file = ProbeCache.defaultFile(environment: environment) {
            scanner.cache = ProbeCache(file: file, volatilePaths: isolatedHome.map { [$0] } ?? [])
        }
        return scanner
    }

    /// Runs the scan (with a throw-away HOME when asked) and judges it.
    func run(terminal: Terminal) throws -> (ScanResult, Report, CapAuditKit.Scanner) {
        try withScanner { scanner in
            var scanner = scanner
            // A probe's daemon is reparented to capaudit, then killed and reported after the scan.
            if let survivors = terminal.survivors {
                survivors.enable()
                scanner.survivors = survivors
                // The real process, so /proc/self/exe is capaudit: its probes die with it (see ProbeWatchdog).
                scanner.watchdog = ProbeWatchdog(registry: survivors.registry)
            }
            if environment["PATH"] == nil {
                terminal.err("capaudit: PATH is not set; searching \(Self.defaultSearchPath), as execvp does")
            }
            let result = scanner.scan(areaIDs: areaIDs, extraToolIDs: policy.requiredTools.map(\.toolID)) { terminal.progress($0) }
            terminal.eraseProgress()
            var report = Evaluator(catalog: catalog, fileSystem: scanner.resolver.fileSystem, policy: policy).evaluate(result)
            report.configFile = configPath
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
        return try body(scanner(environment: env, isolatedHome: isolatedHome?.path))
    }

    /// Today's date in UTC, `YYYY-MM-DD`, for waiver expiry.
    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}
