import Foundation

/// The report as JUnit XML, the test-report format Jenkins, GitLab and CircleCI show natively.
///
/// Layout:
/// - `<testsuites name="capaudit">` with the totals (`tests`, `failures`, `errors="0"`, `time`); skips are
///   counted per `<testsuite>` only, as Jenkins' junit-10.xsd allows `skipped` there and not on the root.
/// - One `<testsuite>` per area, in report order (priority, then rank), named `"<area id>: <area name>"`,
///   with `<properties>` (capaudit version, host, area priority and status, gate setting), one
///   `<testcase>` per capability and a `<system-out>` listing the tools found (id, version, path).
/// - A capability passes when met. Unmet and `gating`: `<failure type="unmet-capability">` whose body
///   lists each candidate tool's status and reason. Unmet and not gating: `<skipped>`, naming the
///   waiver (reason, expiry) when one keeps it from gating.
/// - When the gate failed on required tools (`--require`), a last suite `capaudit.required-tools` with
///   one failing testcase per such failure (`type="required-tool"`).
///
/// Times are derived only from the report, so the same report renders to the same bytes:
/// - a tool's time is the duration of the probe its verdict rests on (0 when nothing ran);
/// - a capability's (testcase) time is the **sum** over its candidate tools;
/// - an area's (testsuite) time is the **sum** over the area's tools, each counted once: the probing
///   time spent on the area, not wall-clock time (probes run concurrently);
/// - the root's time is the scan's wall-clock duration (`report.durationMs`).
/// All are seconds with three decimals.
///
/// Text is escaped for XML (`& < > " '`), characters XML 1.0 does not allow (control characters other
/// than tab, newline and carriage return, U+FFFE, U+FFFF) are removed, and tab, newline and carriage
/// return inside attributes are written as character references so parsers keep them.
public enum JUnitRenderer {
    public static func render(_ report: Report) -> String {
        var suites: [Suite] = report.areas.map { suite(for: $0, report: report) }
        let required = report.gate.failures.filter { $0.toolID != nil }
        if !required.isEmpty { suites.append(requiredToolsSuite(required, report: report)) }

        var out = XMLWriter()
        out.line(0, #"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.open(
            0, "testsuites",
            [
                ("name", "capaudit"),
                ("tests", String(suites.map(\.cases.count).reduce(0, +))),
                ("failures", String(suites.map(\.failures).reduce(0, +))),
                ("errors", "0"),
                ("time", seconds(report.durationMs)),
            ])
        for suite in suites { write(suite, report: report, to: &out) }
        out.close(0, "testsuites")
        return out.text
    }

    // MARK: - Model

    struct Case {
        var classname: String
        var name: String
        var timeMs: Int
        enum Outcome {
            case passed
            case failure(message: String, type: String, body: String)
            case skipped(message: String, body: String)
        }
        var outcome: Outcome

        var failed: Bool { if case .failure = outcome { return true } else { return false } }
        var skipped: Bool { if case .skipped = outcome { return true } else { return false } }
    }

    struct Suite {
        var name: String
        var timeMs: Int
        var properties: [(String, String)]
        var cases: [Case]
        var systemOut: String?

        var failures: Int { cases.filter(\.failed).count }
        var skipped: Int { cases.filter(\.skipped).count }
    }

    static func suite(for area: AreaReport, report: Report) -> Suite {
        let tools = Dictionary(area.tools.map { ($0.tool.id, $0) }, uniquingKeysWith: { a, _ in a })
        let classname = "capaudit.\(area.area.id)"
        let cases = area.capabilities.map { capability -> Case in
            let candidates = capability.capability.tools
            let timeMs = Set(candidates).compactMap { tools[$0] }.map(probeMs).reduce(0, +)
            let name = "\(capability.capability.id): \(capability.capability.name)"
            guard !capability.met else { return Case(classname: classname, name: name, timeMs: timeMs, outcome: .passed) }
            let body = candidates.map { id in tools[id].map(describeCandidate) ?? "\(id): not in the catalog" }.joined(separator: "\n")
            let gap = "\(area.area.id)/\(capability.capability.id) (\(capability.capability.name)): none of \(candidates.joined(separator: ", ")) is usable"
            if capability.gating {
                let message = report.gate.failures.first { $0.areaID == area.area.id && $0.capabilityID == capability.capability.id }?.message ?? gap
                return Case(classname: classname, name: name, timeMs: timeMs, outcome: .failure(message: message, type: "unmet-capability", body: body))
            }
            return Case(classname: classname, name: name, timeMs: timeMs, outcome: .skipped(message: gap + "; " + notGating(capability, report: report), body: body))
        }
        var properties = commonProperties(report)
        properties.append(("area.id", area.area.id))
        properties.append(("area.priority", area.area.priority.rawValue))
        properties.append(("area.status", area.status.rawValue))
        let found = area.tools.filter { $0.path != nil }.map(describeFound)
        return Suite(
            name: "\(area.area.id): \(area.area.name)",
            timeMs: Set(area.tools.map(\.tool.id)).compactMap { tools[$0] }.map(probeMs).reduce(0, +),
            properties: properties, cases: cases,
            systemOut: found.isEmpty ? "no tools found" : found.joined(separator: "\n"))
    }

