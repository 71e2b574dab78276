import Foundation

/// Judges probe attempts. Shared by the scanner (to know when to stop trying alternatives) and the
/// evaluator (to decide the status), so both read an output the same way.
public enum ProbeJudgement {
    /// The verdict of one attempt, and whether it settles the tool (false: try the next alternative).
    public static func judge(_ attempt: ProbeAttempt, probe: Probe, constraint: VersionConstraint?, toolNames: [String] = []) -> (verdict: ToolVerdict, decisive: Bool) {
        var (verdict, decisive) = judgeOutput(attempt, probe: probe, constraint: constraint, toolNames: toolNames)
        if verdict.version != nil || verdict.placeholder != nil, attempt.output != nil {
            verdict.reading = VersionReader.read(stdout: attempt.stdoutText, stderr: attempt.stderrText, probe: probe, toolNames: toolNames)
        }
        return (verdict, decisive)
    }

    static func judgeOutput(_ attempt: ProbeAttempt, probe: Probe, constraint: VersionConstraint?, toolNames: [String]) -> (verdict: ToolVerdict, decisive: Bool) {
        guard let path = attempt.lookup.resolved else {
            return (ToolVerdict(status: .missing, reason: "`\(probe.command)` is not on PATH"), false)
        }
        guard let output = attempt.output else {
            if probe.evidence != .path {
                // `docker` on PATH does not prove the compose plugin; only running it could.
                return (
                    ToolVerdict(
                        status: .undetectable,
                        reason:
                            "\(path) is on PATH, but only running `\(([probe.command] + probe.args).joined(separator: " "))` could show the tool is there, and --no-exec runs nothing",
                        attempt: attempt), false
                )
            }
            return (ToolVerdict(status: .present, reason: "found at \(path); nothing was executed (--no-exec), so the version is not known", attempt: attempt), true)
        }
        let argvText = (attempt.argv ?? [path]).joined(separator: " ")
        switch output.termination {
        case .failedToStart(let errno, let message):
            let why = Shebang.diagnose(path: path, errno: errno) ?? "\(message) (errno \(errno))"
            return (ToolVerdict(status: .error, reason: "found at \(path) but it could not be run: \(why)", attempt: attempt), true)
        case .timedOut:
            let activity = output.activityAtDeadline.map { "; " + $0.explanation } ?? ""
            return (ToolVerdict(status: .timeout, reason: "`\(argvText)` did not finish within the timeout; its process group was killed" + activity, attempt: attempt), true)
        case .signaled(let signal):
            return (ToolVerdict(status: .error, reason: "`\(argvText)` was killed by signal \(signal)", attempt: attempt), true)
        case .exited(let code):
            let parsed = VersionReader.read(stdout: attempt.stdoutText, stderr: attempt.stderrText, probe: probe, toolNames: toolNames).parsed
            if probe.evidence == .exitZero && code != 0 {
                return (ToolVerdict(status: .missing, reason: "`\(argvText)` exited \(code), so \(path) does not provide it", attempt: attempt), false)
            }
            if code == 126 || code == 127 {
                // Whatever it printed (a pyenv shim lists the Python versions that have the command),
                // the tool itself did not run.
                return (
                    ToolVerdict(
                        status: .error, reason: "`\(argvText)` exited \(code): the file or its interpreter (or a version-manager shim) could not run the tool" + hint(attempt),
                        attempt: attempt), false
                )
            }
            switch parsed {
            case .version(let version):
                if let why = constraint?.explain(version) {
                    // Not decisive: a later alternative (the compose plugin after a v1 binary) may be current.
                    return (ToolVerdict(status: .outdated, version: version, reason: why, attempt: attempt), false)
                }
                let exitNote = code == 0 ? "" : " (it exited \(code), as it does)"
                return (ToolVerdict(status: .present, version: version, reason: "`\(argvText)` printed version \(version)\(exitNote)", attempt: attempt), true)
            case .placeholder(let shown):
                if probe.evidence == .version {
                    return (
                        ToolVerdict(status: .missing, placeholder: shown, reason: "`\(argvText)` exited \(code) without the version that proves the tool", attempt: attempt), false
                    )
                }
                if code != 0 {
                    return (
                        ToolVerdict(status: .error, placeholder: shown, reason: "`\(argvText)` exited \(code) without printing a version" + hint(attempt), attempt: attempt), false
                    )
                }
                return (
                    ToolVerdict(
                        status: .unknownVersion, placeholder: shown,
                        reason: "`\(argvText)` printed \(quoted(shown)) where a version belongs; that is not a version", attempt: attempt), true
                )
            case .none:
                if probe.evidence == .version {
                    return (ToolVerdict(status: .missing, reason: "`\(argvText)` exited \(code) without the version that proves the tool", attempt: attempt), false)
                }
                if code != 0 {
                    // A version command that fails and prints no version is a broken install (a missing
                    // module, a broken runtime), not a working tool of unknown version.
                    return (ToolVerdict(status: .error, reason: "`\(argvText)` exited \(code) without printing a version" + hint(attempt), attempt: attempt), false)
                }
                return (ToolVerdict(status: .unknownVersion, reason: "`\(argvText)` ran (exit \(code)) but printed no version", attempt: attempt), true)
            case .gaveUp:
                // Not decisive: the output was crafted or huge; another probe may still prove the version.
                return (
                    ToolVerdict(
                        status: code == 0 ? .unknownVersion : .error,
                        reason: "`\(argvText)` exited \(code); its output was too costly to search for a version (the pattern's step budget ran out)", attempt: attempt), false
                )
            }
        }
    }

