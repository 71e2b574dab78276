import CapAuditKit
import Foundation

/// `capaudit export prometheus|ansible|kubernetes --output DIR`: writes an integration's files.
struct ExportCommand: Command {
    static var spec: CommandSpec {
        let defaults = ExportSettings()
        return CommandSpec(
            name: "export",
            synopsis: "Write the Prometheus, Ansible or Kubernetes integration files.",
            summary: "capaudit export: write an integration (systemd/cron + alert rules, an Ansible playbook, Kubernetes manifests) that matches this binary.",
            usage: "capaudit export prometheus|ansible|kubernetes --output DIR [options]",
            options: [
                OptionSpec("--output", value: "DIR", help: "Write the files into DIR (created if needed; files there of the same name are replaced, atomically)."),
                OptionSpec("--textfile-dir", value: "DIR", help: "node_exporter's textfile collector folder (default \(defaults.textfileDirectory), Debian's)."),
                OptionSpec("--fail-on", value: "LEVEL", choices: ["critical", "high", "medium"], help: "Gate level of the scheduled scans: critical (default), high or medium."),
                OptionSpec("--binary", value: "PATH", help: "Where capaudit is installed on the hosts (default \(defaults.binaryPath))."),
                OptionSpec("--image", value: "IMAGE", help: "The DaemonSet's container image (default \(defaults.image))."),
                OptionSpec("--node-job", value: "JOB", help: "The Prometheus job scraping node_exporter, for the stale-scan alert (default \(defaults.nodeJob))."),
            ],
            maxPositionals: 1,
            actions: IntegrationTarget.allCases.map(\.rawValue),
            discussion: """
                prometheus  capaudit.service + capaudit.timer (a dedicated user, an explicit PATH, the gate level), a cron
                            line, sysusers/tmpfiles snippets, alerting and recording rules (capaudit-rules.yml) and their
                            promtool unit tests (capaudit-rules.test.yml), README.md
                ansible     capaudit.yml (copy the binary, scan as the connecting user to JSON, fetch, merge on the
                            control node) and an example inventory.ini
                kubernetes  namespace.yaml, serviceaccount.yaml, daemonset.yaml (node root read-only at /host,
                            scan --root /host into the node's textfile folder, JSON to the log), Dockerfile
                """,
            examples: [
                "capaudit export prometheus --output capaudit-prometheus",
                "capaudit export ansible --output fleet && cp \"$(command -v capaudit)\" fleet/",
                "capaudit export kubernetes --output k8s --image registry.example.com/capaudit:\(CapAudit.version)",
            ])
    }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let names = IntegrationTarget.allCases.map(\.rawValue).joined(separator: ", ")
        guard let name = arguments.positionals.first else { throw UsageError.missingArgument("the integration to export: \(names)", command: "export") }
        guard let target = IntegrationTarget(rawValue: name) else {
            throw UsageError.invalidValue(option: "integration", value: name, expected: names, command: "export")
        }
        guard let output = arguments.value("--output") else { throw UsageError.missingArgument("--output DIR", command: "export") }
        var settings = ExportSettings()
        /// Paths end up in unit files, cron lines and manifests: absolute, and nothing to quote.
        func absolutePath(_ s: String) -> String? {
            s.hasPrefix("/") && !s.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" }) ? s : nil
        }
        let path = "an absolute path without spaces or quotes"
        settings.textfileDirectory = try arguments.value("--textfile-dir", expected: path, absolutePath) ?? settings.textfileDirectory
        settings.binaryPath = try arguments.value("--binary", expected: path, absolutePath) ?? settings.binaryPath
        settings.failOn = try arguments.value("--fail-on", expected: "critical, high or medium") { Priority(rawValue: $0) } ?? settings.failOn
        settings.image =
            try arguments.value("--image", expected: "an image reference such as registry.example.com/capaudit:1.0") { image in
                !image.isEmpty && !image.contains(where: { $0.isWhitespace || $0 == "\"" }) ? image : nil
            } ?? settings.image
        settings.nodeJob =
            try arguments.value("--node-job", expected: "a job name (letters, digits, - _ . :)") { job in
                !job.isEmpty && job.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:".contains($0) }) ? job : nil
            } ?? settings.nodeJob
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: output, reason: "cannot create the folder")
        }
        // All files or none: an integration half written would not work.
        var outputs = OutputFiles()
        let files = target.files(settings)
        for file in files { outputs.add(file.contents, to: (output as NSString).appendingPathComponent(file.path)) }
        for path in try outputs.write(terminal: terminal) { terminal.err("capaudit: wrote \(path)") }
        for file in files where file.mode != 0o644 { chmod((output as NSString).appendingPathComponent(file.path), mode_t(file.mode)) }
        return .success
    }
}
