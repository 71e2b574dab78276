import CapAuditKit
import Foundation
import Testing

extension ProcessHeavySuites {
    /// The gate, the requirements file and the CI integrations, through the real binary.
    @Suite struct GateCLITests {
        let mini = Fixtures.url("catalogs/mini").path

        /// A folder with fake wrk and locust (locust too old for the mini catalog's minimum 2.0).
        func host() throws -> TemporaryFolder {
            let dir = try TemporaryFolder()
            try dir.tool("bin/wrk", "echo 'wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer'; exit 1")
            try dir.tool("bin/locust", "echo 'locust 1.4.3'")
            try dir.folder("work")
            return dir
        }

        func run(_ args: [String], _ dir: TemporaryFolder, env: [String: String] = [:]) -> CapauditBinary.Result {
            var environment = ["PATH": dir.path + "/bin"]
            for (k, v) in env { environment[k] = v }
            return CapauditBinary.run(args, environment: environment, cwd: dir.path + "/work")
        }

        @Test("--fail-on critical exits 1 and the last stderr line names the failed area and capability")
        func gateFails() throws {
            let dir = try host()
            let r = run(["scan", "--catalog", mini, "--fail-on", "critical"], dir)
            #expect(r.exitCode == 1)
            let last = r.stderr.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last == "capaudit: gate failed (--fail-on critical): secrets/secret-store; secrets/compose")
            #expect(r.stdout.contains("Summary: "), "the report is still printed")
        }

        @Test("--fail-on never and the default exit 0 whatever is missing")
        func gateNever() throws {
            let dir = try host()
            #expect(run(["scan", "--catalog", mini], dir).exitCode == 0)
            #expect(run(["scan", "--catalog", mini, "--fail-on", "never"], dir).exitCode == 0)
            #expect(run(["scan", "--catalog", mini, "--fail-on", "sometimes"], dir).exitCode == 2)
        }

        @Test("--require passes for a present tool and fails for a missing one or a too-old version")
        func require() throws {
            let dir = try host()
            #expect(run(["scan", "--catalog", mini, "--area", "load-testing", "--require", "wrk>=4.1"], dir).exitCode == 0)
            let missing = run(["scan", "--catalog", mini, "--require", "ab"], dir)
            #expect(missing.exitCode == 1)
            #expect(missing.stderr.contains("required tool ab: missing"))
            #expect(run(["scan", "--catalog", mini, "--require", "wrk>=5"], dir).exitCode == 1)
            #expect(run(["scan", "--catalog", mini, "--require", "nosuchtool"], dir).exitCode == 2)
        }

        @Test(".capaudit.json is found from a subfolder, sets the gate, and its waivers keep gaps from failing")
        func configDiscovery() throws {
            let dir = try host()
            try dir.file(
                "work/.capaudit.json",
                """
                {"schemaVersion": 1, "failOn": "high",
                 "waivers": [{"target": "secrets", "reason": "vault rollout", "expires": "2999-01-01"},
                             {"target": "load-testing/scripted-load", "reason": "locust upgrade"}]}
                """)
            try dir.folder("work/sub/deeper")
            var env = ["PATH": dir.path + "/bin"]
            let passes = CapauditBinary.run(["scan", "--catalog", mini], environment: env, cwd: dir.path + "/work/sub/deeper")
            #expect(passes.exitCode == 0, "\(passes.stderr)")
            #expect(passes.stdout.contains("Summary: "))
            let ignored = CapauditBinary.run(["scan", "--catalog", mini, "--no-config", "--fail-on", "high"], environment: env, cwd: dir.path + "/work/sub/deeper")
            #expect(ignored.exitCode == 1)
            env["X"] = "1"
            try dir.file("work/.capaudit.json", #"{"schemaVersion": 1, "failOn": "high", "waivers": [{"target": "secrets", "reason": "r", "expires": "2001-01-01"}]}"#)
            let expired = CapauditBinary.run(["scan", "--catalog", mini, "--format", "json"], environment: env, cwd: dir.path + "/work")
            #expect(expired.exitCode == 1, "an expired waiver gates again")
            #expect(expired.stdout.contains("\"expired\": true"))
        }

        @Test("an invalid .capaudit.json exits 3 naming file, line, column and the nearest key")
        func configInvalid() throws {
            let dir = try host()
            try dir.file("work/.capaudit.json", "{\n  \"schemaVersion\": 1,\n  \"failOnn\": \"high\"\n}\n")
            let r = run(["scan", "--catalog", mini], dir)
            #expect(r.exitCode == 3)
            #expect(r.stderr.contains(".capaudit.json:3:14: failOnn: unknown key \"failOnn\"; did you mean \"failOn\"?"))
            #expect(r.stdout.isEmpty)
        }

        @Test("init writes a starter file that scan accepts, and refuses to overwrite it without --force")
        func initCommand() throws {
            let dir = try host()
            let first = run(["init", "--catalog", mini], dir)
            #expect(first.exitCode == 0)
            let path = dir.path + "/work/.capaudit.json"
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.contains("\"$comment\""))
            let again = run(["init", "--catalog", mini], dir)
            #expect(again.exitCode == 2)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
            #expect(run(["init", "--catalog", mini, "--force"], dir).exitCode == 0)
            #expect(run(["scan", "--catalog", mini], dir).exitCode == 0, "right after init the scan passes: today's gaps are waivers")
            let report = run(["scan", "--catalog", mini, "--format", "json"], dir)
            #expect(report.stdout.contains("not met on"), "the baseline waivers are shown in the report")
        }

