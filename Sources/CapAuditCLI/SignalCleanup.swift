import Foundation

/// Folders to delete when capaudit exits on SIGINT/SIGTERM, which skips `defer` blocks: register the
/// throw-away HOME of `--isolated-home` while it exists (`add` after creating it, `remove` once removed).
final class SignalCleanup: @unchecked Sendable {
    static let shared = SignalCleanup()
    private let lock = NSLock()
    private var paths = Set<String>()

    func add(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.insert(path)
    }

    func remove(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.remove(path)
    }

    /// Deletes every registered folder (called from the signal handler, right before exiting).
    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        paths.removeAll()
    }
}
