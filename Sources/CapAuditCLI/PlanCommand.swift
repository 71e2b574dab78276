import CapAuditKit
import Foundation

/// `capaudit plan`: scan, then write the phased install plan for this host.
struct PlanCommand: Command {
    static var spec: CommandSpec { Commands.plan }

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
