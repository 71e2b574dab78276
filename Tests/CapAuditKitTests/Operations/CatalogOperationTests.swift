import CapAuditKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every operation of the built-in catalog, run for real through the safe-call layer: with a fake
/// tool that prints its argv (one argument a line) and working folder, and with the real tool where
/// this machine has it.
@Suite struct CatalogOperationTests {
    /// Strings tried, in order, for a string parameter without a path, address or enum: the first that
    /// fits its pattern is used.
    static let sampleStrings = ["up", "app", "deploy.yml", "main", "owner/repo", "head", "-1", "30s", "secret/app", "alpine:3.20"]

    static func sampleArguments(_ op: ToolOperation) -> [String: JSONValue] {
        let at = SourceLocation(line: 1, column: 1)
        var args: [String: JSONValue] = [:]
        for p in op.parameters {
            switch p.type {
            case .boolean: args[p.name] = .bool(true, at)
            case .integer:
                var n = p.minimum ?? 1
                if case .integer(let d)? = p.defaultValue { n = d + 1 <= (p.maximum ?? Int.max) ? d + 1 : d }
                args[p.name] = .number(Double(n), String(n), at)
            case .array: args[p.name] = .array([.string("sample.txt", at)], at)
            case .string:
                if let kind = p.path {
                    args[p.name] = .string(kind == .file ? "sample.txt" : "sample-dir", at)
                } else if let kind = p.address {
                    args[p.name] = .string(["url": "http://127.0.0.1:8080/", "host": "127.0.0.1", "host-port": "127.0.0.1:9092"][kind.rawValue]!, at)
                } else if let first = p.allowed?.first {
                    args[p.name] = .string(first, at)
                } else {
                    let fitting = sampleStrings.first { s in
                        if case .success = ArgumentChecker.typed(.string(s, at), for: p) { return s.hasPrefix("-") == p.allowLeadingDash }
                        return false
                    }
                    args[p.name] = .string(fitting ?? "sample", at)
                }
            }
        }
        return args
    }

