import Foundation
import Testing
@testable import CapAuditKit

extension ProcessHeavySuites {
    @Suite struct FloodTests {
        @Test("a tool writing 1 GiB to stdout leaves capaudit's peak RSS under 64 MiB (Tests/flood-rss.sh)")
        func oneGiBFlood() throws {
            let script = Fixtures.packageRoot.appendingPathComponent("Tests/flood-rss.sh").path
            let output = ProbeRunner(registry: ProcessGroupRegistry()).run(
                ProbeRequest(
                    executable: "/bin/bash", arguments: [script, CapauditBinary.path, "1073741824"],
                    environment: ["PATH": "/usr/bin:/bin", "TMPDIR": NSTemporaryDirectory()], timeout: 120))
            let stdout = String(decoding: output.stdout, as: UTF8.self)
            let stderr = String(decoding: output.stderr, as: UTF8.self)
            #expect(output.exitCode == 0, "\(stdout)\(stderr)")
            let fields = Dictionary(
                stdout.split(whereSeparator: \.isWhitespace).compactMap { part -> (String, String)? in
                    let kv = part.split(separator: "=", maxSplits: 1)
                    return kv.count == 2 ? (String(kv[0]), String(kv[1])) : nil
                }, uniquingKeysWith: { a, _ in a })
            let peakKiB = try #require(fields["peak_rss_kib"].flatMap { Int($0) }, "no peak in: \(stdout)")
            #expect(peakKiB > 0)
            #expect(peakKiB < 64 * 1024, "peak RSS \(peakKiB) KiB under a 1 GiB flood: \(stdout)")
            // The whole GiB was drained: the probe exited on its own rather than by the 60 s timeout.
            #expect(fields["probe_timed_out"] == "false", "\(stdout)")
        }
    }
}
