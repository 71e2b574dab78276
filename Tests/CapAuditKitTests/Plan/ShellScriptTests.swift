import CapAuditKit
import Foundation
import Testing

/// Runs a shell (or shellcheck) through capaudit's own process runner.
enum ScriptRunner {
    struct Result {
        var exitCode: Int32?
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = ["PATH": "/usr/bin:/bin"],
        cwd: String? = nil, timeout: Double = 60
    ) -> Result {
        let out = ProbeRunner().run(
            ProbeRequest(
                executable: executable, arguments: arguments, environment: environment, timeout: timeout,
                outputLimit: 1 << 20, workingDirectory: cwd))
        return Result(exitCode: out.exitCode, stdout: String(decoding: out.stdout, as: UTF8.self), stderr: String(decoding: out.stderr, as: UTF8.self))
    }

    static let shellcheck = "/usr/bin/shellcheck"
    static var hasShellcheck: Bool { FileManager.default.isExecutableFile(atPath: shellcheck) }

    /// Hosts whose scripts must all pass `sh -n` and shellcheck.
    static func allScripts() throws -> [(String, String)] {
        var out: [(String, String)] = []
        let hosts: [(String, HostEnvironment)] = [
            ("debian", try PlanHosts.debian()), ("fedora", try PlanHosts.fedora()), ("alpine", try PlanHosts.alpine()),
            ("ubuntu", try PlanHosts.ubuntu()), ("macos", try PlanHosts.macOS()),
            ("pip-only", try PlanHosts.detect("debian-12", managers: ["pip3", "python3"])),
            ("nothing", try PlanHosts.detect("debian-12", managers: [])),
            ("yum", try PlanHosts.detect("fedora-40", managers: ["yum"], override: [])),
            ("everything", try PlanHosts.detect("debian-12", managers: ["apt-get", "snap", "npm", "go", "cargo", "pipx", "python3", "pip3"], externallyManaged: true)),
        ]
        for (name, host) in hosts {
            for (reportName, report) in [("empty", SampleReports.empty), ("mixed", SampleReports.mixed), ("full", SampleReports.full)] {
                out.append(("\(name)-\(reportName)", ShellScriptRenderer.render(SamplePlans.plan(report, host: host))))
            }
        }
        // A catalog that uses every installer, so every branch of the renderer is linted.
        let catalog = try PlannerRuleTests.allMethodsCatalog()
        let report = PlanCatalogs.report(catalog, executables: ["old": "old 0.1.0"])
        let everything = try PlanHosts.detect("debian-12", managers: ["snap", "npm", "go", "cargo", "pipx", "brew"])
        out.append(("all-methods", ShellScriptRenderer.render(Planner.plan(report: report, catalog: catalog, host: everything, date: SampleReports.date))))
        return out
    }
}

@Suite struct ShellScriptTests {
    @Test("the install script for an empty Debian host matches its golden file")
    func goldenDebianEmpty() throws {
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        let g = Fixtures.matchesGolden(ShellScriptRenderer.render(plan), "plan-debian-empty.sh")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the install script for a mixed Debian host matches its golden file")
    func goldenDebianMixed() throws {
        let plan = SamplePlans.plan(SampleReports.mixed, host: try PlanHosts.debian())
        let g = Fixtures.matchesGolden(ShellScriptRenderer.render(plan), "plan-debian-mixed.sh")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the install script for a Fedora host matches its golden file")
    func goldenFedora() throws {
        let plan = SamplePlans.plan(SampleReports.mixed, host: try PlanHosts.fedora())
        let g = Fixtures.matchesGolden(ShellScriptRenderer.render(plan), "plan-fedora-mixed.sh")
        #expect(g.ok, "\(g.message)")
    }

    @Test("the header names capaudit's version, the host and the plan's date, and says capaudit never runs it")
    func header() throws {
        let script = ShellScriptRenderer.render(SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian()))
        let lines = script.split(separator: "\n").map(String.init)
        #expect(lines.first == "#!/bin/sh")
        #expect(lines[1].contains("capaudit \(CapAudit.version)"))
        #expect(lines[1].contains("ci-runner-7 (Debian GNU/Linux 12)"))
        #expect(lines[1].contains(JSONRenderer.isoTimestamp(SampleReports.date)))
        #expect(script.contains("capaudit never runs this script"))
        #expect(lines.contains("set -u"))
        #expect(!lines.contains("set -eu"))
    }

    @Test("apt steps: sudo decided at run time, apt-get update once through a flag, noninteractive install, names quoted")
    func aptShape() throws {
        let script = ShellScriptRenderer.render(SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian()))
        #expect(script.contains("SUDO=\"\"\n[ \"$(id -u)\" -eq 0 ] || SUDO=sudo"))
        #expect(script.components(separatedBy: "apt-get update").count - 1 == 2) // the comment and the one call
        #expect(script.contains("APT_UPDATED=no"))
        #expect(script.contains("$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \"$@\""))
        #expect(script.contains("step_2_1() {\n  apt_install 'wrk'\n}\nif ! command -v wrk >/dev/null 2>&1; then\n  run_step 2.1 'Install wrk (apt-get)' step_2_1"))
        #expect(script.contains("by_hand 1.1 Vault https://developer.hashicorp.com/vault/install"))
        #expect(!script.contains("--break-system-packages"))
    }

