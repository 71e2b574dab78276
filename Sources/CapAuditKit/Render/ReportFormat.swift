import Foundation

/// The formats a scan report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown, junit, prometheus

    /// Renders a finished report. `style` matters only for text; `plan`, only for markdown, which
    /// then carries the install plan for this host.
    public func render(_ report: Report, style: TextStyle = .plain, plan: InstallPlan? = nil) -> String {
        switch self {
        case .text: return TextRenderer.render(report, style: style)
        case .json: return JSONRenderer.render(report)
        case .markdown: return MarkdownRenderer.render(report, plan: plan.map(PlanRenderer.markdownSection))
        case .junit: return JUnitRenderer.render(report)
        case .prometheus: return PrometheusRenderer.render(report)
        }
    }

    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

}

/// One `--report FORMAT:FILE` request.
public struct ReportRequest: Sendable, Equatable {
    public var format: ReportFormat
    public var path: String

    /// Parses `FORMAT:FILE`; nil when the format is unknown or the path empty.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(text[..<colon])) else { return nil }
        let path = String(text[text.index(after: colon)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }
}
