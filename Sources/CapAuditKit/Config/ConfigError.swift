import Foundation

/// Why a project requirements file (`.capaudit.json`) could not be used. The text is what the user reads.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found in the file, in file order.
    case invalid([JSONProblem])

    public var problems: [JSONProblem] {
        switch self {
        case .invalid(let p): p
        }
    }

    public var description: String { JSONProblem.listing(problems, in: "the requirements file") }
}