        @Test("init picks the profile from the host (ci-runner in a CI job), init && scan exits 0, and --from-scan pins versions so drift fails")
        func initFromScan() throws {
            let dir = try TemporaryFolder()
            try dir.folder("work")
            try dir.tool("bin/gh", "echo 'gh version 2.63.2 (2024-12-05)'")
            try dir.tool("bin/kubectl", "echo 'Client Version: v1.31.4'")
            try dir.tool("bin/semgrep", "echo 1.99.0")
            try dir.tool("bin/promtool", "echo 'promtool, version 2.55.1 (branch: HEAD)'")
            let ci = ["CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_NAME": "runner-1"]
            let first = run(["init", "--from-scan"], dir, env: ci)
            #expect(first.exitCode == 0, "\(first.stderr)")
            let written = try String(contentsOfFile: dir.path + "/work/.capaudit.json", encoding: .utf8)
            #expect(written.contains("\"profile\": \"ci-runner\""))
            #expect(written.contains("\"gh\": \">=2.63.2\""))
            #expect(written.contains("\"github-actions-runner\": \"*\""), "unknown-version tools are pinned as present only")
            #expect(written.contains("\"target\": \"orchestration/kubernetes-packaging\""), "helm is missing: a baseline waiver")
            #expect(run(["scan"], dir, env: ci).exitCode == 0, "init && scan passes on the host it was made on")
            // Drift: an older gh, then no promtool.
            try dir.tool("bin/gh", "echo 'gh version 2.40.0 (2023-12-01)'")
            let older = run(["scan"], dir, env: ci)
            #expect(older.exitCode == 1)
            #expect(older.stderr.contains("gh>=2.63.2: found 2.40.0"))
            try dir.tool("bin/gh", "echo 'gh version 2.63.2 (2024-12-05)'")
            try FileManager.default.removeItem(atPath: dir.path + "/bin/promtool")
            #expect(run(["scan"], dir, env: ci).exitCode == 1)
            // Outside a CI job the same host is not a runner; --profile picks explicitly.
            #expect(run(["init", "--force", "--output", "-"], dir).stdout.contains("\"profile\": \"all\""))
            #expect(run(["init", "--force", "--output", "-", "--profile", "bastion"], dir).stdout.contains("\"profile\": \"bastion\""))
            #expect(run(["init", "--force", "--output", "-", "--profile", "laptop"], dir).exitCode == 2)
        }

