import Foundation

/// One source consulted for a tool's version and what it said: the `sources` of a tool in the JSON
/// report. Facts only; whether a source's version is the tool's own is for the evaluator to judge.
public struct VersionSource: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The version command's output.
        case exec
        /// Go build information embedded in the binary.
        case goBuildinfo = "go-buildinfo"
        /// A Python distribution's `*.dist-info` (or `*.egg-info`).
        case pythonDistInfo = "python-dist-info"
        /// An npm package's `package.json`.
        case npm
        /// Debian's package database.
        case dpkg
        /// Alpine's package database.
        case apk
        /// A pyenv shim and the install it runs (or why that is not known without running it).
        case pyenvShim = "pyenv-shim"
    }

    public var kind: Kind
    /// The version this source gives for the tool (normalized: `v`, epochs and package revisions removed).
    public var version: String?
    /// The Go main module (`k8s.io/kubernetes`).
    public var module: String?
    /// The Go main package path (`k8s.io/kubernetes/cmd/kubectl`).
    public var mainPackage: String?
    public var goVersion: String?
    /// The package or distribution name (`redis-tools`, `semgrep`).
    public var package: String?
    /// The version exactly as the source records it (`5:7.0.15-1~deb12u1`, `v1.32.4`).
    public var recordedVersion: String?
    /// The file that was read (a binary, a METADATA file, a package.json, a package database).
    public var file: String?
    /// Anything the user should know about this source (why it has no version).
    public var note: String?

    public init(
        kind: Kind, version: String? = nil, module: String? = nil, mainPackage: String? = nil, goVersion: String? = nil,
        package: String? = nil, recordedVersion: String? = nil, file: String? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.version = version
        self.module = module
        self.mainPackage = mainPackage
        self.goVersion = goVersion
        self.package = package
        self.recordedVersion = recordedVersion
        self.file = file
        self.note = note
    }
}
