import Foundation

/// One mistake in a catalog, profiles or config file. Every one of them is found while reading JSON,
/// so it is the `JSONProblem` that `JSONReader` reports, under the name the catalog's API has always used.
public typealias CatalogProblem = JSONProblem

/// Why a catalog could not be loaded. The text is what the user reads.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found in catalog files, in file order.
    case invalid([CatalogProblem])

    public var problems: [CatalogProblem] {
        switch self {
        case .invalid(let p): p
        }
    }

    public var description: String { JSONProblem.listing(problems, in: "the catalog") }
}
