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

/// Issue 8: output paths of every shape, kept modes and owners, and the protected_symlinks rule.
@Suite struct AtomicFileHardeningTests {
    @Test("a one-character file name in the current folder is written (it crashed the writer)")
    func oneCharacterName() throws {
        let dir = try TemporaryFolder()
        try AtomicFile.write("one\n", to: dir.path + "/x")
        #expect(try String(contentsOfFile: dir.path + "/x", encoding: .utf8) == "one\n")
        let staged = try AtomicFile.stage(Data("two\n".utf8), to: "y")
        defer { AtomicFile.discard(staged) }
        #expect(staged.target == "y")
        #expect(staged.temporary?.hasPrefix("./.y.capaudit-") == true)
    }

    @Test("a replaced file keeps its mode: a 0600 report stays 0600")
    func keepsMode() throws {
        let dir = try TemporaryFolder()
        let path = try dir.file("private.json", "old", mode: 0o600)
        try AtomicFile.write("new", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }

    @Test("as root, a replaced file keeps its owner and group")
    func keepsOwner() throws {
        guard geteuid() == 0 else { return }
        let dir = try TemporaryFolder()
        let path = try dir.file("theirs.json", "old", mode: 0o640)
        #expect(chown(path, 12345, 23456) == 0)
        try AtomicFile.write("new", to: path)
        var st = stat()
        #expect(stat(path, &st) == 0)
        #expect(st.st_uid == 12345 && st.st_gid == 23456)
        #expect(st.st_mode & 0o7777 == 0o640)
    }

    @Test("a symlink planted by another user in a sticky world-writable folder is not followed; its target is untouched")
    func protectedSymlink() throws {
        guard geteuid() == 0 else { return }
        let dir = try TemporaryFolder()
        let shared = try dir.folder("tmp")
        #expect(chmod(shared, 0o1777) == 0)
        #expect(chown(shared, 23456, 23456) == 0)
        let victim = try dir.file("victim", "precious")
        let link = shared + "/report.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        #expect(lchown(link, 12345, 12345) == 0)
        #expect(throws: OutputFileError.self) { try AtomicFile.write("overwritten", to: link) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        // The folder owner's own link is followed, as the kernel rule does.
        #expect(lchown(link, 23456, 23456) == 0)
        try AtomicFile.write("allowed", to: link)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "allowed")
    }

    @Test("staged files are invisible until committed, and a failed stage leaves nothing")
    func stagedThenCommitted() throws {
        let dir = try TemporaryFolder()
        let a = try AtomicFile.stage(Data("a".utf8), to: dir.path + "/a")
        let b = try AtomicFile.stage(Data("b".utf8), to: dir.path + "/b")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/a"))
        let outcome = AtomicFile.commit([a, b])
        #expect(outcome.written == [dir.path + "/a", dir.path + "/b"])
        #expect(outcome.failure == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a", "b"])
        #expect(throws: OutputFileError.self) { try AtomicFile.stage(Data(), to: dir.path + "/missing/c") }
        #expect(throws: OutputFileError.self) { try AtomicFile.stage(Data(), to: "") }
    }
}
