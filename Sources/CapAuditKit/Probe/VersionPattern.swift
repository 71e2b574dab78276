import Foundation

/// A compiled regular expression that finds a tool's own version in its output.
/// Capture group 1 is the version when the pattern has one, else the whole match.
///
/// Matching is bounded, because the output comes from binaries found on other people's machines and
/// matching happens after the probe's timeout no longer applies:
/// - only the first `maxSearchedLength` UTF-16 units of a stream are searched (a version is printed
///   near the top);
/// - the matcher is handed one window at a time: whole lines up to `windowLength` units, and a longer
///   line cut into windows that overlap by `windowOverlap` units, so a backtracking pattern's cost is
///   bounded by the window, not by the line;
/// - every search has a step budget (ICU's progress callback fires every 10,000 matcher steps), after
///   which the search stops and reports that it gave up rather than what it did not find, and a time
///   budget behind it (a window may overshoot the step budget by its length in ticks);
/// - patterns with catastrophic constructs (an unbounded repetition of a group whose body can match
///   the same text in more than one way, such as `(a+)+` or `(\w+\s?)*`) are refused when they are loaded.
///
/// `^` and `$` match at line boundaries (as with `(?m)`), whatever the pattern's flags, since the output
/// is searched line by line.
public struct VersionPattern: @unchecked Sendable, Equatable, CustomStringConvertible {
    // NSRegularExpression is immutable and documented thread-safe; hence @unchecked Sendable.
    public let source: String
    private let regex: NSRegularExpression

    /// UTF-16 units of one stream that are searched at most.
    public static let maxSearchedLength = 64 * 1024
    /// UTF-16 units handed to the matcher at once at most.
    public static let windowLength = 1024
    /// How much consecutive windows of one long line overlap: a match shorter than this is never cut.
    public static let windowOverlap = 256
    /// ICU progress ticks (10,000 matcher steps each) allowed for one search of one stream.
    public static let tickBudget = 300
    /// A safety net behind the step budget: one search of one stream stops after this much time.
    public static let timeBudgetNanoseconds: UInt64 = 500_000_000

    /// The pattern used when a probe gives none: the first dotted number, optionally `v`-prefixed,
    /// with a pre-release or build suffix.
    public static let `default` = try! VersionPattern(#"(?<![\w.-])v?(\d+(?:\.\d+)+(?:[-+~][0-9A-Za-z][0-9A-Za-z.+~-]*)?)"#)

    /// Compiles `source`; throws when it is not a valid expression or has a catastrophic construct.
    public init(_ source: String) throws(VersionPatternError) {
        self.source = source
        if let problem = CatastrophicPattern.find(in: source) {
            throw VersionPatternError(pattern: source, reason: problem.reason, offset: problem.offset)
        }
        do {
            regex = try NSRegularExpression(pattern: source, options: [.anchorsMatchLines])
        } catch {
            throw VersionPatternError(pattern: source, reason: "not a valid regular expression")
        }
    }

    /// What one bounded search did.
    public struct Search: Sendable, Equatable {
        /// The version text found (capture group 1, else the whole match).
        public var match: String?
        /// True when the step budget ran out before a match was found: the text was not fully searched.
        public var gaveUp = false
        /// UTF-16 units handed to the matcher, windows' overlaps counted twice.
        public var unitsHanded = 0
        /// The largest single window handed to the matcher.
        public var largestWindow = 0
        /// ICU progress ticks used (10,000 steps each).
        public var ticks = 0
    }

    /// The version text the pattern finds in `text`, or nil (also when the search gave up).
    public func firstMatch(in text: String) -> String? {
        search(text).match
    }

    /// Searches `text` window by window within the step budget.
    public func search(_ text: String, tickBudget: Int = VersionPattern.tickBudget) -> Search {
        var result = Search()
        let deadline = DispatchTime.now().uptimeNanoseconds + Self.timeBudgetNanoseconds
        let units = Array(text.utf16.prefix(Self.maxSearchedLength))
        var lineStart = 0
        while lineStart < units.count && result.match == nil && !result.gaveUp {
            var lineEnd = lineStart
            while lineEnd < units.count && units[lineEnd] != 0x0A { lineEnd += 1 }
            // Whole lines go together up to the window length; a longer line is cut with overlap.
            var windowEnd = lineEnd
            while windowEnd < units.count && windowEnd - lineStart < Self.windowLength {
                var next = windowEnd + 1
                while next < units.count && units[next] != 0x0A { next += 1 }
                if next - lineStart > Self.windowLength { break }
                windowEnd = next
            }
            if windowEnd - lineStart <= Self.windowLength {
                searchWindow(units, from: lineStart, to: windowEnd, context: 0, &result, tickBudget: tickBudget, deadline: deadline)
                lineStart = windowEnd + 1
                continue
            }
            var from = lineStart
            while from < lineEnd && result.match == nil && !result.gaveUp {
                var to = min(from + Self.windowLength, lineEnd)
                if to < lineEnd && UTF16.isLeadSurrogate(units[to - 1]) { to -= 1 }
                searchWindow(units, from: from, to: to, context: from > lineStart ? 1 : 0, &result, tickBudget: tickBudget, deadline: deadline)
                if to == lineEnd { break }
                from = to - Self.windowOverlap
                if UTF16.isTrailSurrogate(units[from]) { from -= 1 }
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    /// Matches inside `units[from..<to]`; with `context` 1 the unit before `from` is visible to
    /// look-behinds and `^` does not match at the window's start (it is not a line start).
    private func searchWindow(_ units: [UInt16], from: Int, to: Int, context: Int, _ result: inout Search, tickBudget: Int, deadline: UInt64) {
        let start = from - context
        let window = String(decoding: units[start..<to], as: UTF16.self) as NSString
        let length = to - from
        result.unitsHanded += length
        result.largestWindow = max(result.largestWindow, length)
        var options: NSRegularExpression.MatchingOptions = [.reportProgress]
        if context > 0 { options.formUnion([.withTransparentBounds, .withoutAnchoringBounds]) }
        // The block runs once per start position tried (ICU's find progress) and once per 10,000 steps
        // of one match attempt (ICU's match progress); calls beyond the window's start positions are steps.
        let before = result.ticks
        var calls = 0
        var found: NSTextCheckingResult?
        var gaveUp = false
        regex.enumerateMatches(in: window as String, options: options, range: NSRange(location: context, length: window.length - context)) { match, _, stop in
            if let match {
                found = match
                stop.pointee = true
                return
            }
            calls += 1
            if before + max(0, calls - length) >= tickBudget
                || (calls & 63 == 0 && DispatchTime.now().uptimeNanoseconds > deadline)
            {
                gaveUp = true
                stop.pointee = true
            }
        }
        result.ticks = before + max(0, calls - length)
        if let found {
            let group = found.numberOfRanges > 1 && found.range(at: 1).location != NSNotFound ? 1 : 0
            result.match = window.substring(with: found.range(at: group))
        } else if gaveUp {
            result.gaveUp = true
        }
    }

    public var description: String { source }

    public static func == (lhs: VersionPattern, rhs: VersionPattern) -> Bool { lhs.source == rhs.source }
}

/// A catalog pattern that does not compile or is refused.
public struct VersionPatternError: Error, Sendable, Equatable {
    public var pattern: String
    public var reason: String
    /// The 0-based character offset of the refused construct in the pattern, when there is one.
    public var offset: Int?

    public init(pattern: String, reason: String, offset: Int? = nil) {
        self.pattern = pattern
        self.reason = reason
        self.offset = offset
    }
}
