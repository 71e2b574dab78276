import CapAuditKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct HostEnvironmentTests {
    @Test(
        "os-release and the managers on PATH are read from fake files",
        arguments: [
            ("debian-12", "debian", [String](), [Installer.apt]),
            ("ubuntu-24.04", "ubuntu", ["debian"], [.apt]),
            ("fedora-40", "fedora", [], [.dnf, .yum]),
            ("alpine-3.20", "alpine", [], [.apk]),
            ("macos-14", "macos", [], [.brew]),
        ])
    func osRelease(file: String, id: String, like: [String], system: [Installer]) throws {
        let host = try PlanHosts.detect(file, managers: [])
        #expect(host.info.osID == id)
        #expect(host.info.osLike == like)
        #expect(host.systemManagers == system)
        #expect(host.managers.isEmpty)
    }

    @Test("managers are found on PATH by their commands; pip3 before pip")
    func managersOnPath() throws {
        let host = try PlanHosts.detect("debian-12", managers: ["apt-get", "pip", "pip3", "python3", "npm", "go", "cargo", "snap", "pipx", "zypper"])
        #expect(
            host.managers == [
                .apt: "apt-get", .pip: "pip3", .venv: "python3", .npm: "npm", .go: "go", .cargo: "cargo",
                .snap: "snap", .pipx: "pipx", .zypper: "zypper",
            ])
        #expect(!host.managersOverridden)
        // zypper on PATH does not make a Debian host a SUSE host.
        #expect(host.systemManagers == [.apt])
    }

    @Test("a directory or a non-executable file named like a manager is not a manager")
    func notExecutable() throws {
        let dir = try TemporaryFolder()
        try dir.folder("bin/apt-get")
        try dir.file("bin/dnf", "#!/bin/sh\n", mode: 0o644)
        let host = try HostEnvironment.detect(osReleasePath: Fixtures.url("os-release/debian-12").path, searchPath: dir.path + "/bin", isRoot: false)
        #expect(host.managers.isEmpty)
    }

    @Test("--manager replaces detection, accepts command names, and a named system manager is used whatever os-release says")
    func override() throws {
        let host = try PlanHosts.detect("debian-12", managers: ["apt-get", "pipx"], override: ["dnf", "pip3", "venv"])
        #expect(host.managersOverridden)
        #expect(host.managers == [.dnf: "dnf", .pip: "pip3", .venv: "python3"])
        #expect(host.systemManagers == [.apt, .dnf])
        #expect(!host.has(.apt))
    }

    @Test("an unknown --manager and an unreadable --os-release are errors that name the problem")
    func errors() throws {
        #expect(throws: HostEnvironmentError.unknownManager("aptitude")) {
            try HostEnvironment.detect(osReleasePath: Fixtures.url("os-release/debian-12").path, searchPath: "", managerOverride: ["aptitude"])
        }
        #expect(HostEnvironmentError.unknownManager("aptitude").description.contains("apt-get"))
        #expect(throws: HostEnvironmentError.unreadableOSRelease("/nonexistent/os-release")) {
            try HostEnvironment.detect(osReleasePath: "/nonexistent/os-release", searchPath: "")
        }
    }

    @Test("root comes from geteuid unless injected")
    func root() throws {
        let os = Fixtures.url("os-release/debian-12").path
        #expect(try HostEnvironment.detect(osReleasePath: os, searchPath: "", isRoot: true).isRoot)
        #expect(try !HostEnvironment.detect(osReleasePath: os, searchPath: "", isRoot: false).isRoot)
        #expect(try HostEnvironment.detect(osReleasePath: os, searchPath: "").isRoot == (geteuid() == 0))
    }

    @Test("PEP 668: EXTERNALLY-MANAGED in the stdlib folder of the python3 on PATH")
    func externallyManaged() throws {
        let os = Fixtures.url("os-release/debian-12").path
        // Versioned interpreter behind a symlink, as Debian has it: /usr/bin/python3 -> python3.11.
        let dir = try TemporaryFolder()
        try dir.tool("usr/bin/python3.11", "exit 0")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/usr/bin/python3", withDestinationPath: "python3.11")
        try dir.file("usr/lib/python3.12/EXTERNALLY-MANAGED", "") // another version's marker does not count
        var host = try HostEnvironment.detect(osReleasePath: os, searchPath: dir.path + "/usr/bin")
        #expect(!host.pythonExternallyManaged)
        let marker = try dir.file("usr/lib/python3.11/EXTERNALLY-MANAGED", "[externally-managed]\n")
        host = try HostEnvironment.detect(osReleasePath: os, searchPath: dir.path + "/usr/bin")
        #expect(host.pythonExternallyManaged)
        #expect(
            host.externallyManagedMarker.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: marker).resolvingSymlinksInPath().path)

        // An unversioned python3 (a shim): any python3.X folder of its prefix.
        let shim = try TemporaryFolder()
        try shim.tool("bin/python3", "exit 0")
        #expect(try !HostEnvironment.detect(osReleasePath: os, searchPath: shim.path + "/bin").pythonExternallyManaged)
        try shim.file("lib/python3.11/EXTERNALLY-MANAGED", "")
        #expect(try HostEnvironment.detect(osReleasePath: os, searchPath: shim.path + "/bin").pythonExternallyManaged)
        // Injected.
        #expect(try !HostEnvironment.detect(osReleasePath: os, searchPath: shim.path + "/bin", externallyManaged: false).pythonExternallyManaged)
        // No python3 at all: nothing is externally managed.
        #expect(try !HostEnvironment.detect(osReleasePath: os, searchPath: "").pythonExternallyManaged)
    }

    @Test("os families from ID and ID_LIKE pick the system manager")
    func families() {
        func system(_ id: String, _ like: [String] = []) -> [Installer] {
            HostEnvironment(info: HostInfo(osID: id, osLike: like)).systemManagers
        }
        #expect(system("linuxmint", ["ubuntu", "debian"]) == [.apt])
        #expect(system("rocky", ["rhel", "centos", "fedora"]) == [.dnf, .yum])
        #expect(system("opensuse-tumbleweed", ["opensuse", "suse"]) == [.zypper])
        #expect(system("manjaro", ["arch"]) == [.pacman])
        #expect(system("nixos") == [])
        #expect(HostEnvironment(info: HostInfo(), platform: .macos).systemManagers == [.brew])
    }
}
