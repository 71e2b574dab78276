@testable import CapAuditCLI
import CapAuditKit
import Foundation
import Testing

/// Runs a program with arguments and stdin text; returns its exit status, stdout and stderr.
private func shell(_ argv: [String], stdin: String = "", environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = argv
    if let environment { process.environment = environment }
    let input = Pipe(), output = Pipe(), error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    // stderr here is short (a syntax error); stdout is read to its end before waiting.
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

private func installed(_ program: String) -> Bool {
    ((try? shell(["sh", "-c", "command -v \(program)"]))?.status ?? 1) == 0
}

/// A catalog of one critical area whose only tool is a script in `dir/bin` that leaves a marker file
/// when it runs, so a test can tell whether any probe ran.
private func markerCatalog(in dir: TemporaryFolder) throws -> (catalog: String, bin: String, marker: String) {
    let marker = dir.url.appendingPathComponent("probe-ran").path
    try dir.file("bin/markertool", "#!/bin/sh\ntouch '\(marker)'\necho 'markertool 1.2.3'\n", mode: 0o755)
    let catalog = try dir.file(
        "catalog.json",
        """
        {
          "schemaVersion": 1,
          "area": {
            "id": "secrets", "name": "Secrets", "priority": "critical", "rank": 1, "phase": 1,
            "why": "w", "impact": "i", "useCases": ["u"],
            "capabilities": [ { "id": "store", "name": "Secret store", "tools": ["markertool"] } ]
          },
          "tools": [
            { "id": "markertool", "name": "Marker", "summary": "A tool that says it ran.", "homepage": "https://example.com",
              "probes": [ { "command": "markertool", "args": ["--version"] } ] }
          ]
        }
        """)
    return (catalog, dir.url.appendingPathComponent("bin").path, marker)
}

@Suite struct CommandLineTests {
    // MARK: suggestions

    @Test("a mistyped option of every command is refused with the nearest option, exit 2")
    func mistypedOptionEveryCommand() {
        for command in CommandRegistry.commands {
            let spec = command.spec
            // Drop one letter from the command's first own option: --format → --frmat.
            let option = spec.options.first { $0.name != "--help" && $0.name.count > 5 } ?? spec.options[0]
            var typo = option.name
            typo.remove(at: typo.index(typo.startIndex, offsetBy: 3))
            let r = runInProcess([spec.name, typo])
            #expect(r.code == .usage, "\(spec.name) \(typo)")
            #expect(r.stderr.contains("did you mean '\(option.name)'?"), "\(spec.name) \(typo): \(r.stderr)")
        }
    }

    @Test(
        "a mistyped command, help topic, action or option value gets the nearest word",
        arguments: [
            (["sacn"], "unknown command \"sacn\"; did you mean 'scan'?"),
            (["help", "epxlain"], "did you mean 'explain'?"),
            (["--verison"], "unknown option \"--verison\"; did you mean '--version'?"),
            (["catalog", "lsit"], "unknown action \"lsit\"; expected list, show or validate; did you mean 'list'?"),
            (["cache", "clera"], "did you mean 'clear'?"),
            (["export", "prometeus", "--output", "x"], "did you mean 'prometheus'?"),
            (["completions", "zhs"], "did you mean 'zsh'?"),
            (["schema", "reprot"], "did you mean 'report'?"),
            (["scan", "--format", "jsno"], "invalid value \"jsno\" for '--format'; expected text, json, markdown, junit or prometheus; did you mean 'json'?"),
            (["scan", "--color", "allways"], "did you mean 'always'?"),
            (["scan", "--fail-on", "critcal"], "did you mean 'critical'?"),
            (["plan", "--manager", "aptt"], "did you mean 'apt'?"),
            (["merge", "--format", "cvs", "x.json"], "did you mean 'csv'?"),
            (["catalog", "list", "--format", "yaml"], "expected text or json"),
            (["scan", "--area", "secrts"], "did you mean 'secrets'?"),
            (["scan", "--profile", "ci-runer"], "did you mean 'ci-runner'?"),
        ])
    func suggestions(arguments: [String], message: String) {
        let r = runInProcess(arguments)
        #expect(r.code == .usage)
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    // MARK: output paths

    @Test(
        "an output in a missing folder, a folder as output, or a file as folder is a usage error before any probe runs",
        arguments: [("missing/report.json", "does not exist"), ("", "is a folder"), ("catalog.json/x.json", "is not a folder")])
    func outputCheckedFirst(relative: String, reason: String) throws {
        let dir = try TemporaryFolder()
        let (catalog, bin, marker) = try markerCatalog(in: dir)
        let target = relative.isEmpty ? dir.path : dir.url.appendingPathComponent(relative).path
        for args in [["--output", target], ["--report", "json:" + target]] {
            let r = runInProcess(["scan", "--no-config", "--catalog", catalog, "--path", bin] + args)
            #expect(r.code == .usage, "\(args)")
            #expect(r.stderr.contains(reason), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: marker), "a probe ran before the output was checked")
        }
        // The same scan with a good output runs the probe: the marker proves the check above can fail.
        let ok = runInProcess(["scan", "--no-config", "--catalog", catalog, "--path", bin, "--output", dir.url.appendingPathComponent("r.json").path])
        #expect(ok.code == .success, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test(
        "plan, init, export and man check their outputs before doing anything",
        arguments: [
            ["plan", "--no-config", "--output"], ["init", "--output"], ["man", "--output"], ["schema", "config", "--output"],
        ])
    func otherCommandsCheckOutputs(prefix: [String]) throws {
        let r = runInProcess(prefix + ["/nonexistent-capaudit-folder/out.txt"])
        #expect(r.code == .usage)
        #expect(r.stderr.contains("the folder /nonexistent-capaudit-folder does not exist"), "\(r.stderr)")
    }

    @Test("export refuses an output folder whose nearest existing parent is a file")
    func exportFolder() throws {
        let dir = try TemporaryFolder()
        let file = try dir.file("plain", "x")
        let r = runInProcess(["export", "prometheus", "--output", file + "/sub"])
        #expect(r.code == .usage)
        #expect(r.stderr.contains("is not a folder"), "\(r.stderr)")
    }

    // MARK: colour

    @Test("NO_COLOR set and not empty turns colour off for auto; empty NO_COLOR does not; --color always wins; never always wins")
    func noColor() {
        #expect(ColorChoice.auto.useColor(toTerminal: true, environment: [:]))
        #expect(!ColorChoice.auto.useColor(toTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.auto.useColor(toTerminal: true, environment: ["NO_COLOR": "0"]))
        #expect(ColorChoice.auto.useColor(toTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(ColorChoice.always.useColor(toTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.useColor(toTerminal: true, environment: [:]))
        #expect(!ColorChoice.auto.useColor(toTerminal: false, environment: [:]))
        #expect(!ColorChoice.auto.useColor(toTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test("the real binary: --color always colours with NO_COLOR=1 set, and auto does not colour a pipe")
    func noColorBinary() throws {
        let dir = try TemporaryFolder()
        let (catalog, bin, _) = try markerCatalog(in: dir)
        let binary = Fixtures.packageRoot.appendingPathComponent(".build/debug/capaudit").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { return }
        let env = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": dir.path]
        let always = try shell([binary, "scan", "--no-config", "--catalog", catalog, "--path", bin, "--color", "always"], environment: env)
        #expect(always.out.contains("\u{1B}["))
        let auto = try shell([binary, "scan", "--no-config", "--catalog", catalog, "--path", bin], environment: env)
        #expect(!auto.out.contains("\u{1B}["))
        #expect(auto.status == 0)
    }

    // MARK: catalog list --format json

    @Test("catalog list --format json lists areas with capabilities, tools with constraints, and profiles")
    func catalogListJSON() throws {
        let r = runInProcess(["catalog", "list", "--format", "json"])
        #expect(r.code == .success)
        let doc = try JSONParser.parse(r.stdout)
        guard case .array(let areas, _)? = doc.member("areas"), case .array(let tools, _)? = doc.member("tools"),
            case .array(let profiles, _)? = doc.member("profiles")
        else { Issue.record("missing arrays"); return }
        let catalog = try BuiltinCatalog.load()
        #expect(areas.count == catalog.areas.count)
        #expect(tools.count == catalog.tools.count)
        #expect(profiles.count == catalog.profiles.count)
        let helm = tools.first { $0.member("id") == .string("helm", SourceLocation(line: 0, column: 0)) }
        #expect(helm?.member("versionConstraint").map(SchemaValidator.show) == "\">= 3.0.0\"")
        #expect(r.stdout.contains("\"capabilities\""))
        #expect(runInProcess(["catalog", "show", "helm", "--format", "json"]).code == .usage)
    }

    // MARK: completions and man page

    static func script(_ shell: String) -> String {
        let r = runInProcess(["completions", shell])
        #expect(r.code == .success)
        return r.stdout
    }

    @Test("bash completion is valid bash and completes commands, options, choices and actions")
    func bashCompletion() throws {
        let script = Self.script("bash")
        let syntax = try shell(["bash", "-n"], stdin: script)
        #expect(syntax.status == 0, "\(syntax.err)")
        let dir = try TemporaryFolder()
        let file = try dir.file("capaudit.bash", script)
        func complete(_ words: [String]) throws -> [String] {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let program = "source '\(file)'; COMP_WORDS=(capaudit \(quoted)); COMP_CWORD=\(words.count); _capaudit; printf '%s\\n' \"${COMPREPLY[@]}\""
            let r = try shell(["bash", "-c", program])
            #expect(r.status == 0, "\(r.err)")
            return r.out.split(separator: "\n").map(String.init)
        }
        #expect(try complete(["sc"]) == ["scan", "schema"])
        #expect(try complete(["scan", "--form"]) == ["--format"])
        #expect(try complete(["scan", "--format", "j"]) == ["json", "junit"])
        #expect(try complete(["scan", "--color", ""]) == ["auto", "always", "never"])
        #expect(try complete(["catalog", ""]) == ["list", "show", "validate"])
        #expect(try complete(["completions", "z"]) == ["zsh"])
        #expect(try complete(["scan", "--area", "secr"]) == ["secrets"])
        #expect(try complete(["explain", "kubect"]) == ["kubectl"])
        #expect(try complete(["help", "expl"]) == ["explain"])
    }

    @Test("zsh and fish completions parse (zsh -n, fish -n) where the shells are installed; every option is in them")
    func zshAndFish() throws {
        let zsh = Self.script("zsh"), fish = Self.script("fish")
        for spec in Commands.all {
            for option in spec.options {
                #expect(zsh.contains(option.name), "zsh lacks \(spec.name) \(option.name)")
                #expect(fish.contains("-l \(option.name.dropFirst(2))"), "fish lacks \(spec.name) \(option.name)")
            }
        }
        #expect(zsh.hasPrefix("#compdef capaudit\n"))
        if installed("zsh") {
            let r = try shell(["zsh", "-n"], stdin: zsh)
            #expect(r.status == 0, "\(r.err)")
        }
        if installed("fish") {
            let dir = try TemporaryFolder()
            let file = try dir.file("capaudit.fish", fish)
            let r = try shell(["fish", "-n", file])
            #expect(r.status == 0, "\(r.err)")
            let c = try shell(["fish", "-c", "source \(file); complete -C 'capaudit scan --format j'"])
            #expect(c.out.contains("json"), "\(c.out)\(c.err)")
        }
    }

    @Test("the man page documents every command and option, escapes roff, and man -l renders it without warnings")
    func manPage() throws {
        let r = runInProcess(["man"])
        #expect(r.code == .success)
        let page = r.stdout
        #expect(page.contains(".TH CAPAUDIT 1"))
        for spec in Commands.all {
            #expect(page.contains(ManPage.escape(spec.usage)), "\(spec.name)")
            for option in spec.options { #expect(page.contains("\\fB" + ManPage.escape(option.name) + "\\fR"), "\(spec.name) \(option.name)") }
        }
        // No text line starts with a control character unless it is a request we wrote.
        for line in page.split(separator: "\n") where line.hasPrefix("'") { Issue.record("unprotected line: \(line)") }
        if installed("man") {
            let dir = try TemporaryFolder()
            let file = try dir.file("capaudit.1", page)
            let m = try shell(["man", "--warnings", "-E", "UTF-8", "-l", file], environment: ["MANWIDTH": "100", "PATH": "/usr/bin:/bin", "MANPAGER": "cat", "PAGER": "cat"])
            #expect(m.status == 0, "\(m.err)")
            #expect(m.err.isEmpty, "\(m.err)")
            #expect(m.out.contains("capaudit scan"))
        }
    }

    @Test("schema config|report print the schemas; the parser refuses another word")
    func schemaCommand() throws {
        let config = runInProcess(["schema", "config"])
        #expect(config.code == .success)
        #expect(config.stdout == ConfigSchema.document.rendered())
        let report = runInProcess(["schema", "report"])
        #expect(report.stdout.contains("\"versionConstraint\""))
        #expect(runInProcess(["schema"]).code == .usage)
    }
}
