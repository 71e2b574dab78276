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
                || (calls & 63 == 0 && DispatchTime.now().uptimeNanoseconds > deadline) {
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

/// Finds the constructs that make a backtracking matcher exponential: an unbounded repetition (`*`,
/// `+`, `{n,}`) of a group whose body repeats on its own and has no anchor (an atom that must match
/// exactly once or a fixed number of times per repeat), so the same input splits between the inner and
/// outer repetition in exponentially many ways: `(a+)+`, `(a*)*`, `(\w+\s?)+`. `(?:\.\d+)+` is fine: each
/// repeat needs a `.`. Other slow shapes (overlapping alternatives such as `(a|aa)+`) are left to the
/// step budget.
enum CatastrophicPattern {
    struct Problem: Equatable {
        var offset: Int
        var reason: String
    }

    private struct Group {
        var start: Int
        var innerUnbounded = false
        var anchors = 0
        var lookaround = false
    }

    private struct Quantifier {
        var unbounded: Bool
        var fixed: Bool
        var length: Int
    }

    static func find(in pattern: String) -> Problem? {
        let chars = Array(pattern)
        var stack: [Group] = [Group(start: 0)]
        var i = 0
        func quantifier(at j: Int) -> Quantifier? {
            guard j < chars.count else { return nil }
            var q: Quantifier
            switch chars[j] {
            case "*", "+": q = Quantifier(unbounded: true, fixed: false, length: 1)
            case "?": q = Quantifier(unbounded: false, fixed: false, length: 1)
            case "{":
                var k = j + 1
                while k < chars.count && chars[k] != "}" { k += 1 }
                guard k < chars.count else { return nil }
                let parts = String(chars[(j + 1)..<k]).split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count <= 2, let low = Int(parts[0]) else { return nil }
                let high = parts.count == 2 ? Int(parts[1]) : low
                q = Quantifier(unbounded: parts.count == 2 && parts[1].isEmpty, fixed: low > 0 && high == low, length: k - j + 1)
            default: return nil
            }
            if j + q.length < chars.count && (chars[j + q.length] == "?" || chars[j + q.length] == "+") { q.length += 1 }
            return q
        }
        while i < chars.count {
            var atomEnd = i + 1
            var closed: Group?
            switch chars[i] {
            case "\\":
                if i + 1 < chars.count, chars[i + 1] == "Q" {
                    var k = i + 2
                    while k + 1 < chars.count && !(chars[k] == "\\" && chars[k + 1] == "E") { k += 1 }
                    atomEnd = min(k + 2, chars.count)
                } else {
                    atomEnd = min(i + 2, chars.count)
                }
            case "[":
                var k = i + 1
                if k < chars.count && chars[k] == "^" { k += 1 }
                if k < chars.count && chars[k] == "]" { k += 1 }
                var depth = 1
                while k < chars.count && depth > 0 {
                    if chars[k] == "\\" { k += 2; continue }
                    if chars[k] == "[" { depth += 1 }
                    if chars[k] == "]" { depth -= 1 }
                    k += 1
                }
                atomEnd = min(k, chars.count)
            case "(":
                var g = Group(start: i)
                var k = i + 1
                if k + 1 < chars.count, chars[k] == "?" {
                    // Skip the group's kind: ?: ?= ?! ?<= ?<! ?<name> ?> or inline flags ?i-m: / ?i).
                    let next = chars[k + 1]
                    let lookbehind = next == "<" && k + 2 < chars.count && (chars[k + 2] == "=" || chars[k + 2] == "!")
                    g.lookaround = next == "=" || next == "!" || lookbehind
                    if lookbehind { k += 3 } else if next == "<" || next == "P" {
                        while k < chars.count && chars[k] != ">" { k += 1 }
                        k += 1
                    } else if next == ":" || next == "=" || next == "!" || next == ">" || next == "|" {
                        k += 2
                    } else {
                        k += 1
                        while k < chars.count && (chars[k].isLetter || chars[k] == "-") { k += 1 }
                        if k < chars.count && chars[k] == ":" { k += 1 }
                    }
                }
                stack.append(g)
                i = k
                continue
            case ")":
                guard stack.count > 1 else { i += 1; continue }
                closed = stack.removeLast()
            case "|", "^", "$":
                i += 1
                continue
            default:
                break
            }
            let q = quantifier(at: atomEnd)
            let anchorsHere = q == nil || q!.fixed
            if let closed {
                if !closed.lookaround {
                    if let q, q.unbounded, closed.innerUnbounded, closed.anchors == 0 {
                        return Problem(offset: closed.start, reason: "catastrophic backtracking: the group at character \(closed.start + 1) repeats without bound and so does its body, with no fixed text between repeats (a nested quantifier such as (a+)+); drop one of the two repetitions or require a literal in each repeat")
                    }
                    if closed.innerUnbounded || q?.unbounded == true { stack[stack.count - 1].innerUnbounded = true }
                    if closed.anchors > 0 && anchorsHere { stack[stack.count - 1].anchors += 1 }
                }
            } else {
                if q?.unbounded == true { stack[stack.count - 1].innerUnbounded = true }
                if anchorsHere { stack[stack.count - 1].anchors += 1 }
            }
            i = atomEnd + (q?.length ?? 0)
        }
        return nil
    }
}
