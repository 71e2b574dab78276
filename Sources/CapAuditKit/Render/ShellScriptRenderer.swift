import Foundation

/// Writes an `InstallPlan` as a POSIX `sh` install script that a person reads and runs; capaudit
/// never runs it.
///
/// - `set -eu`; every catalog value single-quoted; passes `sh -n` and `shellcheck` without warnings.
/// - Each install is guarded by `command -v` (or the tool's own check), so a second run installs
///   nothing. Upgrades run every time: package managers leave an up-to-date package alone.
/// - `$SUDO` is decided when the script runs (empty for root) and used only by managers that need root.
/// - `apt-get update` runs once, before the first apt-get install.
public enum ShellScriptRenderer {
    public static func render(_ plan: InstallPlan) -> String {
        var out: [String] = []
        let host = plan.host
        let steps = plan.steps
        let needsRoot = steps.contains { $0.shellCommands.contains(where: \.needsRoot) || isApt($0) }
        let usesApt = steps.contains(where: isApt)
        let pathDirs = steps.compactMap { step -> String? in
            if case .addToPath(let p) = step.action { return p }
            return nil
        }

        out.append("#!/bin/sh")
        out.append(comment("Install plan made by capaudit \(plan.capauditVersion) for \(host.displayName) on \(JSONRenderer.isoTimestamp(plan.createdAt))."))
        out.append("# capaudit never runs this script: read it, then run it yourself with sh.")
        out.append("# Running it again is safe: an install is skipped while its command is on PATH;")
        out.append("# upgrades run every time (a package manager leaves an up-to-date package alone).")
        if let scope = plan.scopeDescription { out.append(comment("Scope: " + scope + ".")) }
        out.append("set -eu")

        if needsRoot {
            let managers = plan.installersUsed.filter(\.needsRoot).map(\.label)
            out.append("")
            out.append(comment("\(managers.joined(separator: ", ")) need\(managers.count == 1 ? "s" : "") root: sudo is used only when this script does not run as root."))
            out.append("SUDO=\"\"")
            out.append("[ \"$(id -u)\" -eq 0 ] || SUDO=sudo")
        }
        if usesApt {
            out.append("")
            out.append("# apt-get update runs once, before the first apt-get install.")
            out.append("APT_UPDATED=no")
            out.append("apt_install() {")
            out.append("  if [ \"$APT_UPDATED\" = no ]; then")
            out.append("    $SUDO apt-get update")
            out.append("    APT_UPDATED=yes")
            out.append("  fi")
            out.append("  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y \"$@\"")
            out.append("}")
        }
        let usesSnap = plan.installersUsed.contains(.snap) || plan.installersUsed.contains(.snapClassic)
        if !pathDirs.isEmpty || usesSnap {
            var entries = pathDirs.reversed().map { "$HOME/\($0)" }
            if usesSnap { entries.append("/snap/bin") }
            out.append("")
            out.append("# Where these installs put commands: on PATH for the rest of this script.")
            out.append("PATH=\"" + entries.map { $0 + ":" }.joined() + "$PATH\"")
            out.append("export PATH")
        }

        for phase in plan.phases {
            out.append("")
            out.append(comment("=== \(phase.heading) ==="))
            if !phase.areas.isEmpty {
                out.append(comment("Areas: " + phase.areas.map { "\($0.name) (\($0.status.rawValue))" }.joined(separator: ", ")))
            }
            if phase.workSteps.isEmpty && !phase.areas.isEmpty {
                out.append("# Nothing to install: every capability of this phase is met.")
            }
            for step in phase.steps {
                out.append("")
                out += render(step)
            }
        }
        out.append("")
        out.append(echo("capaudit plan: done. Open a new shell so PATH changes apply, then run: capaudit scan"))
        out.append("")
        return out.joined(separator: "\n")
    }

    static func isApt(_ step: PlanStep) -> Bool { step.installer == .apt }

