import Foundation
import Synchronization

/// Folders to delete when capaudit exits on SIGINT/SIGTERM, which skips `defer` blocks: register the
/// throw-away HOME of `--isolated-home` while it exists (`add` after creating it, `remove` once removed).
final class SignalCleanup: Sendable {
    static let shared = SignalCleanup()
    private let paths = Mutex(Set<String>())

    func add(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    func remove(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// Deletes every registered folder (called from the signal handler, right before exiting).
    func removeAll() {
        paths.withLock { paths in
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
            paths.removeAll()
        }
    }
}
