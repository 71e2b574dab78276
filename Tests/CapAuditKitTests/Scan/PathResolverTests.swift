import CapAuditKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PathResolverTests {
    @Test("the first match in PATH order wins and later copies are shadowed")
    func orderAndShadowing() throws {
        let dir = try TemporaryFolder()
        let first = try dir.tool("a/kcat", "echo a")
        let second = try dir.tool("b/kcat", "echo b")
        let lookup = PathResolver(searchPath: "\(dir.path)/a:\(dir.path)/b").lookup("kcat")
        #expect(lookup.resolved == first)
        #expect(lookup.shadowed == [second])
        let reversed = PathResolver(searchPath: "\(dir.path)/b:\(dir.path)/a").lookup("kcat")
        #expect(reversed.resolved == second)
    }

    @Test("non-executable files and directories named like the tool are skipped")
    func skipsNonExecutables() throws {
        let dir = try TemporaryFolder()
        try dir.file("a/helm", "not executable", mode: 0o644)
        try dir.folder("b/helm")
        let real = try dir.tool("c/helm", "echo v3")
        let lookup = PathResolver(searchPath: "\(dir.path)/a:\(dir.path)/b:\(dir.path)/c").lookup("helm")
        #expect(lookup.resolved == real)
        #expect(lookup.candidates.map(\.outcome) == [.notExecutable, .directory, .match])
    }

    @Test("symlinks are followed and broken ones are reported, not used")
    func symlinks() throws {
        let dir = try TemporaryFolder()
        let target = try dir.tool("real/trivy", "echo Version: 0.50.1")
        try dir.folder("links")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/links/trivy", withDestinationPath: target)
        try dir.folder("broken")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/broken/trivy", withDestinationPath: dir.path + "/nowhere")
        let lookup = PathResolver(searchPath: "\(dir.path)/broken:\(dir.path)/links").lookup("trivy")
        #expect(lookup.candidates.first?.outcome == .brokenSymlink)
        #expect(lookup.resolved == dir.path + "/links/trivy")
    }

    @Test("relative PATH entries are not searched unless allowed")
    func relativeEntries() throws {
        let resolver = PathResolver(searchPath: "/usr/bin::.:bin", fileSystem: FakeFileSystem(executables: ["./kubectl", "/work/kubectl"]))
        #expect(resolver.relativeEntries == ["", ".", "bin"])
        let lookup = resolver.lookup("kubectl")
        #expect(lookup.resolved == nil)
        #expect(lookup.candidates.filter { $0.outcome == .relativeEntrySkipped }.count == 3)
        var allowing = resolver
        allowing.allowRelative = true
        #expect(allowing.lookup("kubectl").resolved == "./kubectl")
    }

    @Test("an empty PATH finds nothing and a missing tool has no match")
    func emptyPath() {
        #expect(PathResolver(searchPath: "/nonexistent-capaudit").lookup("gh").resolved == nil)
        #expect(PathResolver(searchPath: "").lookup("gh").resolved == nil)
    }
}

@Suite struct PathResolverSameFileTests {
    @Test("a second path to the same file (merged /usr, symlinked folder) is not a shadowed copy")
    func sameFileIsNotShadowed() throws {
        let dir = try TemporaryFolder()
        let real = try dir.tool("usr/bin/gh", "echo gh")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/bin", withDestinationPath: dir.path + "/usr/bin")
        let lookup = PathResolver(searchPath: "\(dir.path)/usr/bin:\(dir.path)/bin").lookup("gh")
        #expect(lookup.resolved == real)
        #expect(lookup.shadowed.isEmpty)
        #expect(lookup.candidates.last?.outcome == .sameFile)
    }
}