    @Test("every catalog operation runs with a fake tool and passes exactly the argv of its template (golden)")
    func everyOperationWithFakeTool() throws {
        let catalog = try BuiltinCatalog.load()
        let folder = try TemporaryFolder()
        let work = CallGuard.canonical(try folder.folder("work"))!
        try folder.file("work/sample.txt", "x\n")
        try folder.folder("work/sample-dir")
        let caller = OperationCaller(
            policy: CallPolicy(
                workingDirectory: work, allowWrite: true, allowDestructive: true, allowNetwork: true,
                allowAttach: true, revealSecrets: true),
            runner: ProbeRunner(), environment: ["PATH": "/usr/bin:/bin"])
        var lines: [String] = []
        var count = 0
        for tool in catalog.tools.values.sorted(by: { $0.id < $1.id }) where !tool.operations.isEmpty {
            for op in tool.operations {
                let command = op.command ?? tool.probes[0].command
                let fake = folder.path + "/bin/" + command
                if !FileManager.default.fileExists(atPath: fake) {
                    try folder.tool("bin/\(command)", #"for a in "$@"; do printf '%s\n' "$a"; done; echo "cwd=$(pwd)""#)
                }
                // A script just written can be "text file busy" while another test's fork still holds the
                // write descriptor: retry that, nothing else.
                var outcome = caller.call(op, executable: fake, arguments: Self.sampleArguments(op))
                for _ in 0..<50 {
                    guard case .ran(let r) = outcome, case .failedToStart(let code, _) = r.termination, code == ETXTBSY else { break }
                    usleep(20_000)
                    outcome = caller.call(op, executable: fake, arguments: Self.sampleArguments(op))
                }
                guard case .ran(let run) = outcome else {
                    Issue.record("\(tool.id) \(op.id): \(outcome)")
                    continue
                }
                #expect(run.succeeded, "\(tool.id) \(op.id)")
                let printed = run.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: work, with: "$WORK") }
                #expect(printed.last == "cwd=$WORK", "\(tool.id) \(op.id)")
                #expect(Array(printed.dropLast()) == run.argv.dropFirst().map { $0.replacingOccurrences(of: work, with: "$WORK") })
                lines.append(
                    "\(RegistryEntry.name(tool: tool.id, operation: op.id)) [\(op.safety.rawValue)]: \(command) "
                        + printed.dropLast().map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))
                count += 1
            }
        }
        #expect(count >= 25)
        let golden = Fixtures.matchesGolden(lines.joined(separator: "\n") + "\n", "operations/argv.txt")
        #expect(golden.ok, "\(golden.message)")
    }

    static let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let kubectl = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let perf = ["/usr/bin/perf"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func operation(_ tool: String, _ id: String) throws -> ToolOperation {
        try #require(try BuiltinCatalog.load().tools[tool]?.operations.first { $0.id == id })
    }

    @Test("real promtool: check-rules passes a good rules file and fails a bad one with the line", .enabled(if: promtool != nil))
    func realPromtool() throws {
        let folder = try TemporaryFolder()
        try folder.file("good.yml", "groups:\n  - name: g\n    rules:\n      - alert: High\n        expr: up == 0\n        for: 5m\n")
        try folder.file("bad.yml", "groups:\n  - name: g\n    rules:\n      - alert: Broken\n        expr: rate(x[5m] >\n")
        let caller = OperationCaller(policy: CallPolicy(workingDirectory: folder.path), runner: ProbeRunner(), environment: ["PATH": "/usr/bin:/bin"])
        let op = try operation("promtool", "check-rules")
        guard case .ran(let good) = caller.call(op, executable: Self.promtool!, arguments: ["file": .string("good.yml", SourceLocation(line: 1, column: 1))]),
            case .ran(let bad) = caller.call(op, executable: Self.promtool!, arguments: ["file": .string("bad.yml", SourceLocation(line: 1, column: 1))])
        else {
            Issue.record("refused")
            return
        }
        #expect(good.succeeded && good.stdout.contains("SUCCESS: 1 rules found"))
        #expect(bad.termination == .exited(1) && bad.stderr.contains("bad.yml: 5:15"))
        let config = try folder.file(
            "prometheus.yml", "global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: p\n    static_configs:\n      - targets: ['127.0.0.1:9090']\n")
        guard
            case .ran(let checked) = caller.call(
                try operation("promtool", "check-config"), executable: Self.promtool!,
                arguments: ["file": .string(config, SourceLocation(line: 1, column: 1))])
        else { Issue.record("refused"); return }
        #expect(checked.succeeded && checked.stdout.contains("SUCCESS"))
    }

    @Test("real kubectl: version prints the client version as JSON without a cluster", .enabled(if: kubectl != nil))
    func realKubectl() throws {
        let folder = try TemporaryFolder()
        let caller = OperationCaller(
            policy: CallPolicy(workingDirectory: folder.path), runner: ProbeRunner(),
            environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "KUBECONFIG": folder.path + "/none"])
        guard case .ran(let run) = caller.call(try operation("kubectl", "version"), executable: Self.kubectl!, arguments: [:]) else { Issue.record("refused"); return }
        #expect(run.succeeded && run.stdout.contains("\"clientVersion\""))
    }

    @Test("real perf: stat attaches to a running process for a second", .enabled(if: perf != nil))
    func realPerf() throws {
        let folder = try TemporaryFolder()
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("20"), nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/sleep", nil, nil, argv, environ) == 0)
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        let caller = OperationCaller(policy: CallPolicy(workingDirectory: folder.path, allowAttach: true), runner: ProbeRunner(), environment: ["PATH": "/usr/bin:/bin"])
        let at = SourceLocation(line: 1, column: 1)
        let outcome = caller.call(
            try operation("perf", "stat"), executable: Self.perf!,
            arguments: ["pid": .number(Double(pid), "\(pid)", at), "seconds": .number(1, "1", at)])
        guard case .ran(let run) = outcome else { Issue.record("refused: \(outcome)"); return }
        #expect(run.stderr.contains("seconds time elapsed"), "\(run.text)")
        // Without --allow-attach the same call is refused before anything runs.
        let closed = OperationCaller(policy: CallPolicy(workingDirectory: folder.path), runner: ProbeRunner(), environment: [:])
        guard
            case .refused(let refusal) = closed.call(
                try operation("perf", "stat"), executable: Self.perf!,
                arguments: ["pid": .number(1, "1", at)])
        else { Issue.record("not refused"); return }
        #expect(refusal.reason.contains("--allow-attach"))
    }
}
