import Foundation

/// The catalog compiled into the binary, so a copied binary scans without `Catalog/` beside it.
///
/// `BuiltinCatalogData.swift` is generated from `Catalog/*.json` by `swiftSource(for:)`; a test
/// fails when it differs from `Catalog/`, and `UPDATE_BUILTIN_CATALOG=1 swift test --filter BuiltinCatalog`
/// rewrites it.
public enum BuiltinCatalog {
    /// The embedded files as sources named `builtin:<file>`.
    public static var sources: [CatalogSource] {
        files.map { CatalogSource(name: "builtin:\($0.name)", data: Data($0.text.utf8)) }
    }

    public static func load() throws(CatalogError) -> Catalog {
        try CatalogLoader.parse(sources)
    }

    /// The Swift source that embeds these files as raw string literals.
    public static func swiftSource(for files: [(name: String, text: String)]) -> String {
        var out = """
            // swift-format-ignore-file
            // Generated from Catalog/*.json. Do not edit: change Catalog/ and run
            // UPDATE_BUILTIN_CATALOG=1 swift test --filter BuiltinCatalog

            extension BuiltinCatalog {
                static let files: [(name: String, text: String)] = [

            """
        for file in files.sorted(by: { $0.name < $1.name }) {
            var hashes = "#"
            while file.text.contains("\"" + hashes) { hashes += "#" }
            out += "        (\"\(file.name)\", \(hashes)\"\"\"\n\(file.text)\n\"\"\"\(hashes)),\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
