import CapAuditCLI
import CapAuditKit
import Foundation
import Testing

@Suite struct ReadmeExampleTests {
    static let readme = (try? String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    static func blocks(_ language: String) -> [String] {
        var out: [String] = []
        var current: [String]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```\(language)" { current = []; continue }
            if current != nil, line == "```" { out.append(current!.joined(separator: "\n")); current = nil; continue }
            current?.append(String(line))
        }
        return out
    }

    @Test(
        "the README's CI examples are valid YAML (GitHub Actions and GitLab CI)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func yamlParses() throws {
        let blocks = Self.blocks("yaml")
        #expect(blocks.count >= 2)
        let dir = try TemporaryFolder()
        for (i, block) in blocks.enumerated() {
            let file = try dir.file("example\(i).yml", block)
            let output = ProbeRunner().run(
                ProbeRequest(
                    executable: "/usr/bin/python3",
                    arguments: ["-c", "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert isinstance(d, dict) and d, d; print('ok')", file],
                    environment: ["PATH": "/usr/bin:/bin"], timeout: 30))
            #expect(output.exitCode == 0, "README yaml block \(i) does not parse: \(String(decoding: output.stderr, as: UTF8.self))")
        }
    }

    @Test("the README's example requirements file is accepted by capaudit against the built-in catalog")
    func exampleConfigIsValid() throws {
        let block = try #require(Self.blocks("json").first { $0.contains("\"waivers\"") && $0.contains("\"require\"") })
        let catalog = try BuiltinCatalog.load()
        let config = try ProjectConfig.parse(Data(block.utf8), path: "README.md", catalog: catalog, today: "2026-11-29")
        #expect(config.failOn == .critical)
        #expect(config.extraTools.map(\.id) == ["deployctl"])
    }

    @Test("every command in the README's CI examples uses options capaudit has")
    func examplesUseRealOptions() {
        let known = Set(Commands.spec(named: "scan")?.options.map(\.name) ?? [])
        for line in Self.readme.split(separator: "\n") where line.contains("capaudit scan") {
            for word in line.split(separator: " ") where word.hasPrefix("--") {
                let name = String(word.split(separator: "=").first!).trimmingCharacters(in: CharacterSet(charactersIn: "`'\""))
                #expect(known.contains(name), "README uses \(name), which scan does not accept: \(line)")
            }
        }
    }

    @Test("the README's CI examples download and verify a release instead of building capaudit")
    func ciExamplesDownloadReleases() throws {
        let examples = Self.blocks("yaml") + Self.blocks("groovy")
        #expect(examples.count >= 3)
        for block in examples where block.contains("capaudit") {
            #expect(!block.contains("swift build"), "a CI example still builds from source: \(block)")
            #expect(block.contains("install-release.sh") || block.contains("/capaudit@v"), "a CI example neither uses the action nor install-release.sh: \(block)")
        }
        let action = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)
        #expect(action.contains("using: composite") && action.contains(".ci/install-release.sh"))
    }
}
