import CapAuditKit
import Foundation
import Testing

/// Vendor repositories (catalog `repositories`): read and checked with the catalog, added by a plan
/// as a step of their own before the packages from them, and run unattended by the script.
@Suite struct VendorRepositoryTests {
    static let fingerprint = "B53AE77BADB630A683046005963FA27710458545"

    /// A one-area catalog whose tools `alpha` and `beta` (two capabilities) both come from the
    /// vendor repository `vendor`; `repositories` is that file's text.
    static func sources(repositories: String? = nil, repositoryID: String = "vendor") -> [CatalogSource] {
        let tools = ["alpha", "beta"].map { id in
            """
            {"id": "\(id)", "name": "\(id.capitalized)", "summary": "s", "homepage": "https://example.org",
             "probes": [{"command": "\(id)", "args": ["--version"]}],
             "install": {"apt": "\(id)", "repositories": {"apt": "\(repositoryID)"}}}
            """
        }
        let area = """
            {"schemaVersion": 1,
             "area": {"id": "demo", "name": "Demo", "priority": "critical", "rank": 1, "phase": 1, "why": "w", "impact": "i", "useCases": ["u"],
                      "capabilities": [{"id": "a", "name": "A", "tools": ["alpha"]}, {"id": "b", "name": "B", "tools": ["beta"]}]},
             "tools": [\(tools.joined(separator: ", "))]}
            """
        let repos =
            repositories ?? """
                {"schemaVersion": 1, "repositories": [
                  {"id": "vendor", "name": "Vendor Labs", "docs": "https://example.org/apt",
                   "apt": {"key": "https://example.org/gpg.key", "fingerprints": ["\(fingerprint)"], "fingerprintSource": "https://example.org/keys",
                           "keyring": "/etc/apt/keyrings/vendor.gpg", "url": "https://example.org/deb", "suite": "{codename}", "components": ["main"]}}]}
                """
        return [CatalogSource(name: "demo.json", data: Data(area.utf8)), CatalogSource(name: "repositories.json", data: Data(repos.utf8))]
    }

    static func problems(_ sources: [CatalogSource]) -> [String] {
        do {
            _ = try CatalogLoader.parse(sources)
            return []
        } catch {
            guard case .invalid(let problems) = error else { return ["\(error)"] }
            return problems.map(\.message)
        }
    }

    static func debianPlan(_ catalog: Catalog, areas: [String] = []) throws -> InstallPlan {
        Planner.plan(
            report: PlanCatalogs.report(catalog), catalog: catalog, host: try TargetPlanTests.target("debian-12"), areas: areas, date: SampleReports.date)
    }

    @Test("the loader reads repositories, and a tool's package names the one it comes from")
    func loads() throws {
        let catalog = try CatalogLoader.parse(Self.sources())
        let repository = try #require(catalog.repositories["vendor"])
        #expect(repository.access[.apt]?.fingerprints == [Self.fingerprint])
        #expect(repository.access(for: .ubuntu) == repository.access[.apt], "Ubuntu falls back to the apt entry")
        #expect(catalog.tools["alpha"]?.install.repositories == [.apt: "vendor"])
        #expect(catalog.tools["alpha"]?.install.source(of: .apt) == nil, "not Debian's archive")
    }

    @Test("an unknown repository id is an error naming the nearest id")
    func unknownRepository() {
        let messages = Self.problems(Self.sources(repositoryID: "vendr"))
        #expect(messages.contains { $0.contains("unknown repository \"vendr\"") && $0.contains("did you mean \"vendor\"?") }, "\(messages)")
    }

    @Test("a fingerprint that is not 40 upper-case hex digits, or has no source, is refused", arguments: ["B53A E77B", "b53ae77badb630a683046005963fa27710458545"])
    func badFingerprint(_ value: String) {
        let repos = """
            {"schemaVersion": 1, "repositories": [
              {"id": "vendor", "name": "Vendor", "docs": "https://example.org",
               "apt": {"key": "https://example.org/k", "fingerprints": ["\(value)"], "fingerprintSource": "https://example.org/keys",
                       "keyring": "/etc/apt/keyrings/vendor.gpg", "url": "https://example.org/deb", "suite": "stable", "components": ["main"]}}]}
            """
        let messages = Self.problems(Self.sources(repositories: repos))
        #expect(messages.contains { $0.contains("is not a full key fingerprint") }, "\(messages)")
        let noSource = repos.replacingOccurrences(of: "\"fingerprintSource\": \"https://example.org/keys\",", with: "")
            .replacingOccurrences(of: value, with: Self.fingerprint)
        #expect(Self.problems(Self.sources(repositories: noSource)).contains { $0.contains("fingerprintSource") })
    }

