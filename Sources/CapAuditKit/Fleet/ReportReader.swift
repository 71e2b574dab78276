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
            return "\(file): report schemaVersion \(version) is not supported; this capaudit (\(CapAudit.version)) reads schemaVersion \(Report.schemaVersion) (upgrade capaudit to merge it)"
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
            throw .notAReport(file: file, reason: looksLikeCatalog ? "it looks like a catalog file (\"area\"/\"tools\"), not a scan report"
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

/// Typed access to a report's members; throws at the first field that is not what schema 1 says.
struct FieldReader {
    let file: String

    func fail(_ value: JSONValue, _ path: String, _ message: String) -> ReportReadError {
        .invalidField(file: file, location: value.location, path: path, message: message)
    }

    func member(_ object: JSONValue, _ key: String, _ path: String) throws(ReportReadError) -> JSONValue {
        guard let v = object.member(key) else { throw fail(object, path, "missing \"\(key)\"") }
        return v
    }

    func string(_ object: JSONValue, _ key: String, _ path: String) throws(ReportReadError) -> String {
        let v = try member(object, key, path)
        guard case .string(let s, _) = v else { throw fail(v, join(path, key), "expected a string but found \(v.typeName)") }
        return s
    }

    /// A string, or nil for null or absent.
    func optionalString(_ object: JSONValue, _ key: String, _ path: String) throws(ReportReadError) -> String? {
        guard let v = object.member(key) else { return nil }
        switch v {
        case .null: return nil
        case .string(let s, _): return s
        default: throw fail(v, join(path, key), "expected a string or null but found \(v.typeName)")
        }
    }

    func bool(_ object: JSONValue, _ key: String, _ path: String) throws(ReportReadError) -> Bool {
        let v = try member(object, key, path)
        guard case .bool(let b, _) = v else { throw fail(v, join(path, key), "expected true or false but found \(v.typeName)") }
        return b
    }

    func int(_ object: JSONValue, _ key: String, _ path: String) throws(ReportReadError) -> Int {
        let v = try member(object, key, path)
        guard case .number(let d, _, _) = v, d == d.rounded(), abs(d) < 1e15 else { throw fail(v, join(path, key), "expected an integer but found \(v.typeName)") }
        return Int(d)
    }

    func array(_ object: JSONValue, _ key: String, _ path: String) throws(ReportReadError) -> [JSONValue] {
        let v = try member(object, key, path)
        guard case .array(let items, _) = v else { throw fail(v, join(path, key), "expected an array but found \(v.typeName)") }
        return items
    }

    func strings(_ object: JSONValue, _ key: String, _ path: String) throws(ReportReadError) -> [String] {
        var out: [String] = []
        for (i, item) in try array(object, key, path).enumerated() {
            guard case .string(let s, _) = item else { throw fail(item, "\(join(path, key))[\(i)]", "expected a string but found \(item.typeName)") }
            out.append(s)
        }
        return out
    }

    func object(_ value: JSONValue, _ path: String) throws(ReportReadError) -> JSONValue {
        guard case .object = value else { throw fail(value, path.isEmpty ? "(document)" : path, "expected an object but found \(value.typeName)") }
        return value
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func report(_ root: JSONValue) throws(ReportReadError) -> HostReport {
        let host = try object(try member(root, "host", ""), "host")
        var areas: [HostArea] = []
        for (i, value) in try array(root, "areas", "").enumerated() {
            areas.append(try area(value, "areas[\(i)]"))
        }
        var catalog: CatalogIdentity?
        if let c = root.member("catalog"), c != .null(c.location) {
            _ = try object(c, "catalog")
            let sourceText = try string(c, "source", "catalog")
            guard let source = CatalogIdentity.Source(rawValue: sourceText) else {
                throw fail(try member(c, "source", "catalog"), "catalog.source", "expected builtin or paths but found \"\(sourceText)\"")
            }
            catalog = CatalogIdentity(source: source, paths: c.member("paths") == nil ? [] : try strings(c, "paths", "catalog"),
                                      digest: try string(c, "digest", "catalog"))
        }
        var gate = HostGate()
        if let g = root.member("gate") {
            _ = try object(g, "gate")
            gate.failOn = try optionalString(g, "failOn", "gate") ?? "never"
            gate.passed = try bool(g, "passed", "gate")
            for (i, f) in (g.member("failures") == nil ? [] : try array(g, "failures", "gate")).enumerated() {
                gate.failures.append(try string(try object(f, "gate.failures[\(i)]"), "message", "gate.failures[\(i)]"))
            }
        }
        return HostReport(file: file, capaudit: try string(root, "capaudit", ""), hostname: try optionalString(host, "hostname", "host") ?? "",
                          os: try optionalString(host, "os", "host") ?? "", osVersion: try optionalString(host, "osVersion", "host") ?? "",
                          startedAt: try optionalString(root, "startedAt", "") ?? "", catalog: catalog, areas: areas, gate: gate)
    }

    func area(_ value: JSONValue, _ path: String) throws(ReportReadError) -> HostArea {
        _ = try object(value, path)
        let priorityText = try string(value, "priority", path)
        guard let priority = Priority(rawValue: priorityText) else {
            throw fail(try member(value, "priority", path), join(path, "priority"), "expected critical, high or medium but found \"\(priorityText)\"")
        }
        let statusText = try string(value, "status", path)
        guard let status = AreaStatus(rawValue: statusText) else {
            throw fail(try member(value, "status", path), join(path, "status"), "expected covered, partial or missing but found \"\(statusText)\"")
        }
        var kind: AreaKind?
        if let k = try optionalString(value, "kind", path) {
            guard let parsed = AreaKind(rawValue: k) else {
                throw fail(try member(value, "kind", path), join(path, "kind"), "expected gap, foundation, extended or project but found \"\(k)\"")
            }
            kind = parsed
        }
        var capabilities: [HostCapability] = []
        for (i, c) in try array(value, "capabilities", path).enumerated() {
            let p = "\(path).capabilities[\(i)]"
            _ = try object(c, p)
            capabilities.append(HostCapability(id: try string(c, "id", p), name: try string(c, "name", p), met: try bool(c, "met", p),
                                               tools: try strings(c, "tools", p), metBy: try strings(c, "metBy", p)))
        }
        var tools: [HostTool] = []
        for (i, t) in try array(value, "tools", path).enumerated() {
            let p = "\(path).tools[\(i)]"
            _ = try object(t, p)
            let statusText = try string(t, "status", p)
            guard let status = ToolStatus(rawValue: statusText) else {
                throw fail(try member(t, "status", p), join(p, "status"),
                           "expected one of \(ToolStatus.allCases.map(\.rawValue).joined(separator: ", ")) but found \"\(statusText)\"")
            }
            tools.append(HostTool(id: try string(t, "id", p), name: try string(t, "name", p), status: status,
                                  version: try optionalString(t, "version", p), minVersion: try optionalString(t, "minVersion", p)))
        }
        return HostArea(id: try string(value, "id", path), name: try string(value, "name", path), kind: kind, priority: priority,
                        rank: try int(value, "rank", path), status: status, capabilities: capabilities, tools: tools)
    }
}
