import CapAuditKit
import Foundation
import Testing

/// The JSON Schemas of the report and the config, checked against every golden report and every
/// config example (README, `init`'s starter file, test configs), with a validator that can fail.
@Suite struct SchemaTests {
    static let report = try! SchemaValidator(ReportSchema.document.rendered())
    static let config = try! SchemaValidator(ConfigSchema.document.rendered())

    @Test("the golden JSON report and every sample report, rendered, are valid against the report schema")
    func reportsAreValid() throws {
        let golden = try Fixtures.text("golden/scan-mixed.json")
        #expect(Self.report.validate(text: golden) == [])
        for report in [SampleReports.empty, SampleReports.mixed, SampleReports.full, GatedSampleReports.gated] {
            #expect(Self.report.validate(text: JSONRenderer.render(report)) == [])
        }
    }

    @Test("every golden *.json report under Fixtures/golden (scan-*.json) is checked; none is skipped silently")
    func everyGoldenReport() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("golden").path).filter { $0.hasPrefix("scan-") && $0.hasSuffix(".json") }
        #expect(!names.isEmpty)
        for name in names {
            #expect(Self.report.validate(text: try Fixtures.text("golden/" + name)) == [], "\(name)")
        }
    }

    @Test("an outdated tool's versionConstraint and versionProblem are in the schema and the report")
    func constraintFields() {
        let text = JSONRenderer.render(GatedSampleReports.gated)
        #expect(text.contains("\"versionConstraint\": \">= 2.0\""))
        #expect(text.contains("\"versionProblem\": \"too-old\""))
        #expect(Self.report.validate(text: text) == [])
    }

    @Test("the validator catches a missing field, an unknown field, a wrong type and a value outside an enum")
    func validatorFails() throws {
        let golden = try Fixtures.text("golden/scan-mixed.json")
        let missing = golden.replacingOccurrences(of: "\"durationMs\": 1234,", with: "")
        #expect(Self.report.validate(text: missing).contains { $0.contains("missing required property durationMs") })
        let extra = golden.replacingOccurrences(of: "\"durationMs\": 1234,", with: "\"durationMs\": 1234, \"surprise\": 1,")
        #expect(Self.report.validate(text: extra).contains { $0.contains("property surprise is not in the schema") })
        let wrongType = golden.replacingOccurrences(of: "\"durationMs\": 1234,", with: "\"durationMs\": \"slow\",")
        #expect(Self.report.validate(text: wrongType).contains { $0.contains("$.durationMs: expected integer") })
        let badStatus = golden.replacingOccurrences(of: "\"status\": \"present\"", with: "\"status\": \"there\"")
        #expect(Self.report.validate(text: badStatus).contains { $0.contains("\"there\" is not one of") })
        #expect(Self.config.validate(text: #"{"schemaVersion": 2}"#).contains { $0.contains("expected 1") })
        #expect(Self.config.validate(text: #"{"schemaVersion": 1, "failon": "high"}"#).contains { $0.contains("property failon is not in the schema") })
        #expect(
            Self.config.validate(text: #"{"schemaVersion": 1, "waivers": [{"target": "x", "reason": "y", "expires": "31/01/2027"}]}"#)
                .contains { $0.contains("does not match") })
    }

    /// The README's ```json blocks that are configs (they have schemaVersion and no report fields).
    static func readmeConfigs() throws -> [String] {
        let readme = String(decoding: try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md")), as: UTF8.self)
        var blocks: [String] = []
        var current: [String]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```json" { current = []; continue }
            if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" { blocks.append(current!.joined(separator: "\n")); current = nil; continue }
            current?.append(String(line))
        }
        return blocks.filter { $0.contains("\"schemaVersion\"") && !$0.contains("\"areas\": [") && !$0.contains("\"areas\":[") }
    }

    @Test("every config example is valid against the config schema and loads: README, init's starter, $schema")
    func configsAreValid() throws {
        let readme = try Self.readmeConfigs()
        #expect(!readme.isEmpty)
        let catalog = try BuiltinCatalog.load()
        let starter = ProjectConfig.starter(
            catalog: catalog, profile: "ci-runner", failOn: .high, pins: ["gh": ">=2.23.0", "kubectl": "*"],
            baseline: [Waiver(target: "secrets", reason: "not yet")], why: "CI=true")
        let withSchema =
            #"{"$schema": "./capaudit-config.schema.json", "schemaVersion": 1, "minVersions": {"helm": "~> 3.12"}, "require": {"tools": {"kubectl": ">= 1.28, < 1.31"}}}"#
        for example in readme + [starter, withSchema] {
            #expect(Self.config.validate(text: example) == [], "\(example)")
            // And capaudit reads it: the schema allows nothing capaudit refuses in shape.
            #expect(throws: Never.self) { try ProjectConfig.parse(Data(example.utf8), path: "example.json", catalog: catalog, today: "2026-12-04") }
        }
    }

    @Test("the schemas are themselves well-formed: every $ref resolves and only implemented keywords are used")
    func schemasWellFormed() {
        // Validating anything walks the whole schema only where the instance goes; an empty object
        // reaches the root's keywords, and the golden report reaches every definition.
        #expect(Self.config.validate(text: "{}").allSatisfy { !$0.contains("does not implement") && !$0.contains("unresolvable") })
        #expect(Self.report.validate(text: (try? Fixtures.text("golden/scan-mixed.json")) ?? "").allSatisfy { !$0.contains("does not implement") })
    }
}
