import Foundation

/// Decides when each probe of a scan starts.
///
/// The policy: probes start in the order given (the scanner puts the ones expected to be slowest first, so the
/// slowest does not start last). One probe always runs. Another starts only while the cores have room for
/// it: the busy CPU time of capaudit's control group is sampled over a short window, and a probe starts when
/// at least half a core was idle in that window. Probes that only wait (sleep, a socket, a slow disk) use no
/// CPU, so many of them overlap; interpreter start-ups keep the cores busy, so they queue instead of slowing
/// each other into their timeouts. `cap` (`--jobs`) is a hard limit on probes at once whatever the CPU says.
/// Without a CPU time source, at most one probe per core runs.
///
/// A probe's timeout clock starts when its process starts (in `ProbeRunner`), never while it waits here.
public struct ProbeScheduler: Sendable {
    /// Most probes at once.
    public var cap: Int
    /// Where busy CPU time is read; nil falls back to one probe per core.
    public var cpu: (any CPUBusyTimeSource)?
    /// Seconds between the two samples that decide whether one more probe may start.
    public var window: Double
    /// Idle cores, over the window, needed to start one more probe while others run.
    public var spareCoresNeeded: Double

    public init(cap: Int, cpu: (any CPUBusyTimeSource)?, window: Double = 0.01, spareCoresNeeded: Double = 0.5) {
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
        guard let cpu, let before = cpu.busyNanoseconds() else {
            if state.running < cores { return true }
            state.condition.wait()
            return false
        }
        let finishedBefore = state.finished
        let start = DispatchTime.now().uptimeNanoseconds
        _ = state.condition.wait(until: Date(timeIntervalSinceNow: window))
        // A probe that ended during the window freed its share: look again from a fresh window.
        if state.finished != finishedBefore { return state.running == 0 }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        guard let after = cpu.busyNanoseconds(), elapsed > 0 else { return state.running < cores }
        let busyCores = Double(after &- before) / Double(elapsed)
        return Double(cores) - busyCores >= spareCoresNeeded
    }
}

/// The count of running probes, guarded by the condition's lock.
private final class SchedulerState: @unchecked Sendable {
    let condition = NSCondition()
    var running = 0
    var finished = 0
}
