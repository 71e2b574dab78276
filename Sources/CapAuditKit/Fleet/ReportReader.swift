import Foundation

/// Why a file given to `merge` or `diff` was not read as a report. The text names the file and
/// says what to do.
public enum ReportReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case tooLarge(file: String, bytes: Int)
    case malformed(file: String, location: SourceLocation, message: String)
    /// Valid JSON, but not a capaudit report (a catalog file, another tool's JSON).
    case notAReport(file: String, reason: String)
    /// A report of a schema this capaudit does not read (written by a newer capaudit).
    case unsupportedSchema(file: String, version: String)
    /// A report whose fields are not what schema 1 says.
    case invalidField(file: String, location: SourceLocation, path: String, message: String)

    public var file: String {
        switch self {
        case .unreadable(let f, _), .tooLarge(let f, _), .malformed(let f, _, _), .notAReport(let f, _),
            .unsupportedSchema(let f, _), .invalidField(let f, _, _, _):
            return f
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read it: \(reason)"
        case .tooLarge(let file, let bytes):
            return "\(file): \(bytes) bytes; reports over \(ReportReader.maxFileSize) bytes are refused"
        case .malformed(let file, let location, let message):
            return "\(file):\(location): not JSON: \(message)"
        case .notAReport(let file, let reason):
            return "\(file): not a capaudit report: \(reason)"
        case .unsupportedSchema(let file, let version):
            return
                "\(file): report schemaVersion \(version) is not supported; this capaudit (\(CapAudit.version)) reads schemaVersion \(Report.schemaVersion) (upgrade capaudit to merge it)"
        case .invalidField(let file, let location, let path, let message):
            return "\(file):\(location): \(path): \(message)"
        }
    }
}

/// Reads JSON reports (`capaudit scan --format json`) back into `HostReport`s, one file at a time.
public enum ReportReader {
    /// No real report comes near this (a full scan is about 100 KB).
    public static let maxFileSize = 16 << 20

    /// The report files named by `paths`: files as given, folders as their `*.json` files sorted by
    /// name (not recursive). Paths that do not exist are returned as errors.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [ReportReadError]) {
        var files: [String] = []
        var errors: [ReportReadError] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(.unreadable(file: path, reason: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    errors.append(.unreadable(file: path, reason: "cannot list the folder"))
                    continue
                }
                let found = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
                if found.isEmpty { errors.append(.unreadable(file: path, reason: "the folder holds no *.json reports")) }
                files += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return (files, errors)
    }

    public static func read(file: String) throws(ReportReadError) -> HostReport {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw .unreadable(file: file, reason: "permission denied, or not a regular file")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxFileSize + 1) ?? Data()
        } catch {
            throw .unreadable(file: file, reason: "read failed (is it a folder?)")
        }
        if data.count > maxFileSize { throw .tooLarge(file: file, bytes: data.count) }
        return try parse(data, file: file)
    }

    public static func parse(_ data: Data, file: String) throws(ReportReadError) -> HostReport {
        if data.count > maxFileSize { throw .tooLarge(file: file, bytes: data.count) }
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw .malformed(file: file, location: error.location, message: error.message)
        }
        guard case .object = root else { throw .notAReport(file: file, reason: "the document is \(root.typeName), not an object") }
        guard let version = root.member("schemaVersion") else {
            throw .notAReport(file: file, reason: "it has no \"schemaVersion\" (write one with `capaudit scan --format json`)")
        }
        if root.member("areas") == nil || root.member("host") == nil {
            let looksLikeCatalog = root.member("area") != nil || root.member("tools") != nil
            throw .notAReport(
                file: file,
                reason: looksLikeCatalog
                    ? "it looks like a catalog file (\"area\"/\"tools\"), not a scan report"
                    : "it has no \"host\" and \"areas\" (write one with `capaudit scan --format json`)")
        }
        guard case .number(let number, let text, _) = version, number == number.rounded(), number >= 1 else {
            throw .invalidField(file: file, location: version.location, path: "schemaVersion", message: "expected a positive integer but found \(version.typeName)")
        }
        guard number == Double(Report.schemaVersion) else { throw .unsupportedSchema(file: file, version: text) }
        var fields = FieldReader(file: file)
        return try fields.report(root)
    }
}
