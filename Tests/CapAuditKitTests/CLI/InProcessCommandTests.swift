@testable import CapAuditCLI
import CapAuditKit
import Foundation
import Synchronization
import Testing

/// A terminal that keeps what a command printed, so commands run in-process.
final class RecordingTerminal: Terminal {
    private let state = Mutex<(out: String, err: String, progress: Int)>(("", "", 0))
    let stdoutIsTTY = false

    func out(_ text: String) { state.withLock { $0.out += text } }
    func err(_ text: String, newline: Bool) {
        state.withLock { $0.err += newline && !text.hasSuffix("\n") ? text + "\n" : text }
    }
    func progress(_ p: ScanProgress) { state.withLock { $0.progress += 1 } }
    func eraseProgress() {}

    var stdout: String { state.withLock { $0.out } }
    var stderr: String { state.withLock { $0.err } }
}

/// Runs `capaudit ARGS` in this process; returns the exit code and what it printed.
func runInProcess(_ arguments: [String]) -> (code: ExitCode, stdout: String, stderr: String) {
    let terminal = RecordingTerminal()
    let code = CLI.run(arguments, terminal: terminal)
    return (code, terminal.stdout, terminal.stderr)
}

/// A catalog of one critical area whose only tool is on no PATH.
private func missingToolCatalog(in dir: TemporaryFolder) throws -> String {
    try dir.file(
        "catalog.json",
        """
        {
          "schemaVersion": 1,
          "area": {
            "id": "secrets", "name": "Secrets", "priority": "critical", "rank": 1, "phase": 1,
            "why": "w", "impact": "i", "useCases": ["u"],
            "capabilities": [ { "id": "store", "name": "Secret store", "tools": ["nowhere"] } ]
          },
          "tools": [
            { "id": "nowhere", "name": "Nowhere", "summary": "A tool no host has.", "homepage": "https://example.com",
              "probes": [ { "command": "capaudit-test-tool-that-does-not-exist", "args": ["--version"] } ] }
          ]
        }
        """)
}

@Suite struct InProcessCommandTests {
    @Test("the overview lists every registered command, each with its synopsis")
    func overviewListsRegistry() {
        let r = runInProcess([])
        #expect(r.code == .success)
        for command in CommandRegistry.commands {
            #expect(r.stdout.contains("  " + command.spec.name.padding(toLength: 11, withPad: " ", startingAt: 0) + command.spec.synopsis + "\n"))
        }
        #expect(r.stderr.isEmpty)
    }

    @Test("a usage error prints what is wrong and the help line, and exits 2")
    func usageError() {
        let r = runInProcess(["scan", "--timout", "3"])
        #expect(r.code == .usage)
        #expect(r.stderr == "error: unknown option \"--timout\"; did you mean '--timeout'?\nhelp: see 'capaudit help scan'\n")
        #expect(r.stdout.isEmpty)
    }

    @Test("catalog validate counts areas, tools and capabilities in-process")
    func catalogValidate() throws {
        let dir = try TemporaryFolder()
        let r = runInProcess(["catalog", "validate", try missingToolCatalog(in: dir)])
        #expect(r.code == .success)
        #expect(r.stdout == "ok: 1 areas, 1 tools, 1 capabilities\n")
    }

    @Test("an invalid requirements file is a ConfigError: exit 3 with the config's own help line")
    func configError() throws {
        let dir = try TemporaryFolder()
        let config = try dir.file("bad.json", #"{"schemaVersion": 1, "failOn": "sometimes"}"#)
        let r = runInProcess(["scan", "--no-exec", "--catalog", try missingToolCatalog(in: dir), "--config", config])
        #expect(r.code == .invalidInput)
        #expect(r.stderr.hasPrefix("error: the requirements file is invalid:\n"))
        #expect(r.stderr.hasSuffix("help: fix the requirements file (see `capaudit help init`), or pass --no-config\n"))
    }

    @Test("a failed gate delivers the report on stdout, then ends stderr with the verdict and exits 1")
    func gateFailure() throws {
        let dir = try TemporaryFolder()
        let r = runInProcess(["scan", "--no-exec", "--no-config", "--catalog", try missingToolCatalog(in: dir), "--fail-on", "critical", "--format", "json"])
        #expect(r.code == .gateFailed)
        #expect(r.stdout.contains("\"nowhere\""))
        #expect(r.stderr.split(separator: "\n").last == "capaudit: gate failed (--fail-on critical): secrets/store")
    }
}