    @Test("a script without root-needing steps has no sudo at all")
    func noSudoForBrew() throws {
        let script = ShellScriptRenderer.render(SamplePlans.plan(SampleReports.empty, host: try PlanHosts.macOS()))
        #expect(!script.contains("SUDO"))
        #expect(!script.contains("sudo"))
        #expect(script.contains("brew install 'wrk'"))
    }

    @Test("every generated script passes sh -n")
    func syntax() throws {
        let dir = try TemporaryFolder()
        for (name, script) in try ScriptRunner.allScripts() {
            let path = try dir.file("\(name).sh", script)
            let r = ScriptRunner.run("/bin/sh", ["-n", path])
            #expect(r.exitCode == 0, "\(name): \(r.output)")
        }
    }

    @Test("every generated script passes shellcheck with no warnings", .enabled(if: ScriptRunner.hasShellcheck))
    func shellcheck() throws {
        let dir = try TemporaryFolder()
        for (name, script) in try ScriptRunner.allScripts() {
            let path = try dir.file("\(name).sh", script)
            let r = ScriptRunner.run(ScriptRunner.shellcheck, ["--shell=sh", "--severity=style", "--norc", path])
            #expect(r.exitCode == 0 && r.output.isEmpty, "\(name):\n\(r.output)")
        }
    }

    /// A sandbox where only fakes install anything: apt-get and python3 record their arguments and
    /// create the commands they "install", so `command -v` finds them on the next run.
    struct Sandbox {
        let dir: TemporaryFolder
        var log: String { dir.path + "/log" }
        var bin: String { dir.path + "/fake" }
        var home: String { dir.path + "/home" }

        init() throws {
            dir = try TemporaryFolder()
            try dir.folder("home")
            try dir.file("log", "")
            // Only the utilities the script and the fakes use: the real PATH may hold the real tools.
            let sys = try dir.folder("sys")
            for tool in ["id", "grep", "env", "mkdir", "chmod", "cat", "dirname"] {
                let real = ["/usr/bin/\(tool)", "/bin/\(tool)"].first { FileManager.default.isExecutableFile(atPath: $0) }!
                try FileManager.default.createSymbolicLink(atPath: "\(sys)/\(tool)", withDestinationPath: real)
            }
            try dir.tool("fake/sudo", "exec \"$@\"")
            try dir.tool(
                "fake/apt-get",
                """
                echo "apt-get $*" >> "$FAKE_LOG"
                [ "$1" = install ] || exit 0
                shift
                for a in "$@"; do
                  case "$a" in
                    -*) ;;
                    python3-venv) : > "$FAKE_ROOT/ensurepip" ;;
                    pipx) printf '#!/bin/sh\necho "pipx $*" >> "$FAKE_LOG"\n[ "$1" = install ] || exit 0\nfor a in "$@"; do case "$a" in -*|install) ;; *) mkdir -p "$HOME/.local/bin"; printf "#!/bin/sh\\necho %%s 2.47.0\\n" "$a" > "$HOME/.local/bin/$a"; chmod +x "$HOME/.local/bin/$a" ;; esac; done\n' > "$FAKE_BIN/pipx"; chmod +x "$FAKE_BIN/pipx" ;;
                    *) printf '#!/bin/sh\\necho "%s 9.9.9"\\n' "$a" > "$FAKE_BIN/$a"; chmod +x "$FAKE_BIN/$a" ;;
                  esac
                done
                """)
            try dir.tool(
                "fake/python3",
                """
                if [ "$1" = -c ]; then [ -e "$FAKE_ROOT/ensurepip" ]; exit $?; fi
                echo "python3 $*" >> "$FAKE_LOG"
                if [ "$1" = -m ] && [ "$2" = venv ]; then
                  mkdir -p "$3/bin"
                  cat > "$3/bin/pip" <<'PIP'
                #!/bin/sh
                echo "pip $*" >> "$FAKE_LOG"
                for a in "$@"; do
                  case "$a" in
                    -*|install) ;;
                    *) d=$(dirname "$0"); printf '#!/bin/sh\\necho "%s 2.47.0"\\n' "$a" > "$d/$a"; chmod +x "$d/$a" ;;
                  esac
                done
                PIP
                  chmod +x "$3/bin/pip"
                fi
                """)
        }

        func run(_ script: String) -> ScriptRunner.Result {
            ScriptRunner.run(
                "/bin/sh", [script],
                environment: [
                    "PATH": "\(bin):\(dir.path)/sys", "HOME": home, "FAKE_LOG": log, "FAKE_BIN": bin, "FAKE_ROOT": dir.path,
                ], cwd: dir.path)
        }

