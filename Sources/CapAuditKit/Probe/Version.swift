import Foundation

/// A tool version as real tools print them: `v1.28.2`, `2.4.1-rc.1`, `1.2.3+build`, `20.10.17`,
/// `2023.10.01`, four-part versions, `1.0b2`.
///
/// Comparison: numeric release components (missing ones count as 0), then pre-release, where a
/// release sorts after any of its pre-releases (SemVer §11). Build metadata after `+` is ignored.
public struct Version: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text as printed, without a leading `v`.
    public let text: String
    public let release: [Int]
    /// Pre-release identifiers (`rc`, `1` for `-rc.1`; `b`, `2` for `1.0b2`); empty for a release.
    public let prerelease: [String]

    /// Parses a version; nil when `text` does not start with a number.
    public init?(_ raw: String) {
        var s = Substring(raw.trimmingCharacters(in: .whitespaces))
        if s.first == "v" || s.first == "V" { s = s.dropFirst() }
        guard let first = s.first, first.isASCII, first.isNumber else { return nil }
        let withoutBuild = s.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).first ?? s
        var release: [Int] = []
        var rest = Substring(withoutBuild)
        while true {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { break }
            // Longer runs than Int can hold are not versions anyone prints; cap instead of trapping.
            release.append(digits.count > 18 ? Int.max : Int(digits)!)
            rest = rest.dropFirst(digits.count)
            if rest.first == ".", let next = rest.dropFirst().first, next.isASCII, next.isNumber {
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !release.isEmpty else { return nil }
        var pre = rest
        if pre.first == "-" || pre.first == "." || pre.first == "~" || pre.first == "_" { pre = pre.dropFirst() }
        self.text = String(s)
        self.release = release
        self.prerelease = Version.identifiers(pre)
    }

    /// Splits `rc.1`, `rc1`, `beta-2` into comparable identifiers: `rc`, `1`.
    private static func identifiers(_ s: Substring) -> [String] {
        var out: [String] = []
        var current = ""
        var currentIsDigit: Bool?
        for ch in s {
            if ch == "." || ch == "-" || ch == "_" || ch == "~" {
                if !current.isEmpty { out.append(current) }
                current = ""
                currentIsDigit = nil
                continue
            }
            let isDigit = ch.isASCII && ch.isNumber
            if let c = currentIsDigit, c != isDigit, !current.isEmpty {
                out.append(current)
                current = ""
            }
            current.append(ch)
            currentIsDigit = isDigit
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    public var description: String { text }

    public static func == (lhs: Version, rhs: Version) -> Bool {
        compare(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        var r = release
        while r.count > 1 && r.last == 0 { r.removeLast() }
        hasher.combine(r)
        // Hash what `compare` compares: numeric identifiers by value (`rc.0` == `rc.00`), others case-blind.
        hasher.combine(prerelease.count)
        for identifier in prerelease {
            if let n = Int(identifier) {
                hasher.combine(0)
                hasher.combine(n)
            } else {
                hasher.combine(1)
                hasher.combine(identifier.lowercased())
            }
        }
    }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        compare(lhs, rhs) < 0
    }

    private static func compare(_ a: Version, _ b: Version) -> Int {
        let n = max(a.release.count, b.release.count)
        for i in 0..<n {
            let x = i < a.release.count ? a.release[i] : 0
            let y = i < b.release.count ? b.release[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        switch (a.prerelease.isEmpty, b.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for i in 0..<max(a.prerelease.count, b.prerelease.count) {
            guard i < a.prerelease.count else { return -1 }
            guard i < b.prerelease.count else { return 1 }
            let x = a.prerelease[i], y = b.prerelease[i]
            switch (Int(x), Int(y)) {
            case let (p?, q?): if p != q { return p < q ? -1 : 1 }
            case (_?, nil): return -1
            case (nil, _?): return 1
            case (nil, nil):
                let (lx, ly) = (x.lowercased(), y.lowercased())
                if lx != ly { return lx < ly ? -1 : 1 }
            }
        }
        return 0
    }
}
