import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process groups of probes that are running now, so that capaudit's SIGINT/SIGTERM handler can kill
/// them before exiting, and so that a `ProbeWatchdog` can kill them if capaudit is killed outright. A group
/// is listed only while its leader has not been reaped, so `killAll` can never signal a reused process-group id.
public final class ProcessGroupRegistry: @unchecked Sendable {
    /// The registry `ProbeRunner` uses by default.
    public static let shared = ProcessGroupRegistry()

    private let lock = NSLock()
    private var groups = Set<pid_t>()
    private var shuttingDown = false
    /// The watchdog process that mirrors `groups` while at least one scan holds it.
    private var watchdog: WatchdogLink?
    private var watchdogHolders = 0

    public init() {}

    /// Records a running group. After `killAll`, the group is killed at once instead, so a probe spawned
    /// while capaudit is exiting does not outlive it.
    public func register(_ pgid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        groups.insert(pgid)
        watchdog?.send(.add(pgid))
        if shuttingDown { _ = kill(-pgid, SIGKILL) }
    }

    /// Forgets a group; call before reaping its leader.
    public func unregister(_ pgid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        groups.remove(pgid)
        watchdog?.send(.remove(pgid))
    }

    /// The process-group ids registered now.
    public var activeGroups: Set<pid_t> {
        lock.lock()
        defer { lock.unlock() }
        return groups
    }

    /// Sends SIGKILL to every registered group, and to every group registered from now on.
    public func killAll() {
        lock.lock()
        defer { lock.unlock() }
        shuttingDown = true
        for pgid in groups { _ = kill(-pgid, SIGKILL) }
        // Killed here already: the watchdog must not signal these ids again once capaudit has exited and
        // the zombies were reaped (the ids could then be reused).
        watchdog?.send(.forgetAll)
    }

    /// Starts `watchdog`'s process (or joins the one running) so that the groups registered from now on
    /// die with capaudit; false when it could not be started (the probes are then only as safe as
    /// capaudit's own signal handling). Each successful call is paired with `releaseWatchdog()`.
    func holdWatchdog(_ start: () -> WatchdogLink?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if watchdog == nil {
            guard let link = start() else { return false }
            watchdog = link
            for pgid in groups { link.send(.add(pgid)) }
        }
        watchdogHolders += 1
        return true
    }

    /// Ends one hold; the last one stops the watchdog process (it exits at end of file) and reaps it.
    func releaseWatchdog() {
        lock.lock()
        watchdogHolders -= 1
        let ending = watchdogHolders == 0 ? watchdog : nil
        if ending != nil { watchdog = nil }
        lock.unlock()
        ending?.finish()
    }
}
