import CapAuditKit
import Foundation
import Synchronization
import Testing

/// A filesystem that counts the calls PATH lookup makes: each folder should be listed once per resolver and
/// only names that are in a listing should be `stat`ed.
final class CountingFileSystem: FileSystemView {
    let folders: [String: Set<String>]
    let unlistable: Set<String>
    let calls = Mutex<(status: Int, listings: [String: Int])>((0, [:]))

    init(folders: [String: Set<String>], unlistable: Set<String> = []) {
        self.folders = folders
        self.unlistable = unlistable
    }

    func status(_ path: String) -> FileStatus? {
        calls.withLock { $0.status += 1 }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return folders[folder]?.contains(name) == true ? FileStatus(kind: .regular, mode: 0o755) : nil
    }
    func isBrokenSymlink(_ path: String) -> Bool { false }
    func isExecutableByUser(_ path: String) -> Bool { status(path) != nil }
    func currentDirectory() -> String { "/work" }
    func directoryEntries(_ path: String) -> Set<String>? {
        calls.withLock { $0.listings[path, default: 0] += 1 }
        return unlistable.contains(path) ? nil : folders[path]
    }
}

@Suite struct PathFolderListingTests {
    static let path = (1...20).map { "/p\($0)" }.joined(separator: ":")

    @Test("each PATH folder is listed once, however many tools are looked up")
    func eachFolderListedOnce() {
        var folders: [String: Set<String>] = [:]
        for i in 1...20 { folders["/p\(i)"] = ["filler\(i)"] }
        folders["/p7"] = ["kubectl", "helm"]
        let fs = CountingFileSystem(folders: folders)
        let resolver = PathResolver(searchPath: Self.path, fileSystem: fs)
        let commands = (1...100).map { "tool\($0)" } + ["kubectl", "helm"]
        for command in commands { _ = resolver.lookup(command) }
        #expect(resolver.lookup("kubectl").resolved == "/p7/kubectl")
        let calls = fs.calls.withLock { $0 }
        #expect(calls.listings.count == 20)
        #expect(calls.listings.values.allSatisfy { $0 == 1 })
        // Only the names present in a listing are stat'ed: kubectl and helm (twice for kubectl's
        // identity and access checks at most), not 102 names × 20 folders.
        #expect(calls.status < 20, "status calls: \(calls.status)")
    }

    @Test("a folder that cannot be listed (execute-only) is looked up name by name")
    func unlistableFolderFallsBack() {
        let fs = CountingFileSystem(folders: ["/xonly": ["trivy"], "/open": []], unlistable: ["/xonly"])
        let resolver = PathResolver(searchPath: "/open:/xonly", fileSystem: fs)
        #expect(resolver.lookup("trivy").resolved == "/xonly/trivy")
        #expect(resolver.lookup("grype").resolved == nil)
        let calls = fs.calls.withLock { $0 }
        #expect(calls.listings["/xonly"] == 1)
        #expect(calls.status >= 2, "both names were stat'ed in the folder that could not be listed")
    }

    @Test("a real folder's listing finds real executables and misses absent names without stat")
    func realFolder() throws {
        let dir = try TemporaryFolder()
        let tool = try dir.tool("bin/k6", "echo k6 v0.49.0")
        let listed = LocalFileSystem().directoryEntries(dir.path + "/bin")
        #expect(listed == ["k6"])
        let resolver = PathResolver(searchPath: dir.path + "/bin")
        #expect(resolver.lookup("k6").resolved == tool)
        #expect(resolver.lookup("k6").candidates.map(\.outcome) == [.match])
        #expect(resolver.lookup("wrk").candidates.map(\.outcome) == [.absent])
    }
}
