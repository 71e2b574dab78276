import Foundation

/// Which catalog a scan used, recorded in the JSON report so `merge` and `diff` can tell a change
/// of the host from a change of the catalog.
///
/// The digest is SHA-256 over every file, sorted by base name, each as `name\nbyte-count\n` and its
/// bytes: the built-in catalog and a copy of the same `Catalog/` folder give the same digest,
/// wherever the copy lives.
public struct CatalogIdentity: Sendable, Equatable, Hashable {
    public enum Source: String, Sendable, Equatable, Hashable, CaseIterable {
        /// The copy compiled into the binary.
        case builtin
        /// Files or folders given with `--catalog`.
        case paths
    }
    public var source: Source
    /// The `--catalog` arguments as given (empty for the built-in catalog).
    public var paths: [String]
    /// `sha256:` and 64 hex digits.
    public var digest: String

    public init(source: Source, paths: [String] = [], digest: String) {
        self.source = source
        self.paths = paths
        self.digest = digest
    }

    /// The identity of catalog sources: built-in when every source is named `builtin:...`.
    public static func of(_ sources: [CatalogSource], paths: [String] = []) -> CatalogIdentity {
        var hash = SHA256()
        let named = sources.map { (name: baseName($0.name), data: $0.data) }.sorted { $0.name < $1.name }
        for file in named {
            hash.update(Array("\(file.name)\n\(file.data.count)\n".utf8))
            hash.update(file.data)
        }
        let builtin = !sources.isEmpty && sources.allSatisfy { $0.name.hasPrefix("builtin:") }
        return CatalogIdentity(source: builtin ? .builtin : .paths, paths: builtin ? [] : paths, digest: "sha256:" + hash.hexDigest())
    }

    static func baseName(_ name: String) -> String {
        let stripped = name.hasPrefix("builtin:") ? String(name.dropFirst("builtin:".count)) : name
        return (stripped as NSString).lastPathComponent
    }
}
