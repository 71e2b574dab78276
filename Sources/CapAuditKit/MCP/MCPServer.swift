import Foundation
import Synchronization

/// A tool the MCP server offers: its `tools/list` entry and what a call does.
public struct MCPTool: Sendable {
    public var name: String
    public var description: String
    public var inputSchema: JSONOutput
    public var annotations: JSONOutput
    public var call: @Sendable ([String: JSONValue]) -> MCPToolResult

    public init(
        name: String, description: String, inputSchema: JSONOutput, annotations: JSONOutput,
        call: @escaping @Sendable ([String: JSONValue]) -> MCPToolResult
    ) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
        self.annotations = annotations
        self.call = call
    }

    /// The entry of `tools/list`.
    public var listing: JSONOutput {
        var tool: [String: JSONOutput] = [
            "name": .string(name), "description": .string(description), "inputSchema": inputSchema,
            "annotations": annotations,
        ]
        if case .object(let a) = annotations, let title = a["title"] { tool["title"] = title }
        return .object(tool)
    }
}

/// What a tool call answers.
public enum MCPToolResult: Sendable, Equatable {
    /// The tool ran (`isError` when it failed or was refused: the model reads the text and can correct itself).
    case content(text: String, structured: JSONOutput? = nil, isError: Bool = false)
    /// The arguments do not fit the tool's schema: JSON-RPC error -32602.
    case invalidParams(String)
}

/// The tools a server offers, with the reason each known but withheld tool is not offered.
public struct MCPToolSet: Sendable {
    public var tools: [MCPTool]
    public var withheld: [String: String]
    public init(tools: [MCPTool], withheld: [String: String] = [:]) {
        self.tools = tools
        self.withheld = withheld
    }
}

/// JSON-RPC 2.0 error codes the MCP specification uses.
public enum RPCErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
}

/// A Model Context Protocol server for newline-delimited JSON-RPC 2.0 over stdio: `initialize`
/// (protocol version negotiation), `ping`, `tools/list`, `tools/call`; notifications are never
/// answered. Pure message handling: one line in, at most one line out; `MCPStdioLoop` does the I/O.
/// Any input gets a well-formed answer or none, never a crash.
public final class MCPServer: Sendable {
    /// Protocol revisions this server speaks, newest first.
    public static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    public let name: String
    public let version: String
    public let instructions: String?
    private let loadTools: @Sendable () -> Result<MCPToolSet, ToolLoadError>
    private struct State {
        /// The tools, once loaded successfully.
        var toolSet: MCPToolSet?
        var negotiatedVersion: String?
    }
    private let state = Mutex(State())
    /// The protocol version agreed at `initialize`, if it happened.
    public var negotiatedVersion: String? { state.withLock { $0.negotiatedVersion } }

    /// Why the tool list could not be made (the catalog or the scan failed): an internal error.
    public struct ToolLoadError: Error, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    /// `tools` is called once, when a client first lists or calls tools (a scan may run there).
    public init(
        name: String, version: String, instructions: String? = nil,
        tools: @escaping @Sendable () -> Result<MCPToolSet, ToolLoadError>
    ) {
        self.name = name
        self.version = version
        self.instructions = instructions
        self.loadTools = tools
    }

    /// Answers one line of input; nil when no answer is due (a notification, a client's response, a blank line).
    public func handle(line: String) -> String? {
        handle(data: Data(line.utf8))
    }

