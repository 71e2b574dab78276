import CapAuditKit
import Foundation
import Testing

@Suite struct InstallerTests {
    @Test("every catalog install method is read by an installer the recipe order reaches, so no catalog name is unreachable")
    func everyMethodReachable() {
        let rungInstallers = Installer.recipeOrder.flatMap(\.named)
        for method in InstallMethod.allCases {
            let readers = rungInstallers.filter { i in
                i.catalogMethods(families: ["debian"]).contains(method) || i.catalogMethods(families: ["ubuntu", "debian"]).contains(method)
            }
            #expect(!readers.isEmpty, "\(method.rawValue)")
        }
        #expect(Installer.docs.catalogMethods(families: []).isEmpty)
    }

    @Test("preference follows the recipe order: system managers, brew, pipx, pip, venv, npm, go, cargo, snap with snap --classic, docs last")
    func preferenceOrder() {
        let ranked: [[Installer]] = [
            [.apt, .dnf, .yum, .apk, .pacman, .zypper], [.brew], [.pipx], [.pip], [.venv], [.npm], [.go], [.cargo], [.snap, .snapClassic], [.docs],
        ]
        for (i, tier) in ranked.enumerated() {
            #expect(Set(tier.map(\.preference)).count == 1, "\(tier) share a preference")
            if i > 0 { #expect(ranked[i - 1][0].preference < tier[0].preference, "\(ranked[i - 1][0]) before \(tier[0])") }
        }
        #expect(Set(ranked.joined()) == Set(Installer.allCases))
    }

    @Test("--manager takes manager names and their commands; venv goes by python3; snap --classic and docs are no host's")
    func managerNames() {
        #expect(
            Installer.acceptedNames == [
                "apt", "apt-get", "dnf", "yum", "apk", "pacman", "zypper", "brew", "pipx", "pip", "pip3", "python3", "npm", "go", "cargo", "snap",
            ])
        #expect(Installer(managerName: "apt-get") == .apt)
        #expect(Installer(managerName: "PIP3") == .pip)
        #expect(Installer(managerName: "python3") == .venv)
        #expect(Installer(managerName: "venv") == .venv)
        #expect(Installer(managerName: "snap-classic") == nil)
        #expect(Installer(managerName: "docs") == nil)
        #expect(Installer.venv.managerName == "python3")
        #expect(!Installer.hostManagers.contains(.snapClassic) && !Installer.hostManagers.contains(.docs))
    }

    @Test("the catalog key follows the distribution: Ubuntu's names through apt on Ubuntu, yum falls back to dnf's, pip to pipx's")
    func catalogMethods() {
        #expect(Installer.apt.catalogMethods(families: ["debian"]) == [.apt])
        #expect(Installer.apt.catalogMethods(families: ["linuxmint", "ubuntu", "debian"]) == [.ubuntu])
        #expect(Installer.yum.catalogMethods(families: ["rhel"]) == [.yum, .dnf])
        #expect(Installer.venv.catalogMethods(families: []) == [.pip, .pipx])
        #expect(Installer.snapClassic.catalogMethods(families: []) == [.snapClassic])
    }

    @Test("pip where PEP 668 allows it comes before pipx installed first from the system packages; on a PEP 668 host pipx is bootstrapped")
    func pipBeforeBootstrappedPipx() {
        let tool = PlanCatalogs.tool("locust", install: [.pip: "locust", .pipx: "locust"])
        var host = HostEnvironment(info: HostInfo(osID: "fedora"), managers: [.dnf: "dnf", .pip: "pip3"])
        #expect(Planner.bestRecipe(for: tool, on: host)?.installer == .pip)
        host.pythonExternallyManaged = true
        #expect(Planner.bestRecipe(for: tool, on: host)?.installer == .pipx)
        host.managers = [.pip: "pip3"]
        #expect(Planner.bestRecipe(for: tool, on: host)?.installer == .venv)
    }

    @Test("a snap --classic name installs with the host's snap")
    func snapClassic() {
        let tool = PlanCatalogs.tool("code", install: [.snapClassic: "code"])
        let host = HostEnvironment(info: HostInfo(osID: "debian"), managers: [.snap: "snap"])
        #expect(Planner.bestRecipe(for: tool, on: host) == RecipeChoice(installer: .snapClassic, package: "code", method: .snapClassic))
        #expect(Planner.bestRecipe(for: tool, on: HostEnvironment(info: HostInfo(osID: "debian"))) == nil)
    }
}
