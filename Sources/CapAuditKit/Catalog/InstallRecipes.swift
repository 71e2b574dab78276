import Foundation

/// The key of a package name in a catalog recipe (`"install": {"apt": ..., "pip": ...}`): whose
/// registry the name is in.
///
/// The system ones name one distribution's archive each, checked for one release: `apt` is Debian
/// (12), `ubuntu` is Ubuntu's archive through apt (24.04), `dnf` is Fedora (40), `apk` is Alpine
/// (3.20), `brew` is Homebrew. A name is never reused for another distribution unchecked.
///
/// Not the same as the `Installer` that runs on a host: `ubuntu` has no installer of its own (apt
/// installs it), and pip in capaudit's venv reads the `pip` or `pipx` name.
/// `Installer.catalogMethods(families:)` is the one mapping between the two.
public enum InstallMethod: String, Sendable, Equatable, CaseIterable, Comparable {
    case apt, ubuntu, dnf, yum, apk, pacman, zypper, brew, pipx, pip, npm, go, cargo, snap
    /// A snap that needs `--classic` confinement.
    case snapClassic = "snap-classic"

    public static func < (a: InstallMethod, b: InstallMethod) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a tool can be installed: a package name per method, and the upstream install docs as the
/// last resort. Only names that exist in their registry belong here (see Tests/registry-check.sh).
public struct InstallRecipes: Sendable, Equatable {
    public var packages: [InstallMethod: String]
    /// Upstream install documentation.
    public var docs: String?
    /// Why a method is absent or special (for example: not packaged in Debian 12).
    public var note: String?

    /// Where each name was checked (a package page, or the registry check for Debian and PyPI).
    public var sources: [InstallMethod: String]
    /// Services a system package starts when installed (Debian's prometheus, rabbitmq-server): a
    /// plan says so and leaves them stopped and disabled.
    public var services: [String]
    /// The command a method's package really installs when it is not the probe's (Debian's
    /// memory-profiler installs `python3-mprof`, not `mprof`): a plan's guard looks for it.
    public var commands: [InstallMethod: String]
    /// The vendor repository (catalog `repositories`) a method's package comes from, when the
    /// distribution does not ship it (`"repositories": {"apt": "grafana"}`).
    public var repositories: [InstallMethod: String] = [:]

    public init(
        packages: [InstallMethod: String] = [:], docs: String? = nil, note: String? = nil,
        sources: [InstallMethod: String] = [:], services: [String] = [], commands: [InstallMethod: String] = [:]
    ) {
        self.packages = packages
        self.docs = docs
        self.note = note
        self.sources = sources
        self.services = services
        self.commands = commands
    }

    /// Where `method`'s name comes from: the recorded source, or the live check of
    /// Tests/registry-check.sh for Debian and PyPI names.
    public func source(of method: InstallMethod) -> String? {
        if let s = sources[method] { return s }
        if repositories[method] != nil { return nil }
        switch method {
        case .apt: return "Debian 12 archive (apt-cache policy, Tests/registry-check.sh)"
        case .pipx, .pip: return "PyPI (pip index versions, Tests/registry-check.sh)"
        default: return nil
        }
    }

    public static let none = InstallRecipes()

    /// Package names are passed to package managers as single arguments in a generated script:
    /// no spaces, quotes or shell metacharacters.
    public static func isSafePackageName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 200, !name.hasPrefix("-") else { return false }
        return name.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || "@._+/:=-~".unicodeScalars.contains(s)
        }
    }
}
