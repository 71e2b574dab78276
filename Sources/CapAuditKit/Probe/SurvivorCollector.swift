import Foundation
import Synchronization

/// What a scan does with the processes its probes left behind: the capaudit process owns one, makes
/// itself a subreaper through it, and hands it to its `Scanner`; a scanner without one (every test that
/// scans in-process) never touches a child it did not start.
public final class SurvivorCollector: Sendable {
    private struct State {
        var enabled = false
        var exiting = false
    }
    private let state = Mutex(State())
    /// The probes' process groups, which are not survivors while they run.
    public let registry: ProcessGroupRegistry

    public init(registry: ProcessGroupRegistry = .shared) {
        self.registry = registry
    }

    /// True once `enable()` succeeded: scans then collect survivors.
    public var isEnabled: Bool { state.withLock { $0.enabled } }

    /// Makes this process a child subreaper; false when the kernel refused (or this is not Linux).
    @discardableResult
    public func enable() -> Bool {
        guard Subreaper.setKernelFlag(true) else { return false }
        state.withLock { $0.enabled = true }
        return true
    }

    /// For the SIGINT/SIGTERM handler, before it kills anything: from now on `collectAfterScan` parks its
    /// caller, so killing the probes cannot let the scan finish and write a report first.
    public func beginExit() {
        state.withLock { $0.exiting = true }
    }

    /// What `Scanner` calls once every probe has been reaped: the survivors when `enable()` succeeded, else
    /// none. Once capaudit is exiting on a signal (`beginExit()`), the calling thread parks here instead.
    public func collectAfterScan() -> [Survivor] {
        let (enabled, exiting) = state.withLock { ($0.enabled, $0.exiting) }
        if exiting {
            while true { sleep(60) }
        }
        return enabled ? Subreaper.collectSurvivors(excluding: registry.activeGroups, include: { _ in true }) : []
    }
}
