import Foundation

/// A compiled regular expression that finds a tool's own version in its output.
/// Capture group 1 is the version when the pattern has one, else the whole match.
public struct VersionPattern: @unchecked Sendable, Equatable, CustomStringConvertible {
    // NSRegularExpression is immutable and documented thread-safe; hence @unchecked Sendable.
    public let source: String
    private let regex: NSRegularExpression

    /// The pattern used when a probe gives none: the first dotted number, optionally `v`-prefixed,
    /// with a pre-release or build suffix.
    public static let `default` = try! VersionPattern(#"(?<![\w.-])v?(\d+(?:\.\d+)+(?:[-+~][0-9A-Za-z][0-9A-Za-z.+~-]*)?)"#)

    /// Compiles `source`; throws the ICU error text when it is not a valid expression.
    public init(_ source: String) throws(VersionPatternError) {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: [])
        } catch {
            throw VersionPatternError(pattern: source, reason: "not a valid regular expression")
        }
    }

    /// The version text the pattern finds in `text`, or nil.
    public func firstMatch(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, options: [], range: range) else { return nil }
        let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? 1 : 0
        guard let r = Range(match.range(at: group), in: text) else { return nil }
        return String(text[r])
    }

    public var description: String { source }

    public static func == (lhs: VersionPattern, rhs: VersionPattern) -> Bool { lhs.source == rhs.source }
}

/// A catalog pattern that does not compile.
public struct VersionPatternError: Error, Sendable, Equatable {
    public var pattern: String
    public var reason: String
}
