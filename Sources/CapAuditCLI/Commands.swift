import CapAuditKit
import Foundation

/// The help every subcommand shares: the option groups of the scanning commands, the exit-code table,
/// the overview and the list of specs. Each command's own spec is in its file (`ScanCommand.spec`, ...).
public enum Commands {
    static let exitCodeTable = ExitCode.allCases.map { "  \(String($0.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0)) \($0.meaning)" }.joined(separator: "\n")

    /// Options every command that scans accepts.
    public static let scanningOptions: [OptionSpec] = [
        OptionSpec("--area", value: "ID", repeatable: true, help: "Scan, report and gate only this area, whatever its kind (see `capaudit catalog list`)."),
        OptionSpec("--catalog", value: "PATH", repeatable: true, help: "Load the catalog from this file or folder instead of the built-in one."),
        OptionSpec("--config", value: "FILE", help: "Project requirements file (default: the nearest .capaudit.json in this folder or a parent)."),
        OptionSpec("--no-config", help: "Ignore any .capaudit.json."),
        OptionSpec(
            "--timeout", value: "SECONDS",
            help:
                "Kill a version command (and everything it started) SECONDS after it started (default \(ScanOptions.format(ProbeRequest.defaultTimeout)); known-slow tools get the catalog's longer default unless this is given)."
        ),
        OptionSpec(
            "--jobs", value: "N", help: "Never run more than N probes at once (default \(ScanSettings.defaultJobs)); below that, a probe starts only while a CPU core is idle."),
        OptionSpec(
            "--cache", help: "Reuse version outputs of earlier scans for files that have not changed (kept under $XDG_CACHE_HOME/capaudit; `capaudit cache clear` empties it)."),
        OptionSpec(
            "--no-exec",
            help: "Execute nothing (for untrusted hosts): find tools by PATH and read their versions from their own metadata (Go build info, Python dist-info, npm, dpkg, apk)."),
        OptionSpec(
            "--root", value: "DIR",
            help: "Audit the system unpacked in DIR (an image, a chroot, a node's root) without running anything in it: PATH lookup, symlinks and package databases inside DIR."),
        OptionSpec("--path", value: "PATH", help: "The PATH to search (with --root, inside DIR; default there \(RootScan.defaultPath))."),
        OptionSpec("--allow-relative-path", help: "Also search relative PATH entries (., empty, bin), which resolve against the current folder."),
        OptionSpec("--isolated-home", help: "Give probes a throw-away HOME and XDG folders (tools that write there when asked their version cannot)."),
    ]

    public static let outputOptions: [OptionSpec] = [
        OptionSpec("--output", value: "FILE", help: "Write the report to FILE (atomically) instead of stdout."),
        OptionSpec(
            "--color", value: "WHEN", choices: ["auto", "always", "never"],
            help: "auto (default), always or never. NO_COLOR set to anything but the empty string means never, unless --color always."),
    ]

    public static let gateOptions: [OptionSpec] = [
        OptionSpec(
            "--profile", value: "ROLE",
            help: "Host role that decides what gates: workstation, ci-runner, k8s-node, bastion or all (default: the config's profile, else all). Every area is still reported."),
        OptionSpec(
            "--fail-on", value: "LEVEL", choices: ["critical", "high", "medium", "never"],
            help: "Exit 1 when a capability gating at LEVEL or above is not met: critical, high, medium or never (default: the config's failOn, else the profile's, else never)."),
        OptionSpec(
            "--require", value: "TOOL[CONSTRAINT]", repeatable: true,
            help:
                "Exit 1 unless TOOL is present, and within CONSTRAINT when given: >=, >, =, <, <= or ~> a version, several joined with commas (gh>=2.40, 'helm~>3.12', 'kubectl>=1.28,<1.31'). Quote it from the shell."
        ),
        OptionSpec("--report", value: "FORMAT:FILE", repeatable: true, help: "Also write the report in FORMAT to FILE, atomically, from the same scan."),
    ]

    /// Every subcommand's spec, in the order of `CommandRegistry.commands`.
    public static var all: [CommandSpec] { CommandRegistry.commands.map { $0.spec } }

    public static func spec(named name: String) -> CommandSpec? { all.first { $0.name == name } }

    /// One line per subcommand for the overview: name, then its synopsis.
    static var commandList: String {
        all.map { "  " + $0.name.padding(toLength: 11, withPad: " ", startingAt: 0) + $0.synopsis }.joined(separator: "\n")
    }

    public static var overview: String {
        """
        capaudit \(CapAudit.version): audit a Linux host for production-engineering capabilities.

        Usage: capaudit <command> [options]

        Commands:
        \(commandList)
          help       Show help for a command: capaudit help scan

        Options:
          --version  Print capaudit's version.
          --help     Show this help.

        Examples:
          capaudit scan
          capaudit scan --fail-on critical --report junit:capaudit.xml
          capaudit explain kubectl
          capaudit help scan

        """
    }
}
