import Foundation

/// One word of a command line. Catalog values are always quoted in a script.
public enum ShellWord: Sendable, Equatable {
    /// A fixed word capaudit writes (`install`, `-y`).
    case word(String)
    /// A value from the catalog (a package name): single-quoted in a script.
    case value(String)
    /// A path under the user's home folder: `"$HOME/<path>"`.
    case home(String)

    /// As it appears in a script.
    public var script: String {
        switch self {
        case .word(let w): return ShellQuote.word(w)
        case .value(let v): return ShellQuote.single(v)
        case .home(let p): return "\"$HOME/\(p)\""
        }
    }

    /// As a reader copies it: quoted only where the shell needs it.
    public var display: String {
        switch self {
        case .word(let w), .value(let w): return ShellQuote.word(w)
        case .home(let p): return "\"$HOME/\(p)\""
        }
    }
}

/// One command of a step: environment assignments, argv, and whether it needs root.
public struct ShellCommand: Sendable, Equatable {
    public var env: [String]
    public var argv: [ShellWord]
    public var needsRoot: Bool

    public init(env: [String] = [], _ argv: [ShellWord], needsRoot: Bool = false) {
        self.env = env
        self.argv = argv
        self.needsRoot = needsRoot
    }

    /// The command as a person runs it on this host: `sudo` when root is needed and the user is not root.
    public func display(isRoot: Bool) -> String {
        let sudo = needsRoot && !isRoot
        var parts: [String] = []
        if sudo { parts.append("sudo") }
        if !env.isEmpty {
            if sudo { parts.append("env") }
            parts += env
        }
        parts += argv.map(\.display)
        return parts.joined(separator: " ")
    }

    /// The command in a script: `$SUDO` (empty for root) where root is needed, `env` assignments
    /// through `env` so they survive `sudo`.
    public var script: String {
        var parts: [String] = []
        if needsRoot { parts.append("$SUDO") }
        if !env.isEmpty {
            if needsRoot { parts.append("env") }
            parts += env
        }
        parts += argv.map(\.script)
        return parts.joined(separator: " ")
    }
}

/// What shows that an install step is already done, so a script can skip it.
public enum StepCheck: Sendable, Equatable {
    /// `command -v NAME` finds it.
    case command(String)
    /// This invocation exits 0 (a Python module import, a plugin of a host command).
    case succeeds(argv: [String], env: [String: String])
    /// Nothing on the host can show it; the step runs every time (package managers skip what is there).
    case none
}

/// What a step does.
public enum StepAction: Sendable, Equatable {
    /// Install a package with this method.
    case install(Installer, package: String)
    /// Upgrade (or install over) an outdated tool.
    case upgrade(Installer, package: String)
    /// `python3 -m venv "$HOME/<path>"`.
    case createVenv(path: String)
    /// Put `"$HOME/<path>"` on PATH: for the rest of a script, and in `~/.profile` for new shells.
    case addToPath(path: String)
    /// Add a vendor's package repository: its signing key (checked against the published
    /// fingerprints when there are any), its source entry, then the package lists.
    case addRepository(RepositorySetup)
    /// Nothing installs it on this host: follow the upstream docs at this URL.
    case manual(url: String)
    /// Something to do by hand or to check; nothing runs.
    case text
}

/// A vendor repository as one host's package manager adds it.
public struct RepositorySetup: Sendable, Equatable {
    /// The catalog's repository id (`grafana`).
    public var id: String
    /// Whose repository (`Grafana Labs`).
    public var name: String
    /// The package manager it is added to: apt, dnf or yum.
    public var manager: Installer
    /// Where the signing key is downloaded from.
    public var keyURL: String
    /// The fingerprints the key's primary keys must be among; empty: trusted on first download.
    public var fingerprints: [String]
    /// The page that publishes them.
    public var fingerprintSource: String?
    /// Where the checked key is installed: apt's `signed-by` keyring, or the key file dnf imports.
    public var keyring: String
    /// The source entry's file: `/etc/apt/sources.list.d/ID.list` or `/etc/yum.repos.d/ID.repo`.
    public var sourceFile: String
    /// What the file holds: the apt line, or the dnf repository section.
    public var sourceText: String
    /// True when the apt line's codename could not be read from the target's os-release: the
    /// script reads it from `/etc/os-release` when it runs (`{codename}` in `sourceText`).
    public var codenameAtRunTime: Bool
    /// The vendor's setup page.
    public var docs: String

