import Foundation

/// Judgements that use what a found file's own metadata says (`ProbeAttempt.sources`): the tool's
/// version when running it gave none (or nothing was run), and the `version-mismatch`,
/// `identity-mismatch` and `symlink-outside-root` findings.
public enum MetadataJudgement {
    /// The metadata source whose version is the tool's own: the first with a version, in the order the
    /// reader trusts them (binary, language package, distribution package), unless the catalog's
    /// `versionFacts` say that package's version is not the tool's (Debian's apache2-utils 2.4.57 ships
    /// ab 2.3): then the fact's `toolVersion` when it gives one, else the next source.
    public static func toolVersion(_ sources: [VersionSource], tool: Tool) -> (version: Version, source: VersionSource)? {
        for source in sources {
            let factSource: VersionFact.Source? =
                switch source.kind {
                case .dpkg: .dpkg
                case .apk: .apk
                case .pythonDistInfo: .pip
                default: nil
                }
            // Checked before the package's own version, which may not even parse (Debian's sql-migrate
            // snapshot is 0.0~git20191213.0633851-1, and the binary says 1.0.0).
            if let factSource, let fact = tool.versionFacts.first(where: { $0.source == factSource && $0.package == source.package && !$0.sameAsTool }) {
                if case .exactly(let stated) = fact.toolVersion, let v = Version(stated) { return (v, source) }
                continue
            }
            // A placeholder (`0.0.0` in the dist-info of a Debian build without its git tags) is no version,
            // in metadata as in a version command's output.
            guard let text = source.version, !VersionParser.isPlaceholder(text), let version = Version(text) else { continue }
            return (version, source)
        }
        return nil
    }

    /// How a source is named in a reason: `dpkg (redis-tools 5:7.0.15-1~deb12u1)`.
    static func describe(_ source: VersionSource) -> String {
        switch source.kind {
        case .goBuildinfo:
            return "the binary's Go build information (\(source.module ?? source.mainPackage ?? "module") \(source.recordedVersion ?? ""))".replacingOccurrences(
                of: " )", with: ")")
        case .pythonDistInfo: return "the Python distribution \(source.package ?? "?") \(source.recordedVersion ?? "") (\(source.file ?? ""))"
        case .npm: return "the npm package \(source.package ?? "?") (\(source.file ?? "package.json"))"
        case .dpkg: return "dpkg (package \(source.package ?? "?") \(source.recordedVersion ?? ""))"
        case .apk: return "apk (package \(source.package ?? "?") \(source.recordedVersion ?? ""))"
        case .exec, .pyenvShim: return source.kind.rawValue
        }
    }

    /// A verdict with the metadata version filled in where the version command gave none: nothing was
    /// executed (`--no-exec`, `--root`), or it ran and printed no version.
    public static func refine(_ judged: (verdict: ToolVerdict, decisive: Bool), probe: Probe, tool: Tool, constraint: VersionConstraint?) -> (verdict: ToolVerdict, decisive: Bool)
    {
        var verdict = judged.verdict
        if verdict.version != nil {
            verdict.versionFrom = .exec
            return (verdict, judged.decisive)
        }
        guard let attempt = verdict.attempt, let path = attempt.lookup.resolved,
            let (version, source) = toolVersion(attempt.sources, tool: tool)
        else { return (verdict, judged.decisive) }
        let ranNothing = attempt.output == nil && probe.evidence == .path && verdict.status == .present
        let printedNone = attempt.output != nil && verdict.status == .unknownVersion
        guard ranNothing || printedNone else { return (verdict, judged.decisive) }
        let reason =
            ranNothing
            ? "found at \(path); version \(version) from \(describe(source)); nothing was executed"
            : verdict.reason + "; version \(version) from \(describe(source))"
        if let constraint, let (problem, _) = constraint.problem(with: version) {
            let why = constraint.plainMinimum.map { ", below the minimum \($0)" } ?? ", \(problem.words) (needs \(constraint))"
            return (ToolVerdict(status: .outdated, version: version, reason: reason + why, attempt: attempt, versionFrom: source.kind), false)
        }
        return (ToolVerdict(status: .present, version: version, reason: reason, attempt: attempt, versionFrom: source.kind), true)
    }

    /// Whether two versions differ beyond formatting: `v1.2.3` = `1.2.3`, `2.3` = `2.3.0`, `3.11` is
    /// within `3.11.7` (a tool that prints fewer components).
    public static func sameVersion(_ a: Version, _ b: Version) -> Bool {
        if a == b { return true }
        let (short, long) = a.release.count <= b.release.count ? (a, b) : (b, a)
        guard short.release.count >= 2, short.prerelease == long.prerelease || short.prerelease.isEmpty else { return false }
        return Array(long.release.prefix(short.release.count)) == short.release
            && (long.release.count == short.release.count || long.release.dropFirst(short.release.count).allSatisfy { $0 == 0 } || a.release.count != b.release.count)
    }

    /// `version-mismatch` and `identity-mismatch` findings for the tools of a report (each path once).
    public static func findings(_ tools: [ToolReport]) -> [Finding] {
        var out: [Finding] = []
        var seen = Set<String>()
        for report in tools {
            guard let attempt = report.verdict.attempt, let path = attempt.lookup.resolved,
                seen.insert(report.tool.id + "\u{0}" + path).inserted
            else { continue }
            let command = attempt.lookup.command
            if !report.tool.goPackages.isEmpty, let go = attempt.sources.first(where: { $0.kind == .goBuildinfo }), let main = go.mainPackage,
                !report.tool.goPackages.contains(where: { main == $0 || main.hasPrefix($0 + "/") })
            {
                out.append(
                    Finding(
                        kind: .identityMismatch, path: path,
                        message:
                            "\(path), found as `\(command)` for \(report.tool.id), is the Go program \(main), not \(report.tool.name) (expected \(report.tool.goPackages.joined(separator: " or ")))"
                    ))
            }
            if report.verdict.versionFrom == .exec, let printed = report.verdict.version,
                let (version, source) = toolVersion(attempt.sources, tool: report.tool), !sameVersion(printed, version)
            {
                out.append(
                    Finding(
                        kind: .versionMismatch, path: path,
                        message:
                            "`\(command)` at \(path) printed version \(printed), but \(describe(source)) says \(version): a wrapper or shim may run something other than what is installed there"
                    ))
            }
        }
        return out
    }

    /// In a root scan, PATH candidates whose symlinks lead outside the root (refused, not followed).
    static func rootEscapes(_ scan: ScanResult, view: RootedFileSystem) -> [Finding] {
        var out: [Finding] = []
        var seen = Set<String>()
        for observation in scan.observations.values.sorted(by: { $0.toolID < $1.toolID }) {
            for attempt in observation.attempts {
                for candidate in attempt.lookup.candidates where candidate.outcome == .brokenSymlink && seen.insert(candidate.path).inserted {
                    if case .escapesRoot = view.resolve(candidate.path), let why = view.refusal(candidate.path) {
                        out.append(Finding(kind: .symlinkOutsideRoot, path: candidate.path, message: why))
                    }
                }
            }
        }
        return out
    }
}
