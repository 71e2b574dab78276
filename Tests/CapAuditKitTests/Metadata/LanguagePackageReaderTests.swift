@testable import CapAuditKit
import Foundation
import Testing

@Suite struct LanguagePackageReaderTests {
    /// A venv as pip makes it: a console script naming the venv's python, and a dist-info.
    func venv(_ folder: TemporaryFolder) throws -> String {
        let venv = try folder.folder("venv")
        try folder.file("venv/pyvenv.cfg", "version = 3.11.7\n")
        try FileManager.default.createDirectory(atPath: venv + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: venv + "/bin/python3", withDestinationPath: "/usr/bin/python3")
        try folder.file("venv/bin/semgrep", "#!\(venv)/bin/python3\nimport sys\n", mode: 0o755)
        let site = "venv/lib/python3.11/site-packages"
        try folder.file("\(site)/semgrep-1.2.3.dist-info/METADATA", "Metadata-Version: 2.1\nName: semgrep\nVersion: 1.2.3\n\nVersion: 9.9.9\n")
        try folder.file("\(site)/semgrep-1.2.3.dist-info/entry_points.txt", "[console_scripts]\nsemgrep = semgrep.main:main\n\n[other]\npy-spy = x:y\n")
        // A binary wheel: the executable is not a script; only RECORD ties it to its distribution.
        try folder.file("venv/bin/py-spy", "\u{7f}ELF....", mode: 0o755)
        try folder.file("\(site)/py_spy-0.4.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: py-spy\nVersion: 0.4.0\n")
        try folder.file("\(site)/py_spy-0.4.0.dist-info/RECORD", "py_spy-0.4.0.dist-info/METADATA,sha256=x,10\n../../../bin/py-spy,sha256=y,12345\n")
        return venv
    }

    @Test("a console script leads through its shebang to the distribution and its version")
    func consoleScript() throws {
        let folder = try TemporaryFolder()
        let venv = try venv(folder)
        let dist = try #require(PythonDistributionReader(view: LocalFileSystem()).distribution(forExecutable: venv + "/bin/semgrep", command: "semgrep"))
        #expect(dist.name == "semgrep")
        #expect(dist.version == "1.2.3")
        #expect(dist.matchedBy == "entry_points.txt")
    }

    @Test("a binary wheel's executable is found through RECORD")
    func binaryWheel() throws {
        let folder = try TemporaryFolder()
        let venv = try venv(folder)
        let dist = try #require(PythonDistributionReader(view: LocalFileSystem()).distribution(forExecutable: venv + "/bin/py-spy", command: "py-spy"))
        #expect(dist.name == "py-spy")
        #expect(dist.version == "0.4.0")
        #expect(dist.matchedBy == "RECORD")
    }

    @Test("one scan reads each RECORD once, however many executables of the environment it looks up")
    func recordReadOncePerScan() throws {
        let folder = try TemporaryFolder()
        let venv = try venv(folder)
        let site = "venv/lib/python3.11/site-packages"
        var executables: [(path: String, command: String)] = [(venv + "/bin/py-spy", "py-spy"), (venv + "/bin/semgrep", "semgrep")]
        for name in ["k6", "sops", "dbmate"] {
            try folder.file("venv/bin/\(name)", "\u{7f}ELF....", mode: 0o755)
            try folder.file("\(site)/\(name)-1.0.\(name.count).dist-info/METADATA", "Metadata-Version: 2.1\nName: \(name)\nVersion: 1.0.\(name.count)\n")
            try folder.file("\(site)/\(name)-1.0.\(name.count).dist-info/RECORD", "../../../bin/\(name),sha256=y,1\n")
            executables.append((venv + "/bin/" + name, name))
        }
        let counting = ReadCountingView()
        let sources = ToolMetadataReader(view: counting).sources(for: executables)
        let versions = sources.map { $0.first { $0.kind == .pythonDistInfo }?.version }
        #expect(versions == ["0.4.0", "1.2.3", "1.0.2", "1.0.4", "1.0.6"])
        let records = counting.reads.filter { $0.hasSuffix("/RECORD") }
        #expect(records.count == 4)
        #expect(Set(records).count == records.count)
    }

    @Test("pip's long-shebang form names the interpreter on the second line")
    func longShebang() throws {
        let folder = try TemporaryFolder()
        let venv = try venv(folder)
        let other = try folder.file("elsewhere/bin/semgrep", "#!/bin/sh\n'''exec' \"\(venv)/bin/python3\" \"$0\" \"$@\"\n' '''\nimport sys\n", mode: 0o755)
        let dist = PythonDistributionReader(view: LocalFileSystem()).distribution(forExecutable: other, command: "semgrep")
        #expect(dist?.version == "1.2.3")
    }

