import Foundation

/// Decides when each probe of a scan starts.
///
/// The policy: probes start in the order given (the scanner puts the ones expected to be slowest first, so the
/// slowest does not start last). One probe always runs. Another starts only while the running probes leave a
/// core free: their processes' states are sampled a few times over a short window, and a probe starts when on
/// average at least half a core's worth fewer of them were runnable than there are cores. Probes that only
/// wait (sleep, a socket, a slow disk) are not runnable, so many of them overlap; interpreter start-ups are,
/// so they queue instead of slowing each other into their timeouts. Other work on the machine does not hold
/// probes back: it would not make a waiting probe finish later. `cap` (`--jobs`) is a hard limit on probes at
/// once whatever the states say. Without a demand source, at most one probe per core runs.
///
/// A probe's timeout clock starts when its process starts (in `ProbeRunner`), never while it waits here.
public struct ProbeScheduler: Sendable {
    /// Most probes at once.
    public var cap: Int
    /// How many probe processes want a CPU; nil falls back to one probe per core.
    public var cpu: (any ProbeCPUDemand)?
    /// Seconds over which the probes' states are sampled before one more may start.
    public var window: Double
    /// Free cores, on average over the window, needed to start one more probe while others run.
    public var spareCoresNeeded: Double
    /// Samples taken per window.
    static let samplesPerWindow = 5

    public init(cap: Int, cpu: (any ProbeCPUDemand)?, window: Double = 0.01, spareCoresNeeded: Double = 0.5) {
        self.cap = max(1, cap)
        self.cpu = cpu
        self.window = window
        self.spareCoresNeeded = spareCoresNeeded
    }

    /// Runs `work` once for each element of `order`, each on its own thread, starting them in that order as
    /// the policy allows; returns when all are done.
    public func run(_ order: [Int], _ work: @escaping @Sendable (Int) -> Void) {
        let state = SchedulerState()
        let cores = max(1, cpu?.cores ?? ProcessInfo.processInfo.activeProcessorCount)
        for index in order {
            state.condition.lock()
            while !mayStartAnother(state, cores: cores) {}
            state.running += 1
            state.condition.unlock()
            let thread = Thread {
                work(index)
                state.condition.lock()
                state.running -= 1
                state.finished += 1
                state.condition.broadcast()
                state.condition.unlock()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        state.condition.lock()
        while state.running > 0 { state.condition.wait() }
        state.condition.unlock()
    }

    /// Called with the lock held; may wait (releasing it). True when one more probe may start now.
    private func mayStartAnother(_ state: SchedulerState, cores: Int) -> Bool {
        if state.running == 0 { return true }
        if state.running >= cap {
            state.condition.wait()
            return false
        }
        guard let cpu else {
            if state.running < cores { return true }
            state.condition.wait()
            return false
        }
        let finishedBefore = state.finished
        var runnable = 0
        for _ in 0..<Self.samplesPerWindow {
            guard let now = cpu.runnableProcesses() else { return state.running < cores }
            runnable += now
            _ = state.condition.wait(until: Date(timeIntervalSinceNow: window / Double(Self.samplesPerWindow)))
            // A probe that ended freed its share: look again from a fresh window.
            if state.finished != finishedBefore { return state.running == 0 }
        }
        let busyCores = Double(runnable) / Double(Self.samplesPerWindow)
        return Double(cores) - busyCores >= spareCoresNeeded
    }
}

/// The count of running probes, guarded by the condition's lock.
///
/// Not a `Mutex`: the scheduler waits, with the lock released, until a probe finishes (with and without a
/// deadline), which needs a condition variable tied to the lock that guards these counts, and
/// Synchronization's `Mutex` has none. Hence `@unchecked`: every access to `running` and `finished` is
/// between `condition.lock()` and `condition.unlock()`.
private final class SchedulerState: @unchecked Sendable {
    let condition = NSCondition()
    var running = 0
    var finished = 0
}