        func logLines() -> [String] {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    @Test("run for real against fake managers: the first run installs, the second installs nothing")
    func runTwice() throws {
        let box = try Sandbox()
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        let script = try box.dir.file("install.sh", ShellScriptRenderer.render(plan))

        let first = box.run(script)
        #expect(first.exitCode == 0, "\(first.output)")
        let afterFirst = box.logLines()
        #expect(
            afterFirst == [
                "apt-get update",
                "apt-get install -y --no-install-recommends docker-compose",
                "apt-get install -y --no-install-recommends wrk",
                "apt-get install -y --no-install-recommends pipx ca-certificates",
                "pipx install locust",
            ])
        #expect(first.stdout.contains("install Vault by hand: https://developer.hashicorp.com/vault/install"))
        for command in ["docker-compose", "wrk"] { #expect(FileManager.default.isExecutableFile(atPath: "\(box.bin)/\(command)")) }
        #expect(FileManager.default.isExecutableFile(atPath: "\(box.home)/.local/bin/locust"))
        #expect(first.stdout.contains("capaudit plan: summary\n  by hand: 1.1 Vault: https://developer.hashicorp.com/vault/install"), "\(first.stdout)")

        let second = box.run(script)
        #expect(second.exitCode == 0, "\(second.output)")
        #expect(box.logLines() == afterFirst, "the second run must install nothing")
        #expect(!second.stdout.contains("Install wrk"))
        let profile = try String(contentsOfFile: box.home + "/.profile", encoding: .utf8)
        #expect(profile == "export PATH=\"$HOME/.local/bin:$PATH\"\n", "one PATH line, added once")
    }

    @Test("run for real with an outdated tool: only the upgrade runs again")
    func runUpgradeTwice() throws {
        let box = try Sandbox()
        let plan = SamplePlans.plan(SampleReports.mixed, host: try PlanHosts.debian())
        let script = try box.dir.file("install.sh", ShellScriptRenderer.render(plan))
        let first = box.run(script)
        #expect(first.exitCode == 0, "\(first.output)")
        let afterFirst = box.logLines()
        #expect(afterFirst.contains("pipx install --force locust"))
        let second = box.run(script)
        #expect(second.exitCode == 0, "\(second.output)")
        let again = Array(box.logLines().dropFirst(afterFirst.count))
        #expect(again == ["pipx install --force locust"])
    }

    @Test("a failed step does not stop the others: its dependants are skipped, the summary lists failures and by-hand steps, the exit status is 1")
    func failureGoesOn() throws {
        let box = try Sandbox()
        try box.dir.tool("fake/apt-get", "echo \"apt-get $*\" >> \"$FAKE_LOG\"; [ \"$1\" = update ] || exit 100")
        let plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        let script = try box.dir.file("install.sh", ShellScriptRenderer.render(plan))
        let r = box.run(script)
        #expect(r.exitCode == 1)
        #expect(
            box.logLines() == [
                "apt-get update", "apt-get install -y --no-install-recommends docker-compose",
                "apt-get install -y --no-install-recommends wrk", "apt-get install -y --no-install-recommends pipx ca-certificates",
            ])
        #expect(r.stdout.contains("==> 2.4 Install Locust: skipped, step 2.2 failed"), "\(r.stdout)")
        #expect(
            r.stdout.contains(
                """
                capaudit plan: summary
                  by hand: 1.1 Vault: https://developer.hashicorp.com/vault/install
                  failed:  1.2 Install Compose (apt-get)
                  failed:  2.1 Install wrk (apt-get)
                  failed:  2.2 Install pipx (apt-get)
                  skipped: 2.4 Install Locust (needs step 2.2)
                """), "\(r.stdout)")
    }

    @Test("catalog text with quotes, $( ) and newlines stays inside comments and quoted strings, and never runs")
    func hostileText() throws {
        let box = try Sandbox()
        let marker = box.dir.path + "/pwned"
        let evil = "it's\n$(touch \(marker)) `touch \(marker)`"
        var plan = SamplePlans.plan(SampleReports.empty, host: try PlanHosts.debian())
        plan.phases[0].steps[0].title = evil
        plan.phases[0].steps[0].toolName = evil
        let script = ShellScriptRenderer.render(plan)
        #expect(script.contains("by_hand 1.1 \"it's \\$(touch \(marker)) \\`touch \(marker)\\`\" https://developer.hashicorp.com/vault/install"))
        #expect(script.contains("# 1.1 it's $(touch \(marker)) `touch \(marker)`: for Secrets Management: Secret store CLI\n"))
        let path = try box.dir.file("s.sh", script)
        #expect(ScriptRunner.run("/bin/sh", ["-n", path]).exitCode == 0)
        if ScriptRunner.hasShellcheck {
            let r = ScriptRunner.run(ScriptRunner.shellcheck, ["--shell=sh", "--severity=style", "--norc", path])
            #expect(r.exitCode == 0, "\(r.output)")
        }
        let r = box.run(path)
        #expect(r.exitCode == 0, "\(r.output)")
        #expect(r.stdout.contains("install it's $(touch \(marker)) `touch \(marker)` by hand"))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