        @Test("--profile on scan: unknown roles are usage errors, the config's profile applies, --profile beats it")
        func profileOption() throws {
            let dir = try TemporaryFolder()
            try dir.folder("work")
            try dir.tool("bin/kubectl", "echo 'Client Version: v1.31.4'")
            try dir.tool("bin/perf", "echo 'perf version 6.1.192'")
            #expect(run(["scan", "--profile", "laptop"], dir).exitCode == 2)
            #expect(run(["scan", "--profile", "k8s-node"], dir).exitCode == 0, "a node with kubectl and perf passes its role's gate")
            #expect(run(["scan", "--profile", "ci-runner"], dir).exitCode == 1)
            try dir.file("work/.capaudit.json", #"{"schemaVersion": 1, "profile": "k8s-node"}"#)
            #expect(run(["scan"], dir).exitCode == 0)
            #expect(run(["scan", "--profile", "ci-runner"], dir).exitCode == 1)
            try dir.file("work/.capaudit.json", #"{"schemaVersion": 1, "profile": "k8s-nodes"}"#)
            let bad = run(["scan"], dir)
            #expect(bad.exitCode == 3)
            #expect(bad.stderr.contains("did you mean \"k8s-node\"?"))
        }

        @Test("in GitHub Actions, failures become ::error commands and the markdown report is appended to the step summary")
        func githubActions() throws {
            let dir = try host()
            let summary = try dir.file("summary.md", "previous step\n")
            let r = run(["scan", "--catalog", mini, "--fail-on", "critical"], dir, env: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary])
            #expect(r.exitCode == 1)
            #expect(r.stderr.contains("::error title=capaudit%3A secrets/secret-store missing::"))
            let text = try String(contentsOfFile: summary, encoding: .utf8)
            #expect(text.hasPrefix("previous step\n# "), "appended, not replaced")
            #expect(text.contains("## Executive summary"))
            #expect(!r.stdout.contains("::error"), "stdout stays data")
        }

        @Test("outside GitHub Actions there are no workflow commands and no summary file is touched")
        func notGithubActions() throws {
            let dir = try host()
            let summary = try dir.file("summary.md", "untouched\n")
            let r = run(["scan", "--catalog", mini, "--fail-on", "critical"], dir, env: ["GITHUB_STEP_SUMMARY": summary])
            #expect(!r.stderr.contains("::error"))
            #expect(try String(contentsOfFile: summary, encoding: .utf8) == "untouched\n")
        }

        @Test("--report writes several formats from one scan while the terminal shows the human report")
        func multipleReports() throws {
            let dir = try host()
            let out = dir.path + "/out"
            try dir.folder("out")
            let r = run(
                [
                    "scan", "--catalog", mini, "--report", "junit:\(out)/c.xml", "--report", "markdown:\(out)/c.md",
                    "--report", "json:\(out)/c.json", "--report", "prometheus:\(out)/c.prom",
                ], dir)
            #expect(r.exitCode == 0)
            #expect(r.stdout.contains("Summary: "))
            for name in ["c.xml", "c.md", "c.json", "c.prom"] {
                #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)"), "\(name) missing")
            }
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/c.json"))) as? [String: Any])
            let prom = try String(contentsOfFile: "\(out)/c.prom", encoding: .utf8)
            // One scan: every file carries the same start time.
            let started = try #require(json["startedAt"] as? String)
            let stamp = try #require(ISO8601DateFormatter().date(from: started)).timeIntervalSince1970
            #expect(prom.contains("capaudit_last_scan_timestamp_seconds \(Int(stamp))"))
            #expect(run(["scan", "--catalog", mini, "--report", "sarif:x.sarif"], dir).exitCode == 2)
        }

        @Test("explain shows every PATH entry tried, the argv, exit code, output and verdict")
        func explain() throws {
            let dir = try host()
            let r = run(["explain", "wrk", "--catalog", mini], dir)
            #expect(r.exitCode == 0)
            for fragment in [
                "PATH lookup for \"wrk\"", "\(dir.path)/bin/wrk: executable  <- used", "ran: \(dir.path)/bin/wrk -v",
                "exit code 1", "| wrk 4.1.0 [epoll]", "version read: 4.1.0", "verdict: present",
            ] {
                #expect(r.stdout.contains(fragment), "missing: \(fragment)")
            }
            #expect(run(["explain", "wrkk", "--catalog", mini], dir).stderr.contains("did you mean wrk?"))
        }

        @Test("catalog validate lists every problem and exits 3; a good catalog exits 0")
        func catalogValidate() throws {
            let dir = try host()
            #expect(run(["catalog", "validate", mini], dir).exitCode == 0)
            let bad = try dir.file(
                "bad.json",
                #"{"schemaVersion": 1, "area": {"id": "X", "name": "n", "priority": "urgent", "rank": 1, "phase": 9, "why": "w", "impact": "i", "useCases": [], "capabilities": []}}"#
            )
            let r = run(["catalog", "validate", bad], dir)
            #expect(r.exitCode == 3)
            #expect(r.stderr.contains("(4 problems)"))
            #expect(run(["catalog", "list", "--catalog", mini], dir).stdout.contains("load-testing/http-benchmark"))
            #expect(run(["catalog", "show", "locust", "--catalog", mini], dir).stdout.contains("minimum version: 2.0"))
        }
    }
}
