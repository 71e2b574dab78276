import Foundation
import Testing
@testable import CapAuditKit

/// Inputs found by the libFuzzer harness (Tests/Fuzz/FuzzCatalog.swift, run by Tests/fuzz.sh), kept so the
/// bugs they exposed stay fixed. Each test replays what the harness does with the input.
@Suite struct FuzzRegressionTests {
    /// What the fuzz entry checks for every pair of versions it reads: exactly one of <, >, == holds, and
    /// equal versions hash alike.
    private func checkConsistent(_ versions: [Version]) {
        for a in versions {
            #expect(a == a && !(a < a))
            for b in versions {
                let relations = [a < b, b < a, a == b].filter { $0 }.count
                #expect(relations == 1, "\(a) vs \(b)")
                if a == b { #expect(a.hashValue == b.hashValue, "\(a) == \(b) but they hash differently") }
            }
        }
    }

    @Test("crash 1 (minimised to \"1r0\\n1r00\"): versions equal by comparison hashed differently")
    func numericPrereleaseHash() throws {
        // Version compares numeric pre-release identifiers by value (0 == 00) but hashed their text, so a
        // Set or Dictionary could hold two "equal" versions. Found from a recorded istioctl output.
        let input = "1r0\n1r00"
        let versions = input.split(separator: "\n").compactMap { Version(String($0)) }
        try #require(versions.count == 2)
        #expect(versions[0] == versions[1])
        #expect(Set(versions).count == 1)
        checkConsistent(versions)
    }

    @Test("crash 1, the input as found: every version token in it is consistently ordered and hashed")
    func numericPrereleaseHashOriginal() throws {
        let data = Data(
            base64Encoded:
                "Y2xpZW50IHZlcnNpb246IDEuMi4wLXJjLjAKY2l0YWRlbCB2ZXJzaW9uOiBzaW9uOiAxLjIuMC1yYy4wCmNpdGFkZWwgdmVyc2lvbjogMS4yLjAtcmMuMAplZ3Jlc3NnYXRld2F5IHZlcnNpb246IDEuMi4wLXJjLjAKZ2FsbGV5IHZlcnNpb246IDEuMi4wLXJjLjAwCnBpbG90IHZlcm9uOiAxLjIuMC1yYy4wCnNpZGVjYXItaW5qZWN0b3IgdmVyc2lvbjogMS4yLjAtcmMuMAp0ZWxlbWV0cnkgdmVyc2lvbjogMS4yLjAtcmMuMAoA"
        )
        let text = String(decoding: try #require(data), as: UTF8.self)
        let versions = text.split(separator: "\n").flatMap { $0.split(separator: " ") }.compactMap { Version(String($0)) }
        #expect(versions.contains(Version("1.2.0-rc.00")!))
        checkConsistent(versions)
        // The rest of the harness on the same bytes: no trap, and a catalog error rather than a crash.
        #expect(VersionParser.parse(stdout: text, stderr: "", pattern: nil) == .version(Version("1.2.0-rc.0")!))
        #expect(throws: CatalogError.self) { try CatalogLoader.parse([CatalogSource(name: "fuzz.json", data: data!)]) }
    }

    @Test("pre-release identifiers: numeric ones hash by value, others ignoring case")
    func prereleaseHashing() {
        let pairs: [(String, String)] = [("1.0-rc.1", "1.0-rc.01"), ("2.0.0-RC1", "2.0.0-rc1"), ("1.0", "1.0.0"), ("3-beta.007", "3.0-beta.7")]
        for (x, y) in pairs {
            let a = Version(x)!, b = Version(y)!
            #expect(a == b, "\(x) vs \(y)")
            #expect(a.hashValue == b.hashValue, "\(x) vs \(y)")
        }
        #expect(Version("1.0-rc.1")! != Version("1.0-rc.10")!)
    }
}
