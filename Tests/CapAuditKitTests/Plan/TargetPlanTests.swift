import CapAuditKit
import Foundation
import Testing

/// Plans for another machine, described only by its os-release: everything (managers, PEP 668,
/// package names) comes from that file and the built-in catalog, nothing from this machine.
@Suite struct TargetPlanTests {
    static let targets = ["debian-12", "ubuntu-24.04", "fedora-40", "alpine-3.20", "macos-14"]

    /// The host a plan for `name`'s os-release assumes (never this machine, even when its
    /// os-release is the same file).
    static func target(_ name: String) throws -> HostEnvironment {
        var host = try HostEnvironment.detect(
            osReleasePath: Fixtures.url("os-release/\(name)").path, searchPath: "/nonexistent",
            assumeLocal: false)
        host.info.hostname = "target"
        return host
    }

    /// The built-in catalog with every tool missing.
    static func plan(_ name: String) throws -> InstallPlan {
        let catalog = try BuiltinCatalog.load()
        let report = PlanCatalogs.report(catalog)
        return Planner.plan(report: report, catalog: catalog, host: try target(name), date: SampleReports.date)
    }

    @Test("each os-release fixture gets a plan of its own distribution, matching its golden file", arguments: targets)
    func golden(_ name: String) throws {
        let g = Fixtures.matchesGolden(PlanRenderer.render(try Self.plan(name), format: .text), "plan-target-\(name).txt")
        #expect(g.ok, "\(g.message)")
    }

    @Test("managers and PEP 668 come from the target's distribution and release, not from this machine")
    func assumptions() throws {
        let expected: [String: (Installer, Bool)] = [
            "debian-12": (.apt, true), "ubuntu-24.04": (.apt, true), "fedora-40": (.dnf, false),
            "alpine-3.20": (.apk, true), "macos-14": (.brew, true),
        ]
        for name in Self.targets {
            let host = try Self.target(name)
            #expect(!host.isLocal)
            #expect(host.systemManagers.first == expected[name]!.0, "\(name)")
            #expect(host.has(expected[name]!.0), "\(name)")
            #expect(!host.has(.pipx) && !host.has(.npm), "\(name): \(host.managers)")
            #expect(host.pythonExternallyManaged == expected[name]!.1, "\(name)")
        }
        #expect(TargetDefaults.pythonExternallyManaged(families: ["ubuntu", "debian"], release: "22.04") == false)
        #expect(TargetDefaults.pythonExternallyManaged(families: ["debian"], release: "11") == false)
        #expect(TargetDefaults.pythonExternallyManaged(families: ["alpine"], release: "3.18.4") == false)
    }

    @Test("every install step uses the target's own manager and names; no plan but Debian's mentions Debian's names")
    func ownNames() throws {
        let catalog = try BuiltinCatalog.load()
        let systemInstaller: [String: Installer] = ["debian-12": .apt, "ubuntu-24.04": .apt, "fedora-40": .dnf, "alpine-3.20": .apk, "macos-14": .brew]
        let method: [String: InstallMethod] = ["debian-12": .apt, "ubuntu-24.04": .ubuntu, "fedora-40": .dnf, "alpine-3.20": .apk, "macos-14": .brew]
        for name in Self.targets {
            let plan = try Self.plan(name)
            for step in plan.steps where step.kind == .install || step.kind == .upgrade {
                guard let installer = step.installer, installer.needsRoot || installer == .brew else { continue }
                #expect(installer == systemInstaller[name], "\(name): \(step.title) uses \(installer)")
                if let id = step.toolID, let tool = catalog.tools[id] {
                    #expect(step.package == tool.install.packages[method[name]!], "\(name): \(id)")
                    #expect(step.packageSource != nil, "\(name): \(id) has no source")
                }
            }
            if name != "debian-12" {
                let text = PlanRenderer.render(plan, format: .text)
                #expect(!text.contains("linux-perf"), "\(name)")
            }
        }
        // Ubuntu's perf is linux-tools-generic, not Debian's linux-perf.
        #expect(PlanRenderer.render(try Self.plan("ubuntu-24.04"), format: .text).contains("sudo apt-get install -y linux-tools-generic"))
        #expect(PlanRenderer.render(try Self.plan("debian-12"), format: .text).contains("sudo apt-get install -y linux-perf"))
        // Notes about another distribution stay out of a plan.
        for name in ["fedora-40", "alpine-3.20", "macos-14"] {
            #expect(!PlanRenderer.render(try Self.plan(name), format: .text).contains("Debian 12"), "\(name)")
        }
    }

