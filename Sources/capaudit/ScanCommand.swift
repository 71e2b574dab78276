import CapAuditKit
import Foundation

/// `capaudit scan`: load the catalog, probe, judge, render, write.
struct ScanCommand {
    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let format = arguments.value("--format") ?? "text"
        guard ["text", "json"].contains(format) else {
            throw UsageError.invalidValue(option: "--format", value: format, expected: "text or json", command: "scan")
        }
        let timeout = try number("--timeout", default: 5, range: 0.1...600)
        let jobs = Int(try number("--jobs", default: 8, range: 1...64, integer: true))
        let color = arguments.value("--color") ?? "auto"
        guard ["auto", "always", "never"].contains(color) else {
            throw UsageError.invalidValue(option: "--color", value: color, expected: "auto, always or never", command: "scan")
        }
        let catalog = try loadCatalog()
        let areaIDs = arguments.all("--area")
        for id in areaIDs where catalog.area(id) == nil {
            throw UsageError.invalidValue(option: "--area", value: id, expected: "one of " + catalog.areas.map(\.id).joined(separator: ", "), command: "scan")
        }

        var environment = ProcessInfo.processInfo.environment
        let settings = ScanSettings(timeout: timeout, jobs: jobs, noExec: arguments.has("--no-exec"),
                                    allowRelativePath: arguments.has("--allow-relative-path"), isolatedHome: arguments.has("--isolated-home"))
        var isolatedHome: IsolatedHome?
        if settings.isolatedHome {
            isolatedHome = try IsolatedHome.make()
            isolatedHome!.apply(to: &environment)
        }
        defer { isolatedHome?.remove() }

        let resolver = PathResolver(searchPath: environment["PATH"] ?? "", allowRelative: settings.allowRelativePath)
        let scanner = Scanner(catalog: catalog, runner: ProbeRunner(), resolver: resolver, settings: settings,
                              environment: environment, host: HostInfo.current())
        let terminal = self.terminal
        let result = scanner.scan(areaIDs: areaIDs) { terminal.progress($0) }
        terminal.eraseProgress()
        let report = Evaluator(catalog: catalog).evaluate(result)

        let output = arguments.value("--output")
        let text: String
        switch format {
        case "json":
            text = JSONRenderer.render(report)
        default:
            let env = ProcessInfo.processInfo.environment
            let toTerminal = output == nil && terminal.stdoutIsTTY
            // NO_COLOR (no-color.org) and --color never always win.
            let useColor = color != "never" && env["NO_COLOR"] == nil && (color == "always" || (toTerminal && env["TERM"] != "dumb"))
            text = TextRenderer.render(report, style: TextStyle(color: useColor, symbols: toTerminal))
        }
        if let output {
            try AtomicFile.write(text, to: output)
            if format != "text" || !terminal.stdoutIsTTY {
                terminal.err("capaudit: wrote \(output)")
            } else {
                terminal.out(TextRenderer.summaryLine(report) + "\n")
            }
        } else {
            terminal.out(text)
        }
        return .success
    }

    func loadCatalog() throws -> Catalog {
        let paths = arguments.all("--catalog")
        return paths.isEmpty ? try BuiltinCatalog.load() : try CatalogLoader.load(paths: paths)
    }

    func number(_ option: String, default value: Double, range: ClosedRange<Double>, integer: Bool = false) throws -> Double {
        guard let text = arguments.value(option) else { return value }
        guard let n = Double(text), n.isFinite, range.contains(n), !integer || n == n.rounded() else {
            let kind = integer ? "an integer" : "a number"
            throw UsageError.invalidValue(option: option, value: text,
                                          expected: "\(kind) from \(integer ? String(Int(range.lowerBound)) : String(range.lowerBound)) to \(Int(range.upperBound))", command: "scan")
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
        return IsolatedHome(path: base.path)
    }

    func apply(to environment: inout [String: String]) {
        environment["HOME"] = path
        environment["XDG_CONFIG_HOME"] = path + "/.config"
        environment["XDG_CACHE_HOME"] = path + "/.cache"
        environment["XDG_DATA_HOME"] = path + "/.local/share"
        environment["XDG_STATE_HOME"] = path + "/.local/state"
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
