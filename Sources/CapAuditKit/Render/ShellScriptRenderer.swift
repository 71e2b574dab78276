import Foundation

/// Writes an `InstallPlan` as a POSIX `sh` install script that a person reads and runs; capaudit
/// never runs it.
///
/// - `set -u`, not `-e`: a failed step does not stop the others. The script records it, skips the
///   steps that need it (pipx before the pipx installs, the venv before the venv installs), lists
///   at its end what failed, what was skipped and what is left to do by hand, and exits 1 when
///   anything failed.
/// - Every catalog value single-quoted; passes `sh -n` and `shellcheck` without warnings.
/// - Each install is guarded by `command -v` of the command the package really installs (or the
///   tool's own check), so a second run installs nothing. Upgrades run every time: package
///   managers leave an up-to-date package alone.
/// - `$SUDO` is decided when the script runs (empty for root) and used only by managers that need root.
/// - `apt-get update` runs before the first apt-get install (again after a failed update); installs
///   skip recommended packages (a CLI does not need memory-profiler's matplotlib).
/// - A package that would start a service the plan does not need is installed with Debian's
///   `policy-rc.d` hook refusing the start, then the service is disabled.
public enum ShellScriptRenderer {
    public static func render(_ plan: InstallPlan) -> String {
        var out: [String] = []
        let host = plan.host
        let steps = plan.steps
        let repositories = steps.compactMap(\.repositorySetup)
        let needsRoot = steps.contains { $0.shellCommands.contains(where: \.needsRoot) || isApt($0) } || !repositories.isEmpty
        let usesApt = steps.contains(where: isApt) || repositories.contains { $0.manager == .apt }
        let usesServices = steps.contains { isApt($0) && !$0.services.isEmpty }
        let pathDirs = steps.compactMap { step -> String? in
            if case .addToPath(let p) = step.action { return p }
            return nil
        }
        var providers: [String: String] = [:]
        for step in steps { if let key = step.provides { providers[key] = step.number } }

        out.append("#!/bin/sh")
        out.append(comment("Install plan made by capaudit \(plan.capauditVersion) for \(host.displayName) on \(JSONRenderer.isoTimestamp(plan.createdAt))."))
        out.append("# capaudit never runs this script: read it, then run it yourself with sh.")
        out.append("# Running it again is safe: an install is skipped while its command is on PATH;")
        out.append("# upgrades run every time (a package manager leaves an up-to-date package alone).")
        out.append("# A failed step does not stop the others; the steps that need it are skipped, and")
        out.append("# the end lists what failed and what is left to do by hand (exit status 1 on failure).")
        if let scope = plan.scopeDescription { out.append(comment("Scope: " + scope + ".")) }
        out.append("set -u")

        if needsRoot {
            let managers = plan.installersUsed.filter(\.needsRoot).map(\.label)
            out.append("")
            out.append(comment("\(managers.joined(separator: ", ")) need\(managers.count == 1 ? "s" : "") root: sudo is used only when this script does not run as root."))
            out.append("SUDO=\"\"")
            out.append("[ \"$(id -u)\" -eq 0 ] || SUDO=sudo")
        }
        out.append("")
        out.append("# Steps that failed or were skipped, and the lines of the summary at the end.")
        out.append("FAILED=\"\"")
        out.append("SUMMARY=\"\"")
        out.append("note() {")
        out.append("  SUMMARY=\"$SUMMARY")
        out.append("  $1\"")
        out.append("}")
        out.append("# step_failed NUMBER: true when that step failed or was skipped.")
        out.append("step_failed() {")
        out.append("  case \" $FAILED \" in *\" $1 \"*) return 0 ;; esac")
        out.append("  return 1")
        out.append("}")
        out.append("# run_step NUMBER TITLE FUNCTION: runs one step; a failure is recorded and the script goes on.")
        out.append("run_step() {")
        out.append("  echo \"==> $1 $2\"")
        out.append("  if \"$3\"; then return 0; fi")
        out.append("  echo \"capaudit plan: step $1 failed: $2\" >&2")
        out.append("  FAILED=\"$FAILED $1\"")
        out.append("  note \"failed:  $1 $2\"")
        out.append("  return 1")
        out.append("}")
        out.append("# skip_step NUMBER TITLE NEEDED: NEEDED failed, so this step cannot run.")
        out.append("skip_step() {")
        out.append("  echo \"==> $1 $2: skipped, step $3 failed\"")
        out.append("  FAILED=\"$FAILED $1\"")
        out.append("  note \"skipped: $1 $2 (needs step $3)\"")
        out.append("}")
        out.append("# by_hand NUMBER NAME URL: nothing on this host installs it.")
        out.append("by_hand() {")
        out.append("  echo \"==> $1 install $2 by hand: $3\"")
        out.append("  note \"by hand: $1 $2: $3\"")
        out.append("}")
        if usesApt {
            out.append("")
            out.append("# apt-get update runs before the first apt-get install (again if it failed).")
            out.append("APT_UPDATED=no")
            out.append("apt_install() {")
            out.append("  if [ \"$APT_UPDATED\" = no ]; then")
            out.append("    $SUDO apt-get update || return 1")
            out.append("    APT_UPDATED=yes")
            out.append("  fi")
            out.append("  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \"$@\"")
            out.append("}")
        }
        if usesServices {
            out.append("")
            out.append("# apt_install_stopped \"SERVICES\" PACKAGE: for a package whose service this plan does not need.")
            out.append("# Debian's policy-rc.d hook (exit 101: action forbidden) keeps the service from starting")
            out.append("# during the install; then it is disabled, so it does not start at boot either.")
            out.append("apt_install_stopped() {")
            out.append("  services=$1")
            out.append("  shift")
            out.append("  hook=/usr/sbin/policy-rc.d")
            out.append("  made_hook=no")
            out.append("  if [ ! -e \"$hook\" ]; then")
            out.append("    printf '#!/bin/sh\\nexit 101\\n' | $SUDO tee \"$hook\" >/dev/null && $SUDO chmod 755 \"$hook\" && made_hook=yes")
            out.append("  fi")
            out.append("  apt_install \"$@\"")
            out.append("  status=$?")
            out.append("  [ \"$made_hook\" = no ] || $SUDO rm -f \"$hook\"")
            out.append("  if [ \"$status\" -eq 0 ] && command -v systemctl >/dev/null 2>&1; then")
            out.append("    for service in $services; do")
            out.append("      $SUDO systemctl disable --now \"$service\" >/dev/null 2>&1 || true")
            out.append("    done")
            out.append("  fi")
            out.append("  return \"$status\"")
            out.append("}")
        }
        if !repositories.isEmpty {
            out += repositoryFunctions(apt: repositories.contains { $0.manager == .apt }, dnf: repositories.contains { $0.manager != .apt })
        }
        if repositories.contains(where: \.codenameAtRunTime) {
            out.append("")
            out.append("# The release codename in vendor repositories' apt lines, from this machine's os-release.")
            out.append("CODENAME=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release | tr -d '\"')")
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
                out += render(step, providers: providers)
            }
        }
        out.append("")
        out.append("echo")
        out.append("if [ -n \"$SUMMARY\" ]; then")
        out.append("  printf 'capaudit plan: summary%s\\n' \"$SUMMARY\"")
        out.append("else")
        out.append("  " + echo("capaudit plan: every step done."))
        out.append("fi")
        out.append(echo("Open a new shell so PATH changes apply, then run: capaudit scan"))
        out.append("[ -z \"$FAILED\" ] || exit 1")
        out.append("")
        return out.joined(separator: "\n")
    }

    static func isApt(_ step: PlanStep) -> Bool { step.installer == .apt }

    /// A repository's source text as one script argument; a codename read when the script runs is `$CODENAME`.
    static func sourceArg(_ r: RepositorySetup) -> String {
        guard r.codenameAtRunTime else { return arg(r.sourceText) }
        let parts = r.sourceText.components(separatedBy: RepositoryAccess.codenamePlaceholder).map(ShellQuote.doubleQuotedBody)
        return "\"" + parts.joined(separator: "$CODENAME") + "\""
    }

    /// The shell functions repository steps call.
    static func repositoryFunctions(apt: Bool, dnf: Bool) -> [String] {
        var out: [String] = [""]
        out.append("# vendor_key URL FILE [FINGERPRINT...]: downloads a vendor's signing key to FILE; with fingerprints,")
        out.append("# every primary key in it must be one of them (as gpg --show-keys --with-colons prints them).")
        out.append("vendor_key() {")
        out.append("  key_url=$1")
        out.append("  key_file=$2")
        out.append("  shift 2")
        out.append("  curl -fsSL --connect-timeout 30 --max-time 300 \"$key_url\" -o \"$key_file\" || return 1")
        out.append("  [ \"$#\" -gt 0 ] || return 0")
        out.append("  key_home=$(mktemp -d) || return 1")
        out.append("  found=$(gpg --homedir \"$key_home\" --batch --show-keys --with-colons \"$key_file\" 2>/dev/null |")
        out.append("    awk -F: '$1 == \"pub\" { p = 1; next } p && $1 == \"fpr\" { print $10; p = 0 }')")
        out.append("  rm -rf \"$key_home\"")
        out.append("  if [ -z \"$found\" ]; then")
        out.append("    echo \"capaudit plan: $key_url holds no OpenPGP key\" >&2")
        out.append("    return 1")
        out.append("  fi")
        out.append("  for fpr in $found; do")
        out.append("    case \" $* \" in")
        out.append("      *\" $fpr \"*) ;;")
        out.append("      *)")
        out.append("        echo \"capaudit plan: $key_url holds key $fpr, not the published $*\" >&2")
        out.append("        return 1")
        out.append("        ;;")
        out.append("    esac")
        out.append("  done")
        out.append("}")
        if apt {
            out.append("")
            out.append("# apt_repository KEY_URL KEYRING LIST LINE [FINGERPRINT...]: adds a vendor's apt repository: the key")
            out.append("# (checked, then installed as KEYRING), LINE in LIST, then apt-get update. When any of it fails,")
            out.append("# LIST is removed again, so the other apt-get steps are not held up by it.")
            out.append("apt_repository() {")
            out.append("  repo_key=$1")
            out.append("  repo_keyring=$2")
            out.append("  repo_list=$3")
            out.append("  repo_line=$4")
            out.append("  shift 4")
            out.append("  if ! command -v curl >/dev/null 2>&1 || ! command -v gpg >/dev/null 2>&1 || [ ! -e /etc/ssl/certs/ca-certificates.crt ]; then")
            out.append("    apt_install curl gpg ca-certificates || return 1")
            out.append("  fi")
            out.append("  repo_dir=$(mktemp -d) || return 1")
            out.append("  if vendor_key \"$repo_key\" \"$repo_dir/key\" \"$@\" &&")
            out.append("    if grep -q 'BEGIN PGP PUBLIC KEY BLOCK' \"$repo_dir/key\"; then")
            out.append("      gpg --homedir \"$repo_dir\" --batch --dearmor < \"$repo_dir/key\" > \"$repo_dir/keyring\"")
            out.append("    else")
            out.append("      cp \"$repo_dir/key\" \"$repo_dir/keyring\"")
            out.append("    fi &&")
            out.append("    $SUDO install -D -m 644 \"$repo_dir/keyring\" \"$repo_keyring\" &&")
            out.append("    printf '%s\\n' \"$repo_line\" | $SUDO tee \"$repo_list\" >/dev/null &&")
            out.append("    $SUDO apt-get update; then")
            out.append("    rm -rf \"$repo_dir\"")
            out.append("    APT_UPDATED=yes")
            out.append("    return 0")
            out.append("  fi")
            out.append("  rm -rf \"$repo_dir\"")
            out.append("  $SUDO rm -f \"$repo_list\"")
            out.append("  return 1")
            out.append("}")
        }
        if dnf {
            out.append("")
            out.append("# dnf_repository MANAGER ID KEY_URL KEY_FILE REPO_FILE TEXT [FINGERPRINT...]: adds a vendor's rpm repository:")
            out.append("# the key (checked, installed as KEY_FILE and imported), TEXT as REPO_FILE, then its metadata.")
            out.append("# When any of it fails, REPO_FILE is removed again.")
            out.append("dnf_repository() {")
            out.append("  repo_manager=$1")
            out.append("  repo_id=$2")
            out.append("  repo_key=$3")
            out.append("  repo_key_file=$4")
            out.append("  repo_file=$5")
            out.append("  repo_text=$6")
            out.append("  shift 6")
            out.append("  if ! command -v curl >/dev/null 2>&1 || ! command -v gpg >/dev/null 2>&1; then")
            out.append("    $SUDO \"$repo_manager\" install -y curl gnupg2 || return 1")
            out.append("  fi")
            out.append("  repo_dir=$(mktemp -d) || return 1")
            out.append("  if vendor_key \"$repo_key\" \"$repo_dir/key\" \"$@\" &&")
            out.append("    $SUDO install -D -m 644 \"$repo_dir/key\" \"$repo_key_file\" &&")
            out.append("    $SUDO rpm --import \"$repo_key_file\" &&")
            out.append("    printf '%s\\n' \"$repo_text\" | $SUDO tee \"$repo_file\" >/dev/null &&")
            out.append("    $SUDO \"$repo_manager\" makecache --repo \"$repo_id\"; then")
            out.append("    rm -rf \"$repo_dir\"")
            out.append("    return 0")
            out.append("  fi")
            out.append("  rm -rf \"$repo_dir\"")
            out.append("  $SUDO rm -f \"$repo_file\"")
            out.append("  return 1")
            out.append("}")
        }
        return out
    }

    /// The lines of one step, starting with its comment.
    static func render(_ step: PlanStep, providers: [String: String] = [:]) -> [String] {
        var out: [String] = []
        var head = "\(step.number) \(step.title)"
        if !step.covers.isEmpty { head += ": for " + step.covers.map(\.label).joined(separator: "; ") }
        out.append(comment(head))
        if let detail = step.detail { out.append(comment("  " + detail)) }
        if let reason = step.reason { out.append(comment("  Why: " + reason)) }
        if let source = step.packageSource, let package = step.package { out.append(comment("  Package name \(package) from: " + source)) }
        for a in step.alternatives { out.append(comment("  Alternative: " + a.label)) }
        for n in step.notes { out.append(comment("  Note: " + n)) }
        let title = flat(step.title) + (step.package != nil ? step.installer.map { " (\($0.label))" } ?? "" : "")
        let function = "step_" + step.number.replacingOccurrences(of: ".", with: "_")
        let needed = step.requires.compactMap { providers[$0] }
        let run = "run_step \(step.number) \(arg(title)) \(function)"

        /// The step's commands as a function, then the guarded call.
        func body(_ lines: [String]) -> [String] {
            ["\(function)() {"] + [lines.map { "  " + $0 }.joined(separator: " &&\n")] + ["}"]
        }
        /// `if <needed failed>; then skip; elif <condition>; then run; fi`.
        func call(_ condition: String?, after: [String] = []) -> [String] {
            var lines: [String] = []
            var keyword = "if"
            for n in needed {
                lines.append("\(keyword) step_failed \(n); then")
                lines.append("  skip_step \(step.number) \(arg(flat(step.title))) \(n)")
                keyword = "elif"
            }
            if let condition {
                lines.append("\(keyword) \(condition); then")
                lines.append("  " + run + after.map { " && " + $0 }.joined())
                lines.append("fi")
            } else if keyword == "elif" {
                lines.append("else")
                lines.append("  " + run)
                lines.append("fi")
            } else {
                lines.append(run)
            }
            return lines
        }

        switch step.action {
        case .install(let installer, let package):
            out += body(runLines(installer: installer, package: package, commands: step.shellCommands, services: step.services))
            let (condition, warning) = guardCondition(step.check, name: step.toolName ?? package, number: step.number)
            if condition == nil { out.append("# Nothing shows it is installed, so this runs every time.") }
            out += call(condition, after: warning.map { [$0] } ?? [])
        case .upgrade(let installer, let package):
            out.append("# Runs every time: upgrading an up-to-date package changes nothing.")
            out += body(runLines(installer: installer, package: package, commands: step.shellCommands, services: step.services))
            out += call(nil)
        case .createVenv(let path):
            out += body(["python3 -m venv \"$HOME/\(path)\""])
            out += call("[ ! -x \"$HOME/\(path)/bin/pip\" ]")
        case .addToPath(let path):
            let line = "\"" + ShellQuote.doubleQuotedBody(InstallPlan.profileLine(path)) + "\""
            out.append("if ! grep -Fqs \(line) \"$HOME/.profile\"; then")
            out.append("  " + echo("==> \(step.number) \(flat(step.title))"))
            out.append("  echo \(line) >> \"$HOME/.profile\"")
            out.append("fi")
        case .addRepository(let r):
            let fingerprints = r.fingerprints.map { arg($0) }.joined(separator: " ")
            let text = sourceArg(r)
            if r.manager == .apt {
                out += body(["apt_repository \(arg(r.keyURL)) \(arg(r.keyring)) \(arg(r.sourceFile)) \(text)" + (fingerprints.isEmpty ? "" : " " + fingerprints)])
                out += call("! grep -Fxqs \(text) \(arg(r.sourceFile)) || [ ! -s \(arg(r.keyring)) ]")
            } else {
                out += body(
                    [
                        "dnf_repository \(r.manager.rawValue) \(arg(r.id)) \(arg(r.keyURL)) \(arg(r.keyring)) \(arg(r.sourceFile)) \(text)"
                            + (fingerprints.isEmpty ? "" : " " + fingerprints)
                    ])
                out += call("[ ! -s \(arg(r.sourceFile)) ]")
            }
        case .manual(let url):
            let text = "by_hand \(step.number) \(arg(flat(step.toolName ?? step.title))) \(arg(url))"
            let (condition, _) = guardCondition(step.check, name: nil, number: step.number)
            if let condition {
                out.append("if \(condition); then")
                out.append("  " + text)
                out.append("fi")
            } else {
                out.append(text)
            }
        case .text:
            for c in step.commands { out.append(comment("  " + c)) }
            if step.kind == .verify, let c = step.commands.first {
                out.append(echo("==> \(step.number) \(flat(step.title)), in a new shell: \(c)"))
            }
        }
        return out
    }

    /// `! command -v NAME >/dev/null 2>&1` (true while the step is still needed), and the warning
    /// printed when the install succeeded but the command is still not on PATH.
    static func guardCondition(_ check: StepCheck?, name: String?, number: String) -> (String?, String?) {
        switch check {
        case .command(let c)?:
            let warning = name.map { "{ command -v \(ShellQuote.word(c)) >/dev/null 2>&1 || " + echo("warning: \(number) \(flat($0)): \(c) is still not on PATH") + " >&2; }" }
            return ("! command -v \(ShellQuote.word(c)) >/dev/null 2>&1", warning)
        case .succeeds(let argv, let env)?:
            let assignments = env.keys.sorted().map { ShellQuote.word("\($0)=\(env[$0]!)") }
            let prefix: String = assignments.isEmpty ? "" : "env " + assignments.joined(separator: " ") + " "
            let command: String = argv.map { ShellQuote.word($0) }.joined(separator: " ")
            return ("! " + prefix + command + " >/dev/null 2>&1", nil)
        default:
            return (nil, nil)
        }
    }

    static func runLines(installer: Installer, package: String, commands: [ShellCommand], services: [String] = []) -> [String] {
        if installer == .apt {
            if !services.isEmpty { return ["apt_install_stopped " + ShellQuote.single(services.joined(separator: " ")) + " " + ShellQuote.single(package)] }
            return ["apt_install " + package.split(separator: " ").map { ShellQuote.single(String($0)) }.joined(separator: " ")]
        }
        return commands.map(\.script)
    }

    /// An argument: bare when safe; double-quoted with `$` and backquotes escaped when it has them
    /// (shellcheck warns about `$` in single quotes); else single-quoted.
    static func arg(_ s: String) -> String {
        if s.contains("$") || s.contains("`") { return "\"" + ShellQuote.doubleQuotedBody(s) + "\"" }
        return ShellQuote.word(s)
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
