import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a call was refused: a sentence the agent reads (an MCP tool result with `isError: true`).
public struct CallRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "refused: \(reason)" }
}

/// Turns checked arguments into the argv of one call, refusing what the policy forbids: a value that
/// would be read as an option, a path outside the working folder (symlinks resolved), an address
/// that is not loopback without `--allow-network`. Each value becomes exactly one argv element.
public struct CallGuard: Sendable {
    public var policy: CallPolicy

    public init(policy: CallPolicy) { self.policy = policy }

    /// argv[1...] for the operation, with path parameters replaced by their resolved absolute paths.
    public func argv(for operation: ToolOperation, values: [String: ParameterValue]) throws(CallRefusal) -> [String] {
        if let exclusion = policy.exclusion(of: operation) { throw CallRefusal(exclusion) }
        var resolved: [String: [String]] = [:]
        for parameter in operation.parameters {
            guard let value = values[parameter.name] else { continue }
            resolved[parameter.name] = try words(for: parameter, value)
        }
        var argv: [String] = []
        for element in operation.argv {
            switch element {
            case .literal(let word): argv.append(word)
            case .slot(let name): argv += resolved[name] ?? []
            case .group(let items):
                // A group is passed when each of its parameters was given (a boolean: given and true).
                let given = element.slots.allSatisfy { name in
                    guard let v = values[name] else { return false }
                    if case .boolean(let b) = v { return b }
                    return true
                }
                guard given else { continue }
                for item in items {
                    switch item {
                    case .literal(let word): argv.append(word)
                    case .slot(let name): argv += resolved[name] ?? []
                    case .group: break // the reader refuses nested groups
                    }
                }
            }
        }
        return argv
    }

    /// The argv words of one parameter value: none for a boolean, one per array item, one otherwise.
    func words(for parameter: OperationParameter, _ value: ParameterValue) throws(CallRefusal) -> [String] {
        switch value {
        case .boolean: return []
        case .integer(let i):
            if i < 0 && !parameter.allowLeadingDash { throw CallRefusal("\(quoted(parameter.name)) is negative, and a value beginning with '-' would be read as an option") }
            return [String(i)]
        case .string(let s): return [try word(for: parameter, s)]
        case .strings(let items):
            var out: [String] = []
            for s in items { out.append(try word(for: parameter, s)) }
            return out
        }
    }

    func word(for parameter: OperationParameter, _ s: String) throws(CallRefusal) -> String {
        let name = quoted(parameter.name)
        if s.hasPrefix("-") && !parameter.allowLeadingDash {
            throw CallRefusal("\(name) begins with '-', so the tool would read \(quoted(s)) as an option; name a value, not an option")
        }
        if let kind = parameter.path { return try resolvePath(s, kind: kind, name: name) }
        if let kind = parameter.address { try checkAddress(s, kind: kind, name: name) }
        return s
    }

    /// The canonical absolute path, when it exists inside the working folder and is of the right kind.
    func resolvePath(_ s: String, kind: PathKind, name: String) throws(CallRefusal) -> String {
        guard let root = Self.canonical(policy.workingDirectory) else {
            throw CallRefusal("the working folder \(quoted(policy.workingDirectory)) does not exist")
        }
        let joined = s.hasPrefix("/") ? s : (root == "/" ? "/" : root + "/") + s
        guard let real = Self.canonical(joined) else {
            throw CallRefusal("\(name): \(quoted(s)) does not exist in the working folder \(root)")
        }
        guard real == root || real.hasPrefix(root == "/" ? "/" : root + "/") else {
            throw CallRefusal("\(name): \(quoted(s)) resolves to \(real), outside the working folder \(root); only paths inside it are allowed")
        }
        var info = stat()
        guard stat(real, &info) == 0 else { throw CallRefusal("\(name): cannot read \(quoted(s))") }
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        let isFile = (info.st_mode & S_IFMT) == S_IFREG
        switch kind {
        case .file where !isFile: throw CallRefusal("\(name): \(quoted(s)) is not a regular file")
        case .directory where !isDirectory: throw CallRefusal("\(name): \(quoted(s)) is not a folder")
        case .any where !isFile && !isDirectory: throw CallRefusal("\(name): \(quoted(s)) is neither a regular file nor a folder")
        default: return real
        }
    }

    /// The path with every symlink resolved, or nil when it does not exist.
    public static func canonical(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    func checkAddress(_ s: String, kind: AddressKind, name: String) throws(CallRefusal) {
        let host: String
        switch kind {
        case .url:
            guard let components = URLComponents(string: s), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
                let h = components.host, !h.isEmpty
            else {
                throw CallRefusal("\(name): \(quoted(s)) is not an http(s) URL with a host")
            }
            host = h
        case .host:
            host = s
        case .hostPort:
            guard let split = Self.splitHostPort(s) else {
                throw CallRefusal("\(name): \(quoted(s)) is not HOST:PORT with a port from 1 to 65535")
            }
            host = split
        }
        if policy.allowNetwork { return }
        guard Self.isLoopback(host) else {
            throw CallRefusal("\(name): \(quoted(host)) is not a loopback address (localhost, 127.0.0.0/8, ::1); other hosts need --allow-network")
        }
    }

    /// The host of `HOST:PORT` or `[V6]:PORT`, when the port is valid.
    static func splitHostPort(_ s: String) -> String? {
        guard let colon = s.lastIndex(of: ":") else { return nil }
        var host = String(s[..<colon])
        guard let port = Int(s[s.index(after: colon)...]), (1...65535).contains(port), !host.isEmpty else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    /// localhost, 127.0.0.0/8 or ::1 (also in brackets or IPv4-mapped). No name is resolved.
    public static func isLoopback(_ host: String) -> Bool {
        var h = host.lowercased()
        if h.hasPrefix("[") && h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        if h == "localhost" || h == "localhost." { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, h, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, h, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return bytes[12] == 127 }
        }
        return false
    }
}
