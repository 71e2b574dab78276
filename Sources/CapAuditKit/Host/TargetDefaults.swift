import Foundation

/// What a plan assumes about a machine it cannot look at (`plan --os-release FILE` of another
/// machine): everything comes from that os-release, nothing from the machine capaudit runs on.
///
/// - The system package manager of the distribution (apt, dnf, apk, Homebrew on macOS ...).
/// - `python3` only where the distribution installs it by default (Ubuntu, Fedora); pipx, pip,
///   npm, go and cargo never: a plan installs pipx or npm first from the system packages.
/// - PEP 668 by distribution and release: Debian 12 and later, Ubuntu 23.04 and later, Alpine 3.19
///   and later and Arch mark their Python externally managed; Fedora does not; Homebrew's Python
///   on macOS does.
public enum TargetDefaults {
    /// The host a plan for `info`'s distribution assumes.
    public static func environment(for info: HostInfo) -> HostEnvironment {
        let platform: HostPlatform = ["macos", "darwin"].contains(info.osID?.lowercased() ?? "") ? .macos : .linux
        var host = HostEnvironment(info: info, platform: platform, isLocal: false)
        for m in host.systemManagers.prefix(1) { host.managers[m] = m.commands[0] }
        let families = host.families
        if families.contains("ubuntu") || families.contains("fedora") { host.managers[.venv] = "python3" }
        host.pythonExternallyManaged = pythonExternallyManaged(families: families, release: info.osVersion)
        return host
    }

    /// PEP 668 by distribution and release; false where unknown.
    public static func pythonExternallyManaged(families: [String], release: String?) -> Bool {
        let version = release.flatMap { Version($0) }
        func atLeast(_ v: String) -> Bool { version.map { $0 >= Version(v)! } ?? false }
        if families.contains("ubuntu") { return atLeast("23.04") }
        if families.first == "debian" { return atLeast("12") }
        if families.contains("alpine") { return atLeast("3.19") }
        if families.contains("arch") || families.contains("archlinux") { return true }
        if families.contains("macos") { return true }
        return false
    }

    /// The system package that provides `manager` (pipx, npm, the venv module for `venv`) on a distribution.
    /// Debian and Ubuntu: pipx, npm, python3-venv (each with ca-certificates); Fedora: pipx, nodejs-npm, python3; Alpine:
    /// pipx, npm, python3; Homebrew: pipx, node, python.
    public static func bootstrapPackage(_ manager: Installer, systemManager: Installer, families: [String]) -> String? {
        switch (manager, systemManager) {
        case (.pipx, .pacman): return "python-pipx"
        // pip and npm reach their registries over HTTPS: on Debian and Ubuntu the CA bundle is a
        // separate package that a minimal system may lack.
        case (.pipx, .apt): return "pipx ca-certificates"
        case (.npm, .apt): return "npm ca-certificates"
        case (.venv, .apt): return "python3-venv ca-certificates"
        case (.pipx, .dnf), (.pipx, .apk), (.pipx, .brew): return "pipx"
        case (.npm, .apk), (.npm, .pacman): return "npm"
        case (.npm, .dnf): return "nodejs-npm"
        case (.npm, .brew): return "node"
        case (.venv, .dnf), (.venv, .apk): return "python3"
        case (.venv, .brew): return "python"
        default: return nil
        }
    }
}