    public func handle(data: Data) -> String? {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) { return nil }
        let message: JSONValue
        do {
            message = try JSONParser.parse(data)
        } catch {
            return Self.error(id: .null, .parseError, "Parse error: \(error.message) at \(error.location)")
        }
        return handle(message: message)?.line()
    }

    func handle(message: JSONValue) -> JSONOutput? {
        guard case .object(let members, _) = message else {
            if case .array = message {
                return Self.errorObject(id: .null, .invalidRequest, "Invalid Request: batches are not supported; send one JSON-RPC object per line")
            }
            return Self.errorObject(id: .null, .invalidRequest, "Invalid Request: expected a JSON-RPC object, found \(message.typeName)")
        }
        var fields: [String: JSONValue] = [:]
        for (k, v) in members where fields[k] == nil { fields[k] = v }
        // The id: a string or a number; absent for a notification.
        var id: JSONOutput = .null
        var hasID = false
        if let raw = fields["id"] {
            switch raw {
            case .string, .number: id = JSONOutput(raw); hasID = true
            case .null: hasID = true
            default: return Self.errorObject(id: .null, .invalidRequest, "Invalid Request: id must be a string or a number")
            }
        }
        guard case .string("2.0", _)? = fields["jsonrpc"] else {
            return Self.errorObject(id: id, .invalidRequest, "Invalid Request: \"jsonrpc\" must be \"2.0\"")
        }
        guard let methodValue = fields["method"] else {
            // A response from the client (to a request this server never sends): nothing to answer.
            if fields["result"] != nil || fields["error"] != nil { return nil }
            return Self.errorObject(id: id, .invalidRequest, "Invalid Request: no \"method\"")
        }
        guard case .string(let method, _) = methodValue else {
            return hasID ? Self.errorObject(id: id, .invalidRequest, "Invalid Request: \"method\" must be a string") : nil
        }
        var params: [String: JSONValue] = [:]
        if let p = fields["params"] {
            switch p {
            case .object(let m, _): for (k, v) in m where params[k] == nil { params[k] = v }
            case .null: break
            default:
                return hasID ? Self.errorObject(id: id, .invalidParams, "Invalid params: \"params\" must be an object") : nil
            }
        }
        // Notifications (initialized, cancelled, progress, ...) are never answered.
        guard hasID else { return nil }

        switch method {
        case "initialize": return initialize(id: id, params: params)
        case "ping": return Self.result(id: id, .object([:]))
        case "tools/list": return listTools(id: id, params: params)
        case "tools/call": return callTool(id: id, params: params)
        default: return Self.errorObject(id: id, .methodNotFound, "Method not found: \(method)")
        }
    }

    func initialize(id: JSONOutput, params: [String: JSONValue]) -> JSONOutput {
        var version = Self.protocolVersions[0]
        if case .string(let requested, _)? = params["protocolVersion"], Self.protocolVersions.contains(requested) { version = requested }
        state.withLock { $0.negotiatedVersion = version }
        var result: [String: JSONOutput] = [
            "protocolVersion": .string(version),
            "capabilities": .object(["tools": .object(["listChanged": .bool(false)])]),
            "serverInfo": .object(["name": .string(name), "version": .string(self.version)]),
        ]
        if let instructions { result["instructions"] = .string(instructions) }
        return Self.result(id: id, .object(result))
    }

    /// The tools, loaded on first use; the lock is held while they load, so they load once.
    func tools() -> Result<MCPToolSet, ToolLoadError> {
        state.withLock { state in
            if let toolSet = state.toolSet { return .success(toolSet) }
            let loaded = loadTools()
            if case .success(let set) = loaded { state.toolSet = set }
            return loaded
        }
    }

    func listTools(id: JSONOutput, params: [String: JSONValue]) -> JSONOutput {
        if let cursor = params["cursor"], cursor.typeName != "null" {
            return Self.errorObject(id: id, .invalidParams, "Invalid params: unknown cursor (the whole list fits one page)")
        }
        switch tools() {
        case .failure(let e): return Self.errorObject(id: id, .internalError, "Internal error: \(e.message)")
        case .success(let set): return Self.result(id: id, .object(["tools": .array(set.tools.map(\.listing))]))
        }
    }

    func callTool(id: JSONOutput, params: [String: JSONValue]) -> JSONOutput {
        guard case .string(let name, _)? = params["name"] else {
            return Self.errorObject(id: id, .invalidParams, "Invalid params: tools/call needs \"name\", a string")
        }
        var arguments: [String: JSONValue] = [:]
        switch params["arguments"] {
        case nil, .null?: break
        case .object(let m, _)?: for (k, v) in m where arguments[k] == nil { arguments[k] = v }
        default: return Self.errorObject(id: id, .invalidParams, "Invalid params: \"arguments\" must be an object")
        }
        let set: MCPToolSet
        switch tools() {
        case .failure(let e): return Self.errorObject(id: id, .internalError, "Internal error: \(e.message)")
        case .success(let s): set = s
        }
        guard let tool = set.tools.first(where: { $0.name == name }) else {
            if let reason = set.withheld[name] {
                return Self.result(id: id, Self.toolResult(text: reason, structured: nil, isError: true))
            }
            var message = "Unknown tool: \(name)"
            if let near = nearest(name, in: set.tools.map(\.name)) { message += " (did you mean \(near)?)" }
            return Self.errorObject(id: id, .invalidParams, message)
        }
        switch tool.call(arguments) {
        case .invalidParams(let message): return Self.errorObject(id: id, .invalidParams, "Invalid params: \(message)")
        case .content(let text, let structured, let isError): return Self.result(id: id, Self.toolResult(text: text, structured: structured, isError: isError))
        }
    }

    static func toolResult(text: String, structured: JSONOutput?, isError: Bool) -> JSONOutput {
        var r: [String: JSONOutput] = ["content": .array([.object(["type": .string("text"), "text": .string(text)])]), "isError": .bool(isError)]
        if let structured { r["structuredContent"] = structured }
        return .object(r)
    }

    static func result(id: JSONOutput, _ result: JSONOutput) -> JSONOutput {
        .object(["jsonrpc": .string("2.0"), "id": id, "result": result])
    }

    static func errorObject(id: JSONOutput, _ code: RPCErrorCode, _ message: String) -> JSONOutput {
        .object(["jsonrpc": .string("2.0"), "id": id, "error": .object(["code": .int(code.rawValue), "message": .string(message)])])
    }

    static func error(id: JSONOutput, _ code: RPCErrorCode, _ message: String) -> String {
        errorObject(id: id, code, message).line()
    }
}