    @Test("a version's dots do not end a note's sentence, so no kept note starts inside a number")
    func noteSentences() throws {
        for name in Self.targets {
            let text = PlanRenderer.render(try Self.plan(name), format: .text)
            let broken = text.split(separator: "\n").filter { $0.range(of: #"^\s+note:\s+[0-9]"#, options: .regularExpression) != nil }
            #expect(broken.isEmpty, "\(name): \(broken)")
        }
        let alpine = PlanRenderer.render(try Self.plan("alpine-3.20"), format: .text)
        #expect(alpine.contains("Alpine 3.20.0 shipped without aws-cli (no Python 3.12 support yet), which returned"))
        #expect(!alpine.contains("Debian 12 (2."))
    }

    @Test("a missing pipx or npm is installed first from the system packages, and the steps that need it say so")
    func managersFirst() throws {
        for name in Self.targets {
            let plan = try Self.plan(name)
            let pipxSteps = plan.steps.filter { $0.installer == .pipx }
            guard !pipxSteps.isEmpty else { continue }
            let setup = try #require(plan.steps.first { $0.provides == "manager:pipx" }, "\(name)")
            let setupIndex = plan.steps.firstIndex { $0.provides == "manager:pipx" }!
            #expect(pipxSteps.allSatisfy { $0.requires == ["manager:pipx"] }, "\(name)")
            #expect(plan.steps.firstIndex { $0.installer == .pipx && $0.kind != .setup }! > setupIndex, "\(name)")
            #expect(setup.package?.hasPrefix(name == "macos-14" ? "pipx" : "pipx") == true)
        }
        // Debian 12 and Ubuntu 24.04 are externally managed: never pip --user.
        for name in ["debian-12", "ubuntu-24.04", "alpine-3.20"] {
            #expect(!PlanRenderer.render(try Self.plan(name), format: .text).contains("install --user"), "\(name)")
        }
    }

    @Test("a package that starts a service is said so, and the script keeps it stopped and disabled")
    func services() throws {
        let plan = try Self.plan("debian-12")
        let step = try #require(plan.steps.first { $0.toolID == "prometheus" || $0.toolID == "rabbitmqadmin" && $0.kind == .install })
        #expect(!step.services.isEmpty)
        #expect(step.notes.contains { $0.contains("stopped and disabled") })
        let script = ShellScriptRenderer.render(plan)
        #expect(script.contains("apt_install_stopped 'prometheus' 'prometheus'"))
        #expect(script.contains("apt_install_stopped 'rabbitmq-server' 'rabbitmq-server'"))
        #expect(script.contains("systemctl disable --now"))
    }

    @Test("guards look for the command the package really installs (Debian's python3-mprof)")
    func realCommandNames() throws {
        let plan = try Self.plan("debian-12")
        let step = try #require(SamplePlans.step(plan, tool: "memory-profiler"))
        #expect(step.package == "python3-memory-profiler")
        #expect(step.check == .command("python3-mprof"))
    }

    @Test("target plans pass sh -n and shellcheck")
    func scriptsAreValid() throws {
        let folder = try TemporaryFolder()
        for name in Self.targets {
            let path = try folder.file("\(name).sh", ShellScriptRenderer.render(try Self.plan(name)))
            #expect(ScriptRunner.run("/bin/sh", ["-n", path]).exitCode == 0, "\(name)")
            if ScriptRunner.hasShellcheck {
                let r = ScriptRunner.run(ScriptRunner.shellcheck, ["--shell=sh", "--severity=style", "--norc", path])
                #expect(r.exitCode == 0, "\(name): \(r.output)")
            }
        }
    }
}
