import Foundation

/// The commands each installer runs. Package names come from the catalog, already validated to
/// `[A-Za-z0-9@._+/:=-~]` and never starting with `-`; scripts still single-quote them.
public enum InstallCommands {
    public static func commands(_ installer: Installer, package p: String, upgrade: Bool, host: HostEnvironment) -> [ShellCommand] {
        func w(_ s: String) -> ShellWord { .word(s) }
        // A setup step may install a package with its companions ("pipx ca-certificates").
        let names = p.split(separator: " ").map { ShellWord.value(String($0)) }
        let pkg = names.first ?? .value(p)
        switch installer {
        case .apt:
            // `apt-get install` upgrades a package that is already installed.
            return [ShellCommand([w("apt-get"), w("install"), w("-y")] + names, needsRoot: true)]
        case .dnf, .yum:
            // `install` leaves an installed package alone; `upgrade` then takes it to the newest.
            let m = installer.rawValue
            let install = ShellCommand([w(m), w("install"), w("-y"), pkg], needsRoot: true)
            return upgrade ? [install, ShellCommand([w(m), w("upgrade"), w("-y"), pkg], needsRoot: true)] : [install]
        case .apk:
            return [ShellCommand([w("apk"), w("add")] + (upgrade ? [w("--upgrade")] : []) + [pkg], needsRoot: true)]
        case .pacman:
            return [ShellCommand([w("pacman"), w("-S"), w("--needed"), w("--noconfirm"), pkg], needsRoot: true)]
        case .zypper:
            return [ShellCommand([w("zypper"), w("--non-interactive"), w("install"), pkg], needsRoot: true)]
        case .brew:
            // `brew install` upgrades an outdated formula.
            return [ShellCommand([w("brew"), w("install"), pkg])]
        case .pipx:
            return [ShellCommand([w("pipx"), w("install")] + (upgrade ? [w("--force")] : []) + [pkg])]
        case .pip:
            let pip = host.managers[.pip] ?? "pip3"
            return [ShellCommand([w(pip), w("install"), w("--user")] + (upgrade ? [w("--upgrade")] : []) + [pkg])]
        case .venv:
            return [ShellCommand([.home(InstallPlan.venvPath + "/bin/pip"), w("install")] + (upgrade ? [w("--upgrade")] : []) + [pkg])]
        case .npm:
            return [ShellCommand([w("npm"), w("install"), w("-g"), w("--prefix"), .home(".local"), pkg])]
        case .go:
            return [ShellCommand(env: ["GOBIN=\"$HOME/\(InstallPlan.userBinPath)\""], [w("go"), w("install"), pkg])]
        case .cargo:
            return [ShellCommand([w("cargo"), w("install"), w("--root"), .home(".local"), pkg])]
        case .snap, .snapClassic:
            // `snap install` of an installed snap does nothing; `refresh` takes it to the newest.
            let install = ShellCommand([w("snap"), w("install")] + (installer == .snapClassic ? [w("--classic")] : []) + [pkg], needsRoot: true)
            return upgrade ? [install, ShellCommand([w("snap"), w("refresh"), pkg], needsRoot: true)] : [install]
        case .docs:
            return []
        }
    }
}
