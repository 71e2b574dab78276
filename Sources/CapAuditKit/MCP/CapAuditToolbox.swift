import Foundation

/// The tools `capaudit mcp` offers: capaudit's own `capaudit_scan`, `capaudit_explain` and
/// `capaudit_plan`, and one `TOOLID_OPERATIONID` tool per operation of a tool a scan verified
/// present, filtered by the call policy.
public struct CapAuditToolbox: Sendable {
    public var catalog: Catalog
    public var scanner: Scanner
    /// The project's gate policy; `fail_on` replaces its level.
    public var gatePolicy: GatePolicy
    public var callPolicy: CallPolicy
    public var caller: OperationCaller
    /// Areas whose operations are offered (all when empty).
    public var areaIDs: [String]
    /// The host's package managers for `capaudit_plan` (`manager` overrides detection).
    public var hostEnvironment: @Sendable (_ managers: [String]) throws -> HostEnvironment

    public init(
        catalog: Catalog, scanner: Scanner, gatePolicy: GatePolicy, callPolicy: CallPolicy, caller: OperationCaller,
        areaIDs: [String] = [], hostEnvironment: @escaping @Sendable ([String]) throws -> HostEnvironment
    ) {
        self.catalog = catalog
        self.scanner = scanner
        self.gatePolicy = gatePolicy
        self.callPolicy = callPolicy
        self.caller = caller
        self.areaIDs = areaIDs
        self.hostEnvironment = hostEnvironment
    }

    /// Scans (all areas, or `areaIDs`), then lists capaudit's tools and the operations of present tools.
    public func toolSet() -> MCPToolSet {
        let report = evaluate(scanner.scan(areaIDs: areaIDs), failOn: gatePolicy.failOn)
        let registry = OperationRegistry(
            report: report, policy: callPolicy, areaIDs: areaIDs,
            resolve: { [scanner] in scanner.resolver.lookup($0).resolved })
        return toolSet(registry: registry)
    }

    /// The tools for an already-built registry.
    public func toolSet(registry: OperationRegistry) -> MCPToolSet {
        var tools = [scanTool, explainTool, planTool]
        let caller = self.caller
        for entry in registry.entries {
            tools.append(
                MCPTool(
                    name: entry.name, description: entry.fullDescription, inputSchema: entry.inputSchema,
                    annotations: entry.annotations
                ) { arguments in
                    Self.result(of: caller.call(entry.operation, executable: entry.executable, arguments: arguments))
                })
        }
        var withheld: [String: String] = [:]
        for (name, reason) in registry.withheld { withheld[name] = reason }
        return MCPToolSet(tools: tools, withheld: withheld)
    }

    /// An operation's outcome as an MCP answer: a non-zero exit, a timeout or a refusal is `isError`.
    public static func result(of outcome: OperationOutcome) -> MCPToolResult {
        switch outcome {
        case .invalidArguments(let problem): return .invalidParams(problem.message)
        case .refused(let refusal): return .content(text: "Refused: \(refusal.reason)", isError: true)
        case .ran(let run):
            var structured: [String: JSONOutput] = [
                "argv": .array(run.argv.map { .string($0) }), "stdout": .string(run.stdout), "stderr": .string(run.stderr),
                "truncated": .bool(run.stdoutTruncated || run.stderrTruncated), "durationMs": .int(run.durationMs),
                "maskedValues": .int(run.maskedValues),
            ]
            switch run.termination {
            case .exited(let code): structured["exitCode"] = .int(Int(code))
            case .signaled(let signal): structured["signal"] = .int(Int(signal))
            case .timedOut: structured["timedOut"] = .bool(true)
            case .failedToStart(_, let message): structured["startError"] = .string(message)
            }
            return .content(text: run.text, structured: .object(structured), isError: !run.succeeded)
        }
    }

    func evaluate(_ scan: ScanResult, failOn: Priority?) -> Report {
        var policy = gatePolicy
        policy.failOn = failOn
        return Evaluator(catalog: catalog, policy: policy).evaluate(scan)
    }

