import CapAuditKit
import Foundation

/// The options of the commands that scan (scan, report, plan, explain), parsed and checked once.
/// Defaults are not written here: an option not given keeps `ScanSettings`' default.
struct ScanOptions: Sendable, Equatable {
    /// `--area`: only these areas (empty: all). Checked against the catalog by `ScanSession`.
    var areaIDs: [String] = []
    /// `--catalog`: files or folders instead of the built-in catalog.
    var catalogPaths: [String] = []
    /// `--config FILE`; nil means discover the nearest `.capaudit.json` unless `noConfig`.
    var configFile: String?
    var noConfig = false
    var settings = ScanSettings()
    /// `--fail-on`: nil when not given, `.some(nil)` for `never`.
    var failOn: Priority?? = nil
    /// `--require`, checked against the catalog by `ScanSession`.
    var requirements: [ToolRequirement] = []
    /// `--profile`: the host role; checked against the catalog by `ScanSession`. nil: the config's, else `all`.
    var profile: String?
    /// `--cache`: reuse version outputs of earlier scans (see `ProbeCache`).
    var useCache = false
    /// `--root DIR`: audit the system in DIR; implies executing nothing.
    var root: String?
    /// `--path`: the PATH to search instead of the environment's.
    var searchPath: String?

    init() {}

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        let command = arguments.command
        areaIDs = arguments.all("--area")
        catalogPaths = arguments.all("--catalog")
        configFile = arguments.value("--config")
        profile = arguments.value("--profile")
        noConfig = arguments.has("--no-config")
        if let timeout = try Self.number(arguments, "--timeout", range: 0.1...600) {
            settings.timeout = timeout
            settings.timeoutFromUser = true
        }
        if let jobs = try Self.number(arguments, "--jobs", range: 1...64, integer: true) { settings.jobs = Int(jobs) }
        settings.noExec = arguments.has("--no-exec")
        settings.allowRelativePath = arguments.has("--allow-relative-path")
        settings.isolatedHome = arguments.has("--isolated-home")
        useCache = arguments.has("--cache")
        searchPath = arguments.value("--path")
        if let dir = arguments.value("--root") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder), isFolder.boolValue else {
                throw .invalidValue(option: "--root", value: dir, expected: "an existing folder holding an unpacked root filesystem", command: command)
            }
            root = URL(fileURLWithPath: dir).standardizedFileURL.path
            settings.noExec = true
        }
        if let level = arguments.value("--fail-on") {
            if level == "never" {
                failOn = .some(nil)
            } else if let p = Priority(rawValue: level) {
                failOn = .some(p)
            } else {
                throw .invalidValue(option: "--fail-on", value: level, expected: "critical, high, medium or never", command: command)
            }
        }
        for text in arguments.all("--require") {
            guard let r = ToolRequirement(parsing: text) else {
                throw .invalidValue(
                    option: "--require", value: text,
                    expected:
                        "TOOL, or TOOL and a version constraint (>=, >, =, <, <=, != or ~> a version; several joined with commas), e.g. gh>=2.40, helm~>3.12, 'kubectl>=1.28,<1.31'",
                    command: command)
            }
            requirements.append(r)
        }
    }

    /// The value of a numeric option within `range`, or nil when it was not given.
    static func number(
        _ arguments: ParsedArguments, _ option: String, range: ClosedRange<Double>,
        integer: Bool = false
    ) throws(UsageError) -> Double? {
        guard let text = arguments.value(option) else { return nil }
        // Plain decimal only: Double() also reads "0x10", "1e1", "inf" and "nan".
        let decimal =
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && text.filter { $0 == "." }.count <= 1
            && text.first != "." && text.last != "."
        guard decimal, let n = Double(text), n.isFinite, range.contains(n), !integer || n == n.rounded() else {
            let kind = integer ? "an integer" : "a number"
            let low = integer ? String(Int(range.lowerBound)) : String(range.lowerBound)
            throw .invalidValue(option: option, value: text, expected: "\(kind) from \(low) to \(Int(range.upperBound))", command: arguments.command)
        }
        return n
    }

    /// A number as help text shows it: `5`, `0.5`.
    static func format(_ n: Double) -> String {
        n == n.rounded() ? String(Int(n)) : String(n)
    }
}
