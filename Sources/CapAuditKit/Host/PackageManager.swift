import Foundation

/// A package manager (or language tool that installs commands) the planner can use.
public enum PackageManager: String, Sendable, Equatable, CaseIterable, Comparable {
    case apt, dnf, yum, apk, pacman, zypper, brew, pipx, pip, python3, npm, go, cargo, snap

    /// The commands that provide it, looked up on PATH in this order.
    public var commands: [String] {
        switch self {
        case .apt: return ["apt-get"]
        case .pip: return ["pip3", "pip"]
        default: return [rawValue]
        }
    }

    /// True for the distribution's own package manager (root needed, one per host family).
    public var isSystem: Bool {
        switch self {
        case .apt, .dnf, .yum, .apk, .pacman, .zypper: return true
        default: return false
        }
    }

    /// Names `--manager` accepts: the manager names and the commands that provide them.
    public static var acceptedNames: [String] {
        var names: [String] = []
        for m in allCases { for n in [m.rawValue] + m.commands where !names.contains(n) { names.append(n) } }
        return names
    }

    /// `apt`, `apt-get`, `pip3`, `pip` ... as given to `--manager`; nil for an unknown name.
    public init?(name: String) {
        let n = name.lowercased()
        if n == "venv" { self = .python3; return }
        guard let m = PackageManager.allCases.first(where: { $0.rawValue == n || $0.commands.contains(n) }) else { return nil }
        self = m
    }

    public static func < (a: PackageManager, b: PackageManager) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The operating-system family, which decides whether the system package manager is apt, dnf,
/// apk, pacman, zypper or Homebrew.
public enum HostPlatform: String, Sendable, Equatable {
    case linux, macos

    /// The platform this binary was built for.
    public static var current: HostPlatform {
        #if os(macOS)
        return .macos
        #else
        return .linux
        #endif
    }
}