    var areaEnum: JSONOutput { .array(catalog.areas.map { .string($0.id) }) }

    static func schema(_ properties: [String: JSONOutput], required: [String] = []) -> JSONOutput {
        .object([
            "type": .string("object"), "properties": .object(properties), "required": .array(required.map { .string($0) }),
            "additionalProperties": .bool(false),
        ])
    }

    static func readOnly(_ title: String) -> JSONOutput {
        .object([
            "title": .string(title), "readOnlyHint": .bool(true), "destructiveHint": .bool(false), "idempotentHint": .bool(true),
            "openWorldHint": .bool(false),
        ])
    }

    /// Area ids from an `areas` argument, or a problem.
    func areas(_ value: JSONValue?) -> Result<[String], ArgumentProblem> {
        guard let value, value.typeName != "null" else { return .success([]) }
        guard case .array(let items, _) = value else { return .failure(ArgumentProblem("\"areas\" must be an array of area ids")) }
        var ids: [String] = []
        for item in items {
            guard case .string(let id, _) = item, catalog.area(id) != nil else {
                return .failure(ArgumentProblem("\"areas\" takes area ids: \(catalog.areas.map(\.id).joined(separator: ", "))"))
            }
            ids.append(id)
        }
        return .success(ids)
    }

    static func unknownArguments(_ arguments: [String: JSONValue], allowed: [String]) -> MCPToolResult? {
        guard let extra = arguments.keys.sorted().first(where: { !allowed.contains($0) }) else { return nil }
        return .invalidParams("unknown argument \(quoted(extra)); this tool takes \(allowed.joined(separator: ", "))")
    }

    var scanTool: MCPTool {
        let toolbox = self
        return MCPTool(
            name: "capaudit_scan",
            description:
                "Scan this host for production-engineering tools (CI/CD, security scanning, monitoring, secrets, profiling, load testing, migrations, orchestration, API docs, queues) and return capaudit's JSON report: each tool's status, path and version, each area's coverage, and the gate. Runs only version commands, no network.",
            inputSchema: Self.schema([
                "areas": .object([
                    "type": .string("array"), "items": .object(["type": .string("string"), "enum": areaEnum]),
                    "description": .string("Only these areas (default: all)."),
                ]),
                "fail_on": .object([
                    "type": .string("string"), "enum": .array(["critical", "high", "medium", "never"].map { .string($0) }),
                    "description": .string("The gate: areas at this priority or above that are not covered fail it (default: the project's, else never)."),
                ]),
            ]),
            annotations: Self.readOnly("capaudit: scan this host")
        ) { arguments in
            if let bad = Self.unknownArguments(arguments, allowed: ["areas", "fail_on"]) { return bad }
            let areaIDs: [String]
            switch toolbox.areas(arguments["areas"]) {
            case .failure(let p): return .invalidParams(p.message)
            case .success(let ids): areaIDs = ids
            }
            var failOn = toolbox.gatePolicy.failOn
            if let value = arguments["fail_on"], value.typeName != "null" {
                guard case .string(let level, _) = value, level == "never" || Priority(rawValue: level) != nil else {
                    return .invalidParams("\"fail_on\" must be critical, high, medium or never")
                }
                failOn = Priority(rawValue: level)
            }
            let report = toolbox.evaluate(toolbox.scanner.scan(areaIDs: areaIDs), failOn: failOn)
            return .content(text: JSONRenderer.render(report), structured: JSONRenderer.document(report))
        }
    }

