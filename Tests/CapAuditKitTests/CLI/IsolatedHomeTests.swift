import Foundation
import Testing
@testable import CapAuditKit

extension ProcessHeavySuites {
    @Suite struct IsolatedHomeTests {
        /// A fake tool that, asked its version, writes `$HOME/.toolrc` and a file under `$XDG_CONFIG_HOME`, and
        /// records the HOME it saw in `seen`.
        private func setUp(_ dir: TemporaryFolder) throws -> (catalog: String, home: String, seen: String) {
            let seen = dir.path + "/seen-home"
            try dir.tool(
                "bin/nosy",
                """
                echo "$HOME" > \(seen)
                echo 'configured=yes' > "$HOME/.toolrc"
                mkdir -p "${XDG_CONFIG_HOME:-$HOME/.config}/nosy" && echo x > "${XDG_CONFIG_HOME:-$HOME/.config}/nosy/state"
                echo 'nosy 3.1.4'
                """)
            let catalog = try dir.file(
                "catalog.json",
                """
                { "schemaVersion": 1,
                  "area": { "id": "nosy-area", "name": "Nosy", "priority": "medium", "rank": 1, "phase": 1, "why": "w", "impact": "i",
                            "useCases": ["u"], "capabilities": [ { "id": "c", "name": "C", "tools": ["nosy"] } ] },
                  "tools": [ { "id": "nosy", "name": "nosy", "summary": "Writes to HOME.", "homepage": "https://example.com",
                               "probes": [ { "command": "nosy", "args": ["--version"] } ] } ] }
                """)
            let home = try dir.folder("home")
            return (catalog, home, seen)
        }

        @Test("--isolated-home: the real HOME stays untouched, the tool still runs, and the throwaway home is removed")
        func isolated() throws {
            let dir = try TemporaryFolder()
            let (catalog, home, seen) = try setUp(dir)
            let r = CapauditBinary.run(
                ["scan", "--catalog", catalog, "--format", "json", "--isolated-home"],
                environment: [
                    "PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home + "/.config",
                    "TMPDIR": dir.path,
                ])
            #expect(r.exitCode == 0, "\(r.stderr)")
            #expect(r.stdout.contains("\"3.1.4\""), "the probe ran and its version was read")
            #expect(r.stdout.contains("\"isolatedHome\" : true") || r.stdout.contains("\"isolatedHome\": true"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty, "the real HOME was written to")
            let throwaway = try String(contentsOfFile: seen, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(throwaway != home)
            #expect(throwaway.contains("capaudit-home-"))
            #expect(!FileManager.default.fileExists(atPath: throwaway), "the throwaway home \(throwaway) was not removed")
            // It was made under TMPDIR, and nothing else was left there.
            #expect(throwaway.hasPrefix(dir.path + "/"))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("capaudit-home-") }
            #expect(leftovers.isEmpty)
        }

        @Test("without --isolated-home the same tool writes to the real HOME (the control case)")
        func notIsolated() throws {
            let dir = try TemporaryFolder()
            let (catalog, home, seen) = try setUp(dir)
            let r = CapauditBinary.run(
                ["scan", "--catalog", catalog, "--format", "json"],
                environment: ["PATH": dir.path + "/bin:/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home + "/.config"])
            #expect(r.exitCode == 0)
            #expect(try String(contentsOfFile: seen, encoding: .utf8) == home + "\n")
            #expect(FileManager.default.fileExists(atPath: home + "/.toolrc"))
            #expect(FileManager.default.fileExists(atPath: home + "/.config/nosy/state"))
        }
    }
}
