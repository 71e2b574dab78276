@testable import CapAuditKit
import Foundation
import Testing

@Suite struct PackageDatabaseTests {
    static let status = """
        Package: redis-tools
        Status: install ok installed
        Priority: optional
        Architecture: amd64
        Version: 5:7.0.15-1~deb12u1
        Description: Persistent key-value database
         with a continuation line: Version: 9.9.9

        Package: kcat
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 1.7.1-1

        Package: prometheus
        Status: install ok installed
        Architecture: amd64
        Version: 2.42.0+ds-5+deb12u1

        """

    @Test("dpkg status: only installed packages, continuation lines ignored")
    func parseStatus() {
        let packages = DpkgDatabase.parseStatus(Self.status)
        #expect(packages.keys.sorted() == ["prometheus", "redis-tools"])
        #expect(packages["redis-tools"]?.version == "5:7.0.15-1~deb12u1")
        #expect(packages["redis-tools"]?.architecture == "amd64")
    }

    @Test("Debian versions lose the epoch, the revision and the repack suffix")
    func upstream() {
        #expect(DpkgDatabase.upstreamVersion("5:7.0.15-1~deb12u1") == "7.0.15")
        #expect(DpkgDatabase.upstreamVersion("2.42.0+ds-5+deb12u1") == "2.42.0")
        #expect(DpkgDatabase.upstreamVersion("2.4.57-2") == "2.4.57")
        #expect(DpkgDatabase.upstreamVersion("0.9.0") == "0.9.0")
        #expect(DpkgDatabase.upstreamVersion("1:2.3-4-5") == "2.3-4")
        #expect(ApkDatabase.upstreamVersion("7.2.4-r0") == "7.2.4")
        #expect(ApkDatabase.upstreamVersion("1.0-rc1") == "1.0-rc1")
    }

    @Test("a file is matched to its package through merged-/usr twins and alternatives links")
    func owners() throws {
        let folder = try TemporaryFolder()
        try folder.file("root/var/lib/dpkg/status", Self.status)
        try folder.file("root/var/lib/dpkg/info/redis-tools.list", "/.\n/usr\n/usr/bin\n/usr/bin/redis-cli\n")
        try folder.file("root/var/lib/dpkg/info/prometheus:amd64.list", "/bin/promtool\n/usr/lib/prometheus/x\n")
        try folder.file("root/var/lib/dpkg/info/kcat.list", "/usr/bin/kcat\n")
        let view = RootedFileSystem(root: folder.path + "/root")
        let db = try #require(DpkgDatabase.load(view: view))
        #expect(db.lists.keys.sorted() == ["prometheus", "redis-tools"])
        #expect(db.owner(of: ["/usr/bin/redis-cli"])?.name == "redis-tools")
        #expect(db.owner(of: ["/usr/bin/promtool"])?.name == "prometheus")
        #expect(db.owner(of: ["/bin/redis-cli"])?.name == "redis-tools")
        // kcat is removed (config-files): its list does not make it an owner.
        #expect(db.owner(of: ["/usr/bin/kcat"]) == nil)
        #expect(db.owner(of: ["/usr/bin/ab", "/etc/alternatives/ab", "/usr/bin/redis-cli"])?.name == "redis-tools")
    }

    @Test("no dpkg database gives nil, not an empty database")
    func noDatabase() throws {
        let folder = try TemporaryFolder()
        #expect(DpkgDatabase.load(view: RootedFileSystem(root: folder.path)) == nil)
        #expect(ApkDatabase.load(view: RootedFileSystem(root: folder.path)) == nil)
    }

    @Test("apk installed database: folders and files map to packages")
    func apk() {
        let db = ApkDatabase(
            text: """
                C:Q1abc=
                P:redis
                V:7.2.4-r0
                A:x86_64
                F:usr/bin
                R:redis-cli
                R:redis-server
                F:etc
                R:redis.conf

                P:busybox
                V:1.36.1-r15
                F:bin
                R:busybox

                """)
        #expect(db.owner(of: ["/usr/bin/redis-cli"]) == InstalledPackage(name: "redis", version: "7.2.4-r0", architecture: "x86_64"))
        #expect(db.owner(of: ["/bin/busybox"])?.version == "1.36.1-r15")
        #expect(db.owner(of: ["/usr/bin/nope"]) == nil)
    }
}

@Suite struct ToolMetadataReaderTests {
    @Test("in a root, a Debian-packaged Go tool gets its main package from the binary and its version from dpkg")
    func debianGoTool() throws {
        let folder = try TemporaryFolder()
        let root = folder.path + "/root"
        try folder.file("root/var/lib/dpkg/status", PackageDatabaseTests.status)
        try folder.file("root/var/lib/dpkg/info/prometheus.list", "/usr/bin/promtool\n")
        let section = Array(try Data(contentsOf: Fixtures.url("go-buildinfo/promtool-debian12.section")))
        try folder.folder("root/usr/bin")
        try Data(ELFFixture.withBuildInfo(section)).write(to: URL(fileURLWithPath: root + "/usr/bin/promtool"))
        try FileManager.default.createSymbolicLink(atPath: root + "/bin", withDestinationPath: "usr/bin")
        let reader = ToolMetadataReader(view: RootedFileSystem(root: root))
        let sources = reader.sources(forExecutable: "/bin/promtool", command: "promtool")
        #expect(sources.map(\.kind) == [.goBuildinfo, .dpkg])
        #expect(sources[0].mainPackage == "github.com/prometheus/prometheus/cmd/promtool")
        #expect(sources[0].version == nil)
        #expect(sources[1].version == "2.42.0")
        #expect(sources[1].recordedVersion == "2.42.0+ds-5+deb12u1")
        #expect(sources[1].package == "prometheus")
    }
}
