import CapAuditKit
import Foundation
import Testing

/// A real version output recorded on a real host (or quoted verbatim from a public bug report),
/// with the version a person reads in it. See Fixtures/versions/README.md.
struct VersionFixture: Decodable, CustomTestStringConvertible {
    var file = ""
    let tool: String
    let argv: [String]
    let exitCode: Int32?
    let stdout: String
    let stderr: String
    let expectedVersion: String?
    let source: String
    let recorded: Bool?
    let argvAssumed: Bool?

    enum CodingKeys: String, CodingKey { case tool, argv, exitCode, stdout, stderr, expectedVersion, source, recorded, argvAssumed }

    var testDescription: String { file }

    static let all: [VersionFixture] = {
        let dir = Fixtures.url("versions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = try? Data(contentsOf: dir.appendingPathComponent(name)),
                  var f = try? JSONDecoder().decode(VersionFixture.self, from: data) else { return nil }
            f.file = name
            return f
        }
    }()
}

/// The catalog as it is in `Catalog/`, the source of truth.
enum SourceCatalog {
    static let catalog: Catalog? = try? CatalogLoader.load(paths: [Fixtures.packageRoot.appendingPathComponent("Catalog").path])
}

@Suite struct VersionFixtureTests {
    /// The catalog probe a fixture exercises: same command and arguments.
    static func probe(for fixture: VersionFixture) -> Probe? {
        guard let tool = SourceCatalog.catalog?.tools[fixture.tool] else { return nil }
        let command = (fixture.argv.first.map { ($0 as NSString).lastPathComponent }) ?? ""
        let args = Array(fixture.argv.dropFirst())
        if let exact = tool.probes.first(where: { $0.command == command && $0.args == args }) { return exact }
        // A quoted output whose command line was not shown is paired with the probe of the same command.
        if fixture.argvAssumed == true { return tool.probes.first { $0.command == command } }
        return nil
    }

    static var exercised: [VersionFixture] { VersionFixture.all.filter { probe(for: $0) != nil } }

    @Test("the corpus holds real outputs and the catalog's probes exercise most of them")
    func corpusSize() {
        #expect(VersionFixture.all.count >= 40)
        #expect(VersionFixture.all.filter { $0.recorded == true }.count >= 25)
        #expect(Self.exercised.count >= 30, "only \(Self.exercised.count) fixtures match a catalog probe")
    }

    @Test("the catalog probe reads the tool's own version from the real output", arguments: VersionFixtureTests.exercised)
    func readsOwnVersion(fixture: VersionFixture) throws {
        let probe = try #require(Self.probe(for: fixture))
        let catalogTool = SourceCatalog.catalog?.tools[fixture.tool]
        let parsed = VersionReader.read(stdout: fixture.stdout, stderr: fixture.stderr, probe: probe,
                                        toolNames: [catalogTool?.id, catalogTool?.name].compactMap { $0 }).parsed
        if let expected = fixture.expectedVersion {
            guard case .version(let version) = parsed else {
                Issue.record("\(fixture.file): expected \(expected), parsed \(parsed)")
                return
            }
            #expect(version == Version(expected), "\(fixture.file): expected \(expected), parsed \(version)")
        } else if case .version(let version) = parsed {
            Issue.record("\(fixture.file): the output holds no real version, but \(version) was read")
        }
    }

    @Test("a recorded output judged by the catalog gives the status a person expects", arguments: VersionFixtureTests.exercised.filter { $0.exitCode != nil })
    func judgedStatus(fixture: VersionFixture) throws {
        let probe = try #require(Self.probe(for: fixture))
        let path = "/usr/bin/" + probe.command
        let attempt = ProbeAttempt(probeIndex: 0, lookup: PathLookup(command: probe.command, candidates: [PathCandidate(entry: "/usr/bin", path: path, outcome: .match)]),
                                   argv: fixture.argv, output: .printed(fixture.stdout, stderr: fixture.stderr, exit: fixture.exitCode ?? 0))
        let verdict = ProbeJudgement.judge(attempt, probe: probe, constraint: nil).verdict
        if fixture.expectedVersion != nil {
            #expect(verdict.status == .present, "\(fixture.file): \(verdict.reason)")
        } else {
            #expect(verdict.status != .present, "\(fixture.file): \(verdict.reason)")
        }
    }
}
