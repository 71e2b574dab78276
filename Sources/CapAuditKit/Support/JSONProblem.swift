import Foundation

/// One mistake in a JSON input file: where it is (file, line and column, JSON path) and what was expected.
/// `JSONReader` collects these, every one of them instead of stopping at the first.
public struct JSONProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    public var location: SourceLocation?
    /// JSON path such as `area.capabilities[2].tools[0]`; empty for the whole file.
    public var path: String
    public var message: String

    public init(file: String, location: SourceLocation? = nil, path: String = "", message: String) {
        self.file = file
        self.location = location
        self.path = path
        self.message = message
    }

    public var description: String {
        var s = file
        if let location { s += ":\(location.line):\(location.column)" }
        s += ": "
        if !path.isEmpty { s += "\(path): " }
        return s + message
    }

    /// `"<what> is invalid:"` (with the count when there are several), then one indented line per problem.
    public static func listing(_ problems: [JSONProblem], in what: String) -> String {
        let header = problems.count == 1 ? "\(what) is invalid:" : "\(what) is invalid (\(problems.count) problems):"
        return ([header] + problems.map { "  \($0)" }).joined(separator: "\n")
    }
}