    public init(
        id: String, name: String, manager: Installer, keyURL: String, fingerprints: [String], fingerprintSource: String?, keyring: String,
        sourceFile: String, sourceText: String, codenameAtRunTime: Bool = false, docs: String
    ) {
        self.id = id
        self.name = name
        self.manager = manager
        self.keyURL = keyURL
        self.fingerprints = fingerprints
        self.fingerprintSource = fingerprintSource
        self.keyring = keyring
        self.sourceFile = sourceFile
        self.sourceText = sourceText
        self.codenameAtRunTime = codenameAtRunTime
        self.docs = docs
    }

    /// The `provides` key of the step that adds it.
    public var key: String { "repository:" + id }
}

/// A capability a step meets.
public struct PlanCoverage: Sendable, Equatable {
    public var areaID: String
    public var areaName: String
    public var capabilityID: String
    public var capabilityName: String

    public init(areaID: String, areaName: String, capabilityID: String, capabilityName: String) {
        self.areaID = areaID
        self.areaName = areaName
        self.capabilityID = capabilityID
        self.capabilityName = capabilityName
    }

    /// `Load/Stress Testing: HTTP benchmarking`.
    public var label: String { "\(areaName): \(capabilityName)" }
}

/// Another tool that would meet the same capability, and how it would install here.
public struct PlanAlternative: Sendable, Equatable {
    public var toolID: String
    public var toolName: String
    public var installer: Installer
    /// The command on this host; nil when only the docs help.
    public var command: String?
    public var docs: String?

    public init(toolID: String, toolName: String, installer: Installer, command: String?, docs: String?) {
        self.toolID = toolID
        self.toolName = toolName
        self.installer = installer
        self.command = command
        self.docs = docs
    }

    /// `ApacheBench (sudo apt-get install -y apache2-utils)` or `Vault (upstream docs: URL)`.
    public var label: String {
        if let command { return "\(toolName) (\(command))" }
        if let docs { return "\(toolName) (upstream docs: \(docs))" }
        return toolName
    }
}

/// One step of a phase.
public struct PlanStep: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Makes a later step possible (virtual environment, PATH).
        case setup
        /// Adds a vendor's package repository that later installs need.
        case repository
        case install
        case upgrade
        /// Install by hand from the upstream docs.
        case manual
        /// Re-scan to check the phase.
        case verify
        /// The seed's integration work (steps 9–12), as text.
        case integration
    }

    /// `1.3`: phase, then position in the phase.
    public var number: String
    public var kind: Kind
    public var title: String
    /// More words for text steps.
    public var detail: String?
    public var toolID: String?
    public var toolName: String?
    /// The capabilities this step meets (several when one tool serves several).
    public var covers: [PlanCoverage]
    public var action: StepAction
    /// The installer's commands, structured, for scripts.
    public var shellCommands: [ShellCommand]
    /// The commands to run on this host, as a person types them.
    public var commands: [String]
    public var check: StepCheck?
    /// Why this tool and this method.
    public var reason: String?
    public var alternatives: [PlanAlternative]
    public var notes: [String]
    /// The seed's step number (9–12) for integration steps.
    public var seedStep: Int?
    /// Where the package name was checked (a package page, or the registry check).
    public var packageSource: String?
    /// Services the package would start; a script keeps them stopped and disabled.
    public var services: [String] = []
    /// What this step makes possible for later steps (`manager:pipx`, `venv`).
    public var provides: String?
    /// The `provides` keys of earlier steps this one needs; a script skips it when one failed.
    public var requires: [String] = []
    /// The vendor repository (catalog id) the package comes from, when not the distribution's archive.
    public var repository: String?

    public init(
        number: String = "", kind: Kind, title: String, detail: String? = nil, toolID: String? = nil, toolName: String? = nil,
        covers: [PlanCoverage] = [], action: StepAction, shellCommands: [ShellCommand] = [], commands: [String] = [],
        check: StepCheck? = nil, reason: String? = nil, alternatives: [PlanAlternative] = [], notes: [String] = [], seedStep: Int? = nil
    ) {
        self.number = number
        self.kind = kind
        self.title = title
        self.detail = detail
        self.toolID = toolID
        self.toolName = toolName
        self.covers = covers
        self.action = action
        self.shellCommands = shellCommands
        self.commands = commands
        self.check = check
        self.reason = reason
        self.alternatives = alternatives
        self.notes = notes
        self.seedStep = seedStep
    }

    /// The method of an install or upgrade step.
    public var installer: Installer? {
        switch action {
        case .install(let i, _), .upgrade(let i, _): return i
        case .manual: return .docs
        case .createVenv: return .venv
        default: return nil
        }
    }

    /// The package of an install or upgrade step.
    public var package: String? {
        switch action {
        case .install(_, let p), .upgrade(_, let p): return p
        default: return nil
        }
    }

    /// What a repository step adds.
    public var repositorySetup: RepositorySetup? {
        if case .addRepository(let r) = action { return r }
        return nil
    }

    /// The docs URL of a manual step.
    public var docs: String? {
        if case .manual(let url) = action { return url }
        return nil
    }
}

