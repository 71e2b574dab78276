import CapAuditKit
import Testing

@Suite struct VersionTests {
    @Test(
        "orders real version strings",
        arguments: [
            ("1.28.2", "v1.28.10"),
            ("2.4.1-rc.1", "2.4.1"),
            ("2.4.1-rc.1", "2.4.1-rc.2"),
            ("2.4.1-alpha", "2.4.1-beta"),
            ("1.0b2", "1.0"),
            ("20.10.17", "28.2.2"),
            ("1.2.3.4", "1.2.3.5"),
            ("2023.10.01", "2024.01.15"),
            ("0.9", "0.10"),
            ("1.2", "1.2.1"),
            ("3.11.7", "3.12.0rc1"),
        ])
    func ordering(lower: String, higher: String) throws {
        let a = try #require(Version(lower))
        let b = try #require(Version(higher))
        #expect(a < b)
        #expect(!(b < a))
    }

    @Test("treats equal versions as equal", arguments: [("1.2.3+build.5", "1.2.3"), ("v1.2", "1.2.0"), ("V2.0.0", "2.0.0+abc")])
    func equality(a: String, b: String) throws {
        #expect(try #require(Version(a)) == #require(Version(b)))
    }

    @Test("refuses text that does not start with a number", arguments: ["", "abc", "v", "-1.2", "version"])
    func notVersions(text: String) {
        #expect(Version(text) == nil)
    }

    @Test("placeholders are not versions", arguments: ["0.0.0", "unknown", "dev", "(devel)", "", "083f676", "v0.0.0-dev", "deadbeefcafe"])
    func placeholders(text: String) {
        if case .version = VersionParser.classify(text) { Issue.record("\(text) was taken as a version") }
    }

    @Test("dates and short numbers are versions", arguments: ["20231001", "1.0", "7.0.15", "3.11.7,"])
    func realOnes(text: String) {
        guard case .version = VersionParser.classify(text) else { Issue.record("\(text) was not taken as a version"); return }
    }

    @Test("the default pattern skips words and takes the first dotted number")
    func defaultPattern() {
        #expect(VersionParser.parse(stdout: "Docker version 28.2.2, build e6534b4\n", stderr: "", pattern: nil) == .version(Version("28.2.2")!))
        #expect(VersionParser.parse(stdout: "", stderr: "openjdk version \"17.0.15\" 2025-04-15\n", pattern: nil) == .version(Version("17.0.15")!))
        #expect(VersionParser.parse(stdout: "no numbers here\n", stderr: "", pattern: nil) == .none)
    }
}