    @Test("an apt entry needs its keyring, suite and components, and the key comes over https")
    func aptEntryShape() {
        let repos = """
            {"schemaVersion": 1, "repositories": [
              {"id": "vendor", "name": "Vendor", "docs": "https://example.org",
               "apt": {"key": "http://example.org/k", "url": "https://example.org/deb"}}]}
            """
        let messages = Self.problems(Self.sources(repositories: repos))
        #expect(messages.contains { $0.contains("must be an https URL") }, "\(messages)")
        for key in ["keyring", "suite", "components"] { #expect(messages.contains { $0.contains("needs \"\(key)\"") }, "\(key): \(messages)") }
    }

    @Test("the plan adds a repository once, before the first package from it, and those packages require it")
    func onceBeforeDependents() throws {
        let catalog = try CatalogLoader.parse(Self.sources())
        let plan = try Self.debianPlan(catalog)
        let steps = plan.steps
        let repositorySteps = steps.filter { $0.kind == .repository }
        #expect(repositorySteps.count == 1)
        let repoIndex = try #require(steps.firstIndex { $0.kind == .repository })
        let setup = try #require(steps[repoIndex].repositorySetup)
        #expect(setup.sourceText == "deb [signed-by=/etc/apt/keyrings/vendor.gpg] https://example.org/deb bookworm main", "codename from os-release")
        #expect(setup.fingerprints == [Self.fingerprint])
        for tool in ["alpha", "beta"] {
            let index = try #require(steps.firstIndex { $0.toolID == tool })
            #expect(index > repoIndex)
            #expect(steps[index].requires == ["repository:vendor"])
            #expect(steps[index].kind == .install && steps[index].package == tool)
        }
        #expect(steps[repoIndex].provides == "repository:vendor")
    }

    @Test("a package from a vendor repository beats a by-hand step, but not the distribution's own package")
    func ranking() throws {
        let catalog = try BuiltinCatalog.load()
        let plan = try Self.debianPlan(catalog)
        // Grafana was a by-hand step; now its repository and package run unattended.
        #expect(plan.steps.contains { $0.toolID == "grafana" && $0.kind == .install && $0.repository == "grafana" })
        #expect(!plan.steps.contains { $0.toolID == "grafana" && $0.kind == .manual })
        // Secrets: Debian's awscli still beats HashiCorp's vault from HashiCorp's repository.
        #expect(plan.steps.contains { $0.toolID == "aws" && $0.kind == .install })
        #expect(!plan.steps.contains { $0.toolID == "vault" })
        // Each repository once in the whole plan.
        let ids = plan.steps.compactMap(\.repositorySetup?.id)
        #expect(ids.count == Set(ids).count && !ids.isEmpty, "\(ids)")
        // The JSON shows the step and the package's repository (additive fields).
        let json = PlanRenderer.render(plan, format: .json)
        #expect(json.contains("\"kind\": \"repository\"") && json.contains("\"fromRepository\": \"grafana\""))
        #expect(json.contains("\"fingerprints\": [\n"))
    }

    // MARK: - The script, run against fakes

    /// The shell sandbox of `ShellScriptTests`, plus fakes for curl, gpg, install and tee (they log
    /// and touch nothing outside the sandbox) and the real utilities the repository functions use.
    static func sandbox(curl: String, gpg: String) throws -> ShellScriptTests.Sandbox {
        let box = try ShellScriptTests.Sandbox()
        for tool in ["mktemp", "rm", "awk", "cp", "sed", "tr"] {
            guard let real = ["/usr/bin/\(tool)", "/bin/\(tool)"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { continue }
            try? FileManager.default.createSymbolicLink(atPath: "\(box.dir.path)/sys/\(tool)", withDestinationPath: real)
        }
        try box.dir.tool("fake/curl", "echo \"curl $*\" >> \"$FAKE_LOG\"\n" + curl)
        try box.dir.tool("fake/gpg", gpg)
        try box.dir.tool("fake/install", "echo \"install $*\" >> \"$FAKE_LOG\"")
        try box.dir.tool("fake/tee", "echo \"tee $*\" >> \"$FAKE_LOG\"; cat > /dev/null")
        return box
    }

    static let goodKey = """
        out=""
        while [ "$#" -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
        echo '-----BEGIN PGP PUBLIC KEY BLOCK-----' > "$out"
        """

    static func gpg(fingerprint: String) -> String {
        """
        case " $* " in
          *" --show-keys "*) printf 'pub:-:4096:1:963FA27710458545:1:::-:::scSC::::::23::0:\\nfpr:::::::::%s:\\nsub:-:4096:1:X:1:::::e::::::23:\\nfpr:::::::::0000000000000000000000000000000000000000:\\n' '\(fingerprint)' ;;
          *" --dearmor "*) cat ;;
        esac
        """
    }

    func script(_ box: ShellScriptTests.Sandbox) throws -> String {
        let catalog = try CatalogLoader.parse(Self.sources())
        return try box.dir.file("install.sh", ShellScriptRenderer.render(try Self.debianPlan(catalog)))
    }

    @Test("an unreachable vendor: the repository step fails, the packages from it are skipped, the script exits 1")
    func unreachableVendor() throws {
        let box = try Self.sandbox(curl: "exit 7", gpg: Self.gpg(fingerprint: Self.fingerprint))
        let r = box.run(try script(box))
        #expect(r.exitCode == 1, "\(r.output)")
        let log = box.logLines()
        #expect(log.contains { $0.hasPrefix("curl ") && $0.contains("https://example.org/gpg.key") })
        #expect(!log.contains { $0.contains("alpha") || $0.contains("beta") || $0.hasPrefix("tee /etc/apt/sources.list.d") }, "\(log)")
        #expect(r.stdout.contains("failed:  1.1 Add Vendor Labs' apt repository"), "\(r.stdout)")
        #expect(r.stdout.contains("skipped: 1.2 Install Alpha (apt-get) (needs step 1.1)") || r.stdout.contains("skipped: 1.2 Install Alpha (needs step 1.1)"), "\(r.stdout)")
        #expect(r.stdout.contains("(needs step 1.1)") && r.stdout.components(separatedBy: "(needs step 1.1)").count == 3, "both packages skipped: \(r.stdout)")
    }

    @Test("a key whose fingerprint is not the published one is refused: nothing is written, the packages are skipped")
    func wrongFingerprint() throws {
        let box = try Self.sandbox(curl: Self.goodKey, gpg: Self.gpg(fingerprint: "0123456789ABCDEF0123456789ABCDEF01234567"))
        let r = box.run(try script(box))
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("holds key 0123456789ABCDEF0123456789ABCDEF01234567, not the published \(Self.fingerprint)"), "\(r.stderr)")
        let log = box.logLines()
        #expect(!log.contains { $0.hasPrefix("install ") || $0.hasPrefix("tee /etc/apt/sources.list.d") || $0.contains("alpha") }, "\(log)")
    }

    @Test("the published key: keyring installed, source written, lists updated, then the packages install")
    func publishedKey() throws {
        let box = try Self.sandbox(curl: Self.goodKey, gpg: Self.gpg(fingerprint: Self.fingerprint))
        let r = box.run(try script(box))
        #expect(r.exitCode == 0, "\(r.output)")
        let log = box.logLines()
        let keyring = try #require(log.firstIndex { $0.hasPrefix("install -D -m 644 ") && $0.hasSuffix(" /etc/apt/keyrings/vendor.gpg") }, "\(log)")
        let source = try #require(log.firstIndex(of: "tee /etc/apt/sources.list.d/vendor.list"), "\(log)")
        let update = try #require(log.lastIndex(of: "apt-get update"))
        let alpha = try #require(log.firstIndex(of: "apt-get install -y --no-install-recommends alpha"), "\(log)")
        #expect(keyring < source && source < update && update < alpha)
        #expect(log.contains("apt-get install -y --no-install-recommends beta"))
    }

    @Test("scripts with repository steps pass sh -n and shellcheck")
    func scriptIsValid() throws {
        let folder = try TemporaryFolder()
        let catalog = try CatalogLoader.parse(Self.sources())
        var noCodename = try TargetPlanTests.target("debian-12")
        noCodename.info.codename = nil
        let plans = [
            ("vendor", try Self.debianPlan(catalog)),
            ("no-codename", Planner.plan(report: PlanCatalogs.report(catalog), catalog: catalog, host: noCodename, date: SampleReports.date)),
        ]
        for (name, plan) in plans {
            let text = ShellScriptRenderer.render(plan)
            if name == "no-codename" { #expect(text.contains("CODENAME=$(sed") && text.contains("https://example.org/deb $CODENAME main")) }
            let path = try folder.file("\(name).sh", text)
            #expect(ScriptRunner.run("/bin/sh", ["-n", path]).exitCode == 0, "\(name)")
            if ScriptRunner.hasShellcheck {
                let r = ScriptRunner.run(ScriptRunner.shellcheck, ["--shell=sh", "--severity=style", "--norc", path])
                #expect(r.exitCode == 0, "\(name): \(r.output)")
            }
        }
    }
}
