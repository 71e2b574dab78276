import CapAuditKit
import Foundation
import Testing

@Suite struct BuiltinCatalogTests {
    static let catalogFolder = Fixtures.packageRoot.appendingPathComponent("Catalog")
    static let generatedFile = Fixtures.packageRoot.appendingPathComponent("Sources/CapAuditKit/Catalog/BuiltinCatalogData.swift")

    static func sourceFiles() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: catalogFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { ($0, try String(contentsOf: catalogFolder.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("the built-in catalog is byte for byte the Catalog/ folder (UPDATE_BUILTIN_CATALOG=1 regenerates it)")
    func builtinMatchesFolder() throws {
        let expected = BuiltinCatalog.swiftSource(for: try Self.sourceFiles())
        let actual = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        if ProcessInfo.processInfo.environment["UPDATE_BUILTIN_CATALOG"] == "1" && expected != actual {
            try AtomicFile.write(expected, to: Self.generatedFile.path)
            Issue.record("BuiltinCatalogData.swift was regenerated; rebuild and run the tests again")
            return
        }
        #expect(expected == actual, "Catalog/ and the built-in copy differ: run UPDATE_BUILTIN_CATALOG=1 swift test --filter BuiltinCatalog")
        let embedded = BuiltinCatalog.sources.map { String(decoding: $0.data, as: UTF8.self) }
        #expect(embedded == (try Self.sourceFiles()).map(\.text))
    }

    @Test("the built-in catalog loads and has the seed's ten gap areas in rank order, then foundation and extended areas")
    func tenAreas() throws {
        let catalog = try BuiltinCatalog.load()
        let gaps = catalog.areas.filter { $0.kind == .gap }
        #expect(gaps.map(\.id) == ["cicd", "security", "monitoring", "secrets", "profiling", "load-testing", "migrations", "orchestration", "api-docs", "queues"])
        #expect(gaps.map(\.rank) == Array(1...10))
        #expect(gaps.map(\.priority) == [.critical, .critical, .critical, .critical, .high, .high, .high, .high, .medium, .medium])
        #expect(gaps.map(\.phase) == [1, 1, 1, 1, 2, 2, 2, 2, 3, 3])
        #expect(catalog.areas.filter { $0.kind == .foundation }.map(\.id) == ["foundation"])
        #expect(
            catalog.areas.filter { $0.kind == .extended }.map(\.id) == ["cloud-cli", "service-mesh", "error-tracking", "feature-flags", "deployment-strategies", "health-checks"])
        for area in catalog.areas {
            #expect(!area.why.isEmpty && !area.impact.isEmpty && !area.useCases.isEmpty, "\(area.id) lacks the seed's text")
        }
    }

    @Test("every tool the seed names is in the catalog")
    func seedTools() throws {
        let catalog = try BuiltinCatalog.load()
        let seed = [
            "gh", "glab", "gitlab-runner", "jenkins-cli", "circleci", "py-spy", "cprofile", "perf", "pprof", "memory-profiler",
            "line-profiler", "k6", "ab", "wrk", "locust", "artillery", "snyk", "trivy", "semgrep", "dependency-check", "safety",
            "bandit", "alembic", "flyway", "migrate", "dbmate", "sql-migrate", "kubectl", "helm", "k9s", "docker-compose", "kompose",
            "prometheus", "grafana", "jaeger", "zipkin", "statsd", "swagger-codegen", "openapi-generator", "redoc-cli", "spectral",
            "swagger-ui", "kcat", "rabbitmqadmin", "redis-cli", "nsq", "pulsar", "vault", "sops", "aws", "gcloud", "az",
        ]
        let missing = seed.filter { catalog.tools[$0] == nil }
        #expect(missing.isEmpty, "missing from the catalog: \(missing)")
        let referenced = Set(catalog.areas.flatMap { catalog.toolIDs(of: $0) })
        #expect(seed.filter { !referenced.contains($0) }.isEmpty, "seed tools no capability names")
    }

    @Test("a command a package installs under another name is one the scan probes, so the plan's guard and the scan agree")
    func renamedCommandsAreProbed() throws {
        let catalog = try BuiltinCatalog.load()
        for tool in catalog.tools.values {
            let probed = Set(tool.probes.map(\.command))
            for (method, command) in tool.install.commands {
                #expect(probed.contains(command), "\(tool.id): \(method.rawValue) installs \(command), which no probe runs")
            }
        }
        // Homebrew's jenkins-lts names its CLI launcher jenkins-lts-cli (the jenkins formula: jenkins-cli).
        let jenkins = try #require(catalog.tools["jenkins-cli"])
        #expect(jenkins.install.commands[.brew] == "jenkins-lts-cli")
        #expect(jenkins.probes.map(\.command) == ["jenkins-cli", "jenkins-lts-cli"])
    }

    @Test("no probe argument is one that contacts a server or starts a daemon")
    func safeArguments() throws {
        let catalog = try BuiltinCatalog.load()
        for tool in catalog.tools.values {
            for probe in tool.probes {
                let argv = ([probe.command] + probe.args).joined(separator: " ")
                #expect(probe.command != "rabbitmqctl", "rabbitmqctl starts epmd")
                if probe.command == "kubectl" { #expect(probe.args.contains("--client"), "\(argv)") }
                if probe.command == "az" { #expect(probe.args == ["version"], "az --version fetches from GitHub: \(argv)") }
                if probe.command == "docker" { #expect(probe.args != ["version"], "docker version contacts the daemon") }
                if probe.command == "migrate" { #expect(probe.args == ["-version"], "the version subcommand connects to the database") }
                if probe.command == "semgrep" { #expect(probe.args.contains("--disable-version-check")) }
                if probe.command == "circleci" { #expect(probe.args.contains("--skip-update-check")) }
                if probe.command == "istioctl" { #expect(probe.args.contains("--remote=false")) }
                if probe.command == "linkerd" { #expect(probe.args.contains("--client")) }
            }
        }
    }
}
