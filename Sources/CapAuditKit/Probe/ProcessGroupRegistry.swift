import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The process groups of probes that are running now, so that capaudit's SIGINT/SIGTERM handler can kill
/// them before exiting, and so that a `ProbeWatchdog` can kill them if capaudit is killed outright. A group
/// is listed only while its leader has not been reaped, so `killAll` can never signal a reused process-group id.
public final class ProcessGroupRegistry: Sendable {
    /// The registry `ProbeRunner` uses by default.
    public static let shared = ProcessGroupRegistry()

    private struct State {
        var groups = Set<pid_t>()
        var shuttingDown = false
        /// The watchdog process that mirrors `groups` while at least one scan holds it.
        var watchdog: WatchdogLink?
        var watchdogHolders = 0
    }
    private let state = Mutex(State())

    public init() {}

    /// Records a running group. After `killAll`, the group is killed at once instead, so a probe spawned
    /// while capaudit is exiting does not outlive it.
    public func register(_ pgid: pid_t) {
        state.withLock { state in
            state.groups.insert(pgid)
            state.watchdog?.send(.add(pgid))
            if state.shuttingDown { _ = kill(-pgid, SIGKILL) }
        }
    }

    /// Forgets a group; call before reaping its leader.
    public func unregister(_ pgid: pid_t) {
        state.withLock { state in
            state.groups.remove(pgid)
            state.watchdog?.send(.remove(pgid))
        }
    }

    /// The process-group ids registered now.
    public var activeGroups: Set<pid_t> {
        state.withLock { $0.groups }
    }

    /// Sends SIGKILL to every registered group, and to every group registered from now on.
    public func killAll() {
        state.withLock { state in
            state.shuttingDown = true
            for pgid in state.groups { _ = kill(-pgid, SIGKILL) }
            // Killed here already: the watchdog must not signal these ids again once capaudit has exited and
            // the zombies were reaped (the ids could then be reused).
            state.watchdog?.send(.forgetAll)
        }
    }

    /// Starts `watchdog`'s process (or joins the one running) so that the groups registered from now on
    /// die with capaudit; false when it could not be started (the probes are then only as safe as
    /// capaudit's own signal handling). Each successful call is paired with `releaseWatchdog()`.
    func holdWatchdog(_ start: () -> WatchdogLink?) -> Bool {
        state.withLock { state in
            if state.watchdog == nil {
                guard let link = start() else { return false }
                state.watchdog = link
                for pgid in state.groups { link.send(.add(pgid)) }
            }
            state.watchdogHolders += 1
            return true
        }
    }

    /// Ends one hold; the last one stops the watchdog process (it exits at end of file) and reaps it.
    func releaseWatchdog() {
        let ending: WatchdogLink? = state.withLock { state in
            state.watchdogHolders -= 1
            guard state.watchdogHolders == 0, let link = state.watchdog else { return nil }
            state.watchdog = nil
            return link
        }
        ending?.finish()
    }
}