    var explainTool: MCPTool {
        let toolbox = self
        return MCPTool(
            name: "capaudit_explain",
            description:
                "Explain how capaudit looked for one tool on this host: every PATH entry tried, the version command run, its exit code and output, the version read and the verdict.",
            inputSchema: Self.schema(
                [
                    "tool": .object([
                        "type": .string("string"), "enum": .array(catalog.tools.keys.sorted().map { .string($0) }),
                        "description": .string("A tool id of capaudit's catalog, such as kubectl or promtool."),
                    ])
                ],
                required: ["tool"]),
            annotations: Self.readOnly("capaudit: explain one tool")
        ) { arguments in
            if let bad = Self.unknownArguments(arguments, allowed: ["tool"]) { return bad }
            guard case .string(let id, _)? = arguments["tool"] else { return .invalidParams("\"tool\" (a tool id) is required") }
            guard let tool = toolbox.catalog.tools[id] else {
                return .invalidParams("unknown tool \(quoted(id))" + (nearest(id, in: Array(toolbox.catalog.tools.keys)).map { "; did you mean \($0)?" } ?? ""))
            }
            let scanner = toolbox.scanner
            let observation = tool.probes.isEmpty ? nil : scanner.observe(tool)
            let result = ScanResult(
                host: scanner.host, startedAt: Date(), durationMs: 0, settings: scanner.settings, areaIDs: [],
                observations: observation.map { [id: $0] } ?? [:], searchPath: scanner.resolver.searchPath)
            let report = Evaluator(catalog: toolbox.catalog, policy: toolbox.gatePolicy).toolReport(tool, scan: result)
            let text = ExplainRenderer.render(
                tool: tool, areas: toolbox.catalog.areas, report: report, observation: observation, scan: result,
                probeEnvironment: scanner.probeEnvironment(for:))
            return .content(text: text)
        }
    }

    var planTool: MCPTool {
        let toolbox = self
        return MCPTool(
            name: "capaudit_plan",
            description: "Scan this host, then return a phased install plan for its gaps (markdown) with the commands of its package managers. capaudit installs nothing itself.",
            inputSchema: Self.schema([
                "areas": .object([
                    "type": .string("array"), "items": .object(["type": .string("string"), "enum": areaEnum]),
                    "description": .string("Only these areas (default: all)."),
                ]),
                "phase": .object([
                    "type": .string("integer"), "minimum": .int(1), "maximum": .int(3),
                    "description": .string("Only this phase: 1 critical, 2 high, 3 medium."),
                ]),
                "manager": .object([
                    "type": .string("string"),
                    "enum": .array(["apt", "dnf", "yum", "apk", "pacman", "zypper", "brew", "pipx", "pip", "npm", "go", "cargo", "snap"].map { .string($0) }),
                    "description": .string("Plan with this package manager instead of the ones detected."),
                ]),
            ]),
            annotations: Self.readOnly("capaudit: install plan")
        ) { arguments in
            if let bad = Self.unknownArguments(arguments, allowed: ["areas", "phase", "manager"]) { return bad }
            let areaIDs: [String]
            switch toolbox.areas(arguments["areas"]) {
            case .failure(let p): return .invalidParams(p.message)
            case .success(let ids): areaIDs = ids
            }
            var phase: Int?
            if let value = arguments["phase"], value.typeName != "null" {
                guard case .number(let d, _, _) = value, [1.0, 2.0, 3.0].contains(d) else { return .invalidParams("\"phase\" must be 1, 2 or 3") }
                phase = Int(d)
            }
            var managers: [String] = []
            if let value = arguments["manager"], value.typeName != "null" {
                guard case .string(let m, _) = value, Installer(managerName: m) != nil else {
                    return .invalidParams("\"manager\" must be a package manager name such as apt or pipx")
                }
                managers = [m]
            }
            let host: HostEnvironment
            do {
                host = try toolbox.hostEnvironment(managers)
            } catch {
                return .content(text: "Cannot plan: \(error)", isError: true)
            }
            let report = toolbox.evaluate(toolbox.scanner.scan(areaIDs: areaIDs), failOn: toolbox.gatePolicy.failOn)
            let plan = Planner.plan(report: report, catalog: toolbox.catalog, host: host, phase: phase, areas: areaIDs, date: report.startedAt)
            return .content(text: PlanRenderer.render(plan, format: .markdown), structured: PlanRenderer.document(plan))
        }
    }
}