    static func requiredToolsSuite(_ failures: [GateFailure], report: Report) -> Suite {
        let tools = Dictionary(report.areas.flatMap(\.tools).map { ($0.tool.id, $0) }, uniquingKeysWith: { a, _ in a })
        let cases = failures.map { failure -> Case in
            let id = failure.toolID ?? ""
            let tool = tools[id]
            let body = tool.map { describeCandidate($0) + ($0.path.map { "\nfound at \($0)" } ?? "") } ?? "\(id): not part of the scanned areas"
            return Case(
                classname: "capaudit.required-tools", name: id, timeMs: tool.map(probeMs) ?? 0,
                outcome: .failure(message: failure.message, type: "required-tool", body: body))
        }
        return Suite(
            name: "capaudit.required-tools", timeMs: cases.map(\.timeMs).reduce(0, +),
            properties: commonProperties(report), cases: cases, systemOut: nil)
    }

    static func commonProperties(_ report: Report) -> [(String, String)] {
        var out: [(String, String)] = [("capaudit.version", report.capauditVersion)]
        let host: [(String, String?)] = [
            ("host.hostname", report.host.hostname), ("host.os", report.host.os),
            ("host.os-version", report.host.osVersion), ("host.arch", report.host.arch),
        ]
        for (name, value) in host { if let value { out.append((name, value)) } }
        out.append(("gate.fail-on", report.gate.failOn?.rawValue ?? "never"))
        out.append(("gate.passed", report.gate.passed ? "true" : "false"))
        if let config = report.configFile { out.append(("config.file", config)) }
        return out
    }

    /// Why an unmet capability does not fail the gate.
    static func notGating(_ capability: CapabilityReport, report: Report) -> String {
        if let waiver = capability.waiver {
            let until = waiver.expires.map { waiver.expired ? "expired \($0)" : "until \($0)" } ?? "no expiry"
            return "waived (\(waiver.target)): \(waiver.reason) (\(until))"
        }
        guard let failOn = report.gate.failOn else { return "not gating (--fail-on never)" }
        return "not gating at --fail-on \(failOn.rawValue)"
    }

    static func describeCandidate(_ tool: ToolReport) -> String {
        "\(tool.tool.id): \(tool.verdict.status.rawValue): \(tool.verdict.reason)"
    }

    static func describeFound(_ tool: ToolReport) -> String {
        let version = tool.verdict.version?.text ?? "version unknown"
        var line = "\(tool.tool.id) \(version) at \(tool.path ?? "") (\(tool.verdict.status.rawValue))"
        if !tool.shadowed.isEmpty { line += "; shadows " + tool.shadowed.joined(separator: ", ") }
        return line
    }

    /// Milliseconds of the probe a tool's verdict rests on; 0 when nothing ran.
    static func probeMs(_ tool: ToolReport) -> Int {
        max(0, tool.verdict.attempt?.output?.durationMs ?? 0)
    }

    /// `1234` → `"1.234"`, from integers so no rounding differs between platforms.
    static func seconds(_ ms: Int) -> String {
        let ms = max(0, ms)
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    // MARK: - Writing

    static func write(_ suite: Suite, report: Report, to out: inout XMLWriter) {
        var attributes: [(String, String)] = [
            ("name", suite.name),
            ("tests", String(suite.cases.count)),
            ("failures", String(suite.failures)),
            ("skipped", String(suite.skipped)),
            ("errors", "0"),
            ("time", seconds(suite.timeMs)),
            ("timestamp", JSONRenderer.isoTimestamp(report.startedAt)),
        ]
        if let hostname = report.host.hostname { attributes.append(("hostname", hostname)) }
        out.open(1, "testsuite", attributes)
        out.open(2, "properties", [])
        for (name, value) in suite.properties { out.empty(3, "property", [("name", name), ("value", value)]) }
        out.close(2, "properties")
        for c in suite.cases {
            let attributes = [("classname", c.classname), ("name", c.name), ("time", seconds(c.timeMs))]
            switch c.outcome {
            case .passed:
                out.empty(2, "testcase", attributes)
            case .failure(let message, let type, let body):
                out.open(2, "testcase", attributes)
                out.element(3, "failure", [("message", message), ("type", type)], text: body)
                out.close(2, "testcase")
            case .skipped(let message, let body):
                out.open(2, "testcase", attributes)
                out.element(3, "skipped", [("message", message)], text: body)
                out.close(2, "testcase")
            }
        }
        if let systemOut = suite.systemOut { out.element(2, "system-out", [], text: systemOut) }
        out.close(1, "testsuite")
    }

    struct XMLWriter {
        var text = ""

        mutating func line(_ depth: Int, _ s: String) {
            text += String(repeating: "  ", count: depth) + s + "\n"
        }

        mutating func open(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
            line(depth, "<\(name)\(JUnitRenderer.attributes(attributes))>")
        }

        mutating func empty(_ depth: Int, _ name: String, _ attributes: [(String, String)]) {
            line(depth, "<\(name)\(JUnitRenderer.attributes(attributes))/>")
        }

        mutating func close(_ depth: Int, _ name: String) {
            line(depth, "</\(name)>")
        }

        /// An element with text content, written as is (no indentation added inside it).
        mutating func element(_ depth: Int, _ name: String, _ attributes: [(String, String)], text content: String) {
            line(depth, "<\(name)\(JUnitRenderer.attributes(attributes))>\(JUnitRenderer.escape(content, inAttribute: false))</\(name)>")
        }
    }

    static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escape($0.1, inAttribute: true))\"" }.joined()
    }

    /// Escapes text for XML 1.0 and drops the characters it cannot represent at all.
    static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in HostBytes.display(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Parsers normalise raw tabs and newlines in attributes to spaces, and raw CR to LF everywhere.
            case "\t": out += inAttribute ? "&#9;" : "\t"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            // C1 and bidi controls are valid XML but not terminal-safe: character references keep them exact.
            case _ where (0x7F...0x9F).contains(scalar.value) || TerminalText.isBidiControl(scalar):
                out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
            default:
                if isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
