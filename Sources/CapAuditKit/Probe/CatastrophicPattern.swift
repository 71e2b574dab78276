import Foundation

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
        scan(pattern).problem
    }

    /// `find`'s answer and the characters it examined to get there: linear in the pattern's length (a catalog's
    /// pattern is untrusted input, and this runs before the regular-expression engine sees it).
    static func scan(_ pattern: String) -> (problem: Problem?, steps: Int) {
        let chars = Array(pattern)
        var stack: [Group] = [Group(start: 0)]
        var i = 0
        var steps = 0
        func quantifier(at j: Int) -> Quantifier? {
            guard j < chars.count else { return nil }
            steps += 1
            var q: Quantifier
            switch chars[j] {
            case "*", "+": q = Quantifier(unbounded: true, fixed: false, length: 1)
            case "?": q = Quantifier(unbounded: false, fixed: false, length: 1)
            case "{":
                // An interval is `{n}`, `{n,}` or `{n,m}`: only digits and one comma before the `}`, so the scan
                // stops at the first other character (scanning on to any later `}` made each `{` of a run cost
                // the rest of the pattern: quadratic).
                var k = j + 1
                var parts = [""]
                while k < chars.count, parts.count <= 2, chars[k] == "," || (chars[k].isASCII && chars[k].isNumber) {
                    steps += 1
                    if chars[k] == "," { parts.append("") } else { parts[parts.count - 1].append(chars[k]) }
                    k += 1
                }
                guard k < chars.count, chars[k] == "}", parts.count <= 2, let low = Int(parts[0]) else { return nil }
                let high = parts.count == 2 ? Int(parts[1]) : low
                q = Quantifier(unbounded: parts.count == 2 && parts[1].isEmpty, fixed: low > 0 && high == low, length: k - j + 1)
            default: return nil
            }
            if j + q.length < chars.count && (chars[j + q.length] == "?" || chars[j + q.length] == "+") { q.length += 1 }
            return q
        }
        while i < chars.count {
            steps += 1
            var atomEnd = i + 1
            var closed: Group?
            switch chars[i] {
            case "\\":
                if i + 1 < chars.count, chars[i + 1] == "Q" {
                    var k = i + 2
                    while k + 1 < chars.count && !(chars[k] == "\\" && chars[k + 1] == "E") { k += 1; steps += 1 }
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
                    steps += 1
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
                    if lookbehind {
                        k += 3
                    } else if next == "<" || next == "P" {
                        while k < chars.count && chars[k] != ">" { k += 1; steps += 1 }
                        k += 1
                    } else if next == ":" || next == "=" || next == "!" || next == ">" || next == "|" {
                        k += 2
                    } else {
                        k += 1
                        while k < chars.count && (chars[k].isLetter || chars[k] == "-") { k += 1; steps += 1 }
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
                        let problem = Problem(
                            offset: closed.start,
                            reason:
                                "catastrophic backtracking: the group at character \(closed.start + 1) repeats without bound and so does its body, with no fixed text between repeats (a nested quantifier such as (a+)+); drop one of the two repetitions or require a literal in each repeat"
                        )
                        return (problem, steps)
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
        return (nil, steps)
    }
}
