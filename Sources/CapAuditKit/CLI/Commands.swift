import Foundation

/// The subcommands and their help, shared by the executable and its tests.
public enum Commands {
    public static let scanOptions: [OptionSpec] = [
        OptionSpec("--format", value: "FORMAT", help: "Output format: text (default) or json."),
        OptionSpec("--output", value: "FILE", help: "Write the report to FILE (atomically) instead of stdout."),
        OptionSpec("--area", value: "ID", repeatable: true, help: "Scan only this area (see `capaudit catalog list`)."),
        OptionSpec("--catalog", value: "PATH", repeatable: true, help: "Load the catalog from this file or folder instead of the built-in one."),
        OptionSpec("--timeout", value: "SECONDS", help: "Kill a version command (and everything it started) after SECONDS (default 5)."),
        OptionSpec("--jobs", value: "N", help: "Run up to N probes at once (default 8)."),
        OptionSpec("--color", value: "WHEN", help: "auto (default), always or never. NO_COLOR set means never."),
        OptionSpec("--no-exec", help: "Find tools by PATH alone and execute nothing (for untrusted hosts); versions are unknown."),
        OptionSpec("--allow-relative-path", help: "Also search relative PATH entries (., empty, bin), which resolve against the current folder."),
        OptionSpec("--isolated-home", help: "Give probes a throw-away HOME and XDG folders, so tools that write there when asked their version cannot."),
    ]

    public static let scan = CommandSpec(
        name: "scan",
        summary: "capaudit scan: probe this host for production-engineering capabilities and report the gaps.",
        usage: "capaudit scan [options]",
        options: scanOptions,
        discussion: """
        Each tool of the catalog is looked up on PATH (in-process, `command -v` semantics) and its version
        command run with an argument array, stdin from /dev/null, LC_ALL=C and a timeout. Nothing contacts
        the network. Areas are reported by priority, then rank.

        Exit codes:
        \(ExitCode.allCases.map { "  \(String($0.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0)) \($0.meaning)" }.joined(separator: "\n"))
        """,
        examples: [
            "capaudit scan",
            "capaudit scan --format json --output capaudit.json",
            "capaudit scan --area security --area secrets --timeout 10",
            "capaudit scan --no-exec",
            "capaudit scan --catalog ./my-catalog/",
        ])

    public static let all: [CommandSpec] = [scan]

    public static func spec(named name: String) -> CommandSpec? { all.first { $0.name == name } }

    public static let overview = """
    capaudit \(CapAudit.version): audit a Linux host for production-engineering capabilities.

    Usage: capaudit <command> [options]

    Commands:
      scan       Probe this host and report which capabilities it has and lacks.
      help       Show help for a command: capaudit help scan

    Options:
      --version  Print capaudit's version.
      --help     Show this help.

    Examples:
      capaudit scan
      capaudit scan --format json --output capaudit.json
      capaudit help scan

    """
}
