import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the host environment could not be read as asked.
public enum HostEnvironmentError: Error, Equatable, CustomStringConvertible {
    /// `--os-release FILE` does not exist or cannot be read.
    case unreadableOSRelease(String)
    /// `--manager NAME` is not a package manager capaudit knows.
    case unknownManager(String)

    public var description: String {
        switch self {
        case .unreadableOSRelease(let path):
            return "cannot read os-release file \(path)"
        case .unknownManager(let name):
            return "unknown package manager \(quoted(name)); expected one of \(Installer.acceptedNames.joined(separator: ", "))"
        }
    }
}

/// What the planner needs to know about the host: its OS family, the package managers on PATH,
/// whether it runs as root, and whether the system Python refuses `pip install` (PEP 668).
///
/// Everything is an input: tests build one from a fake os-release file and fake managers in a
/// temporary folder; `detect` reads the real host.
public struct HostEnvironment: Sendable, Equatable {
    /// os-release fields, architecture and hostname.
    public var info: HostInfo
    public var platform: HostPlatform
    /// Each manager found (or named with `--manager`) and the command that runs it
    /// (`apt` → `apt-get`, `pip` → `pip3` or `pip`, `venv` → `python3`): keys are `Installer.hostManagers`.
    public var managers: [Installer: String]
    /// True when the managers come from `--manager` rather than PATH.
    public var managersOverridden: Bool
    /// Effective user id 0. A generated script decides again when it runs.
    public var isRoot: Bool
    /// True when `python3`'s stdlib folder holds an `EXTERNALLY-MANAGED` file (PEP 668): `pip install`
    /// outside a virtual environment is refused, and the plan never forces it.
    public var pythonExternallyManaged: Bool
    /// The `EXTERNALLY-MANAGED` file that was found, if any.
    public var externallyManagedMarker: String?
    /// True when the plan is for a machine capaudit can look at (this one, or a `--root` folder: its
    /// PATH and Python were read);
    /// false for another machine described by `--os-release`, whose managers and PEP 668 state
    /// come from its distribution and release (`TargetDefaults`).
    public var isLocal: Bool

    public init(
        info: HostInfo, platform: HostPlatform = .linux, managers: [Installer: String] = [:], managersOverridden: Bool = false,
        isRoot: Bool = false, pythonExternallyManaged: Bool = false, externallyManagedMarker: String? = nil, isLocal: Bool = true
    ) {
        self.info = info
        self.platform = platform
        self.managers = managers
        self.managersOverridden = managersOverridden
        self.isRoot = isRoot
        self.pythonExternallyManaged = pythonExternallyManaged
        self.externallyManagedMarker = externallyManagedMarker
        self.isLocal = isLocal
    }

    public func has(_ manager: Installer) -> Bool { managers[manager] != nil }

    /// The system package manager on this host that can install `manager` (pipx, npm, the venv
    /// module) and its package there, when `manager` is missing.
    public func bootstrap(_ manager: Installer) -> (installer: Installer, package: String)? {
        guard !has(manager) else { return nil }
        for system in systemManagers where has(system) {
            guard let package = TargetDefaults.bootstrapPackage(manager, systemManager: system, families: families) else { continue }
            return (system, package)
        }
        return nil
    }

    /// True when `manager` is here or a plan can install it first from the system packages.
    public func canUse(_ manager: Installer) -> Bool { has(manager) || bootstrap(manager) != nil }

    /// True when a recipe through `installer` can run here: the host has it (with `bootstrapping`,
    /// or a plan can install it first from the system packages). pip only where PEP 668 allows
    /// `pip install --user`; the venv also with a pip named by `--manager` (it names a Python too);
    /// snap --classic with the host's snap; the docs never (they are not run).
    public func canRun(_ installer: Installer, bootstrapping: Bool) -> Bool {
        func usable(_ m: Installer) -> Bool { bootstrapping ? canUse(m) : has(m) }
        switch installer {
        case .pip: return has(.pip) && !pythonExternallyManaged
        case .venv: return usable(.venv) || has(.pip)
        case .snapClassic: return usable(.snap)
        case .docs: return false
        default: return usable(installer)
        }
    }

    /// The OS families the host belongs to, from `ID` and `ID_LIKE` (and the platform).
    public var families: [String] {
        var out: [String] = []
        if platform == .macos { out.append("macos") }
        for id in [info.osID].compactMap({ $0 }) + info.osLike {
            let lowered = id.lowercased()
            if !out.contains(lowered) { out.append(lowered) }
        }
        return out
    }

    /// The system package managers matching os-release, best first: debian/ubuntu → apt;
    /// fedora/rhel/centos → dnf, then yum; alpine → apk; arch → pacman; opensuse/suse → zypper;
    /// macOS → brew. With `--manager`, a system manager named there counts as matching too.
    public var systemManagers: [Installer] {
        var out: [Installer] = []
        func add(_ m: Installer) { if !out.contains(m) { out.append(m) } }
        for family in families {
            switch family {
            case "debian", "ubuntu": add(.apt)
            case "fedora", "rhel", "centos", "rocky", "almalinux", "ol", "amzn": add(.dnf); add(.yum)
            case "alpine": add(.apk)
            case "arch", "archlinux", "manjaro", "endeavouros": add(.pacman)
            case "macos", "darwin": add(.brew)
            case _ where family == "suse" || family.hasPrefix("opensuse") || family == "sles" || family == "sled": add(.zypper)
            default: break
            }
        }
        if managersOverridden {
            for m in managers.keys.sorted() where m.isSystem { add(m) }
        }
        return out
    }

