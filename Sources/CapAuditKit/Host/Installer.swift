import Foundation

/// A way to install software on a host: the one vocabulary of the host's package managers and the
/// plan's install methods.
///
/// - The system package managers (`apt`, `dnf`, `yum`, `apk`, `pacman`, `zypper`: root needed, one
///   family per host) and Homebrew.
/// - The language managers that install commands (`pipx`, `pip`, `npm`, `go`, `cargo`) and `snap`.
/// - `venv`: pip inside capaudit's own virtual environment (PEP 668 hosts without pipx). A host has
///   it when it has `python3`, the name it goes by on a host and in `--manager`.
/// - `snapClassic`: snap with `--classic` confinement; it runs with the host's `snap`.
/// - `docs`: the upstream install documentation, followed by hand; nothing runs.
///
/// A catalog recipe names its packages by `InstallMethod` instead: that key says whose archive a
/// name comes from (`ubuntu` is Ubuntu's archive, installed with `apt`), and `catalogMethods`
/// is the one mapping from an installer to the keys it reads.
public enum Installer: String, Sendable, Equatable, CaseIterable, Comparable {
    case apt, dnf, yum, apk, pacman, zypper, brew, pipx, pip
    /// `pip` inside capaudit's own virtual environment; on a host, `python3`.
    case venv
    case npm, go, cargo, snap
    /// A snap that needs `--classic` confinement.
    case snapClassic = "snap-classic"
    /// Upstream install documentation: not runnable.
    case docs

    /// Orders as declared: the system managers first, docs last.
    public static func < (a: Installer, b: Installer) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    // MARK: - On a host

    /// The installers a host can have, looked up on PATH and accepted by `--manager`: all but
    /// `snapClassic` (the host's `snap`) and `docs`.
    public static let hostManagers: [Installer] = allCases.filter { !$0.commands.isEmpty }

    /// The commands that provide it on a host, looked up on PATH in this order; empty for
    /// `snapClassic` and `docs`, which no host has on its own.
    public var commands: [String] {
        switch self {
        case .apt: return ["apt-get"]
        case .pip: return ["pip3", "pip"]
        case .venv: return ["python3"]
        case .snapClassic, .docs: return []
        default: return [rawValue]
        }
    }

    /// Its name as a host's manager (`--manager`, the plan's list of managers): `python3` for
    /// `venv`, the raw value otherwise.
    public var managerName: String { self == .venv ? "python3" : rawValue }

    /// True for the distribution's own package manager (root needed, one per host family).
    public var isSystem: Bool {
        switch self {
        case .apt, .dnf, .yum, .apk, .pacman, .zypper: return true
        default: return false
        }
    }

    /// Names `--manager` accepts: the manager names and the commands that provide them.
    public static var acceptedNames: [String] {
        var names: [String] = []
        for m in hostManagers { for n in [m.managerName] + m.commands where !names.contains(n) { names.append(n) } }
        return names
    }

    /// `apt`, `apt-get`, `pip3`, `python3`, `venv` ... as given to `--manager`; nil for an unknown name.
    public init?(managerName name: String) {
        let n = name.lowercased()
        guard let m = Installer.hostManagers.first(where: { $0.rawValue == n || $0.managerName == n || $0.commands.contains(n) }) else {
            return nil
        }
        self = m
    }

    // MARK: - In a plan

    /// True when the manager must run as root (a script prefixes `$SUDO`).
    public var needsRoot: Bool { isSystem || self == .snap || self == .snapClassic }

    /// True for methods that put commands in `$HOME/.local/bin`.
    public var usesUserBin: Bool {
        switch self {
        case .pipx, .pip, .npm, .go, .cargo: return true
        default: return false
        }
    }

    /// How a reader recognises it: `apt-get`, `pip in the capaudit venv`, `upstream docs`.
    public var label: String {
        switch self {
        case .apt: return "apt-get"
        case .venv: return "pip in the capaudit venv"
        case .snapClassic: return "snap --classic"
        case .docs: return "upstream docs"
        default: return rawValue
        }
    }

    /// The catalog keys whose package names it installs, tried in this order, on a host of
    /// `families`: Ubuntu's names through apt on Ubuntu and its derivatives and Debian's elsewhere
    /// (never one distribution's name for another), yum's names or else dnf's, pip's or else
    /// pipx's for pip and the venv; none for docs.
    public func catalogMethods(families: [String]) -> [InstallMethod] {
        switch self {
        case .apt: return [families.contains("ubuntu") ? .ubuntu : .apt]
        case .yum: return [.yum, .dnf]
        case .pip, .venv: return [.pip, .pipx]
        case .docs: return []
        default: return InstallMethod(rawValue: rawValue).map { [$0] } ?? []
        }
    }

    // MARK: - Recipe order

    /// One rung of `recipeOrder`.
    public enum RecipeRung: Sendable, Equatable {
        /// The system package managers matching os-release, in the host's order
        /// (`HostEnvironment.systemManagers`: apt; dnf then yum; ... Homebrew on macOS).
        case systemManagers
        /// These installers when the host has them (`HostEnvironment.canRun`).
        case onHost([Installer])
        /// This installer when the host has it or a plan installs it first from the system packages.
        case onHostOrBootstrapped(Installer)

        /// The installers this rung names: the system package managers for `systemManagers`
        /// (Homebrew, macOS's system manager, keeps the rank of its own rung).
        public var named: [Installer] {
            switch self {
            case .systemManagers: return Installer.allCases.filter(\.isSystem)
            case .onHost(let installers): return installers
            case .onHostOrBootstrapped(let installer): return [installer]
            }
        }

        /// The installers of this rung that `host` can run, in order.
        public func installers(on host: HostEnvironment) -> [Installer] {
            switch self {
            case .systemManagers: return host.systemManagers.filter(host.has)
            case .onHost(let installers): return installers.filter { host.canRun($0, bootstrapping: false) }
            case .onHostOrBootstrapped(let installer): return host.canRun(installer, bootstrapping: true) ? [installer] : []
            }
        }
    }

    /// The one order in which recipes are preferred, best first: the planner tries a tool's recipes
    /// in this order (`Planner.bestRecipe`), and ranks tools by the rung their best recipe comes
    /// from (`preference`). The system package manager matching os-release, Homebrew (on Linux),
    /// pipx, pip (where PEP 668 allows it), pipx installed first from the system packages, pip in
    /// capaudit's venv, npm, go, cargo, snap; the upstream docs after all of them.
    public static let recipeOrder: [RecipeRung] = [
        .systemManagers,
        .onHost([.brew]),
        .onHost([.pipx]),
        .onHost([.pip]),
        .onHostOrBootstrapped(.pipx),
        .onHostOrBootstrapped(.venv),
        .onHostOrBootstrapped(.npm),
        .onHost([.go]),
        .onHost([.cargo]),
        .onHost([.snap, .snapClassic]),
    ]

    /// How much a recipe through this installer is preferred, lower first: the index of the first
    /// rung of `recipeOrder` that names it (0 for the system managers); docs after every rung.
    public var preference: Int {
        Installer.recipeOrder.firstIndex { $0.named.contains(self) } ?? Installer.recipeOrder.count
    }
}
