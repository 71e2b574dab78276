import CapAuditKit
import Foundation
import Testing

/// A one-tool catalog file whose tool has the given `operations` JSON, with the operations starting on line 8.
func operationCatalog(_ operations: String) -> String {
    """
    {
      "schemaVersion": 1,
      "area": { "id": "monitoring", "name": "Monitoring", "priority": "critical", "rank": 3, "phase": 1, "why": "w", "impact": "i",
                "useCases": ["u"], "capabilities": [ { "id": "metrics", "name": "Metrics", "tools": ["promtool"] } ] },
      "tools": [
        { "id": "promtool", "name": "promtool", "summary": "s", "homepage": "https://prometheus.io",
          "probes": [ { "command": "promtool", "args": ["--version"] } ],
          "operations": \(operations)
        }
      ]
    }
    """
}

func loadOperations(_ operations: String) throws -> [ToolOperation] {
    let catalog = try CatalogLoader.parse([CatalogSource(name: "ops.json", data: Data(operationCatalog(operations).utf8))])
    return catalog.tools["promtool"]!.operations
}

func operationProblems(_ operations: String) -> [CatalogProblem] {
    do {
        _ = try loadOperations(operations)
        return []
    } catch {
        return (error as? CatalogError)?.problems ?? []
    }
}

