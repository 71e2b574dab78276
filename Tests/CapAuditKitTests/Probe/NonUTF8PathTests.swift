import Foundation
import Glibc
import Testing
@testable import CapAuditKit

/// File operations on raw byte paths, written without `HostBytes` (the code under test).
private enum RawPath {
    static func c(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    static func makeFolder(_ path: [UInt8]) -> Bool { mkdir(c(path), 0o755) == 0 }

    static func write(_ path: [UInt8], _ text: String, mode: mode_t) -> Bool {
        let fd = open(c(path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count && fchmod(fd, mode) == 0
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    static func remove(file: [UInt8], folder: [UInt8]) {
        unlink(c(file))
        rmdir(c(folder))
    }
}

/// A folder `bin<0xFF><0xC3>` (not UTF-8) under `dir` holding `odd-tool`, which records the bytes of
/// `CAPAUDIT_TEST_VALUE` in `CAPAUDIT_TEST_OUT` and prints a version.
private struct OddFolder {
    let folder: [UInt8]
    let tool: [UInt8]

    init(in dir: TemporaryFolder) throws {
        folder = Array((dir.path + "/bin").utf8) + [0xFF, 0xC3]
        tool = folder + Array("/odd-tool".utf8)
        guard RawPath.makeFolder(folder),
            RawPath.write(
                tool,
                """
                #!/bin/sh
                printf '%s' "$CAPAUDIT_TEST_VALUE" > "$CAPAUDIT_TEST_OUT"
                echo "odd-tool 1.2.3"
                """, mode: 0o755)
        else { throw POSIXError(.EIO) }
    }

    func remove() { RawPath.remove(file: tool, folder: folder) }
}

/// An environment value that is not UTF-8 (a lone 0xFE, a broken two-byte and a truncated three-byte sequence).
private let oddValue: [UInt8] = [0x61, 0xFE, 0x62, 0xC3, 0x28, 0xE2, 0x82]

extension ProcessHeavySuites {
    @Suite struct NonUTF8PathTests {
        @Test("in process: a PATH folder whose name is not UTF-8 is searched, and its tool runs with an environment value byte-exact")
        func resolveAndRun() throws {
            let dir = try TemporaryFolder()
            let odd = try OddFolder(in: dir)
            defer { odd.remove() }
            let folder = HostBytes.decode(odd.folder)
            let lookup = PathResolver(searchPath: "/usr/bin:" + folder).lookup("odd-tool")
            #expect(lookup.resolved == folder + "/odd-tool")
            let out = dir.path + "/value"
            let output = ProbeRunner().run(
                ProbeRequest(
                    executable: lookup.resolved ?? "", arguments: ["--version"],
                    environment: [
                        "PATH": "/usr/bin:/bin", "CAPAUDIT_TEST_OUT": out,
                        "CAPAUDIT_TEST_VALUE": HostBytes.decode(oddValue),
                    ]))
            #expect(output.exitCode == 0)
            #expect(String(decoding: output.stdout, as: UTF8.self) == "odd-tool 1.2.3\n")
            #expect(RawPath.read(out) == oddValue)
        }

        @Test("capaudit finds a tool in a PATH folder named with bytes 0xFF 0xC3, passes an environment value byte-exact, and shows the path as \\xFF\\xC3 in every report format")
        func scanWithOddFolder() throws {
            let dir = try TemporaryFolder()
            let odd = try OddFolder(in: dir)
            defer { odd.remove() }
            let catalog = try dir.file(
                "catalog.json",
                """
                { "schemaVersion": 1,
                  "area": { "id": "odd", "name": "Odd", "priority": "high", "rank": 1, "phase": 1, "why": "w", "impact": "i",
                            "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["odd-tool"] } ] },
                  "tools": [ { "id": "odd-tool", "name": "odd-tool", "summary": "Odd.", "homepage": "https://example.com",
                               "probes": [ { "command": "odd-tool", "args": ["--version"] } ] } ] }
                """)
            let formats = ["json", "text", "markdown", "junit", "prometheus"]
            var arguments = ["scan", "--no-config", "--catalog", catalog, "--format", "json", "--output", dir.path + "/report.json"]
            for format in formats where format != "json" { arguments += ["--report", "\(format):\(dir.path)/report.\(format)"] }
            let environment: [[UInt8]] = [
                Array("PATH=/usr/bin:/bin:".utf8) + odd.folder,
                Array("HOME=\(dir.path)".utf8),
                Array("CAPAUDIT_TEST_OUT=\(dir.path)/value".utf8),
                Array("CAPAUDIT_TEST_VALUE=".utf8) + oddValue,
            ]
            let status = try runBinary(arguments, environment: environment)
            #expect(status == 0)
            #expect(RawPath.read(dir.path + "/value") == oddValue, "the probe did not get the value's bytes")

            let shown = dir.path + "/bin\\xFF\\xC3/odd-tool"
            let json = try JSONSerialization.jsonObject(with: Data(RawPath.read(dir.path + "/report.json") ?? [])) as? [String: Any]
            let tool = ((json?["areas"] as? [[String: Any]])?.first?["tools"] as? [[String: Any]])?.first
            #expect(tool?["status"] as? String == "present")
            #expect(tool?["version"] as? String == "1.2.3")
            #expect(tool?["path"] as? String == shown)
            for format in formats {
                let bytes = RawPath.read("\(dir.path)/report.\(format)") ?? []
                let text = String(validating: bytes, as: UTF8.self)
                #expect(text != nil, "the \(format) report is not UTF-8")
                guard let text else { continue }
                #expect(!text.unicodeScalars.contains { HostBytes.isRawByte($0) || $0 == "\u{FFFD}" }, "\(format) carries raw or replaced bytes")
                if format != "prometheus" { #expect(text.contains("bin\\xFF\\xC3") || text.contains("bin\\\\xFF\\\\xC3"), "\(format) does not show the path escaped") }
                #expect(text.contains("1.2.3"), "\(format) lacks the version")
            }
        }
    }
}

/// Runs the built capaudit with an environment given as raw bytes, stdout and stderr to /dev/null;
/// returns its exit status (killed after 60 s).
private func runBinary(_ arguments: [String], environment: [[UInt8]]) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in [Int32(0), 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
    let argv: [UnsafeMutablePointer<CChar>?] = ([CapauditBinary.path] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] =
        environment.map { bytes in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { copy[i] = CChar(bitPattern: b) }
            copy[bytes.count] = 0
            return copy
        } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { $0?.deallocate() }
    }
    var pid: pid_t = 0
    let code = posix_spawn(&pid, CapauditBinary.path, &actions, nil, argv, envp)
    guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
    var status: Int32 = 0
    let end = Date().addingTimeInterval(60)
    while waitpid(pid, &status, WNOHANG) == 0 {
        if Date() > end {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            return -1
        }
        usleep(5_000)
    }
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}
