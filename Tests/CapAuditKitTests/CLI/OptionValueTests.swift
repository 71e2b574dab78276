@testable import CapAuditCLI
import Testing

/// Option values each command checks before doing any work: a refused value is exit 2 naming the
/// option, the value and what is expected.
@Suite struct OptionValueTests {
    @Test(
        "each command refuses a bad option value with exit 2, before writing or scanning anything",
        arguments: [
            (
                ["export", "prometheus", "--output", "/nonexistent/x", "--binary", "bin/capaudit"],
                "invalid value \"bin/capaudit\" for '--binary'; expected an absolute path without spaces or quotes"
            ),
            (
                ["export", "prometheus", "--output", "/nonexistent/x", "--textfile-dir", "/var/lib/node exporter"],
                "invalid value \"/var/lib/node exporter\" for '--textfile-dir'; expected an absolute path without spaces or quotes"
            ),
            (
                ["export", "kubernetes", "--output", "/nonexistent/x", "--image", "a b"],
                "invalid value \"a b\" for '--image'; expected an image reference such as registry.example.com/capaudit:1.0"
            ),
            (
                ["export", "prometheus", "--output", "/nonexistent/x", "--node-job", "node/exporter"],
                "invalid value \"node/exporter\" for '--node-job'; expected a job name (letters, digits, - _ . :)"
            ),
            (["plan", "--phase", "4"], "invalid value \"4\" for '--phase'; expected 1, 2 or 3"),
        ])
    func badValuesAreUsageErrors(_ arguments: [String], _ message: String) {
        let (code, stdout, stderr) = runInProcess(arguments)
        #expect(code == .usage)
        #expect(stdout.isEmpty)
        #expect(stderr.contains(message), "stderr: \(stderr)")
    }
}
