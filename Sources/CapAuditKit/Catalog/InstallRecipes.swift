import Foundation

/// A way to install software; each names a package in its own registry.
public enum InstallMethod: String, Sendable, Equatable, CaseIterable, Comparable {
    case apt, dnf, yum, apk, pacman, zypper, brew, pipx, pip, npm, go, cargo, snap
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

    public init(packages: [InstallMethod: String] = [:], docs: String? = nil, note: String? = nil) {
        self.packages = packages
        self.docs = docs
        self.note = note
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