/// An area a phase works on, and its status in the scan.
public struct PlanArea: Sendable, Equatable {
    public var id: String
    public var name: String
    public var priority: Priority
    public var status: AreaStatus

    public init(id: String, name: String, priority: Priority, status: AreaStatus) {
        self.id = id
        self.name = name
        self.priority = priority
        self.status = status
    }
}

/// One phase of the seed's plan: 1 critical (week 1), 2 high (week 2), 3 medium and integration (week 3).
public struct PlanPhase: Sendable, Equatable {
    public var number: Int
    /// `Critical`, `High priority`, `Medium priority and integration`.
    public var title: String
    public var week: Int
    public var areas: [PlanArea]
    public var steps: [PlanStep]

    public init(number: Int, title: String, week: Int, areas: [PlanArea], steps: [PlanStep]) {
        self.number = number
        self.title = title
        self.week = week
        self.areas = areas
        self.steps = steps
    }

    /// `Phase 1: Critical (week 1)`.
    public var heading: String { "Phase \(number): \(title) (week \(week))" }

    /// Steps that install, upgrade or point at docs.
    public var workSteps: [PlanStep] { steps.filter { [.install, .upgrade, .manual].contains($0.kind) } }
}

/// The plan: a value made by `Planner.plan`, rendered by `PlanRenderer` and `ShellScriptRenderer`.
public struct InstallPlan: Sendable, Equatable {
    public static let schemaVersion = 1
    /// The virtual environment capaudit creates on PEP 668 hosts without pipx, relative to `$HOME`.
    public static let venvPath = ".local/share/capaudit/venv"
    /// Where pipx, pip --user, npm, go and cargo installs put commands, relative to `$HOME`.
    public static let userBinPath = ".local/bin"
    /// The `provides` key of the step that creates the virtual environment.
    public static let venvSetupKey = "venv"

    /// The line `~/.profile` gets: `export PATH="$HOME/<path>:$PATH"`.
    public static func profileLine(_ path: String) -> String {
        "export PATH=\"$HOME/\(path):$PATH\""
    }

    /// The command a person types to add `profileLine` to `~/.profile`.
    public static func profileLineCommand(_ path: String) -> String {
        "echo " + ShellQuote.single(profileLine(path)) + " >> \"$HOME/.profile\""
    }

    public var capauditVersion: String
    /// When the plan was made (from the caller, never the clock).
    public var createdAt: Date
    public var host: HostEnvironment
    /// `--phase N`, if given.
    public var phaseFilter: Int?
    /// `--area ID` values, if given.
    public var areaFilter: [String]
    public var phases: [PlanPhase]

    /// "phase 2; areas load-testing" when the plan is limited, else nil.
    public var scopeDescription: String? {
        var scope: [String] = []
        if let p = phaseFilter { scope.append("phase \(p)") }
        if !areaFilter.isEmpty { scope.append("areas " + areaFilter.joined(separator: ", ")) }
        return scope.isEmpty ? nil : scope.joined(separator: "; ")
    }

    public init(capauditVersion: String, createdAt: Date, host: HostEnvironment, phaseFilter: Int? = nil, areaFilter: [String] = [], phases: [PlanPhase]) {
        self.capauditVersion = capauditVersion
        self.createdAt = createdAt
        self.host = host
        self.phaseFilter = phaseFilter
        self.areaFilter = areaFilter
        self.phases = phases
    }

    public var steps: [PlanStep] { phases.flatMap(\.steps) }

    public func steps(_ kind: PlanStep.Kind) -> [PlanStep] { steps.filter { $0.kind == kind } }

    /// Installs, upgrades and manual steps: what the plan asks of a person.
    public var workCount: Int { phases.reduce(0) { $0 + $1.workSteps.count } }

    /// The installers the plan runs, in first-use order.
    public var installersUsed: [Installer] {
        var out: [Installer] = []
        for step in steps {
            if let i = step.installer, i != .docs, !out.contains(i) { out.append(i) }
        }
        return out
    }
}
