import CapAuditKit
import Testing

/// The tolerant reader's shapes, on outputs written in the shapes real tools print (the real outputs are the
/// fixtures replayed by VersionFixtureTests); each expected version was typed by hand.
@Suite struct TolerantVersionReaderTests {
    static func read(_ stdout: String, stderr: String = "", names: [String]) -> String? {
        guard let found = TolerantVersionReader.read(stdout: stdout, stderr: stderr, names: names),
            case .version(let v) = found.parsed
        else { return nil }
        return v.text
    }

    @Test("reads the common shapes: NAME version X, NAME X, NAME vX, NAME/X, Version: X after a banner, two components")
    func commonShapes() {
        #expect(Self.read("gh version 2.23.0 (2023-01-30)\nhttps://github.com/cli/cli/releases/tag/v2.23.0\n", names: ["gh"]) == "2.23.0")
        #expect(Self.read("black, 23.1.0 (compiled: yes)\nPython (CPython) 3.11.2\n", names: ["black"]) == "23.1.0")
        #expect(Self.read("Terraform v1.11.4\non linux_amd64\n", names: ["terraform"]) == "1.11.4")
        #expect(Self.read("aws-cli/1.46.3 Python/3.11.2 Linux/6.1.0 botocore/1.40.3\n", names: ["aws"]) == "1.46.3")
        #expect(Self.read(" ____  __.________\n|    |/ _/   __   \\\n\nVersion:    v0.27.0\nCommit:     abc1234\nDate:       2023-01-01T00:00:00Z\n", names: ["k9s"]) == "0.27.0")
        #expect(Self.read("jq-1.6\n", names: ["jq"]) == "1.6")
        #expect(Self.read("iperf 3.12 (cJSON 1.7.15)\n", names: ["iperf3"]) == "3.12")
        #expect(Self.read("1.187.0\n", names: ["semgrep"]) == "1.187.0")
    }

    @Test("removes distribution decorations: debian/ prefix with revision, +ds, ~deb12u1, epochs, +really")
    func distributionDecorations() {
        #expect(Self.read("wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer\n", names: ["wrk"]) == "4.1.0")
        #expect(Self.read("prometheus, version 2.42.0+ds (branch: debian/sid, revision: 2.42.0+ds-5)\n", names: ["prometheus"]) == "2.42.0")
        #expect(Self.read("redis-cli 7.0.15-1~deb12u10\n", names: ["redis-cli"]) == "7.0.15")
        #expect(Self.read("tool 1:2.39.5-0+deb12u3\n", names: ["tool"]) == "2.39.5")
        #expect(Self.read("kubectl v1.20.5+really1.20.2\n", names: ["kubectl"]) == "1.20.2")
    }

    @Test("keeps upstream build metadata and pre-releases")
    func upstreamSuffixes() {
        #expect(Self.read("helm v2.1.0+ga72cebe\n", names: ["helm"]) == "2.1.0+ga72cebe")
        #expect(Self.read("nsqd v0.3.0-alpha (built w/go1.4.2)\n", names: ["nsqd"]) == "0.3.0-alpha")
    }

    @Test("reads JSON under the tool's own key or clientVersion, never serverVersion")
    func json() {
        #expect(Self.read(#"{"serverVersion": {"gitVersion": "v1.30.0"}, "clientVersion": {"gitVersion": "v1.25.2", "goVersion": "go1.19.1"}}"#, names: ["kubectl"]) == "1.25.2")
        #expect(Self.read(#"{"terraform_version": "1.11.4", "platform": "linux_amd64", "provider_selections": {}}"#, names: ["terraform"]) == "1.11.4")
        #expect(Self.read(#"{"azure-cli": "2.68.0", "azure-cli-core": "2.68.0", "extensions": {}}"#, names: ["azure-cli"]) == "2.68.0")
    }

