import Foundation

extension ProjectConfig {
    /// The commented starter file `capaudit init` writes. JSON has no comments, so explanations
    /// sit in `"$comment"` members, which capaudit ignores wherever they appear.
    public static func starter(catalog: Catalog) -> String {
        let gapAreas = catalog.areas.filter { $0.kind == .gap }
        let areaLines = gapAreas.map { "      \(JSONOutput.escape($0.id)): \(JSONOutput.escape($0.priority.rawValue))" }.joined(separator: ",\n")
        return """
        {
          "$comment": "capaudit project requirements. Docs: capaudit help init. Members named $comment are ignored.",
          "schemaVersion": 1,
          "$comment-failOn": "Gate used when --fail-on is not given: critical, high, medium or never.",
          "failOn": "critical",
          "require": {
            "$comment": "areas and capabilities (area/capability) gate at the priority given here; others at their catalog priority. Foundation and extended areas gate only when listed. tools: \\"*\\" for any version or \\">=1.2.3\\".",
            "areas": {
        \(areaLines)
            },
            "capabilities": {},
            "tools": {}
          },
          "$comment-minVersions": "Minimum versions that replace the catalog's, e.g. {\\"helm\\": \\"3.12.0\\"}.",
          "minVersions": {},
          "$comment-tools": "The team's own CLIs, in the catalog's tool schema (see Catalog/README.md); each becomes a required capability of the project area.",
          "tools": [],
          "$comment-waivers": "Accepted gaps: {\\"target\\": \\"tool, area or area/capability\\", \\"reason\\": \\"why\\", \\"expires\\": \\"YYYY-MM-DD\\"}. An expired waiver gates again.",
          "waivers": []
        }

        """
    }
}
