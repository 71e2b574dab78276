import CapAuditKit
import Testing

@Suite struct MetadataPlaceholderTests {
    @Test("a metadata version that is a placeholder (0.0.0 in Debian's python3-locust dist-info) gives no version")
    func placeholderIsNoVersion() {
        let tool = Tool(
            id: "locust", name: "Locust", summary: "s", homepage: "https://locust.io",
            detection: .probes([Probe(command: "locust", args: ["--version"])]))
        let placeholder = VersionSource(kind: .pythonDistInfo, version: "0.0.0")
        #expect(MetadataJudgement.toolVersion([placeholder], tool: tool) == nil)
        let real = VersionSource(kind: .pythonDistInfo, version: "2.47.0")
        #expect(MetadataJudgement.toolVersion([placeholder, real], tool: tool)?.version.text == "2.47.0")
    }
}