    /// The first line of stderr that looks like an error message, to say why a run failed.
    static func hint(_ attempt: ProbeAttempt) -> String {
        let lines = attempt.stderrText.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let line = lines.first(where: { $0.localizedCaseInsensitiveContains("error") || $0.localizedCaseInsensitiveContains("not found") }) ?? lines.first else { return "" }
        let clipped = line.count > 160 ? String(line.prefix(160)) + "…" : line
        return ": " + TerminalText.clean(clipped)
    }

    /// The verdict on a tool from all its attempts: the first decisive one, else the most telling of
    /// the rest: outdated, then error or timeout, then not verifiable (--no-exec), then missing.
    public static func verdict(
        for tool: Tool, observation: ToolObservation?, constraint: VersionConstraint? = nil,
        platform: String = Tool.currentPlatform
    ) -> ToolVerdict {
        let constraint = constraint ?? tool.versionConstraint
        if case .undetectable(let reason) = tool.detection {
            return ToolVerdict(status: .undetectable, reason: "cannot be detected from the host: \(reason)")
        }
        if !tool.exists(on: platform) {
            return ToolVerdict(status: .missing, reason: "exists only on \(tool.platforms.joined(separator: ", ")); not probed on \(platform)")
        }
        let probes = tool.probes
        let rank: [ToolStatus: Int] = [.outdated: 0, .error: 1, .timeout: 1, .undetectable: 2, .missing: 3]
        var best: ToolVerdict?
        for attempt in observation?.attempts ?? [] where attempt.probeIndex < probes.count {
            let (verdict, decisive) = MetadataJudgement.refine(
                judge(attempt, probe: probes[attempt.probeIndex], constraint: constraint, toolNames: [tool.id, tool.name]),
                probe: probes[attempt.probeIndex], tool: tool, constraint: constraint)
            if decisive { return verdict }
            // A command that is not on PATH says less than one that ran; keep the first of the most telling.
            guard attempt.lookup.resolved != nil else { continue }
            if best == nil || rank[verdict.status, default: 3] < rank[best!.status, default: 3] { best = verdict }
        }
        if let matched = observation?.jobEnvironment, let evidence = tool.jobEnvironment {
            return jobVerdict(matched, evidence: evidence, constraint: constraint)
        }
        if let best { return best }
        let commands = probes.map { "`\($0.command)`" }.joined(separator: ", ")
        if probes.isEmpty, let evidence = tool.jobEnvironment {
            return ToolVerdict(status: .missing, reason: "it has no command on PATH and this scan does not run inside one of its jobs (\(describe(evidence)))")
        }
        return ToolVerdict(
            status: .missing, reason: "not found on PATH (looked for \(commands))" + (tool.jobEnvironment.map { "; not inside one of its jobs either (\(describe($0)))" } ?? ""))
    }

    /// The verdict when the only evidence is the environment of a CI job the agent started.
    static func jobVerdict(_ matched: [String: String], evidence: JobEnvironmentEvidence, constraint: VersionConstraint?) -> ToolVerdict {
        let shown = matched.keys.sorted().map { "\($0)=\(TerminalText.clean(matched[$0]!))" }.joined(separator: ", ")
        let reason = "this scan runs inside a job its agent started (\(shown)); the agent is not on PATH"
        if let variable = evidence.versionVariable, let text = matched[variable], let version = Version(text) {
            if let why = constraint?.explain(version) {
                return ToolVerdict(status: .outdated, version: version, reason: "\(why) (from \(variable)); \(reason)")
            }
            return ToolVerdict(status: .present, version: version, reason: reason + "; version from \(variable)")
        }
        return ToolVerdict(status: .unknownVersion, reason: reason + "; the job environment does not give its version")
    }

    static func describe(_ evidence: JobEnvironmentEvidence) -> String {
        let parts =
            evidence.equals.keys.sorted().map { "\($0)=\(evidence.equals[$0]!)" } + evidence.set.map { "\($0) set" }
            + evidence.unset.map { "\($0) unset" }
        return parts.joined(separator: ", ")
    }
}
