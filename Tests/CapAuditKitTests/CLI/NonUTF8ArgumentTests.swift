@testable import CapAuditCLI
import CapAuditKit
import Foundation
import Testing

/// Issue 8, class 9 on the command line: an argument whose bytes are not UTF-8 (a file named `\xFF.json`)
/// is refused by name with its bytes escaped (exit 2) before anything is read or written, never turned
/// into U+FFFD and used as another path.
@Suite struct NonUTF8ArgumentTests {
    /// `dir/NAME<0xFF>.json` as the string `HostBytes` carries it (what `CLI.processArguments` gives).
    static func oddPath(_ dir: String, _ name: String) -> String {
        HostBytes.decode(Array((dir + "/" + name).utf8) + [0xFF] + Array(".json".utf8))
    }

    /// The names in `dir`, read as bytes (FileManager would mangle a name that is not UTF-8).
    static func entries(_ dir: String) -> Set<String> {
        LocalFileSystem().directoryEntries(dir) ?? []
    }

    @Test(
        "a path option whose value is not UTF-8 is a usage error naming the option, with the byte escaped, and nothing is written",
        arguments: ["--output", "--catalog", "--config", "--root", "--report"])
    func pathOptionRefused(_ option: String) throws {
        let dir = try TemporaryFolder()
        let odd = Self.oddPath(dir.path, "report")
        let value = option == "--report" ? "json:" + odd : odd
        let r = runInProcess(["scan", "--no-config", option, value].filter { !(option == "--config" && $0 == "--no-config") })
        #expect(r.code == .usage)
        #expect(r.stderr.contains("error: the value of '\(option)' is not UTF-8: \""), "\(r.stderr)")
        #expect(r.stderr.contains("/report\\xFF.json\""), "\(r.stderr)")
        #expect(r.stderr.contains("help: capaudit opens files and folders only by UTF-8 names"), "\(r.stderr)")
        #expect(!r.stderr.unicodeScalars.contains(where: HostBytes.isRawByte))
        #expect(r.stdout.isEmpty)
        #expect(Self.entries(dir.path).isEmpty)
    }

    @Test("--output=VALUE, a positional file, the command name and help's argument are checked too")
    func everyArgumentChecked() throws {
        let dir = try TemporaryFolder()
        let odd = Self.oddPath(dir.path, "r")
        let cases: [([String], String)] = [
            (["scan", "--output=" + odd], "the value of '--output'"),
            (["merge", odd], "argument 2"),
            (["diff", dir.path + "/a.json", odd], "argument 3"),
            (["scan", "--no-config", HostBytes.decode(Array("--out".utf8) + [0xFF])], "the option at argument 3"),
            ([odd], "the command name"),
            (["help", odd], "argument 2"),
        ]
        for (arguments, role) in cases {
            let r = runInProcess(arguments)
            #expect(r.code == .usage, "\(arguments)")
            #expect(r.stderr.contains("error: \(role) is not UTF-8: "), "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("\\xFF"), "\(arguments): \(r.stderr)")
        }
        #expect(Self.entries(dir.path).isEmpty)
    }

    @Test("a backslash in the argument is shown doubled, so each \\xFF shown is a byte")
    func backslashUnambiguous() {
        let argument = HostBytes.decode(Array(#"a\xFFb"#.utf8) + [0xFF])
        let text = UsageError.notUTF8(argument, role: "argument 2", command: "merge").description
        #expect(text.contains(#""a\\xFFb\xFF""#), "\(text)")
    }

    @Test("a path in UTF-8 with non-ASCII characters is used as given")
    func utf8Accepted() throws {
        let dir = try TemporaryFolder()
        let path = dir.path + "/plän-ü.md"
        let r = runInProcess(["plan", "--catalog", Fixtures.url("catalogs/mini").path, "--no-config", "--output", path])
        #expect(r.code == .success, "\(r.stderr)")
        #expect(Self.entries(dir.path) == ["plän-ü.md"])
    }

    @Test("end to end: `capaudit scan --output DIR/report<0xFF>.json` with that byte in argv exits 2, writes no file, and says why")
    func builtBinaryRefusesRawBytes() throws {
        let dir = try TemporaryFolder()
        try dir.folder("empty")
        let mini = Fixtures.url("catalogs/mini").path
        // ProbeRunner hands the argument to posix_spawn as its bytes: 0xFF, not U+FFFD.
        let r = CapauditBinary.run(
            ["scan", "--no-config", "--catalog", mini, "--output", Self.oddPath(dir.path, "report")],
            environment: ["PATH": dir.path + "/empty"], cwd: dir.path)
        #expect(r.exitCode == 2, "\(r.stderr)")
        #expect(r.stderr.contains("error: the value of '--output' is not UTF-8: \"" + dir.path + "/report\\xFF.json\""), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(Self.entries(dir.path) == ["empty"])
    }
}
