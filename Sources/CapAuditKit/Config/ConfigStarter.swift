import Foundation

extension ProjectConfig {
    /// The commented starter file `capaudit init` writes. JSON has no comments, so explanations
    /// sit in `"$comment"` members, which capaudit ignores wherever they appear.
    ///
    /// - `profile`: the host role whose levels gate; `failOn` defaults to its own.
    /// - `pins`: tool id → `">=VERSION"` or `"*"` (`init --from-scan`: what the host has today).
    /// - `baseline`: gaps that would fail the gate today, written as waivers so the gate passes on this
    ///   host now and every report still shows them.
    public static func starter(
        catalog: Catalog, profile: String = RoleProfile.allID, failOn: Priority = .critical,
        pins: [String: String] = [:], baseline: [Waiver] = [], why: String? = nil
    ) -> String {
        let pinLines = pins.keys.sorted().map { "      \(JSONOutput.escape($0)): \(JSONOutput.escape(pins[$0]!))" }.joined(separator: ",\n")
        let waiverLines = baseline.map { w in
            "    {\"target\": \(JSONOutput.escape(w.target)), \"reason\": \(JSONOutput.escape(w.reason))}"
        }.joined(separator: ",\n")
        let profiles = catalog.profileIDs.joined(separator: ", ")
        let chosen = why.map { " Chosen because \($0)." } ?? ""
        return """
            {
              "$comment": "capaudit project requirements. Docs: capaudit help init. Members named $comment are ignored.",
              "schemaVersion": 1,
              "$comment-profile": \(JSONOutput.escape("The host role whose levels decide what gates (\(profiles)); --profile overrides it.\(chosen)")),
              "profile": \(JSONOutput.escape(profile)),
              "$comment-failOn": "Gate used when --fail-on is not given: critical, high, medium or never.",
              "failOn": \(JSONOutput.escape(failOn.rawValue)),
              "require": {
                "$comment": "areas and capabilities (area/capability) gate at the priority given here, over the profile's levels. tools: \\"*\\" for any version, or a version constraint: \\">=1.2.3\\", \\"~> 1.2\\" (at least 1.2, below 2), \\">= 1.2, < 2\\".",
                "areas": {},
                "capabilities": {},
                "tools": {\(pinLines.isEmpty ? "" : "\n" + pinLines + "\n    ")}
              },
              "$comment-minVersions": "Versions that count, replacing the catalog's: a minimum, e.g. {\\"helm\\": \\"3.12.0\\"}, or a constraint, e.g. {\\"helm\\": \\"~> 3.12\\"}; outside it a tool is outdated.",
              "minVersions": {},
              "$comment-tools": "The team's own CLIs, in the catalog's tool schema (see Catalog/README.md); each becomes a required capability of the project area.",
              "tools": [],
              "$comment-waivers": "Accepted gaps: {\\"target\\": \\"tool, area or area/capability\\", \\"reason\\": \\"why\\", \\"expires\\": \\"YYYY-MM-DD\\"}. An expired waiver gates again. init writes the gaps this host had when it ran, so the gate passes today: install a tool, then delete its waiver.",
              "waivers": [\(waiverLines.isEmpty ? "" : "\n" + waiverLines + "\n  ")]
            }

            """
    }
}
