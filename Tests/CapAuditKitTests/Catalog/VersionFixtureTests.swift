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
                var f = try? JSONDecoder().decode(VersionFixture.self, from: data)
            else { return nil }
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
    /// The catalog probe a fixture exercises: same command and arguments; else the tool's probe of the same command
    /// (an output of other arguments, another release or a wrapper name must still be read right by that probe);
    /// else the tool's first probe. A fixture of a tool outside the catalog is replayed by a probe with no pattern,
    /// which exercises the tolerant reader alone.
    static func probe(for fixture: VersionFixture) -> Probe {
        let command = (fixture.argv.first.map { ($0 as NSString).lastPathComponent }) ?? ""
        let args = Array(fixture.argv.dropFirst())
        guard let tool = SourceCatalog.catalog?.tools[fixture.tool], let first = tool.probes.first else {
            return Probe(command: command, args: args)
        }
        if let exact = tool.probes.first(where: { $0.command == command && $0.args == args }) { return exact }
        return tool.probes.first { $0.command == command } ?? first
    }

    static func exercisesCatalogProbe(_ fixture: VersionFixture) -> Bool {
        guard let tool = SourceCatalog.catalog?.tools[fixture.tool] else { return false }
        let command = (fixture.argv.first.map { ($0 as NSString).lastPathComponent }) ?? ""
        return tool.probes.contains { $0.command == command && $0.args == Array(fixture.argv.dropFirst()) }
            || (fixture.argvAssumed == true && tool.probes.contains { $0.command == command })
    }

    /// Catalog tools with at least three fixtures whose written versions name at least two releases.
    static var wellCoveredTools: [String] {
        let catalogTools = Set(SourceCatalog.catalog?.tools.keys.map { $0 } ?? [])
        let byTool = Dictionary(grouping: VersionFixture.all.filter { catalogTools.contains($0.tool) }, by: \.tool)
        return byTool.filter { _, fixtures in
            fixtures.count >= 3 && Set(fixtures.compactMap(\.expectedVersion)).count >= 2
        }.keys.sorted()
    }

    @Test("the corpus holds real outputs and the catalog's probes exercise most of them")
    func corpusSize() {
        #expect(VersionFixture.all.count >= 200)
        #expect(VersionFixture.all.filter { $0.recorded == true }.count >= 100)
        #expect(VersionFixture.all.filter(Self.exercisesCatalogProbe).count >= 120)
    }

    @Test("at least 40 catalog tools have three or more real outputs from two or more releases")
    func fortyToolsWellCovered() {
        let covered = Self.wellCoveredTools
        #expect(covered.count >= 40, "only \(covered.count): \(covered.joined(separator: ", "))")
    }

    @Test("every fixture names its source, and a quoted one a public address")
    func everyFixtureHasASource() {
        for fixture in VersionFixture.all {
            #expect(!fixture.source.isEmpty, "\(fixture.file)")
            if fixture.recorded != true {
                #expect(fixture.source.contains("https://"), "\(fixture.file): a quoted output needs its URL")
            }
        }
    }

    @Test("the catalog probe (or the tolerant reader) reads the tool's own version from the real output", arguments: VersionFixture.all)
    func readsOwnVersion(fixture: VersionFixture) throws {
        let probe = Self.probe(for: fixture)
        let catalogTool = SourceCatalog.catalog?.tools[fixture.tool]
        let names = [catalogTool?.id, catalogTool?.name].compactMap { $0 } + (catalogTool == nil ? [fixture.tool] : [])
        let parsed = VersionReader.read(stdout: fixture.stdout, stderr: fixture.stderr, probe: probe, toolNames: names).parsed
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

    @Test(
        "a recorded output judged by the catalog gives the status a person expects",
        arguments: VersionFixture.all.filter { $0.exitCode != nil && SourceCatalog.catalog?.tools[$0.tool] != nil })
    func judgedStatus(fixture: VersionFixture) throws {
        let probe = Self.probe(for: fixture)
        let path = "/usr/bin/" + probe.command
        let attempt = ProbeAttempt(
            probeIndex: 0, lookup: PathLookup(command: probe.command, candidates: [PathCandidate(entry: "/usr/bin", path: path, outcome: .match)]),
            argv: fixture.argv, output: .printed(fixture.stdout, stderr: fixture.stderr, exit: fixture.exitCode ?? 0))
        let verdict = ProbeJudgement.judge(attempt, probe: probe, constraint: nil).verdict
        if fixture.expectedVersion != nil {
            #expect(verdict.status == .present, "\(fixture.file): \(verdict.reason)")
        } else {
            #expect(verdict.status != .present, "\(fixture.file): \(verdict.reason)")
        }
    }
}
