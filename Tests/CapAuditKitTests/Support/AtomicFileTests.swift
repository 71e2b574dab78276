import CapAuditKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct AtomicFileTests {
    @Test("a report replaces the old file whole and leaves no temporary file")
    func replaces() throws {
        let dir = try TemporaryFolder()
        let path = try dir.file("r.json", "old")
        try AtomicFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.json"])
    }

    @Test("writing to a device such as /dev/null writes to it and leaves it a device")
    func device() throws {
        try AtomicFile.write("discarded\n", to: "/dev/null")
        var st = stat()
        #expect(stat("/dev/null", &st) == 0)
        #expect(st.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("writing through a symlink replaces its target and keeps the link")
    func symlink() throws {
        let dir = try TemporaryFolder()
        let target = try dir.file("reports/real.md", "old")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/latest.md", withDestinationPath: target)
        try AtomicFile.write("new", to: dir.path + "/latest.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/latest.md") == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test("a folder is refused with a clear reason")
    func folder() throws {
        let dir = try TemporaryFolder()
        #expect(throws: OutputFileError(path: dir.path, reason: "it is a folder")) { try AtomicFile.write("x", to: dir.path) }
    }
}
