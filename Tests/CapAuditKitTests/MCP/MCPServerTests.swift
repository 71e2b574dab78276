import CapAuditKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A server with one echo tool, one withheld tool, and a tool that always has invalid params.
func testServer(load: Result<MCPToolSet, MCPServer.ToolLoadError>? = nil) -> MCPServer {
    let echo = MCPTool(
        name: "echo", description: "Echo", inputSchema: .object(["type": .string("object")]),
        annotations: .object(["readOnlyHint": .bool(true)])
    ) { args in
        if case .string(let s, _)? = args["text"] { return .content(text: s) }
        return .content(text: "no text", isError: true)
    }
    let picky = MCPTool(name: "picky", description: "Picky", inputSchema: .object(["type": .string("object")]), annotations: .object([:])) { _ in
        .invalidParams("\"x\" is required")
    }
    let set = MCPToolSet(tools: [echo, picky], withheld: ["kubectl_delete_pod": "delete-pod is not enabled: it needs --allow-destructive."])
    return MCPServer(name: "capaudit", version: "9.9.9", instructions: "hi") { load ?? .success(set) }
}

/// The answer to one line, parsed.
func answer(_ server: MCPServer, _ line: String) throws -> JSONValue? {
    guard let reply = server.handle(line: line) else { return nil }
    #expect(!reply.contains("\n"), "a reply must be one line")
    return try JSONParser.parse(reply)
}

func errorCode(_ reply: JSONValue?) -> Int? {
    guard case .number(let d, _, _)? = reply?.member("error")?.member("code") else { return nil }
    return Int(d)
}

func string(_ value: JSONValue?) -> String? {
    if case .string(let s, _)? = value { return s }
    return nil
}

@Suite struct MCPServerTests {
    let server = testServer()

