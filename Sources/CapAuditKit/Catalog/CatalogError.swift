import Foundation

/// One mistake in a catalog or config file: where it is and what was expected.
public struct CatalogProblem: Error, Sendable, Equatable, CustomStringConvertible {
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
}

/// Why a catalog could not be loaded. The text is what the user reads.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found in catalog files, in file order.
    case invalid([CatalogProblem])

    public var problems: [CatalogProblem] {
        switch self {
        case .invalid(let p): return p
        }
    }

    public var description: String {
        let p = problems
        let header = p.count == 1 ? "the catalog is invalid:" : "the catalog is invalid (\(p.count) problems):"
        return ([header] + p.map { "  \($0)" }).joined(separator: "\n")
    }
}
