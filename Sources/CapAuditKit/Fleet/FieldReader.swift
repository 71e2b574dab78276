import Foundation

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
            catalog = CatalogIdentity(
                source: source, paths: c.member("paths") == nil ? [] : try strings(c, "paths", "catalog"),
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
        return HostReport(
            file: file, capaudit: try string(root, "capaudit", ""), hostname: try optionalString(host, "hostname", "host") ?? "",
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
            capabilities.append(
                HostCapability(
                    id: try string(c, "id", p), name: try string(c, "name", p), met: try bool(c, "met", p),
                    tools: try strings(c, "tools", p), metBy: try strings(c, "metBy", p)))
        }
        var tools: [HostTool] = []
        for (i, t) in try array(value, "tools", path).enumerated() {
            let p = "\(path).tools[\(i)]"
            _ = try object(t, p)
            let statusText = try string(t, "status", p)
            guard let status = ToolStatus(rawValue: statusText) else {
                throw fail(
                    try member(t, "status", p), join(p, "status"),
                    "expected one of \(ToolStatus.allCases.map(\.rawValue).joined(separator: ", ")) but found \"\(statusText)\"")
            }
            tools.append(
                HostTool(
                    id: try string(t, "id", p), name: try string(t, "name", p), status: status,
                    version: try optionalString(t, "version", p), minVersion: try optionalString(t, "minVersion", p)))
        }
        return HostArea(
            id: try string(value, "id", path), name: try string(value, "name", path), kind: kind, priority: priority,
            rank: try int(value, "rank", path), status: status, capabilities: capabilities, tools: tools)
    }
}
