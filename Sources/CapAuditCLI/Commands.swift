import CapAuditKit
import Foundation

/// The subcommands and their help, shared by the executable and its tests.
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
        OptionSpec("--jobs", value: "N", help: "Never run more than N probes at once (default 32); below that, a probe starts only while a CPU core is idle."),
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

    public static let scan = CommandSpec(
        name: "scan",
        synopsis: "Probe this host and report which capabilities it has and lacks.",
        summary: "capaudit scan: probe this host for production-engineering capabilities and report the gaps.",
        usage: "capaudit scan [options]",
        options: [OptionSpec("--format", value: "FORMAT", choices: ReportFormat.allCases.map(\.rawValue), help: "Output format: \(ReportFormat.names) (default text).")]
            + outputOptions + gateOptions + scanningOptions,
        discussion: """
            Each tool of the catalog is looked up on PATH (in-process, `command -v` semantics) and its version
            command run with an argument array, stdin from /dev/null, LC_ALL=C and a timeout. Nothing contacts
            the network. Areas are reported by priority, then rank.

            Scheduling: probes start slowest expected first (the cache's last duration, the catalog's hint, scripts
            before binaries). One always runs; another starts only while at least half a CPU core was idle over
            the last 10 ms (capaudit's control group's CPU time), so probes that only wait overlap and interpreter
            start-ups do not slow each other into their timeouts. --jobs is a hard cap. A probe's timeout counts
            from its own start, never from time spent queued; a timed-out probe's reason says whether it was still
            using the CPU or printing (slow: raise --timeout) or idle (hung).

            In GitHub Actions (GITHUB_ACTIONS=true) gate failures are also printed as ::error workflow commands,
            and the markdown report is appended to $GITHUB_STEP_SUMMARY when that is set.

            Exit codes:
            \(exitCodeTable)
            """,
        examples: [
            "capaudit scan",
            "capaudit scan --fail-on critical --report junit:capaudit.xml --report markdown:gaps.md",
            "capaudit scan --format json --output capaudit.json",
            "capaudit scan --require 'gh>=2.40' --require kubectl   # quote >= from the shell",
            "capaudit scan --area security --area secrets --timeout 10",
            "capaudit scan --no-exec",
            "capaudit scan --cache   # a warm scan runs only what changed",
        ])

    public static let cache = CommandSpec(
        name: "cache",
        synopsis: "Show or empty the probe cache that `scan --cache` keeps.",
        summary: "capaudit cache: the probe cache of `scan --cache`.",
        usage: "capaudit cache path | info | clear",
        options: [],
        maxPositionals: 1,
        actions: ["path", "info", "clear"],
        discussion: """
            `scan --cache` keeps each version command's output, keyed by the identity of the files that decide it
            (device, inode, size, mtime and ctime of the executable, its interpreter, a pyenv shim's target), its
            argv and its environment, in $XDG_CACHE_HOME/capaudit/probes.json (or ~/.cache/capaudit/probes.json).
            Replacing, rewriting or touching a tool invalidates its entry. Shims of other version managers are never
            cached. At most 2000 entries are kept, the most recently used.
            """,
        examples: ["capaudit cache path", "capaudit cache info", "capaudit cache clear"])

    public static let report = CommandSpec(
        name: "report",
        synopsis: "The same scan as a markdown gap report.",
        summary: "capaudit report: scan and write the markdown gap report (scan --format markdown).",
        usage: "capaudit report [options]",
        options: [OptionSpec("--format", value: "FORMAT", choices: ReportFormat.allCases.map(\.rawValue), help: "Output format (default markdown): \(ReportFormat.names).")]
            + outputOptions + gateOptions + scanningOptions,
        discussion: "Exit codes:\n\(exitCodeTable)",
        examples: ["capaudit report --output gaps.md", "capaudit report --area security"])

    public static let explain = CommandSpec(
        name: "explain",
        synopsis: "How one tool was looked for and what happened.",
        summary: "capaudit explain TOOL: show how one tool was looked for and what happened.",
        usage: "capaudit explain TOOL [options]",
        options: scanningOptions.filter { $0.name != "--area" && $0.name != "--jobs" },
        maxPositionals: 1,
        discussion: "Every PATH entry tried, every match, the argv run, exit code, time, the first lines of output, the pattern, the version read, the status and why.",
        examples: ["capaudit explain kubectl", "capaudit explain docker-compose --timeout 10"])

    public static let catalog = CommandSpec(
        name: "catalog",
        synopsis: "List, show and validate catalogs.",
        summary: "capaudit catalog: inspect and validate catalogs.",
        usage: "capaudit catalog list [--format text|json] | show ID | validate PATH...",
        options: [
            OptionSpec("--catalog", value: "PATH", repeatable: true, help: "Use this catalog instead of the built-in one (list, show)."),
            OptionSpec("--format", value: "FORMAT", choices: ["text", "json"], help: "list only: text (default) or json (areas with their capabilities, tools, profiles)."),
        ],
        maxPositionals: 64,
        actions: ["list", "show", "validate"],
        discussion: """
            list        areas, capabilities and tools, one line each (--format json: one JSON document)
            show ID     one area or tool in detail
            validate    check catalog files or folders; every problem is listed; exit 0 or 3
            """,
        examples: ["capaudit catalog list", "capaudit catalog list --format json", "capaudit catalog show trivy", "capaudit catalog validate Catalog/"])

    public static let initCommand = CommandSpec(
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
            + scanningOptions.filter { $0.name != "--area" && $0.name != "--config" && $0.name != "--no-config" },
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

    public static let plan = CommandSpec(
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
        ] + scanningOptions,
        discussion: """
            Scans the host, then recommends one tool per unmet capability (a tool already present elsewhere wins,
            then the catalog's preferred tool) and an upgrade per outdated tool, with the best recipe for this host:
            the system package manager, then pipx, pip (a virtual environment where the system Python is
            externally managed, PEP 668), npm, go, cargo, snap, else the upstream install docs.
            capaudit never runs the plan itself; `--format shell` writes a script you can read and run.

            Exit codes:
            \(exitCodeTable)
            """,
        examples: [
            "capaudit plan", "capaudit plan --format shell --output install.sh", "capaudit plan --phase 1 --format text",
            "capaudit plan --area load-testing --format shell | sh", "capaudit plan --os-release ./fedora-os-release --manager dnf",
        ])

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
