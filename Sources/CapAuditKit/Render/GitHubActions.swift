import Foundation

/// GitHub Actions workflow commands for gate failures (`::error title=...::message`), escaped as
/// the runner expects. Used only when `GITHUB_ACTIONS=true`.
public enum GitHubActions {
    public static func errorCommands(_ report: Report) -> String {
        report.gate.failures.map { failure in
            let title: String
            if let area = failure.areaID, let capability = failure.capabilityID {
                title = "capaudit: \(area)/\(capability) missing"
            } else if let tool = failure.toolID {
                title = "capaudit: required tool \(tool)"
            } else {
                title = "capaudit gate"
            }
            return "::error title=\(escapeProperty(title))::\(escapeData(failure.message))\n"
        }.joined()
    }

    /// Message escaping of the workflow-command format.
    public static func escapeData(_ s: String) -> String {
        TerminalText.clean(s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A"))
    }

    /// Property escaping: also `:` and `,`.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