    /// The lines of one step, starting with its comment.
    static func render(_ step: PlanStep) -> [String] {
        var out: [String] = []
        var head = "\(step.number) \(step.title)"
        if let seed = step.seedStep { head += " (seed step \(seed))" }
        if !step.covers.isEmpty { head += ": for " + step.covers.map(\.label).joined(separator: "; ") }
        out.append(comment(head))
        if let detail = step.detail { out.append(comment("  " + detail)) }
        if let reason = step.reason { out.append(comment("  Why: " + reason)) }
        for a in step.alternatives { out.append(comment("  Alternative: " + a.label)) }
        for n in step.notes { out.append(comment("  Note: " + n)) }
        let say = echo("==> \(step.number) \(flat(step.title))" + (step.package != nil ? step.installer.map { " (\($0.label))" } ?? "" : ""))

        switch step.action {
        case .install(let installer, let package):
            let body = [say] + runLines(installer: installer, package: package, commands: step.shellCommands)
            out += guarded(body, check: step.check, name: step.toolName ?? package, number: step.number)
        case .upgrade(let installer, let package):
            out.append("# Runs every time: upgrading an up-to-date package changes nothing.")
            out.append(say)
            out += runLines(installer: installer, package: package, commands: step.shellCommands)
        case .createVenv(let path):
            out.append("if [ ! -x \"$HOME/\(path)/bin/pip\" ]; then")
            out.append("  " + say)
            out.append("  python3 -m venv \"$HOME/\(path)\"")
            out.append("fi")
        case .addToPath(let path):
            let line = "\"" + ShellQuote.doubleQuotedBody(InstallPlan.profileLine(path)) + "\""
            out.append("if ! grep -Fqs \(line) \"$HOME/.profile\"; then")
            out.append("  " + say)
            out.append("  echo \(line) >> \"$HOME/.profile\"")
            out.append("fi")
        case .manual(let url):
            let text = echo("install \(flat(step.toolName ?? step.title)) by hand: \(url)")
            switch step.check {
            case .command?, .succeeds?: out += guarded([text], check: step.check, name: nil, number: step.number)
            default: out.append(text)
            }
        case .text:
            for c in step.commands { out.append(comment("  " + c)) }
            if step.kind == .verify, let c = step.commands.first {
                out.append(echo("==> \(step.number) \(flat(step.title)), in a new shell: \(c)"))
            }
        }
        return out
    }

    static func runLines(installer: Installer, package: String, commands: [ShellCommand]) -> [String] {
        if installer == .apt { return ["apt_install " + ShellQuote.single(package)] }
        return commands.map(\.script)
    }

    /// `if ! CHECK; then BODY; fi`, or the body alone when nothing can check it.
    static func guarded(_ body: [String], check: StepCheck?, name: String?, number: String) -> [String] {
        let condition: String
        switch check {
        case .command(let c)?:
            condition = "command -v \(ShellQuote.word(c)) >/dev/null 2>&1"
        case .succeeds(let argv, let env)?:
            let assignments = env.keys.sorted().map { ShellQuote.word("\($0)=\(env[$0]!)") }
            condition = (assignments.isEmpty ? "" : "env " + assignments.joined(separator: " ") + " ") + argv.map(ShellQuote.word).joined(separator: " ") + " >/dev/null 2>&1"
        default:
            return ["# Nothing shows it is installed, so this runs every time."] + body
        }
        var out = ["if ! \(condition); then"]
        out += body.map { "  " + $0 }
        if case .command(let c)? = check, let name {
            out.append("  command -v \(ShellQuote.word(c)) >/dev/null 2>&1 || " + echo("warning: \(number) \(flat(name)): \(c) is still not on PATH") + " >&2")
        }
        out.append("fi")
        return out
    }

    /// A command that prints `message` as it is: `echo '...'`; double quotes with `$` and backquotes
    /// escaped when it has them (shellcheck warns about `$` in single quotes); `printf` when it has a
    /// backslash, which some `echo`s interpret.
    static func echo(_ message: String) -> String {
        let m = flat(message)
        if m.contains("\\") { return "printf '%s\\n' " + ShellQuote.single(m) }
        if m.contains("$") || m.contains("`") { return "echo \"" + ShellQuote.doubleQuotedBody(m) + "\"" }
        return "echo " + ShellQuote.single(m)
    }

    static func flat(_ s: String) -> String {
        String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { !($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) })
    }

    /// A comment line: text on one line, no control characters.
    static func comment(_ s: String) -> String { "# " + flat(s) }
}
