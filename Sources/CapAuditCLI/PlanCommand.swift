import CapAuditKit
import Foundation

/// `capaudit plan`: scan, then write the phased install plan for this host.
struct PlanCommand: Command {
    static let spec = CommandSpec(
        name: "plan",
        synopsis: "A phased install plan for this host's gaps.",
        summary: "capaudit plan: a phased install plan for this host's gaps, with commands for its package managers.",
        usage: "capaudit plan [--format markdown|text|json|shell] [--phase N] [--manager NAME]... [--os-release FILE] [options]",
        options: [
            OptionSpec("--format", value: "FORMAT", choices: ["markdown", "text", "json", "shell"], help: "markdown (default), text, json, or shell (a POSIX sh install script)."),
            OptionSpec("--phase", value: "N", choices: ["1", "2", "3"], help: "Only phase N: 1 critical, 2 high, 3 medium."),
            OptionSpec(
                "--manager", value: "NAME", repeatable: true, choices: Installer.hostManagers.map(\.managerName),
                help: "Use this package manager instead of detecting them (apt, dnf, yum, apk, pacman, zypper, brew, pipx, pip, npm, go, cargo, snap)."),
            OptionSpec("--os-release", value: "FILE", help: "Read this os-release file instead of /etc/os-release."),
            OptionSpec("--output", value: "FILE", help: "Write the plan to FILE (atomically) instead of stdout."),
        ] + Commands.scanningOptions,
        discussion: """
            Scans the host, then recommends one tool per unmet capability (a tool already present elsewhere wins,
            then the catalog's preferred tool) and an upgrade per outdated tool, with the best recipe for this host:
            the system package manager, then pipx, pip (a virtual environment where the system Python is
            externally managed, PEP 668), npm, go, cargo, snap, else the upstream install docs.
            capaudit never runs the plan itself; `--format shell` writes a script you can read and run.

            Exit codes:
            \(Commands.exitCodeTable)
            """,
        examples: [
            "capaudit plan", "capaudit plan --format shell --output install.sh", "capaudit plan --phase 1 --format text",
            "capaudit plan --area load-testing --format shell | sh", "capaudit plan --os-release ./fedora-os-release --manager dnf",
        ])

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let format = try arguments.value("--format", expected: "markdown, text, json or shell") { PlanRenderer.Format(rawValue: $0) } ?? .markdown
        let phase = try arguments.value("--phase", expected: "1, 2 or 3") { Int($0).flatMap { (1...3).contains($0) ? $0 : nil } }
        let session = try ScanSession(arguments: arguments, command: "plan")
        // With --root, plan for the root's distribution: its os-release and the package managers on its PATH.
        let rootView = session.root.map { RootedFileSystem(root: $0) }
        let osRelease =
            arguments.value("--os-release")
            ?? rootView.flatMap { view in
                ["/etc/os-release", "/usr/lib/os-release"].lazy.compactMap { view.resolvedHostPath($0) }.first { FileManager.default.fileExists(atPath: $0) }
            }
        var host = try HostEnvironment.detect(
            osReleasePath: osRelease,
            searchPath: session.effectiveSearchPath(session.environment),
            fileSystem: session.fileSystem,
            managerOverride: arguments.all("--manager"))
        if let rootView { host.info.root = rootView.root }
        let (_, report, _) = try session.run(terminal: terminal)
        let plan = Planner.plan(report: report, catalog: session.catalog, host: host, phase: phase, areas: session.areaIDs, date: report.startedAt)
        let text = PlanRenderer.render(plan, format: format)
        var files = OutputFiles()
        let output = arguments.value("--output") ?? OutputFiles.stdoutName
        files.add(text, to: output)
        try files.write(terminal: terminal)
        if output != OutputFiles.stdoutName { terminal.err("capaudit: wrote \(TerminalText.clean(output))") }
        return .success
    }
}