    @Test("skips the vendor or distribution in parentheses after the name: GNU gdb (Debian 13.1-3) 13.1")
    func parenthesisedVendor() {
        #expect(Self.read("GNU gdb (Debian 13.1-3) 13.1\nCopyright (C) 2023 Free Software Foundation, Inc.\n", names: ["gdb"]) == "13.1")
        #expect(Self.read("psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n", names: ["psql"]) == "15.18")
    }

    @Test("reads the tool's own name glued to its version only when the tool is that name: go version go1.19.8")
    func gluedOwnName() {
        #expect(Self.read("go version go1.19.8 linux/amd64\n", names: ["go"]) == "1.19.8")
        #expect(Self.read("go version go1.19.8 linux/amd64\n", names: ["pprof"]) == nil)
    }

    @Test("reads a JSON document followed by an error line, and a name spelt with dashes in a table without header")
    func jsonThenErrorAndDashedName() {
        #expect(
            Self.read(
                "{\n  \"clientVersion\": {\"gitVersion\": \"v1.25.2\"},\n  \"kustomizeVersion\": \"v4.5.7\"\n}\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n",
                names: ["kubectl"]) == "1.25.2")
        #expect(
            Self.read(
                "azure-cli                         2.68.0\n\ncore                              2.68.0\ntelemetry                          1.1.0\n", names: ["az", "Azure CLI"])
                == "2.68.0")
    }

    @Test("reads a column table's VERSION column on the tool's own row")
    func columnTable() {
        #expect(Self.read("COMPONENT   VERSION\nserver      9.9.9\nlinkerd     2.8.1\n", names: ["linkerd"]) == "2.8.1")
    }

    @Test("reads the version of the suite that ships the tool, inside a sentence")
    func suiteSentence() {
        #expect(Self.read("pprof (part of gperftools 2.0)\n\nCopyright 1998-2007 Google Inc.\n", names: ["google-pprof"]) == "2.0")
    }

    @Test("never takes a runtime, server, kernel, date, copyright year, commit hash or an update notice's newer version")
    func refusals() {
        #expect(Self.read("built with go1.21.5\n", names: ["tool"]) == nil)
        #expect(Self.read("Python 3.11.2\n", names: ["tool"]) == nil)
        #expect(Self.read("node v20.20.2\n", names: ["tool"]) == nil)
        #expect(Self.read("Server:\n Engine:\n  Version: 24.0.7\n", names: ["docker"]) == nil)
        #expect(Self.read("Kernel Version: 6.1.0-18-amd64\n", names: ["tool"]) == nil)
        #expect(Self.read("2023.10.01\n", names: ["tool"]) == nil)
        #expect(Self.read("Copyright (c) 2014-2021 Someone\n", names: ["tool"]) == nil)
        #expect(Self.read("A new version of semgrep is available: semgrep 1.3.0\n", names: ["semgrep"]) == nil)
        #expect(Self.read("tool 083f676\n", names: ["tool"]) == nil)
        #expect(Self.read("Go version:   go1.17.7\n", names: ["gitlab-runner"]) == nil)
    }

    @Test("a catalog pattern that matches decides; the tolerant reader reads only when none matches, and says so")
    func layers() throws {
        let probe = Probe(command: "tool", args: ["--version"], patterns: [try VersionPattern(#"tool (\d+\.\d+\.\d+)"#)])
        let byPattern = VersionReader.read(stdout: "tool 1.2.3\n", stderr: "", probe: probe)
        #expect(byPattern.layer == .pattern && byPattern.parsed == .version(Version("1.2.3")!))
        let byTolerant = VersionReader.read(stdout: "tool version 1.4\n", stderr: "", probe: probe)
        #expect(byTolerant.layer == .tolerant && byTolerant.shape == "name-version" && byTolerant.parsed == .version(Version("1.4")!))
        #expect(byTolerant.line == "tool version 1.4")
        let second = Probe(command: "tool", args: [], patterns: [try VersionPattern("nomatch (\\d+)"), try VersionPattern(#"v(\d+\.\d+)"#)])
        #expect(VersionReader.read(stdout: "tool v3.4\n", stderr: "", probe: second).patternIndex == 1)
    }
}