    @Test("initialize echoes a supported protocol version and answers the latest for an unknown one")
    func initialize() throws {
        let known = try answer(
            server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#)
        #expect(string(known?.member("result")?.member("protocolVersion")) == "2024-11-05")
        #expect(string(known?.member("result")?.member("serverInfo")?.member("name")) == "capaudit")
        #expect(known?.member("result")?.member("capabilities")?.member("tools")?.member("listChanged") == .bool(false, SourceLocation(line: 1, column: 1)))
        #expect(string(known?.member("result")?.member("instructions")) == "hi")
        let unknown = try answer(server, #"{"jsonrpc":"2.0","id":"a","method":"initialize","params":{"protocolVersion":"1999-01-01"}}"#)
        #expect(string(unknown?.member("result")?.member("protocolVersion")) == MCPServer.protocolVersions[0])
        #expect(string(unknown?.member("id")) == "a")
    }

    @Test("notifications and client responses are never answered, whatever their method")
    func notifications() throws {
        #expect(try answer(server, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#) == nil)
        #expect(try answer(server, #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}"#) == nil)
        #expect(try answer(server, #"{"jsonrpc":"2.0","method":"no/such/method"}"#) == nil)
        #expect(try answer(server, #"{"jsonrpc":"2.0","id":5,"result":{}}"#) == nil)
        #expect(try answer(server, "   ") == nil)
    }

    @Test("ping answers an empty result with the request's id")
    func ping() throws {
        let reply = try answer(server, #"{"jsonrpc":"2.0","id":42,"method":"ping"}"#)
        #expect(reply?.member("result") == .object([], SourceLocation(line: 1, column: 1)))
        if case .number(let d, _, _)? = reply?.member("id") { #expect(d == 42) } else { Issue.record("no id") }
    }

    @Test("tools/list lists the tools with name, description, schema and annotations")
    func list() throws {
        let reply = try answer(server, #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#)
        guard case .array(let tools, _)? = reply?.member("result")?.member("tools") else { Issue.record("no tools"); return }
        #expect(tools.compactMap { string($0.member("name")) } == ["echo", "picky"])
        #expect(tools[0].member("inputSchema")?.member("type").flatMap(string) == "object")
        #expect(tools[0].member("annotations")?.member("readOnlyHint") != nil)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"cursor":"x"}}"#)) == -32602)
    }

    @Test("tools/call returns content; a refusal is isError with a sentence; bad arguments and unknown tools are -32602")
    func call() throws {
        let ok = try answer(server, #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello"}}}"#)
        #expect(string(ok?.member("result")?.member("content")?.element(0)?.member("text")) == "hello")
        #expect(ok?.member("result")?.member("isError") == .bool(false, SourceLocation(line: 1, column: 1)))
        let withheld = try answer(server, #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"kubectl_delete_pod","arguments":{}}}"#)
        #expect(withheld?.member("result")?.member("isError") == .bool(true, SourceLocation(line: 1, column: 1)))
        #expect(string(withheld?.member("result")?.member("content")?.element(0)?.member("text"))?.contains("--allow-destructive") == true)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"picky"}}"#)) == -32602)
        let unknown = try answer(server, #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"ecko"}}"#)
        #expect(errorCode(unknown) == -32602)
        #expect(string(unknown?.member("error")?.member("message"))?.contains("did you mean echo?") == true)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"arguments":{}}}"#)) == -32602)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"echo","arguments":[1]}}"#)) == -32602)
    }

    @Test("malformed input gets the spec's error codes, with a null id when the id cannot be read")
    func errors() throws {
        let parse = try answer(server, #"{"jsonrpc":"2.0","id":1,"method":"#)
        #expect(errorCode(parse) == -32700)
        #expect(parse?.member("id") == .null(SourceLocation(line: 1, column: 1)))
        #expect(errorCode(try answer(server, "[]")) == -32600)
        #expect(errorCode(try answer(server, #"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#)) == -32600)
        #expect(errorCode(try answer(server, "42")) == -32600)
        #expect(errorCode(try answer(server, #"{"id":1,"method":"ping"}"#)) == -32600)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"1.0","id":1,"method":"ping"}"#)) == -32600)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#)) == -32600)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":1,"method":7}"#)) == -32600)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":1}"#)) == -32600)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":1,"method":"resources/list"}"#)) == -32601)
        #expect(errorCode(try answer(server, #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":"x"}"#)) == -32602)
        let failing = testServer(load: .failure(MCPServer.ToolLoadError("the catalog is invalid")))
        #expect(errorCode(try answer(failing, #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)) == -32603)
    }

    @Test("the stdio loop answers line by line, skips blank lines, survives an over-long line and ends at end of input")
    func stdioLoop() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let input =
            [
                #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#, "", "not json",
                String(repeating: "x", count: MCPStdioLoop.maxLineBytes + 10),
                #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"a\nb"}}}"#,
            ].joined(separator: "\r\n") + "\n" + #"{"jsonrpc":"2.0","id":3,"method":"ping"}"# // the last line has no newline
        let writeEnd = fds[1]
        let writer = Thread {
            _ = AtomicFile.writeAll(writeEnd, Data(input.utf8))
            close(writeEnd)
        }
        writer.start()
        var lines: [String] = []
        MCPStdioLoop.run(server: server, input: fds[0]) { line in
            lines.append(line)
            return true
        }
        close(fds[0])
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.hasSuffix("\n") && $0.dropLast().firstIndex(of: "\n") == nil })
        let parsed = lines.compactMap { try? JSONParser.parse($0) }
        #expect(parsed.count == 5)
        #expect(errorCode(parsed[1]) == -32700 && errorCode(parsed[2]) == -32700)
        #expect(string(parsed[3].member("result")?.member("content")?.element(0)?.member("text")) == "a\nb")
        #expect(parsed[4].member("result") != nil)
    }
}

@Suite struct MCPCommandTests {
    @Test("capaudit mcp over stdio: initialize, list, a good and a refused call, in one session with the real binary")
    func session() throws {
        let folder = try TemporaryFolder()
        try folder.tool("bin/promtool", #"case "$1" in --version) echo "promtool, version 2.42.0";; *) printf '%s\n' "$@"; echo checked;; esac"#)
        try folder.file("work/rules.yml", "groups: []\n")
        try folder.file("outside.yml", "groups: []\n")
        let requests =
            [
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#,
                #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
                #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
                #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"promtool_check_rules","arguments":{"file":"rules.yml"}}}"#,
                #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"promtool_check_rules","arguments":{"file":"../outside.yml"}}}"#,
                #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"promtool_check_rules","arguments":{"file":"--help"}}}"#,
            ].joined(separator: "\n") + "\n"
        try folder.file("requests", requests)
        // The binary reads stdin; the runner gives /dev/null, so a tiny shell feeds the file.
        let r = runWithStdin(
            ["mcp", "--workdir", folder.path + "/work", "--area", "monitoring", "--no-config"],
            environment: ["PATH": folder.path + "/bin:/usr/bin:/bin"], stdinFile: folder.path + "/requests")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(r.exitCode == 0)
        #expect(lines.count == 5, "\(r.stdout)\n\(r.stderr)")
        guard lines.count == 5 else { return }
        #expect(lines[1].contains(#""name":"promtool_check_rules""#) && lines[1].contains(#""readOnlyHint":true"#))
        #expect(!lines[1].contains("promtool_query_instant") || lines[1].contains("loopback"))
        #expect(lines[2].contains(#""isError":false"#) && lines[2].contains("rules.yml\\nchecked"))
        #expect(lines[3].contains(#""isError":true"#) && lines[3].contains("outside the working folder"))
        #expect(lines[4].contains(#""isError":true"#) && lines[4].contains("begins with '-'"))
        #expect(r.stderr.contains("serving on stdio"))
    }

    @Test("capaudit tools lists present tools' operations in json, openai and mcp formats")
    func toolsCommand() throws {
        let folder = try TemporaryFolder()
        try folder.tool("bin/promtool", #"echo "promtool, version 2.42.0""#)
        let env = ["PATH": folder.path + "/bin:/usr/bin:/bin"]
        let json = CapauditBinary.run(["tools", "--area", "monitoring", "--no-config"], environment: env, cwd: folder.path)
        #expect(json.exitCode == 0, "\(json.stderr)")
        let doc = try JSONParser.parse(json.stdout)
        guard case .array(let ops, _)? = doc.member("operations") else { Issue.record("no operations"); return }
        #expect(ops.compactMap { string($0.member("name")) } == ["promtool_check_rules", "promtool_check_config", "promtool_test_rules", "promtool_query_instant"])
        #expect(string(ops[0].member("version")) == "2.42.0")
        #expect(string(ops[0].member("path")) == folder.path + "/bin/promtool")
        let openai = try JSONParser.parse(CapauditBinary.run(["tools", "--format", "openai", "--area", "monitoring", "--no-config"], environment: env, cwd: folder.path).stdout)
        #expect(string(openai.element(0)?.member("type")) == "function")
        #expect(string(openai.element(0)?.member("function")?.member("name")) == "promtool_check_rules")
        #expect(string(openai.element(0)?.member("function")?.member("parameters")?.member("required")?.element(0)) == "file")
        let mcp = try JSONParser.parse(CapauditBinary.run(["tools", "--format", "mcp", "--area", "monitoring", "--no-config"], environment: env, cwd: folder.path).stdout)
        #expect(string(mcp.member("tools")?.element(0)?.member("inputSchema")?.member("type")) == "object")
        let bad = CapauditBinary.run(["tools", "--format", "yaml"], environment: env)
        #expect(bad.exitCode == 2)
    }
}

/// Runs the capaudit binary with stdin from a file (the probe runner always gives /dev/null, so
/// /bin/sh redirects and then execs capaudit with the arguments as they are).
func runWithStdin(_ arguments: [String], environment: [String: String], stdinFile: String) -> CapauditBinary.Result {
    var env = ["HOME": NSTemporaryDirectory(), "CAPAUDIT_STDIN": stdinFile]
    for (k, v) in environment { env[k] = v }
    let output = ProbeRunner().run(
        ProbeRequest(
            executable: "/bin/sh", arguments: ["-c", #"exec "$0" "$@" < "$CAPAUDIT_STDIN""#, CapauditBinary.path] + arguments,
            environment: env, timeout: 60, outputLimit: 4 << 20))
    return CapauditBinary.Result(
        exitCode: output.exitCode, stdout: String(decoding: output.stdout, as: UTF8.self),
        stderr: String(decoding: output.stderr, as: UTF8.self))
}
