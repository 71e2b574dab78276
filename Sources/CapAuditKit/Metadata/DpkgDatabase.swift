import Foundation

/// An installed distribution package (dpkg or apk) that owns a file.
public struct InstalledPackage: Sendable, Equatable {
    public var name: String
    /// The package version as the database writes it (`5:7.0.15-1~deb12u1`, `1.2.3-r0`).
    public var version: String
    public var architecture: String?

    public init(name: String, version: String, architecture: String? = nil) {
        self.name = name
        self.version = version
        self.architecture = architecture
    }
}

/// Debian's package database read from a view: `var/lib/dpkg/status` (installed packages and their
/// versions) and `var/lib/dpkg/info/*.list` (the files each installed).
///
/// The lists hold every installed path (about 120,000 lines on a desktop-sized system), so they are
/// not indexed: `owners(of:)` reads them once for a whole batch of wanted paths and keeps only those.
public struct DpkgDatabase: Sendable {
    public private(set) var packages: [String: InstalledPackage] = [:]
    /// `info/*.list` files in the view, by package name.
    public private(set) var lists: [String: String] = [:]
    let view: (any FileReading)?

    static let maxStatus = 64 << 20
    static let maxList = 16 << 20

    /// A database from a status file's packages and the list files of the view (tests pass none).
    public init(packages: [String: InstalledPackage], lists: [String: String] = [:], view: (any FileReading)? = nil) {
        self.packages = packages
        self.lists = lists
        self.view = view
    }

    /// The database under `/var/lib/dpkg` of the view; nil when there is no readable status file.
    public static func load(view: any FileReading, directory: String = "/var/lib/dpkg") -> DpkgDatabase? {
        guard let status = view.readSmallFile(directory + "/status", limit: maxStatus) else { return nil }
        let packages = parseStatus(String(decoding: status, as: UTF8.self))
        var lists: [String: String] = [:]
        let infoFolder = directory + "/info"
        for entry in view.folderEntries(infoFolder) ?? [] where entry.hasSuffix(".list") {
            let stem = String(entry.dropLast(5))
            let name = String(stem.split(separator: ":", maxSplits: 1).first ?? Substring(stem))
            if packages[name] != nil { lists[name] = infoFolder + "/" + entry }
        }
        return DpkgDatabase(packages: packages, lists: lists, view: view)
    }

    /// Installed packages from a status file: stanzas separated by blank lines; only those whose
    /// `Status` ends in `installed`.
    public static func parseStatus(_ text: String) -> [String: InstalledPackage] {
        var out: [String: InstalledPackage] = [:]
        var name: Substring?, version: Substring?, arch: Substring?, installed = false
        func flush() {
            if let name, let version, !version.isEmpty, installed {
                out[String(name)] = InstalledPackage(name: String(name), version: String(version), architecture: arch.map(String.init))
            }
            name = nil; version = nil; arch = nil; installed = false
        }
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") else {
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) { flush() }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = line[..<colon]
            func value() -> Substring {
                Substring(String(decoding: line[line.index(after: colon)...], as: UTF8.self)).trimmingCharacters(in: .whitespaces)[...]
            }
            if key.elementsEqual("Package".utf8) {
                name = value()
            } else if key.elementsEqual("Version".utf8) {
                version = value()
            } else if key.elementsEqual("Architecture".utf8) {
                arch = value()
            } else if key.elementsEqual("Status".utf8) {
                installed = value().hasSuffix(" installed")
            }
        }
        flush()
        return out
    }

    /// The installed package of each of `paths` that some package's list names (merged-/usr twins
    /// count: a list's `/bin/ls` is `/usr/bin/ls`), reading every list once.
    public func owners(of paths: Set<String>) -> [String: InstalledPackage] {
        var wanted: [ArraySlice<UInt8>: String] = [:]
        for path in paths {
            for twin in Self.mergedUsrTwins(path) where wanted[ArraySlice(twin.utf8)] == nil { wanted[ArraySlice(twin.utf8)] = path }
        }
        guard !wanted.isEmpty, let view else { return [:] }
        // Hashing every line of every list costs more than reading them: only lines of a wanted length are hashed.
        var wantedLength = [Bool](repeating: false, count: (wanted.keys.map(\.count).max() ?? 0) + 1)
        for key in wanted.keys { wantedLength[key.count] = true }
        var out: [String: InstalledPackage] = [:]
        for (name, list) in lists.sorted(by: { $0.key < $1.key }) {
            guard let bytes = view.readSmallFile(list, limit: Self.maxList), let package = packages[name] else { continue }
            var start = 0
            let count = bytes.count
            while start < count {
                var end = start
                while end < count && bytes[end] != 0x0A { end += 1 }
                if end - start < wantedLength.count, wantedLength[end - start], let path = wanted[bytes[start..<end]], out[path] == nil { out[path] = package }
                start = end + 1
            }
        }
        return out
    }

    /// The package that installed one of `paths` (a file and the links that lead to it).
    public func owner(of paths: [String]) -> InstalledPackage? {
        let found = owners(of: Set(paths))
        return paths.lazy.compactMap { found[$0] }.first
    }

    /// The path and its other name on a merged-/usr system.
    static func mergedUsrTwins(_ path: String) -> [String] {
        for top in ["/bin/", "/sbin/", "/lib/", "/lib32/", "/lib64/", "/libx32/"] {
            if path.hasPrefix(top) { return [path, "/usr" + path] }
            if path.hasPrefix("/usr" + top) { return [path, String(path.dropFirst(4))] }
        }
        return [path]
    }

    /// The upstream part of a Debian version: no epoch (`5:`), no Debian revision (`-1~deb12u1`),
    /// no repack suffix (`+dfsg`, `+ds1`, `+really`).
    public static func upstreamVersion(_ version: String) -> String {
        var v = Substring(version)
        if let colon = v.firstIndex(of: ":"), v[..<colon].allSatisfy({ $0.isASCII && $0.isNumber }) {
            v = v[v.index(after: colon)...]
        }
        if let dash = v.lastIndex(of: "-") { v = v[..<dash] }
        if let plus = v.firstIndex(of: "+") { v = v[..<plus] }
        return String(v)
    }
}