    /// One line naming the host: `ci-runner-7 (Debian GNU/Linux 12)`.
    public var displayName: String {
        let os = [info.os ?? (platform == .macos ? "macOS" : nil), info.osVersion].compactMap { $0 }.joined(separator: " ")
        let osText = os.isEmpty ? platform.rawValue : os
        if let host = info.hostname, !host.isEmpty { return "\(host) (\(osText))" }
        return osText
    }

    /// Reads the host: os-release (or `osReleasePath`), the managers on `searchPath` (unless
    /// `managerOverride` names them), root from `geteuid()`, and PEP 668 from the `python3` on PATH.
    ///
    /// - Parameters:
    ///   - osReleasePath: `--os-release FILE`; an unreadable file is an error.
    ///   - managerOverride: `--manager NAME` values; when non-empty, PATH is not searched for managers.
    ///   - isRoot: nil reads `geteuid()`.
    ///   - externallyManaged: nil looks for `EXTERNALLY-MANAGED` next to the `python3` on PATH.
    public static func detect(
        osReleasePath: String? = nil,
        searchPath: String = HostBytes.environment()["PATH"] ?? "",
        fileSystem: any FileSystemView = LocalFileSystem(),
        managerOverride: [String] = [],
        isRoot: Bool? = nil,
        externallyManaged: Bool? = nil,
        platform: HostPlatform = .current,
        assumeLocal: Bool? = nil
    ) throws(HostEnvironmentError) -> HostEnvironment {
        var local = assumeLocal ?? true
        if let osReleasePath {
            guard let data = FileManager.default.contents(atPath: osReleasePath), data.count < 64 * 1024 else {
                throw .unreadableOSRelease(osReleasePath)
            }
            // A `--root` view can be looked at (its PATH and Python are read through the view), like this
            // machine; only a bare os-release of another machine leaves the managers to be assumed.
            if assumeLocal == nil && !(fileSystem is RootedFileSystem) {
                // Another machine's os-release: plan for that machine, not this one (unless it is this one's).
                let own = ["/etc/os-release", "/usr/lib/os-release"].lazy.compactMap { FileManager.default.contents(atPath: $0) }.first
                local = own == data
            }
        }
        if !local && managerOverride.isEmpty {
            var info = HostInfo.current(osReleasePath: osReleasePath)
            info.hostname = nil
            info.arch = nil
            return TargetDefaults.environment(for: info)
        }
        var overrides: [Installer] = []
        for name in managerOverride {
            guard let m = Installer(managerName: name) else { throw .unknownManager(name) }
            if !overrides.contains(m) { overrides.append(m) }
        }
        let info = HostInfo.current(osReleasePath: osReleasePath)
        let resolver = PathResolver(searchPath: searchPath, fileSystem: fileSystem)
        var managers: [Installer: String] = [:]
        if overrides.isEmpty {
            for m in Installer.hostManagers {
                if let command = m.commands.first(where: { resolver.lookup($0).resolved != nil }) { managers[m] = command }
            }
        } else {
            for m in overrides {
                // The command that provides it on PATH when there is one, else its usual name.
                managers[m] = m.commands.first(where: { resolver.lookup($0).resolved != nil }) ?? m.commands[0]
            }
        }
        var marker: String?
        if let python = resolver.lookup("python3").resolved {
            // Through the same view as PATH: in a `--root` plan, the root's Python, not the host's.
            marker = externallyManagedMarker(python: python, view: fileSystem as? any FileReading ?? LocalFileSystem())
        }
        return HostEnvironment(
            info: info, platform: platform, managers: managers, managersOverridden: !overrides.isEmpty,
            isRoot: isRoot ?? (geteuid() == 0),
            pythonExternallyManaged: externallyManaged ?? (marker != nil), externallyManagedMarker: marker)
    }

    /// The PEP 668 marker of the Python at `python` (a path on PATH), if there is one, read through
    /// `view` (a `--root` view looks inside the root: the host's own Python says nothing about it).
    ///
    /// The stdlib folder is `PREFIX/lib/pythonX.Y` for `PREFIX/bin/python3`; the versioned name
    /// comes from following the symlink (`/usr/bin/python3` → `python3.11`). Python is not run.
    public static func externallyManagedMarker(python: String, view: any FileReading = LocalFileSystem()) -> String? {
        guard let real = view.resolve(python).path else { return nil }
        let bin = (real as NSString).deletingLastPathComponent
        let lib = ((bin as NSString).deletingLastPathComponent as NSString).appendingPathComponent("lib")
        let name = (real as NSString).lastPathComponent
        func isVersioned(_ n: String) -> Bool { n.range(of: #"^python3\.\d+$"#, options: .regularExpression) != nil }
        var candidates: [String] = []
        if isVersioned(name) {
            candidates.append(name)
        } else if let entries = view.folderEntries(lib) {
            candidates = entries.filter(isVersioned).sorted { (Int($0.dropFirst(8)) ?? 0) > (Int($1.dropFirst(8)) ?? 0) }
        }
        for c in candidates {
            let path = (lib as NSString).appendingPathComponent(c + "/EXTERNALLY-MANAGED")
            if view.fileSize(path) != nil { return path }
        }
        return nil
    }
}