    @Test("a script that is not Python gives nothing")
    func notPython() throws {
        let folder = try TemporaryFolder()
        let tool = try folder.tool("bin/semgrep", "echo 1")
        #expect(PythonDistributionReader(view: LocalFileSystem()).distribution(forExecutable: tool, command: "semgrep") == nil)
    }

    @Test("an npm global install links bin/NAME into the package, whose package.json has the version")
    func npm() throws {
        let folder = try TemporaryFolder()
        try folder.file("prefix/lib/node_modules/@redocly/cli/bin/cli.js", "#!/usr/bin/env node\n", mode: 0o755)
        try folder.file("prefix/lib/node_modules/@redocly/cli/package.json", #"{"name": "@redocly/cli", "version": "1.25.3", "bin": {"redocly": "bin/cli.js"}}"#)
        try folder.folder("prefix/bin")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/prefix/bin/redocly", withDestinationPath: "../lib/node_modules/@redocly/cli/bin/cli.js")
        let package = try #require(NpmPackageReader(view: LocalFileSystem()).package(forExecutable: folder.path + "/prefix/bin/redocly"))
        #expect(package.name == "@redocly/cli")
        #expect(package.version == "1.25.3")
        try folder.file("prefix/lib/node_modules/broken/bin/x", "", mode: 0o755)
        try folder.file("prefix/lib/node_modules/broken/package.json", "{not json")
        #expect(NpmPackageReader(view: LocalFileSystem()).package(forExecutable: folder.path + "/prefix/lib/node_modules/broken/bin/x") == nil)
    }

    @Test("a pyenv shim is followed only to the version its files select")
    func pyenvShim() throws {
        let folder = try TemporaryFolder()
        let root = folder.path + "/.pyenv"
        try folder.file(".pyenv/shims/bandit", "#!/usr/bin/env bash\nset -e\nexport PYENV_ROOT=\"\(root)\"\nexec \"/usr/bin/pyenv\" exec \"$program\" \"$@\"\n", mode: 0o755)
        try folder.file(".pyenv/versions/3.11.7/bin/bandit", "#!\(root)/versions/3.11.7/bin/python3.11\n", mode: 0o755)
        try folder.file(".pyenv/versions/3.11.7/lib/python3.11/site-packages/bandit-1.8.6.dist-info/METADATA", "Name: bandit\nVersion: 1.8.6\n")
        try folder.file(".pyenv/versions/3.11.7/lib/python3.11/site-packages/bandit-1.8.6.dist-info/entry_points.txt", "[console_scripts]\nbandit = bandit.cli.main:main\n")
        var reader = ToolMetadataReader(view: LocalFileSystem(), environment: [:], currentDirectory: folder.path + "/project")
        // No version file: not decidable without running pyenv.
        let unknown = reader.sources(forExecutable: root + "/shims/bandit", command: "bandit")
        #expect(unknown.map(\.kind) == [.pyenvShim])
        #expect(unknown.first?.version == nil)
        try folder.file(".pyenv/version", "3.11.7\n")
        reader = ToolMetadataReader(view: LocalFileSystem(), environment: [:], currentDirectory: folder.path + "/project")
        let known = reader.sources(forExecutable: root + "/shims/bandit", command: "bandit")
        #expect(known.map(\.kind) == [.pyenvShim, .pythonDistInfo])
        #expect(known.last?.version == "1.8.6")
        // PYENV_VERSION naming the system Python: whatever PATH finds next, not decidable here.
        reader.environment = ["PYENV_VERSION": "system"]
        #expect(reader.sources(forExecutable: root + "/shims/bandit", command: "bandit").map(\.kind) == [.pyenvShim])
    }
}

/// The live filesystem, recording every file read.
final class ReadCountingView: FileReading, @unchecked Sendable {
    private let lock = NSLock()
    private var log: [String] = []
    var reads: [String] { lock.lock(); defer { lock.unlock() }; return log }

    func readBytes(_ path: String, offset: UInt64, count: Int) -> [UInt8]? {
        lock.lock(); log.append(path); lock.unlock()
        return LocalFileSystem().readBytes(path, offset: offset, count: count)
    }
    func fileSize(_ path: String) -> UInt64? { LocalFileSystem().fileSize(path) }
    func folderEntries(_ path: String) -> [String]? { LocalFileSystem().folderEntries(path) }
    func linkTarget(_ path: String) -> String? { LocalFileSystem().linkTarget(path) }
    var confinesToRoot: Bool { false }
}
