import Foundation

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
