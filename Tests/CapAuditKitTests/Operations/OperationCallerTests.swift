import CapAuditKit
import Foundation
import Testing

@Suite struct OperationCallerTests {
    let folder: TemporaryFolder
    let work: String

    init() throws {
        folder = try TemporaryFolder()
        work = CallGuard.canonical(try folder.folder("work"))!
    }

    func run(
        _ body: String, _ op: ToolOperation, _ arguments: [String: JSONValue] = [:], policy: CallPolicy? = nil,
        environment: [String: String] = ["PATH": "/usr/bin:/bin", "LC_ALL": "de_DE.UTF-8"]
    ) throws -> OperationOutcome {
        let tool = try folder.tool("bin/fake", body)
        let caller = OperationCaller(policy: policy ?? CallPolicy(workingDirectory: work), runner: ProbeRunner(), environment: environment)
        return caller.call(op, executable: tool, arguments: arguments)
    }

    func ran(_ outcome: OperationOutcome) -> OperationRun? {
        if case .ran(let r) = outcome { return r }
        return nil
    }

    @Test("a call runs in the working folder with LC_ALL=C, stdin from /dev/null and the operation's environment")
    func environment() throws {
        let op = ToolOperation(id: "env", description: "d", argv: [.literal("x")], env: ["TOOL_TELEMETRY": "off"])
        let body = #"pwd; echo "LC_ALL=$LC_ALL"; echo "T=$TOOL_TELEMETRY"; if read line; then echo "stdin: $line"; else echo "stdin: eof"; fi"#
        let run = try #require(ran(try self.run(body, op)))
        #expect(run.stdout == "\(work)\nLC_ALL=C\nT=off\nstdin: eof\n")
        #expect(run.succeeded)
    }

    @Test("output past the cap is cut and the text says so")
    func outputCap() throws {
        let op = ToolOperation(id: "flood", description: "d", argv: [.literal("x")], outputCap: 1024)
        let run = try #require(ran(try self.run("head -c 100000 /dev/zero | tr '\\0' a", op)))
        #expect(run.stdout.utf8.count == 1024)
        #expect(run.stdoutTruncated)
        #expect(run.text.contains("[stdout cut at 1024 bytes; the rest was discarded]"))
    }

    @Test("a call past its timeout is killed with its process group and reported")
    func timeout() throws {
        let op = ToolOperation(id: "hang", description: "d", argv: [.literal("x")], timeout: 1)
        let run = try #require(ran(try self.run("sleep 30 & sleep 30", op)))
        #expect(run.termination == .timedOut)
        #expect(!run.succeeded)
        #expect(run.text.contains("timed out"))
        guard case .content(_, _, let isError) = CapAuditToolbox.result(of: .ran(run)) else { Issue.record("not content"); return }
        #expect(isError)
    }

    @Test("secret values are masked unless --reveal-secrets, and the text says how many")
    func masking() throws {
        let op = ToolOperation(id: "get", description: "d", argv: [.literal("x")], secrets: .masked)
        let body =
            #"printf '{\n  "data": {\n    "password": "aHVudGVyMg==",\n    "token": "c2VjcmV0"\n  },\n  "kind": "Secret"\n}\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nplain line with AKIAIOSFODNN7EXAMPLE12 inside\n'"#
        let masked = try #require(ran(try self.run(body, op)))
        #expect(!masked.stdout.contains("aHVudGVyMg==") && !masked.stdout.contains("c2VjcmV0") && !masked.stdout.contains("wJalrXUtnFEMI"))
        #expect(!masked.stdout.contains("AKIAIOSFODNN7EXAMPLE12"))
        #expect(masked.stdout.contains(#""password": "***""#) && masked.stdout.contains("AWS_SECRET_ACCESS_KEY=***"))
        #expect(masked.maskedValues == 5)
        #expect(masked.text.contains("5 values masked"))
        let revealed = try #require(ran(try self.run(body, op, policy: CallPolicy(workingDirectory: work, revealSecrets: true))))
        #expect(revealed.stdout.contains("aHVudGVyMg==") && revealed.maskedValues == 0)
    }

    @Test("a refused call runs nothing and says why; bad arguments are invalid params")
    func refusedRunsNothing() throws {
        let marker = folder.path + "/ran"
        let op = oneParameter(OperationParameter(name: "file", type: .string, description: "f", required: true, path: .file))
        let outcome = try run("touch \(marker)", op, ["file": .string("--version", SourceLocation(line: 1, column: 1))])
        guard case .refused(let refusal) = outcome else { Issue.record("not refused: \(outcome)"); return }
        #expect(refusal.reason.contains("begins with '-'"))
        #expect(!FileManager.default.fileExists(atPath: marker))
        let invalid = try run("touch \(marker)", op, ["file": .number(1, "1", SourceLocation(line: 1, column: 1))])
        guard case .invalidArguments = invalid else { Issue.record("not invalid: \(invalid)"); return }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}

@Suite struct SecretMaskerTests {
    @Test("keys stay and values go, in JSON, YAML and env lines; URLs and block openers are left alone")
    func shapes() {
        let input = """
            {
              "apiVersion": "v1",
              "items": [
                "data": {
                  "db-password": "cGFzcw=="
            url: http://example.com/x
            access_key     ****************ABCD shared-credentials-file
            TOKEN=abc
            """
        let (out, count) = SecretMasker.masked(input)
        #expect(
            out == """
                {
                  "apiVersion": "***",
                  "items": [
                    "data": {
                      "db-password": "***"
                url: ***
                access_key     ****************ABCD shared-credentials-file
                TOKEN=***
                """)
        #expect(count == 4)
    }
}
