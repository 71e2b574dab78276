import Foundation

/// What the version parser read from a probe's output.
public enum ParsedVersion: Sendable, Equatable {
    /// A real version.
    case version(Version)
    /// The pattern matched something that is not a version (`0.0.0`, `unknown`, `dev`, a commit hash).
    case placeholder(String)
    /// Nothing matched.
    case none
    /// The pattern used up its step budget before it matched: the output was not fully searched.
    case gaveUp
}

/// Reads a tool's own version from what its version command printed.
public enum VersionParser {
    /// Searches stdout first, then stderr (java-style tools print there).
    public static func parse(stdout: String, stderr: String, pattern: VersionPattern?) -> ParsedVersion {
        let pattern = pattern ?? .default
        var gaveUp = false
        for stream in [stdout, stderr] {
            let search = pattern.search(stream)
            if let raw = search.match { return classify(raw) }
            gaveUp = gaveUp || search.gaveUp
        }
        return gaveUp ? .gaveUp : .none
    }

    /// The catalog's patterns in order (the default pattern when there are none): the first that matches
    /// either stream decides.
    public static func parse(stdout: String, stderr: String, patterns: [VersionPattern]) -> ParsedVersion {
        guard !patterns.isEmpty else { return parse(stdout: stdout, stderr: stderr, pattern: nil) }
        var gaveUp = false
        for pattern in patterns {
            switch parse(stdout: stdout, stderr: stderr, pattern: pattern) {
            case .none: continue
            case .gaveUp: gaveUp = true
            case let decided: return decided
            }
        }
        return gaveUp ? .gaveUp : .none
    }

    /// Tells a real version from the placeholders broken builds print.
    public static func classify(_ raw: String) -> ParsedVersion {
        let token = raw.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;:()[]\"'")))
        let trimmed = token.hasSuffix(".") ? String(token.dropLast()) : token
        if isPlaceholder(trimmed) { return .placeholder(trimmed) }
        guard let version = Version(trimmed) else { return .placeholder(trimmed) }
        return .version(version)
    }

    static func isPlaceholder(_ s: String) -> Bool {
        let lower = s.lowercased()
        if lower.isEmpty || ["unknown", "dev", "devel", "(devel)", "none", "n/a", "master", "main", "latest"].contains(lower) {
            return true
        }
        if lower.hasPrefix("dev") || lower.hasPrefix("(devel") { return true }
        let body = lower.hasPrefix("v") ? String(lower.dropFirst()) : lower
        if let v = Version(body), v.release.allSatisfy({ $0 == 0 }) { return true }
        // A bare commit hash: 7 to 40 hex digits with at least one letter (a date like 20231001 is all digits).
        let isHex = body.allSatisfy { $0.isHexDigit }
        if isHex && (7...40).contains(body.count) && body.contains(where: { $0.isLetter }) { return true }
        return false
    }
}
