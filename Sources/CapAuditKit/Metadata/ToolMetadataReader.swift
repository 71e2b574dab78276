import Foundation

/// Reads what an installed executable's own metadata says about it, without running anything: Go
/// build information, the Python distribution or npm package it belongs to, and the dpkg or apk
/// package that installed it. Reads through a view, so a `--root` scan reads the root's own files
/// and package databases. The package databases' status files are read once, when this is made.
public struct ToolMetadataReader: Sendable {
    public var view: any FileReading
    public var dpkg: DpkgDatabase?
    public var apk: ApkDatabase?
    /// For pyenv shims: `PYENV_VERSION` and `PYENV_ROOT`.
    public var environment: [String: String]
    /// For pyenv shims: the folder whose `.python-version` (or a parent's) applies; nil in root scans.
    public var currentDirectory: String?

    public init(view: any FileReading, environment: [String: String] = [:], currentDirectory: String? = nil) {
        self.view = view
        self.dpkg = DpkgDatabase.load(view: view)
        self.apk = ApkDatabase.load(view: view)
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The metadata sources of the executable found at `path` for `command`.
    public func sources(forExecutable path: String, command: String) -> [VersionSource] {
        sources(for: [(path, command)])[0]
    }

    /// The metadata sources of each executable (a path found on PATH and the command it was found
    /// for), in the order they are trusted for the tool's version: the binary itself, then its
    /// language package, then the distribution package. The package lists are read once for all.
    public func sources(for executables: [(path: String, command: String)]) -> [[VersionSource]] {
        var prefix: [[VersionSource]] = []
        var targets: [String] = []
        var chains: [[String]] = []
        for (path, command) in executables {
            var target: String? = path
            var shimSources: [VersionSource] = []
            if let shim = pyenvShim(path, command: command) {
                shimSources.append(shim)
                target = shim.file
            }
            prefix.append(shimSources)
            targets.append(target ?? "")
            let chain = target.map { view.resolve($0).chain } ?? []
            chains.append(target == nil ? [] : (chain.isEmpty ? [target!] : chain))
        }
        let dpkgOwners = dpkg?.owners(of: Set(chains.joined())) ?? [:]
        let fileNames = executables.map(\.command) + chains.joined().map { ($0 as NSString).lastPathComponent }
        let python = PythonDistributionReader(view: view, commands: Set(fileNames))
        var out: [[VersionSource]] = []
        for (index, (_, command)) in executables.enumerated() {
            var sources = prefix[index]
            let chain = chains[index]
            guard !chain.isEmpty else { out.append(sources); continue }
            let target = targets[index]
            if let info = GoBuildInfoReader.read(target, view: view) {
                sources.append(goSource(info, file: chain.last))
            }
            if let dist = python.distribution(forExecutable: target, command: command) {
                sources.append(
                    VersionSource(
                        kind: .pythonDistInfo, version: Version(dist.version)?.text, package: dist.name,
                        recordedVersion: dist.version, file: dist.metadataFolder,
                        note: dist.matchedBy == "RECORD" ? "the file is listed in the distribution's RECORD" : nil))
            }
            if let npm = NpmPackageReader(view: view).package(forExecutable: target) {
                sources.append(VersionSource(kind: .npm, version: Version(npm.version)?.text, package: npm.name, recordedVersion: npm.version, file: npm.manifest))
            }
            if let package = chain.lazy.compactMap({ dpkgOwners[$0] }).first {
                sources.append(
                    VersionSource(
                        kind: .dpkg, version: Version(DpkgDatabase.upstreamVersion(package.version))?.text, package: package.name,
                        recordedVersion: package.version, file: "/var/lib/dpkg/status"))
            }
            if let apk, let package = apk.owner(of: chain) {
                sources.append(
                    VersionSource(
                        kind: .apk, version: Version(ApkDatabase.upstreamVersion(package.version))?.text, package: package.name,
                        recordedVersion: package.version, file: "/lib/apk/db/installed"))
            }
            out.append(sources)
        }
        return out
    }

    func goSource(_ info: GoBuildInfo, file: String?) -> VersionSource {
        var source = VersionSource(
            kind: .goBuildinfo, module: info.module, mainPackage: info.mainPackage, goVersion: info.goVersion,
            recordedVersion: info.moduleVersion, file: file)
        if let release = info.releaseVersion {
            source.version = release.version.text
            if release.from == "ldflags" { source.note = "version from the -ldflags build setting; the module version is \(info.moduleVersion ?? "not recorded")" }
        } else if let mv = info.moduleVersion {
            source.note = mv == "(devel)" ? "built from a source checkout: no module version" : "the module version \(mv) is a commit, not a release"
        } else {
            source.note = "no module version recorded (not a module build)"
        }
        return source
    }

    /// A pyenv shim (`PYENV_ROOT/shims/NAME`) and the install it would run: the first version named by
    /// `PYENV_VERSION`, else the nearest `.python-version` from the current folder up, else
    /// `PYENV_ROOT/version`, that has `bin/NAME`. Where that is not decidable from files (the `system`
    /// Python, no version file), the source says so and has no version.
    func pyenvShim(_ path: String, command: String) -> VersionSource? {
        let folder = PythonDistributionReader.parent(path)
        guard (folder as NSString).lastPathComponent == "shims",
            let head = view.readBytes(path, offset: 0, count: 4096),
            String(decoding: head, as: UTF8.self).contains("pyenv")
        else { return nil }
        let root = PythonDistributionReader.parent(folder)
        var names: [String] = []
        var origin = ""
        if let env = environment["PYENV_VERSION"], !env.isEmpty {
            names = env.split(separator: ":").map(String.init)
            origin = "PYENV_VERSION"
        } else if let (file, listed) = versionFile(root: root) {
            names = listed
            origin = file
        }
        guard !names.isEmpty else {
            return VersionSource(
                kind: .pyenvShim, file: nil, note: "pyenv shim: no PYENV_VERSION or version file selects a Python, so which install it runs is not known without running it")
        }
        for name in names {
            if name == "system" {
                return VersionSource(kind: .pyenvShim, note: "pyenv shim: \(origin) selects the system Python, so the command is whatever PATH finds after the shims")
            }
            let candidate = "\(root)/versions/\(name)/bin/\(command)"
            if view.fileSize(candidate) != nil {
                return VersionSource(kind: .pyenvShim, file: candidate)
            }
        }
        return VersionSource(kind: .pyenvShim, note: "pyenv shim: none of the Pythons selected by \(origin) (\(names.joined(separator: ", "))) has \(command)")
    }

    /// The `.python-version` nearest the current folder, else pyenv's global `version` file.
    func versionFile(root: String) -> (String, [String])? {
        var candidates: [String] = []
        if var dir = currentDirectory {
            while true {
                candidates.append((dir == "/" ? "" : dir) + "/.python-version")
                if dir == "/" { break }
                dir = PythonDistributionReader.parent(dir)
            }
        }
        candidates.append(root + "/version")
        for file in candidates {
            guard let text = view.readSmallText(file, limit: 64 * 1024) else { continue }
            let names = text.split(whereSeparator: \.isWhitespace).map(String.init).filter { !$0.hasPrefix("#") }
            if !names.isEmpty { return (file, names) }
        }
        return nil
    }
}
