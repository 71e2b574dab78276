import Foundation

/// An npm package that provides an executable.
public struct NpmPackage: Sendable, Equatable {
    public var name: String
    public var version: String
    /// The package's `package.json`, in the view.
    public var manifest: String
}

/// Finds the npm package behind an executable: global and local installs link
/// `…/bin/NAME` or `node_modules/.bin/NAME` into `…/node_modules/PKG/…`, whose `package.json`
/// has the version.
public struct NpmPackageReader: Sendable {
    public var view: any FileReading

    public init(view: any FileReading) { self.view = view }

    public func package(forExecutable path: String) -> NpmPackage? {
        guard let resolved = view.resolve(path).path, let range = resolved.range(of: "/node_modules/", options: .backwards) else { return nil }
        let inside = resolved[range.upperBound...].split(separator: "/").map(String.init)
        guard let first = inside.first, first != ".bin" else { return nil }
        let packageParts = first.hasPrefix("@") ? Array(inside.prefix(2)) : [first]
        guard packageParts.count == (first.hasPrefix("@") ? 2 : 1), inside.count > packageParts.count else { return nil }
        let manifest = String(resolved[..<range.upperBound]) + packageParts.joined(separator: "/") + "/package.json"
        guard let bytes = view.readSmallFile(manifest, limit: 1 << 20),
            let json = try? JSONParser.parse(Data(bytes)),
            case .string(let version, _)? = json.member("version")
        else { return nil }
        var name = packageParts.joined(separator: "/")
        if case .string(let declared, _)? = json.member("name") { name = declared }
        return NpmPackage(name: name, version: version, manifest: manifest)
    }
}
