import Foundation

/// `--color auto|always|never` and the environment, decided in one place.
enum ColorChoice: String, CaseIterable {
    case auto, always, never

    /// `always` colours and `never` does not, whatever the environment; `auto` colours a terminal unless
    /// NO_COLOR is set to a non-empty value (no-color.org: "when present and not an empty string") or
    /// TERM is `dumb`. An explicit `--color always` is the user's choice for this command, so it wins
    /// over NO_COLOR, a standing preference.
    func useColor(toTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return toTerminal && !noColor && environment["TERM"] != "dumb"
        }
    }
}
