import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a probe's process group was doing just before its deadline: a probe that still uses the CPU or
/// still prints is slow (raise `--timeout`); one that does neither is hung, waiting on something that will
/// not come (a prompt, a lock, a server).
public enum ProbeActivity: String, Sendable, Equatable {
    case computing
    case printing
    case idle

    /// At least 2 % of one core over the watched stretch counts as computing: a hung process uses none, and a
    /// busy one on a loaded machine still gets more than that.
    static func judge(cpuTicks: UInt64, seconds: Double, printed: Bool) -> ProbeActivity {
        let hz = Double(max(1, sysconf(Int32(_SC_CLK_TCK))))
        if Double(cpuTicks) / hz >= 0.02 * max(seconds, 0.01) { return .computing }
        return printed ? .printing : .idle
    }

    /// The clause a timeout's reason ends with.
    public var explanation: String {
        switch self {
        case .computing: return "it was still using the CPU at the deadline: slow rather than hung (raise --timeout)"
        case .printing: return "it was still printing at the deadline: slow rather than hung (raise --timeout)"
        case .idle: return "it was idle at the deadline (no CPU, no output): hung, waiting on something"
        }
    }
}

/// CPU time of every process in a process group, from `/proc/PID/stat`: read only when a probe times out.
enum ProcessGroupCPU {
    /// utime + stime (clock ticks) of the live members of group `pgid`, including what they collected from
    /// children they reaped.
    static func ticks(of pgid: pid_t) -> UInt64 {
        guard let dir = opendir("/proc") else { return 0 }
        defer { closedir(dir) }
        var total: UInt64 = 0
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let first = name.utf8.first, first >= 0x30, first <= 0x39,
                let data = FileManager.default.contents(atPath: "/proc/\(name)/stat")
            else { continue }
            let text = String(decoding: data, as: UTF8.self)
            // The command name may hold spaces and parentheses: fields start after the last ')'.
            guard let close = text.lastIndex(of: ")") else { continue }
            let fields = text[text.index(after: close)...].split(separator: " ")
            // After ')': state(0) ppid(1) pgrp(2) ... utime(11) stime(12) cutime(13) cstime(14)
            guard fields.count > 14, let group = Int32(fields[2]), group == pgid else { continue }
            for i in 11...14 { total &+= UInt64(fields[i]) ?? 0 }
        }
        return total
    }
}