@Suite struct OperationReaderTests {
    @Test("the built-in catalog has at least 25 operations covering each of the seed's ten areas")
    func builtinCoverage() throws {
        let catalog = try BuiltinCatalog.load()
        var count = 0
        var areasWithOperations = Set<String>()
        for area in catalog.areas where area.kind == .gap {
            for id in catalog.toolIDs(of: area) where !(catalog.tools[id]?.operations.isEmpty ?? true) {
                areasWithOperations.insert(area.id)
            }
        }
        for tool in catalog.tools.values { count += tool.operations.count }
        #expect(count >= 25)
        #expect(
            areasWithOperations == [
                "cicd", "security", "monitoring", "secrets", "profiling", "load-testing", "migrations",
                "orchestration", "api-docs", "queues",
            ])
        let all = catalog.tools.values.flatMap(\.operations)
        #expect(all.contains { $0.safety == .write } && all.contains { $0.safety == .destructive } && all.contains { $0.attaches })
    }

    @Test("a template with fixed words, a required slot, optional groups and a boolean reads as written")
    func readsTemplate() throws {
        let ops = try loadOperations(
            """
            [ { "id": "check-rules", "description": "Check rules.", "argv": ["check", "rules", "{file}", ["--lint", "{lint}"], ["--strict", "{strict}"]],
                "parameters": { "file": { "type": "string", "description": "Rules file.", "required": true, "path": "file" },
                                "lint": { "type": "string", "description": "Lint.", "enum": ["all", "none"] },
                                "strict": { "type": "boolean", "description": "Strict." } },
                "safety": "read-only", "timeout": 30, "outputCap": 2048 } ]
            """)
        let op = try #require(ops.first)
        #expect(
            op.argv == [
                .literal("check"), .literal("rules"), .slot("file"), .group([.literal("--lint"), .slot("lint")]),
                .group([.literal("--strict"), .slot("strict")]),
            ])
        #expect(op.parameters.map(\.name) == ["file", "lint", "strict"])
        #expect(op.parameter("file")?.path == .file && op.parameter("file")?.required == true)
        #expect(op.parameter("lint")?.allowed == ["all", "none"])
        #expect(op.timeout == 30 && op.outputCap == 2048 && op.safety == .readOnly)
    }

    @Test("an unknown slot is an error at its file:line:col, naming the nearest parameter")
    func unknownSlot() {
        let operations = """
            [ { "id": "check-rules", "description": "d", "argv": ["check", "{fiel}"],
                "parameters": { "file": { "type": "string", "description": "f", "required": true } }, "safety": "read-only" } ]
            """
        let problems = operationProblems(operations)
        // Where an editor shows the slot: found in the file's text, independently of the parser.
        let line = operationCatalog(operations).split(separator: "\n", omittingEmptySubsequences: false)[7]
        let column = line.distance(from: line.startIndex, to: line.range(of: "\"{fiel}\"")!.lowerBound) + 1
        let p = problems.first { $0.message.contains("unknown slot {fiel}") }
        #expect(p?.message.contains("did you mean {file}?") == true)
        #expect(p?.location == SourceLocation(line: 8, column: column))
        #expect(p?.path == "tools[0].operations[0].argv[1]")
        #expect(problems.contains { $0.message.contains("\"file\" is not used by any {slot}") })
    }

    @Test("a shell string in argv is refused with where it is and how to fix it")
    func shellString() {
        for word in ["check rules x.yml", "a|b", "$(id)", "x;y", "`id`", "a>b", "*.yml"] {
            let json = JSONOutput.escape(word)
            let problems = operationProblems(
                """
                [ { "id": "sh", "description": "d", "argv": [\(json)], "safety": "read-only" } ]
                """)
            #expect(problems.count == 1, "\(word)")
            #expect(problems.first?.message.contains("capaudit never runs a shell") == true, "\(word)")
            #expect(problems.first?.location?.line == 8, "\(word)")
        }
    }

    @Test("schema mistakes are each reported: a bad type, a key that does not fit the type, a bad pattern, an unknown key")
    func badSchema() {
        let problems = operationProblems(
            """
            [ { "id": "x", "description": "d", "argv": ["{a}", "{b}", "{c}", "{d}"], "safety": "read-only",
                "parameters": { "a": { "type": "number", "description": "a", "required": true },
                                "b": { "type": "integer", "description": "b", "required": true, "enum": ["1"] },
                                "c": { "type": "string", "description": "c", "required": true, "pattern": "([" },
                                "d": { "type": "string", "description": "d", "required": true, "format": "uri" } } } ]
            """)
        let messages = problems.map(\.message)
        #expect(messages.contains { $0.contains("\"number\" is not a parameter type") })
        #expect(messages.contains { $0.contains("\"enum\" applies only to string parameters, not integer") })
        #expect(messages.contains { $0.contains("invalid regular expression") })
        #expect(messages.contains { $0.contains("unknown key \"format\"") })
        #expect(problems.allSatisfy { $0.location != nil })
    }

    @Test("optional and boolean slots must sit in a group; groups need a slot and do not nest")
    func groupRules() {
        let problems = operationProblems(
            """
            [ { "id": "x", "description": "d", "argv": ["{opt}", "{flag}", ["--fixed"], [["{n}"]]], "safety": "read-only",
                "parameters": { "opt": { "type": "string", "description": "o" }, "flag": { "type": "boolean", "description": "f" },
                                "n": { "type": "string", "description": "n" } } } ]
            """)
        let messages = problems.map(\.message)
        #expect(messages.contains { $0.contains("the optional {opt} must sit in an optional group") })
        #expect(messages.contains { $0.contains("the boolean {flag} must sit in an optional group") })
        #expect(messages.contains { $0.contains("an optional group needs a {slot}") })
        #expect(messages.contains { $0.contains("groups cannot be nested") })
    }

    @Test("the command must be one of the tool's probe commands, and the safety class one of three")
    func commandAndSafety() {
        let problems = operationProblems(
            """
            [ { "id": "x", "description": "d", "command": "sh", "argv": ["-c"], "safety": "harmless" } ]
            """)
        #expect(problems.contains { $0.message.contains("\"sh\" is not one of this tool's probe commands (promtool)") })
        #expect(problems.contains { $0.message.contains("\"harmless\" is not a safety class; expected read-only, write or destructive") })
    }

    @Test("duplicate operation ids and defaults that do not fit their parameter are errors")
    func duplicatesAndDefaults() {
        let problems = operationProblems(
            """
            [ { "id": "x", "description": "d", "argv": ["a"], "safety": "read-only" },
              { "id": "x", "description": "d", "argv": ["{n}"], "safety": "read-only",
                "parameters": { "n": { "type": "integer", "description": "n", "default": 0, "minimum": 1 } } } ]
            """)
        #expect(problems.contains { $0.message.contains("duplicate operation id \"x\"") } || problems.contains { $0.message.contains("the default does not fit") })
        #expect(problems.contains { $0.message.contains("the default does not fit the parameter: \"n\" must be at least 1, not 0") })
    }

    @Test("capaudit catalog validate exits 3 on an operation with a shell string, naming file:line:col")
    func validateExitCode() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file(
            "ops.json",
            operationCatalog(
                """
                [ { "id": "x", "description": "d", "argv": ["check rules /etc/x.yml"], "safety": "read-only" } ]
                """))
        let r = CapauditBinary.run(["catalog", "validate", file])
        #expect(r.exitCode == 3)
        #expect(r.stderr.contains("\(file):8:"))
        #expect(r.stderr.contains("contains whitespace: it looks like a shell string"))
    }
}
