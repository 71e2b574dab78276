import CapAuditKit
import Foundation

/// Hosts for planner tests: a fake os-release file from Fixtures/os-release and fake package
/// managers (tiny executables) on a PATH made of a temporary folder, read by the real detection.
enum PlanHosts {
    /// - Parameters:
    ///   - osRelease: a file name under Fixtures/os-release.
    ///   - managers: commands to put on PATH (`apt-get`, `pip3`, `python3` ...).
    ///   - externallyManaged: plant `lib/python3.11/EXTERNALLY-MANAGED` next to the fake python3.
    static func detect(
        _ osRelease: String, managers: [String], externallyManaged: Bool = false, root: Bool = false,
        platform: HostPlatform = .linux, override: [String] = []
    ) throws -> HostEnvironment {
        let dir = try TemporaryFolder()
        try dir.folder("bin")
        for m in managers { try dir.tool("bin/\(m)", "exit 0") }
        if externallyManaged {
            try dir.file("lib/python3.11/EXTERNALLY-MANAGED", "[externally-managed]\nError=use a virtual environment\n")
        }
        var host = try HostEnvironment.detect(
            osReleasePath: Fixtures.url("os-release/\(osRelease)").path, searchPath: dir.path + "/bin",
            managerOverride: override, isRoot: root, platform: platform, assumeLocal: true)
        // The machine's own architecture, hostname and temporary path must not reach golden files.
        host.info.arch = platform == .macos ? "arm64" : "x86_64"
        host.info.hostname = "ci-runner-7"
        if host.externallyManagedMarker != nil { host.externallyManagedMarker = "/usr/lib/python3.11/EXTERNALLY-MANAGED" }
        return host
    }

    /// Debian 12 as shipped: apt-get and an externally managed python3, no pipx, not root.
    static func debian() throws -> HostEnvironment {
        try detect("debian-12", managers: ["apt-get", "python3"], externallyManaged: true)
    }

    static func fedora() throws -> HostEnvironment {
        try detect("fedora-40", managers: ["dnf", "python3", "pip3"])
    }

    static func alpine() throws -> HostEnvironment {
        try detect("alpine-3.20", managers: ["apk", "python3", "pipx"], externallyManaged: true, root: true)
    }

    static func ubuntu() throws -> HostEnvironment {
        try detect("ubuntu-24.04", managers: ["apt-get", "python3", "pipx"], externallyManaged: true)
    }

    static func macOS() throws -> HostEnvironment {
        try detect("macos-14", managers: ["brew", "python3", "pip3"], platform: .macos)
    }
}

/// Plans from the mini catalog's sample reports.
enum SamplePlans {
    static func plan(_ report: Report, host: HostEnvironment, phase: Int? = nil, areas: [String] = []) -> InstallPlan {
        Planner.plan(report: report, catalog: SampleReports.catalog, host: host, phase: phase, areas: areas, date: SampleReports.date)
    }

    /// The step that installs or upgrades `tool`.
    static func step(_ plan: InstallPlan, tool: String) -> PlanStep? {
        plan.steps.first { $0.toolID == tool }
    }
}

/// Small catalogs built in code, for planner rules the mini catalog does not show.
enum PlanCatalogs {
    static func tool(
        _ id: String, install: [InstallMethod: String] = [:], docs: String? = nil, minVersion: String? = nil,
        undetectable: String? = nil, platforms: [String] = []
    ) -> Tool {
        let detection: Detection = undetectable.map { .undetectable(reason: $0) } ?? .probes([Probe(command: id, args: ["--version"])])
        return Tool(
            id: id, name: id.uppercased(), summary: "\(id) tool.", homepage: "https://example.org/\(id)", detection: detection,
            minVersion: minVersion.flatMap { Version($0) }, platforms: platforms,
            install: InstallRecipes(packages: install, docs: docs))
    }

    /// A report with every tool missing except the given outputs, scanned with a fake runner.
    static func report(_ catalog: Catalog, executables: [String: String] = [:]) -> Report {
        let fs = FakeFileSystem(executables: Set(executables.keys.map { "/usr/bin/\($0)" }))
        var outputs: [String: ProbeOutput] = [:]
        for (name, out) in executables { outputs["/usr/bin/\(name)"] = .printed(out) }
        let scanner = Scanner(
            catalog: catalog, runner: FakeRunner(outputs: outputs), resolver: PathResolver(searchPath: "/usr/bin", fileSystem: fs),
            settings: ScanSettings(jobs: 8), environment: [:], host: SampleReports.host, now: { SampleReports.date })
        return Evaluator(catalog: catalog, capauditVersion: "0.1.0", fileSystem: fs).evaluate(scanner.scan())
    }
}
