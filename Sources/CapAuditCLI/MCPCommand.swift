import CapAuditKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `capaudit mcp`: a Model Context Protocol server on stdin/stdout.
struct MCPCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "mcp",
            synopsis: "Serve capaudit and this host's verified operations to an AI agent over MCP (stdio).",
            summary: "capaudit mcp: a Model Context Protocol server (JSON-RPC 2.0 over stdio) for AI agents and automation.",
            usage: "capaudit mcp [--workdir DIR] [--allow-write] [--allow-destructive] [--allow-network] [--allow-attach] [--reveal-secrets] [options]",
            options: AgentPolicyOptions.specs + Commands.scanningOptions,
            discussion: """
                An MCP client starts `capaudit mcp` and talks to it on stdin/stdout, one JSON message a line;
                logs go to stderr. Tools: capaudit_scan (the JSON report), capaudit_explain (one tool),
                capaudit_plan (an install plan), and TOOLID_OPERATIONID for each operation of a tool the first
                scan found (see `capaudit tools`). Only read-only operations are offered by default.

                Every call runs the verified executable with an argument array (no shell), in its own process
                group, with stdin from /dev/null, LC_ALL=C, the operation's timeout and output cap, in the
                working folder. Each argument is one argv element; a value beginning with '-' is refused; paths
                must resolve inside the working folder (symlinks too); addresses must be loopback unless
                --allow-network. A refused call is a tool error the agent reads, never a crash.

                Register it in a client, e.g. {"mcpServers": {"capaudit": {"command": "capaudit", "args": ["mcp", "--workdir", "/path/to/project"]}}}
                """,
            examples: ["capaudit mcp", "capaudit mcp --workdir ~/src/service --allow-write", "capaudit mcp --area monitoring --area security"])
    }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let policy = try AgentPolicyOptions.policy(arguments, command: "mcp")
        let session = try ScanSession(arguments: arguments, command: "mcp")
        // A client that goes away closes the pipe: writes fail with EPIPE instead of killing capaudit.
        signal(SIGPIPE, SIG_IGN)
        let flags = [
            policy.allowWrite ? "write" : nil, policy.allowDestructive ? "destructive" : nil, policy.allowNetwork ? "network" : nil,
            policy.allowAttach ? "attach" : nil, policy.revealSecrets ? "secrets revealed" : nil,
        ].compactMap { $0 }
        terminal.err(
            "capaudit mcp \(CapAudit.version): serving on stdio; working folder \(policy.workingDirectory); allowed: read-only"
                + (flags.isEmpty ? "" : ", " + flags.joined(separator: ", ")))
        // The scans and operation calls of the server's whole life die with it, even if it is killed outright
        // (SIGKILL, the OOM killer): one watchdog for the lifetime, as a scan holds one (see ProbeWatchdog).
        // Only in the real process, where /proc/self/exe is capaudit (in-process tests have no survivors).
        let watchdog = terminal.survivors != nil ? ProbeWatchdog() : nil
        let watched = watchdog?.hold() == true
        if watchdog != nil && !watched {
            terminal.err("capaudit mcp: warning: the probe watchdog could not be started; probes outlive capaudit if it is killed outright")
        }
        defer { if watched { watchdog?.release() } }
        try session.withScanner { scanner in
            let caller = OperationCaller(policy: policy, runner: ProbeRunner(), environment: session.environment)
            let searchPath = session.environment["PATH"] ?? ""
            let toolbox = CapAuditToolbox(
                catalog: session.catalog, scanner: scanner, gatePolicy: session.policy, callPolicy: policy,
                caller: caller, areaIDs: session.areaIDs,
                hostEnvironment: { managers in try HostEnvironment.detect(searchPath: searchPath, managerOverride: managers) })
            let server = MCPServer(name: "capaudit", version: CapAudit.version, instructions: Self.instructions(policy)) {
                .success(toolbox.toolSet())
            }
            MCPStdioLoop.run(server: server, input: 0) { line in
                AtomicFile.writeAll(1, Data(line.utf8)) == nil
            }
        }
        return .success
    }

    static func instructions(_ policy: CallPolicy) -> String {
        "capaudit audits this host's production-engineering tools. Call capaudit_scan for the JSON report of what is installed, "
            + "capaudit_plan for how to install what is missing, and the TOOLID_OPERATIONID tools to run verified tools safely. "
            + "Paths are relative to the working folder \(policy.workingDirectory) and must stay inside it; values must not begin with '-'"
            + (policy.allowNetwork ? "." : "; addresses must be loopback.")
    }
}
