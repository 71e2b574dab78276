import CapAuditKit
import Foundation

/// `capaudit init`: scan this host, pick the role profile that fits it, and write a requirements file
/// whose gate passes here today (the gaps found become waivers, shown in every report). With
/// `--from-scan` it also pins every tool found: at least the version found, or present when its
/// version is unknown, so later drift fails the gate. Never over an existing file without --force.
struct InitCommand: Command {
    static let spec = CommandSpec(
        name: "init",
        synopsis: "Write a .capaudit.json whose gate this host passes today.",
        summary: "capaudit init: scan this host, pick its role profile, and write a .capaudit.json whose gate passes here today.",
        usage: "capaudit init [--profile ROLE] [--from-scan] [--force] [--output FILE] [options]",
        options: [
            OptionSpec("--force", help: "Overwrite an existing file."),
            OptionSpec("--output", value: "FILE", help: "Write there instead of ./.capaudit.json (- for stdout)."),
            OptionSpec("--profile", value: "ROLE", help: "Use this role instead of detecting it: workstation, ci-runner, k8s-node, bastion or all."),
            OptionSpec("--from-scan", help: "Also pin every tool found: at least the version found, or present when its version is unknown."),
        ]
            + Commands.scanningOptions.filter { $0.name != "--area" && $0.name != "--config" && $0.name != "--no-config" },
        discussion: """
            init scans this host and picks the profile that fits it, first that holds: k8s-node when kubelet is on
            PATH (or /var/lib/kubelet exists); ci-runner in a CI job (CI=true, GITHUB_ACTIONS, GITLAB_CI, BUILDKITE,
            JENKINS_URL, ...) or when a runner agent is found; workstation in a desktop session (DISPLAY,
            WAYLAND_DISPLAY) or on macOS; else all. A bastion is never guessed. The file sets that profile and its
            gate level, and writes the gaps that would fail the gate today as waivers: right after init,
            `capaudit scan` passes on this host, and every report still lists those gaps. With --from-scan, every
            tool found is required at its version or later (present only, when its version is unknown), so drift
            fails the gate later. JSON has no comments: members whose names start with "$comment" are ignored.
            """,
        examples: ["capaudit init", "capaudit init --from-scan", "capaudit init --profile bastion --force"])

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let path = arguments.value("--output") ?? ProjectConfig.fileName
        if path != OutputFiles.stdoutName && FileManager.default.fileExists(atPath: path) && !arguments.has("--force") {
            throw UsageError.invalidValue(option: "--output", value: path, expected: "a file that does not exist yet (use --force to overwrite it)", command: "init")
        }
        var options = try ScanOptions(parsing: arguments)
        options.noConfig = true // the file being written is the configuration; an old one must not shape it
        let requested = options.profile
        options.profile = nil
        let session = try ScanSession(options: options, command: "init")
        let catalog = session.catalog
        if let requested, catalog.profile(requested) == nil {
            throw UsageError.invalidChoice(option: "--profile", value: requested, choices: catalog.profileIDs, command: "init")
        }
        let (result, factsOnly, _) = try session.run(terminal: terminal)
        let chosen: (profile: String, because: String)
        if let requested {
            chosen = (requested, "--profile \(requested) was given")
        } else {
            let resolver = PathResolver(searchPath: session.environment["PATH"] ?? "", allowRelative: session.settings.allowRelativePath)
            chosen = ProfileDetector.detect(catalog: catalog, environment: session.environment, resolver: resolver, report: factsOnly)
        }
        let profile = catalog.profile(chosen.profile)!
        let failOn = profile.failOn ?? .critical
        let policy = ProjectConfig().policy(failOnOverride: .some(failOn), extraRequirements: [], profile: profile)
        let report = Evaluator(catalog: catalog, policy: policy).evaluate(result)

        let host = TerminalText.clean(report.host.hostname ?? "this host")
        let day = ScanSession.today()
        let baseline = report.gate.failures.compactMap { failure -> Waiver? in
            guard let area = failure.areaID else { return nil }
            let target = failure.capabilityID.map { "\(area)/\($0)" } ?? area
            return Waiver(target: target, reason: "not met on \(host) when capaudit init ran (\(day)): \(failure.message). Install a tool for it, then delete this waiver.")
        }
        var pins: [String: String] = [:]
        if arguments.has("--from-scan") {
            for tool in report.areas.flatMap(\.tools) where pins[tool.tool.id] == nil {
                switch tool.verdict.status {
                case .present: pins[tool.tool.id] = tool.verdict.version.map { ">=\($0)" } ?? "*"
                case .unknownVersion: pins[tool.tool.id] = "*"
                default: break
                }
            }
        }
        var files = OutputFiles()
        files.add(ProjectConfig.starter(catalog: catalog, profile: profile.id, failOn: failOn, pins: pins, baseline: baseline, why: chosen.because), to: path)
        try files.write(terminal: terminal)
        terminal.err(
            "capaudit: profile \(profile.id) (\(chosen.because)); gate \(failOn.rawValue); "
                + "\(baseline.count) gap\(baseline.count == 1 ? "" : "s") of this host written as waivers"
                + (pins.isEmpty ? "" : "; \(pins.count) tools pinned at the versions found"))
        if path == OutputFiles.stdoutName { return .success }
        terminal.err("capaudit: wrote \(TerminalText.clean(path)); `capaudit scan` passes on this host now (it is found from this folder and its subfolders)")
        return .success
    }
}
