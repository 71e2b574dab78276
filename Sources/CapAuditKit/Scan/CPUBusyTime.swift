import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How much CPU time has been spent so far, by everything the scheduler competes with for the cores.
///
/// The scheduler samples it twice, a few milliseconds apart; the difference over the wall time between them
/// says how many cores were busy. Tests pass a scripted fake.
public protocol CPUBusyTimeSource: Sendable {
    /// Cumulative busy CPU time in nanoseconds, or nil when it cannot be read.
    func busyNanoseconds() -> UInt64?
    /// Cores the busy time is spread over.
    var cores: Int { get }
}

/// Reads the busy time of capaudit's own control group: cgroup v2's `cpu.stat` (`usage_usec`), cgroup v1's
/// `cpuacct.usage` (nanoseconds); in a container or a systemd slice that is the share the scan competes for.
/// Falls back to the machine's `/proc/stat` (10 ms ticks; coarse but always there).
public struct ControlGroupCPUTime: CPUBusyTimeSource {
    private enum Source: Sendable { case v2(String), v1(String), procStat }
    private let source: Source
    public let cores: Int

    public init(cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.cores = max(1, cores)
        source = Self.locate()
    }

    /// Which file the busy time comes from, for `help scan` and the benchmark.
    public var sourceDescription: String {
        switch source {
        case .v2(let path), .v1(let path): return path
        case .procStat: return "/proc/stat"
        }
    }

    public func busyNanoseconds() -> UInt64? {
        switch source {
        case .v2(let path):
            guard let text = Self.read(path) else { return nil }
            for line in text.split(separator: "\n") where line.hasPrefix("usage_usec ") {
                return UInt64(line.dropFirst("usage_usec ".count)).map { $0 * 1000 }
            }
            return nil
        case .v1(let path):
            return Self.read(path).flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case .procStat:
            guard let text = Self.read("/proc/stat"), let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
            // user nice system idle iowait irq softirq steal ...: busy is everything but idle and iowait.
            let fields = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
            guard fields.count >= 5 else { return nil }
            let busyTicks = fields.enumerated().filter { $0.offset != 3 && $0.offset != 4 }.map(\.element).reduce(0, +)
            let hz = UInt64(max(1, sysconf(Int32(_SC_CLK_TCK))))
            return busyTicks * (1_000_000_000 / hz)
        }
    }

    private static func locate() -> Source {
        let membership = read("/proc/self/cgroup") ?? ""
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = String(parts[2]) == "/" ? "" : String(parts[2])
            if parts[0] == "0" && parts[1].isEmpty {
                let file = "/sys/fs/cgroup\(path)/cpu.stat"
                if read(file)?.contains("usage_usec ") == true { return .v2(file) }
            }
            if parts[1].split(separator: ",").contains("cpuacct") {
                for base in ["/sys/fs/cgroup/cpuacct", "/sys/fs/cgroup/cpu,cpuacct"] {
                    let file = "\(base)\(path)/cpuacct.usage"
                    if read(file) != nil { return .v1(file) }
                }
            }
        }
        return .procStat
    }

    private static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 16 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
