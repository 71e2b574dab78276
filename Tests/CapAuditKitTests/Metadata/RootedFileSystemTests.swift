@testable import CapAuditKit
import Foundation
import Testing

@Suite struct RootedFileSystemTests {
    @Test("an absolute link target is taken relative to the root, not the host")
    func absoluteLinkInsideRoot() throws {
        let folder = try TemporaryFolder()
        try folder.tool("root/usr/lib/kcat/kcat", "echo hi")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/root/usr/bin", withDestinationPath: "/usr/lib/kcat")
        let view = RootedFileSystem(root: folder.path + "/root/")
        #expect(view.resolve("/usr/bin/kcat") == .resolved(path: "/usr/lib/kcat/kcat", hops: ["/usr/bin"]))
        #expect(view.status("/usr/bin/kcat")?.kind == .regular)
        #expect(view.isExecutableByUser("/usr/bin/kcat"))
        #expect(view.readSmallText("/usr/bin/kcat", limit: 100) == "#!/bin/sh\necho hi\n")
    }

    @Test("a relative link that climbs out of the root is refused and explained")
    func escapeRefused() throws {
        let folder = try TemporaryFolder()
        try folder.file("secret", "host file")
        try folder.folder("root/usr/bin")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/root/usr/bin/evil", withDestinationPath: "../../../secret")
        let view = RootedFileSystem(root: folder.path + "/root")
        #expect(view.resolve("/usr/bin/evil") == .escapesRoot(link: "/usr/bin/evil", target: "../../../secret"))
        #expect(view.status("/usr/bin/evil") == nil)
        #expect(view.readBytes("/usr/bin/evil", offset: 0, count: 10) == nil)
        #expect(view.isBrokenSymlink("/usr/bin/evil"))
        #expect(view.refusal("/usr/bin/evil")?.contains("outside the root") == true)
    }

    @Test("a symlink loop ends in an answer")
    func loop() throws {
        let folder = try TemporaryFolder()
        try folder.folder("root/bin")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/root/bin/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/root/bin/b", withDestinationPath: "/bin/a")
        let view = RootedFileSystem(root: folder.path + "/root")
        #expect(view.resolve("/bin/a") == .tooManyLinks(path: "/bin/a"))
        #expect(view.status("/bin/a") == nil)
    }

    @Test("PATH lookup through a root view finds the root's tools and not the host's")
    func lookupInsideRoot() throws {
        let folder = try TemporaryFolder()
        try folder.file("root/usr/bin/redis-cli", "\u{7f}ELF", mode: 0o755)
        try folder.file("root/usr/bin/notes", "text", mode: 0o644)
        let view = RootedFileSystem(root: folder.path + "/root")
        let resolver = PathResolver(searchPath: "/usr/local/bin:/usr/bin:/bin", fileSystem: view)
        #expect(resolver.lookup("redis-cli").resolved == "/usr/bin/redis-cli")
        #expect(resolver.lookup("notes").resolved == nil)
        #expect(resolver.lookup("sh").resolved == nil)
    }

    @Test("on the live host .. at / stays at /, as the kernel does")
    func liveDotDot() {
        #expect(LocalFileSystem().resolve("/../../tmp/..").path == "/")
    }
}
