import CapAuditKit
import Foundation
import Testing

/// An operation with one parameter `p` in a required slot after a fixed word.
func oneParameter(_ parameter: OperationParameter, safety: SafetyClass = .readOnly) -> ToolOperation {
    ToolOperation(id: "op", description: "d", argv: [.literal("run"), .slot(parameter.name)], parameters: [parameter], safety: safety)
}

@Suite struct CallGuardTests {
    let folder: TemporaryFolder
    let guardian: CallGuard

    init() throws {
        folder = try TemporaryFolder()
        try folder.file("work/rules.yml", "groups: []\n")
        try folder.folder("work/chart")
        try folder.file("secret.txt", "outside\n")
        guardian = CallGuard(policy: CallPolicy(workingDirectory: folder.path + "/work"))
    }

    func refusal(_ op: ToolOperation, _ values: [String: ParameterValue], policy: CallPolicy? = nil) -> String? {
        let g = policy.map { CallGuard(policy: $0) } ?? guardian
        do {
            _ = try g.argv(for: op, values: values)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("each value is exactly one argv element, spaces, quotes and semicolons included")
    func oneElementPerValue() throws {
        let op = oneParameter(OperationParameter(name: "expr", type: .string, description: "e", required: true))
        let value = "up; rm -rf / $(id) 'x' \"y\""
        #expect(try guardian.argv(for: op, values: ["expr": .string(value)]) == ["run", value])
    }

    @Test("a value beginning with '-' is refused unless the parameter allows it")
    func optionInjection() throws {
        let op = oneParameter(OperationParameter(name: "file", type: .string, description: "f", required: true))
        #expect(refusal(op, ["file": .string("--help")])?.contains("begins with '-'") == true)
        #expect(refusal(op, ["file": .string("-rf")])?.contains("would read \"-rf\" as an option") == true)
        let array = oneParameter(OperationParameter(name: "files", type: .array, description: "f"))
        #expect(refusal(array, ["files": .strings(["ok", "--output=/etc/x"])]) != nil)
        let negative = oneParameter(OperationParameter(name: "n", type: .integer, description: "n", required: true))
        #expect(refusal(negative, ["n": .integer(-1)])?.contains("negative") == true)
        let allowed = oneParameter(OperationParameter(name: "revision", type: .string, description: "r", required: true, allowLeadingDash: true))
        #expect(try guardian.argv(for: allowed, values: ["revision": .string("-1")]) == ["run", "-1"])
    }

    @Test("a path parameter becomes the resolved absolute path inside the working folder")
    func pathInside() throws {
        let op = oneParameter(OperationParameter(name: "file", type: .string, description: "f", required: true, path: .file))
        let real = CallGuard.canonical(folder.path + "/work/rules.yml")!
        #expect(try guardian.argv(for: op, values: ["file": .string("rules.yml")]) == ["run", real])
        #expect(try guardian.argv(for: op, values: ["file": .string("./chart/../rules.yml")]) == ["run", real])
        #expect(try guardian.argv(for: op, values: ["file": .string(real)]) == ["run", real])
    }

    @Test("paths outside the working folder are refused: .., absolute, and symlinks that point out")
    func pathOutside() throws {
        let op = oneParameter(OperationParameter(name: "file", type: .string, description: "f", required: true, path: .file))
        #expect(refusal(op, ["file": .string("../secret.txt")])?.contains("outside the working folder") == true)
        #expect(refusal(op, ["file": .string("/etc/passwd")])?.contains("outside the working folder") == true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/work/link.yml", withDestinationPath: folder.path + "/secret.txt")
        #expect(refusal(op, ["file": .string("link.yml")])?.contains("outside the working folder") == true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/work/up", withDestinationPath: folder.path)
        #expect(refusal(op, ["file": .string("up/secret.txt")])?.contains("outside the working folder") == true)
        // A symlink that stays inside is fine.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/work/alias.yml", withDestinationPath: "rules.yml")
        #expect(refusal(op, ["file": .string("alias.yml")]) == nil)
    }

    @Test("a path must exist and be of its kind")
    func pathKind() {
        let file = oneParameter(OperationParameter(name: "file", type: .string, description: "f", required: true, path: .file))
        let dir = oneParameter(OperationParameter(name: "dir", type: .string, description: "d", required: true, path: .directory))
        #expect(refusal(file, ["file": .string("missing.yml")])?.contains("does not exist") == true)
        #expect(refusal(file, ["file": .string("chart")])?.contains("is not a regular file") == true)
        #expect(refusal(dir, ["dir": .string("rules.yml")])?.contains("is not a folder") == true)
        #expect(refusal(dir, ["dir": .string("chart")]) == nil)
    }

    @Test("addresses must be loopback unless the network is allowed")
    func addresses() throws {
        let url = oneParameter(OperationParameter(name: "url", type: .string, description: "u", required: true, address: .url))
        for ok in ["http://127.0.0.1:9090", "http://localhost/", "https://127.8.9.10/x", "http://[::1]:8080/"] {
            #expect(refusal(url, ["url": .string(ok)]) == nil, "\(ok)")
        }
        for bad in ["http://example.com/", "http://10.0.0.1/", "http://127.0.0.1@evil.example/", "http://0.0.0.0/", "ftp://127.0.0.1/", "127.0.0.1"] {
            #expect(refusal(url, ["url": .string(bad)]) != nil, "\(bad)")
        }
        #expect(refusal(url, ["url": .string("http://example.com/")])?.contains("--allow-network") == true)
        let open = CallPolicy(workingDirectory: folder.path, allowNetwork: true)
        #expect(refusal(url, ["url": .string("http://example.com/")], policy: open) == nil)

        let broker = oneParameter(OperationParameter(name: "broker", type: .string, description: "b", required: true, address: .hostPort))
        #expect(refusal(broker, ["broker": .string("127.0.0.1:9092")]) == nil)
        #expect(refusal(broker, ["broker": .string("[::1]:9092")]) == nil)
        #expect(refusal(broker, ["broker": .string("kafka:9092")]) != nil)
        #expect(refusal(broker, ["broker": .string("127.0.0.1")])?.contains("HOST:PORT") == true)
        let host = oneParameter(OperationParameter(name: "host", type: .string, description: "h", required: true, address: .host))
        #expect(refusal(host, ["host": .string("localhost")]) == nil)
        #expect(refusal(host, ["host": .string("redis.internal")]) != nil)
        #expect(CallGuard.isLoopback("::ffff:127.0.0.1") && !CallGuard.isLoopback("::ffff:10.0.0.1"))
    }

    @Test("groups are passed only when their parameters are given; a boolean passes its flag; arrays give one element per item")
    func groups() throws {
        let op = ToolOperation(
            id: "get", description: "d",
            argv: [.literal("get"), .slot("kind"), .group([.literal("-n"), .slot("ns")]), .group([.literal("-A"), .slot("all")]), .slot("extra")],
            parameters: [
                OperationParameter(name: "kind", type: .string, description: "k", required: true),
                OperationParameter(name: "ns", type: .string, description: "n"),
                OperationParameter(name: "all", type: .boolean, description: "a"),
                OperationParameter(name: "extra", type: .array, description: "e"),
            ])
        #expect(try guardian.argv(for: op, values: ["kind": .string("pods")]) == ["get", "pods"])
        #expect(try guardian.argv(for: op, values: ["kind": .string("pods"), "ns": .string("prod"), "all": .boolean(false)]) == ["get", "pods", "-n", "prod"])
        #expect(try guardian.argv(for: op, values: ["kind": .string("pods"), "all": .boolean(true), "extra": .strings(["a b", "c"])]) == ["get", "pods", "-A", "a b", "c"])
    }

    @Test("the policy withholds write, destructive, attaching, networked and secret-only operations until allowed")
    func policyClasses() {
        let base = CallPolicy(workingDirectory: "/")
        let write = ToolOperation(id: "scale", description: "d", argv: [.literal("x")], safety: .write)
        let destructive = ToolOperation(id: "delete", description: "d", argv: [.literal("x")], safety: .destructive)
        let attach = ToolOperation(id: "dump", description: "d", argv: [.literal("x")], attaches: true)
        let network = ToolOperation(id: "list", description: "d", argv: [.literal("x")], network: "the cluster")
        let secret = ToolOperation(id: "decrypt", description: "d", argv: [.literal("x")], secrets: .only)
        let masked = ToolOperation(id: "get", description: "d", argv: [.literal("x")], secrets: .masked)
        #expect(base.exclusion(of: write)?.contains("--allow-write") == true)
        #expect(base.exclusion(of: destructive)?.contains("--allow-destructive") == true)
        #expect(base.exclusion(of: attach)?.contains("--allow-attach") == true)
        #expect(base.exclusion(of: network)?.contains("--allow-network (it reaches the cluster)") == true)
        #expect(base.exclusion(of: secret)?.contains("--reveal-secrets") == true)
        #expect(base.exclusion(of: masked) == nil)
        let open = CallPolicy(workingDirectory: "/", allowWrite: true, allowDestructive: true, allowNetwork: true, allowAttach: true, revealSecrets: true)
        #expect([write, destructive, attach, network, secret].allSatisfy { open.exclusion(of: $0) == nil })
        // --allow-write alone does not enable destructive operations.
        #expect(CallPolicy(workingDirectory: "/", allowWrite: true).exclusion(of: destructive) != nil)
        #expect(refusal(write, [:])?.contains("--allow-write") == true)
    }
}

@Suite struct ArgumentCheckerTests {
    let op = ToolOperation(
        id: "x", description: "d", argv: [.slot("file"), .group([.slot("n")]), .group([.slot("kind")]), .group([.slot("items")])],
        parameters: [
            OperationParameter(name: "file", type: .string, description: "f", required: true, pattern: "^[a-z]+\\.yml$"),
            OperationParameter(name: "n", type: .integer, description: "n", defaultValue: .integer(5), minimum: 1, maximum: 10),
            OperationParameter(name: "kind", type: .string, description: "k", allowed: ["pods", "nodes"]),
            OperationParameter(name: "items", type: .array, description: "i", maxItems: 2),
        ])

    func problem(_ arguments: String) -> String? {
        guard case .object(let members, _) = try! JSONParser.parse(arguments) else { return "not an object" }
        var args: [String: JSONValue] = [:]
        for (k, v) in members { args[k] = v }
        if case .failure(let p) = ArgumentChecker.check(args, for: op) { return p.message }
        return nil
    }

    @Test("arguments that do not fit the schema are named with what was expected")
    func problems() {
        #expect(problem(#"{}"#)?.contains("missing required argument \"file\"") == true)
        #expect(problem(#"{"file": "a.yml", "fil": 1}"#)?.contains("unknown argument \"fil\"") == true)
        #expect(problem(#"{"file": 3}"#)?.contains("\"file\" must be a string, not a number") == true)
        #expect(problem(#"{"file": "A.yml"}"#)?.contains("must match") == true)
        #expect(problem(#"{"file": "a.yml", "n": 11}"#)?.contains("at most 10") == true)
        #expect(problem(#"{"file": "a.yml", "n": 1.5}"#)?.contains("must be an integer") == true)
        #expect(problem(#"{"file": "a.yml", "kind": "secrets"}"#)?.contains("must be one of pods, nodes") == true)
        #expect(problem(#"{"file": "a.yml", "items": ["a", "b", "c"]}"#)?.contains("at most 2 items") == true)
        #expect(problem(#"{"file": "a.yml", "items": ["a", 1]}"#)?.contains("array of strings") == true)
        #expect(problem(#"{"file": ""}"#)?.contains("must not be empty") == true)
        #expect(problem(#"{"file": "a.yml", "n": null}"#) == nil)
    }

    @Test("defaults fill what the caller left out")
    func defaults() throws {
        let result = try ArgumentChecker.check(["file": .string("a.yml", SourceLocation(line: 1, column: 1))], for: op).get()
        #expect(result == ["file": .string("a.yml"), "n": .integer(5)])
    }
}
