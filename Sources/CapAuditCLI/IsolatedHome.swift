import CapAuditKit
import Foundation

/// A throw-away HOME and XDG folders for probes (`--isolated-home`), removed after the scan.
struct IsolatedHome {
    let path: String
    /// Where the folder is registered for deletion should capaudit exit on a signal.
    var cleanup: SignalCleanup = .shared

    static func make(cleanup: SignalCleanup = .shared) throws -> IsolatedHome {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("capaudit-home-\(UUID().uuidString)")
        do {
            for sub in ["", ".config", ".cache", ".local/share", ".local/state"] {
                try FileManager.default.createDirectory(
                    at: base.appendingPathComponent(sub), withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw IsolatedHomeError(path: base.path, reason: (error as NSError).localizedDescription)
        }
        // An interrupt exits without running `defer`; the signal handler removes what is registered.
        cleanup.add(base.path)
        return IsolatedHome(path: base.path, cleanup: cleanup)
    }

    func apply(to environment: inout [String: String]) {
        environment["HOME"] = path
        environment["XDG_CONFIG_HOME"] = path + "/.config"
        environment["XDG_CACHE_HOME"] = path + "/.cache"
        environment["XDG_DATA_HOME"] = path + "/.local/share"
        environment["XDG_STATE_HOME"] = path + "/.local/state"
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
        cleanup.remove(path)
    }
}
