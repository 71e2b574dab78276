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
            guard let data = Self.readProcFile("/proc/\(leader)/task/\(leader)/children") else { continue }
            for child in data.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }) {
                if let pid = pid_t(String(decoding: child, as: UTF8.self)), Self.isRunnable(pid) { runnable += 1 }
            }
        }
        return runnable
    }

    static func isRunnable(_ pid: pid_t) -> Bool {
        guard let data = readProcFile("/proc/\(pid)/stat") else { return false }
        // The command name may hold spaces and parentheses: the state follows the last ')'.
        guard let close = data.lastIndex(of: UInt8(ascii: ")")), close + 2 < data.count else { return false }
        return data[close + 2] == UInt8(ascii: "R")
    }

    /// A small `/proc` file read with one `read` into a fixed buffer: sampled every few milliseconds while
    /// probes run, so it allocates nothing but the result (Foundation's file reading grew capaudit's memory
    /// with every probe thread).
    static func readProcFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> [UInt8]? in
            let count = read(fd, buffer.baseAddress, buffer.count)
            return count > 0 ? Array(buffer[0..<count]) : nil
        }
    }
}
