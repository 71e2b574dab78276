import Foundation

/// Alpine's package database read from a view: `lib/apk/db/installed`, blocks separated by blank
/// lines with `P:` package, `V:` version, `A:` architecture, `F:` a folder and `R:` files in it.
public struct ApkDatabase: Sendable {
    public private(set) var packages: [String: InstalledPackage] = [:]
    /// Installed path → package name.
    public private(set) var owners: [String: String] = [:]

    static let maxInstalled = 64 << 20

    public init(text: String) {
        var name: String?
        var version: String?
        var arch: String?
        var folder = ""
        var files: [String] = []
        func flush() {
            if let name, let version, !version.isEmpty {
                packages[name] = InstalledPackage(name: name, version: version, architecture: arch)
                for file in files where owners[file] == nil { owners[file] = name }
            }
            name = nil; version = nil; arch = nil; folder = ""; files = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { flush(); continue }
            guard line.count >= 2, line[line.index(after: line.startIndex)] == ":" else { continue }
            let value = String(line.dropFirst(2))
            switch line.first {
            case "P": name = value
            case "V": version = value
            case "A": arch = value
            case "F": folder = value
            case "R": files.append("/" + (folder.isEmpty ? value : folder + "/" + value))
            default: continue
            }
        }
        flush()
    }

    /// The database of the view; nil when it has none.
    public static func load(view: some FileReading, path: String = "/lib/apk/db/installed") -> ApkDatabase? {
        view.readSmallText(path, limit: maxInstalled).map(ApkDatabase.init(text:))
    }

    /// The package that installed one of `paths`.
    public func owner(of paths: [String]) -> InstalledPackage? {
        for path in paths {
            if let name = owners[path], let package = packages[name] { return package }
        }
        return nil
    }

    /// `1.2.3-r0` without the package revision.
    public static func upstreamVersion(_ version: String) -> String {
        if let dash = version.range(of: "-r", options: .backwards),
            version[dash.upperBound...].allSatisfy({ $0.isASCII && $0.isNumber })
        {
            return String(version[..<dash.lowerBound])
        }
        return version
    }
}
