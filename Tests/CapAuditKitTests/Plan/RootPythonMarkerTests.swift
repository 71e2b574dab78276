import CapAuditKit
import Foundation
import Testing

/// `plan --root DIR` decides PEP 668 from DIR's own Python, never from the host's.
@Suite struct RootPythonMarkerTests {
    /// A root whose `/usr/bin/python3` is an absolute link to `/usr/bin/python3.99`, a version no
    /// host has: followed on the host, the link would lead nowhere (or to the host's own Python).
    func root() throws -> TemporaryFolder {
        let root = try TemporaryFolder()
        try root.tool("usr/bin/python3.99", "exit 0")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/usr/bin/python3", withDestinationPath: "/usr/bin/python3.99")
        try root.file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
        return root
    }

    @Test("plan --root: the root's python3 has an EXTERNALLY-MANAGED file, found through the root's own links")
    func markerInsideRoot() throws {
        let dir = try root()
        try dir.file("usr/lib/python3.99/EXTERNALLY-MANAGED", "[externally-managed]\n")
        let host = try HostEnvironment.detect(
            osReleasePath: dir.path + "/etc/os-release", searchPath: "/usr/bin",
            fileSystem: RootedFileSystem(root: dir.path))
        #expect(host.pythonExternallyManaged)
        #expect(host.externallyManagedMarker == "/usr/lib/python3.99/EXTERNALLY-MANAGED")
    }

    @Test("plan --root: a root whose Python has no EXTERNALLY-MANAGED is not externally managed, whatever the host's Python says")
    func noMarkerInsideRoot() throws {
        let dir = try root()
        // On a Debian 12 host, /usr/lib/python3.11/EXTERNALLY-MANAGED exists; it says nothing about the root.
        let rooted = RootedFileSystem(root: dir.path)
        #expect(HostEnvironment.externallyManagedMarker(python: "/usr/bin/python3", view: rooted) == nil)
        let host = try HostEnvironment.detect(osReleasePath: dir.path + "/etc/os-release", searchPath: "/usr/bin", fileSystem: rooted)
        #expect(!host.pythonExternallyManaged)
        #expect(host.externallyManagedMarker == nil)
    }

    @Test("plan --root: a root with no python3 at all is not externally managed")
    func noPythonInsideRoot() throws {
        let dir = try TemporaryFolder()
        try dir.file("etc/os-release", "ID=debian\n")
        try dir.folder("usr/bin")
        let host = try HostEnvironment.detect(
            osReleasePath: dir.path + "/etc/os-release", searchPath: "/usr/bin",
            fileSystem: RootedFileSystem(root: dir.path))
        #expect(!host.pythonExternallyManaged)
    }
}
