import Foundation

/// A catalog fact about a package whose version is not the version its tool reports (catalog `versionFacts`):
/// Debian's apache2-utils 2.4.x ships `ab` that says 2.3; Debian's python3-locust prints no version.
///
/// Read by `Tests/Integration/real-tools.sh` (which compares capaudit with the package managers) and by the
/// evidence readers, which must not take the package's version for the tool's.
public struct VersionFact: Sendable, Equatable {
    /// Where the package version comes from.
    public enum Source: String, Sendable, Equatable, CaseIterable {
        case dpkg, pip, apk, exec
    }

    /// What the tool reports instead of the package's version.
    public enum ToolVersion: Sendable, Equatable {
        /// This exact version (`"toolVersion": "2.3"`).
        case exactly(String)
        /// No version at all (`"toolVersion": null`).
        case none
        /// A version that follows from no package field (`toolVersion` absent): any real version.
        case unstated
    }

    public var source: Source
    public var package: String
    /// False: the package's version is not the tool's.
    public var sameAsTool: Bool
    public var reason: String
    public var toolVersion: ToolVersion

    public init(source: Source, package: String, sameAsTool: Bool, reason: String, toolVersion: ToolVersion) {
        self.source = source
        self.package = package
        self.sameAsTool = sameAsTool
        self.reason = reason
        self.toolVersion = toolVersion
    }
}
