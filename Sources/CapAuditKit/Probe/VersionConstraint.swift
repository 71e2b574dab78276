import Foundation

/// A version requirement as RubyGems and Terraform write them: one or more clauses joined with
/// commas, each an operator and a version: `>= 1.2`, `> 1.2`, `= 1.2.3`, `< 2`, `<= 1.9`, `!= 1.4.0`,
/// and the pessimistic `~> 1.2` (at least 1.2, below 2) or `~> 1.2.3` (at least 1.2.3, below 1.3).
/// A bare version means at least that version, so every `minVersion` written so far keeps its meaning.
public struct VersionConstraint: Sendable, Hashable, CustomStringConvertible {
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case atLeast = ">="
        case greater = ">"
        case equal = "="
        case less = "<"
        case atMost = "<="
        case notEqual = "!="
        case pessimistic = "~>"
    }

    /// One operator and its version.
    public struct Clause: Sendable, Hashable, CustomStringConvertible {
        public var op: Operator
        public var version: Version

        public init(_ op: Operator, _ version: Version) {
            self.op = op
            self.version = version
        }

        public var description: String { "\(op.rawValue) \(version.text)" }

        /// The exclusive upper bound of `~> version`: drop the last release component (unless it is the
        /// only one) and increment the one before. `~> 1.2` → 2, `~> 1.2.3` → 1.3, `~> 1` → 2.
        var pessimisticUpperBound: Version {
            var release = version.release
            if release.count > 1 { release.removeLast() }
            // Saturating: a component capped at Int.max (see `Version`) must not trap here.
            release[release.count - 1] = release[release.count - 1] == Int.max ? Int.max : release[release.count - 1] + 1
            return Version(release.map(String.init).joined(separator: "."))!
        }

        /// Nil when `v` satisfies the clause; otherwise whether it is too old, too new or excluded.
        func problem(_ v: Version) -> VersionProblem? {
            switch op {
            case .atLeast: return v < version ? .tooOld : nil
            case .greater: return v > version ? nil : .tooOld
            case .equal: return v < version ? .tooOld : (v > version ? .tooNew : nil)
            case .less: return v < version ? nil : .tooNew
            case .atMost: return v > version ? .tooNew : nil
            case .notEqual: return v == version ? .excluded : nil
            case .pessimistic:
                if v < version { return .tooOld }
                // As RubyGems: the bound applies to the release, so `~> 1.2` refuses 2.0.0-rc1 too.
                let release = Version(v.release.map(String.init).joined(separator: "."))!
                return release < pessimisticUpperBound ? nil : .tooNew
            }
        }
    }

    public var clauses: [Clause]

    public init(_ clauses: [Clause]) {
        self.clauses = clauses
    }

    /// `>= version`: what a bare version means.
    public static func atLeast(_ version: Version) -> VersionConstraint {
        VersionConstraint([Clause(.atLeast, version)])
    }

    /// Parses `1.2`, `>= 1.2`, `~>1.2`, `>= 1.2, < 2`, `== 1.2` (as `=`); spaces are optional.
    /// Nil when any clause is not an operator (or nothing) followed by a version.
    public init?(parsing text: String) {
        var clauses: [Clause] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var s = Substring(part.trimmingCharacters(in: .whitespaces))
            var op = Operator.atLeast
            // Longest operators first: `>=` before `>`.
            let spellings: [(String, Operator)] = [
                ("~>", .pessimistic), (">=", .atLeast), ("<=", .atMost), ("==", .equal), ("!=", .notEqual),
                (">", .greater), ("<", .less), ("=", .equal),
            ]
            if let (spelling, found) = spellings.first(where: { s.hasPrefix($0.0) }) {
                op = found
                s = s.dropFirst(spelling.count)
            }
            let versionText = s.trimmingCharacters(in: .whitespaces)
            // One version token: `1.2 foo` or `1.2 <2` (a missing comma) is not one.
            guard versionText.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".+-_~".contains($0)) }),
                let version = Version(versionText)
            else { return nil }
            clauses.append(Clause(op, version))
        }
        guard !clauses.isEmpty else { return nil }
        self.clauses = clauses
    }

    /// The constraint as capaudit writes it: `>= 1.2, < 2`.
    public var description: String { clauses.map(\.description).joined(separator: ", ") }

    /// Without spaces, as `--require` takes it after the tool id: `>=1.2,<2`.
    public var compact: String { clauses.map { $0.op.rawValue + $0.version.text }.joined(separator: ",") }

    /// The lone `>= X` that a bare version means (the catalog's and config's plain minimums).
    public var plainMinimum: Version? {
        clauses.count == 1 && clauses[0].op == .atLeast ? clauses[0].version : nil
    }

    /// The lowest version allowed, as far as a single version says it (the greatest of the `>=`, `>`,
    /// `=` and `~>` bounds); nil when only upper bounds are set. The report's `minVersion`.
    public var minimum: Version? {
        clauses.filter { [.atLeast, .greater, .equal, .pessimistic].contains($0.op) }.map(\.version).max()
    }

    /// Nil when `version` satisfies every clause; otherwise the first problem and the clause it breaks.
    public func problem(with version: Version) -> (problem: VersionProblem, clause: Clause)? {
        for clause in clauses {
            if let problem = clause.problem(version) { return (problem, clause) }
        }
        return nil
    }

    public func isSatisfied(by version: Version) -> Bool { problem(with: version) == nil }

    /// Why `version` fails: `version 2.1 is too new (needs ~> 1.2)`, or for a plain minimum, as
    /// capaudit always said it, `version 1.1 is below the minimum 1.2`; nil when it satisfies it.
    public func explain(_ version: Version) -> String? {
        guard let (problem, _) = problem(with: version) else { return nil }
        if let minimum = plainMinimum { return "version \(version) is below the minimum \(minimum)" }
        return "version \(version) is \(problem.words) (needs \(self))"
    }
}

/// How a version fails a constraint, as the JSON report's `versionProblem` says it.
public enum VersionProblem: String, Sendable, Hashable, CaseIterable {
    case tooOld = "too-old"
    case tooNew = "too-new"
    /// Named by a `!=` clause.
    case excluded

    public var words: String {
        switch self {
        case .tooOld: return "too old"
        case .tooNew: return "too new"
        case .excluded: return "excluded"
        }
    }
}
