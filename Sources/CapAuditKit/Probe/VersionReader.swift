import Foundation

/// How a version was read from a probe's output, for the report and `explain`.
public struct VersionReading: Sendable, Equatable {
    /// Which reader read it.
    public enum Layer: String, Sendable, Equatable, CaseIterable {
        /// One of the catalog's `patterns` (`patternIndex` says which).
        case pattern
        /// The tolerant reader of common shapes (`shape` says which).
        case tolerant
        /// The generic first-version-looking-token pattern, for a probe with no catalog pattern.
        case `default`
    }

    public var parsed: ParsedVersion
    /// Nil when nothing was read.
    public var layer: Layer?
    public var patternIndex: Int?
    /// The tolerant reader's shape: `name-version`, `version-label`, `json`, `bare`, `column-table`, `suite`.
    public var shape: String?
    /// The output line the version was read from.
    public var line: String?

    /// `catalog pattern 2`, `tolerant reader (name-version)`, `default pattern`.
    public var layerDescription: String {
        switch layer {
        case .pattern?: return "catalog pattern \((patternIndex ?? 0) + 1)"
        case .tolerant?: return "tolerant reader (\(shape ?? "?"))"
        case .default?: return "default pattern"
        case nil: return "nothing read"
        }
    }
}

/// Reads a tool's own version in layers: the catalog's patterns in order, then `TolerantVersionReader`,
/// then (only for a probe with no catalog pattern) the default pattern.
public enum VersionReader {
    public static func read(stdout: String, stderr: String, probe: Probe, toolNames: [String] = []) -> VersionReading {
        var gaveUp = false
        for (index, pattern) in probe.patterns.enumerated() {
            switch VersionParser.parse(stdout: stdout, stderr: stderr, pattern: pattern) {
            case .none: continue
            case .gaveUp: gaveUp = true
            case let decided:
                return VersionReading(parsed: decided, layer: .pattern, patternIndex: index, line: line(of: decided, in: stdout, stderr))
            }
        }
        let names = [probe.command] + toolNames
        if let found = TolerantVersionReader.read(stdout: stdout, stderr: stderr, names: names) {
            return VersionReading(parsed: found.parsed, layer: .tolerant, shape: found.shape, line: found.line)
        }
        if probe.patterns.isEmpty {
            let parsed = VersionParser.parse(stdout: stdout, stderr: stderr, pattern: nil)
            if parsed != .none && parsed != .gaveUp {
                return VersionReading(parsed: parsed, layer: .default, line: line(of: parsed, in: stdout, stderr))
            }
            if parsed == .gaveUp { gaveUp = true }
        }
        return VersionReading(parsed: gaveUp ? .gaveUp : .none)
    }

    static func line(of parsed: ParsedVersion, in streams: String...) -> String? {
        let needle: String
        switch parsed {
        case .version(let v): needle = v.text
        case .placeholder(let p): needle = p
        default: return nil
        }
        for stream in streams {
            for line in stream.prefix(TolerantVersionReader.maxScanned).split(whereSeparator: \.isNewline) where line.contains(needle) {
                return String(line.prefix(200)).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
