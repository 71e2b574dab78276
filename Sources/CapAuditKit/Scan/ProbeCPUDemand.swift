import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How much CPU the scan's own running probes want right now; the scheduler starts another probe only while
/// they want fewer cores than there are.
///
/// Only capaudit's own probes count: on a CI runner busy with other jobs, probes that merely wait (sleep, a
/// socket) still overlap, and CPU-bound probes are held to about one per core, as the cores would give them no
/// more anyway. Tests pass a scripted fake.
public protocol ProbeCPUDemand: Sendable {
    /// Cores the probes share.
    var cores: Int { get }
    /// Probe processes that are runnable (want a CPU) at this instant; nil when that cannot be read.
    func runnableProcesses() -> Int?
}

/// Reads the state of each running probe's process-group leader and of its direct children
/// (`/proc/PID/stat`, `/proc/PID/task/PID/children`): `R` is running or waiting for a CPU; sleeping (`S`),
/// disk wait (`D`) and stopped processes want none.
public struct RunnableProbeProcesses: ProbeCPUDemand {
    public let registry: ProcessGroupRegistry
    public let cores: Int

    public init(registry: ProcessGroupRegistry = .shared, cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.registry = registry
        self.cores = max(1, cores)
    }

    public func runnableProcesses() -> Int? {
        var runnable = 0
        for leader in registry.activeGroups {
            if Self.isRunnable(leader) { runnable += 1 }
            guard let data = FileManager.default.contents(atPath: "/proc/\(leader)/task/\(leader)/children") else { continue }
            for child in String(decoding: data, as: UTF8.self).split(separator: " ") {
                if let pid = pid_t(child.trimmingCharacters(in: .whitespacesAndNewlines)), Self.isRunnable(pid) { runnable += 1 }
            }
        }
        return runnable
    }

    static func isRunnable(_ pid: pid_t) -> Bool {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return false }
        let text = String(decoding: data, as: UTF8.self)
        // The command name may hold spaces and parentheses: the state follows the last ')'.
        guard let close = text.lastIndex(of: ")") else { return false }
        return text[text.index(after: close)...].dropFirst().first == "R"
    }
}
