import Foundation

/// The report as Prometheus text exposition format (version 0.0.4), for node_exporter's textfile
/// collector: write it to `<dir>/capaudit.prom` (atomically) and node_exporter serves it.
///
/// Conventions (prometheus.io "Metric and label naming", "Writing exporters"): versions appear only in
/// `_info` metrics, so an upgrade changes one info series and no other; statuses are state labels with
/// one series per possible state (1 for the current one, 0 for the others), so a status change never
/// starts or ends a series; units are in the names (`_seconds`, `_ratio`).
///
/// Families, each with `# HELP` and `# TYPE` (all gauges), in name order, every family's samples
/// contiguous and sorted by their label values:
/// - `capaudit_area_coverage_ratio{area,priority}`: met capabilities ÷ capabilities, 0 to 1.
/// - `capaudit_area_status{area,priority,status}`: one series per `covered`, `partial`, `missing`.
/// - `capaudit_build_info{version}`: capaudit's own version; always 1.
/// - `capaudit_capability_met{area,capability}`: 1 when some tool meets the capability, else 0.
/// - `capaudit_gate_passed`: 1 when the gate passed, else 0.
/// - `capaudit_host_info{hostname,os,os_version,arch}`: always 1; host fields not known are "".
/// - `capaudit_last_scan_timestamp_seconds`: when the scan started, in Unix seconds.
/// - `capaudit_scan_duration_seconds`: the scan's wall-clock duration.
/// - `capaudit_tool_info{tool,version}`: one series per tool, always 1; the only family with a tool's
///   version. `version` is "" (absent to Prometheus) when none was read.
/// - `capaudit_tool_meets_capability{area,capability,tool}`: one series per area × capability ×
///   candidate tool; 1 when the tool counts towards the capability (present, or version unknown with
///   no minimum set), else 0.
/// - `capaudit_tool_status{area,tool,status}`: one series per area × tool × status (`present`,
///   `unknown-version`, `outdated`, `missing`, `timeout`, `error`, `undetectable`).
///
/// Label values are escaped as the format requires (backslash, double quote, newline). Values are
/// derived from the report only, so the same report renders to the same bytes.
public enum PrometheusRenderer {
    /// The metric family names, for exporters that aggregate reports (fleet) and for tests.
    public static let familyNames = [
        "capaudit_area_coverage_ratio", "capaudit_area_status", "capaudit_build_info",
        "capaudit_capability_met", "capaudit_config_info", "capaudit_gate_passed", "capaudit_host_info",
        "capaudit_last_scan_timestamp_seconds", "capaudit_scan_duration_seconds",
        "capaudit_tool_info", "capaudit_tool_meets_capability", "capaudit_tool_status",
    ]

    public static func render(_ report: Report) -> String {
        var families: [Family] = []

        families.append(
            Family(
                name: "capaudit_area_coverage_ratio",
                help: "Share of a capability area's capabilities that the host meets, 0 to 1.",
                samples: report.areas.map { area in
                    let met = area.capabilities.filter(\.met).count
                    let ratio = area.capabilities.isEmpty ? "1" : ratioText(met, area.capabilities.count)
                    return Sample(labels: [("area", area.area.id), ("priority", area.area.priority.rawValue)], value: ratio)
                }))

        families.append(
            Family(
                name: "capaudit_area_status",
                help: "Coverage state of a capability area: 1 for its current status (covered, partial, missing), 0 for the others.",
                samples: report.areas.flatMap { area in
                    AreaStatus.allCases.map { state in
                        Sample(
                            labels: [("area", area.area.id), ("priority", area.area.priority.rawValue), ("status", state.rawValue)],
                            value: area.status == state ? "1" : "0")
                    }
                }))

        families.append(
            Family(
                name: "capaudit_config_info",
                help: "The project requirements file the gate came from (path empty when none); always 1.",
                samples: [Sample(labels: [("path", report.configFile ?? "")], value: "1")]))

        families.append(
            Family(
                name: "capaudit_build_info",
                help: "The version of capaudit that wrote these metrics; always 1.",
                samples: [Sample(labels: [("version", report.capauditVersion)], value: "1")]))

        families.append(
            Family(
                name: "capaudit_capability_met",
                help: "1 when some tool on the host meets the capability, else 0.",
                samples: report.areas.flatMap { area in
                    area.capabilities.map { capability in
                        Sample(labels: [("area", area.area.id), ("capability", capability.capability.id)], value: capability.met ? "1" : "0")
                    }
                }))

        families.append(
            Family(
                name: "capaudit_gate_passed",
                help: "1 when the scan passed its gate (--fail-on, --require, requirements file), else 0.",
                samples: [Sample(labels: [], value: report.gate.passed ? "1" : "0")]))

        families.append(
            Family(
                name: "capaudit_host_info",
                help: "The host that was scanned; always 1.",
                samples: [
                    Sample(
                        labels: [
                            ("hostname", report.host.hostname ?? ""),
                            ("os", report.host.os ?? ""),
                            ("os_version", report.host.osVersion ?? ""),
                            ("arch", report.host.arch ?? ""),
                        ], value: "1")
                ]))

        let startedMs = Int((report.startedAt.timeIntervalSince1970 * 1000).rounded())
        families.append(
            Family(
                name: "capaudit_last_scan_timestamp_seconds",
                help: "Unix time at which the last scan started.",
                samples: [Sample(labels: [], value: decimal(milliseconds: startedMs))]))

        families.append(
            Family(
                name: "capaudit_scan_duration_seconds",
                help: "Wall-clock duration of the last scan.",
                samples: [Sample(labels: [], value: decimal(milliseconds: report.durationMs))]))

        var meets: [Sample] = []
        var status: [Sample] = []
        var info: [String: String] = [:]
        for area in report.areas {
            let tools = Dictionary(area.tools.map { ($0.tool.id, $0) }, uniquingKeysWith: { a, _ in a })
            for capability in area.capabilities {
                for id in capability.capability.tools {
                    meets.append(
                        Sample(
                            labels: [("area", area.area.id), ("capability", capability.capability.id), ("tool", id)],
                            value: tools[id]?.meetsCapability == true ? "1" : "0"))
                }
            }
            for tool in area.tools {
                for state in ToolStatus.allCases {
                    status.append(
                        Sample(
                            labels: [("area", area.area.id), ("tool", tool.tool.id), ("status", state.rawValue)],
                            value: tool.verdict.status == state ? "1" : "0"))
                }
                if info[tool.tool.id] == nil || info[tool.tool.id] == "" { info[tool.tool.id] = tool.verdict.version?.text ?? "" }
            }
        }
        families.append(
            Family(
                name: "capaudit_tool_info",
                help: "The version read from each tool (empty when none was read); always 1.",
                samples: info.map { Sample(labels: [("tool", $0.key), ("version", $0.value)], value: "1") }))
        families.append(
            Family(
                name: "capaudit_tool_meets_capability",
                help: "1 when the tool meets the capability (present, or version unknown with no minimum), else 0.",
                samples: meets))
        families.append(
            Family(
                name: "capaudit_tool_status",
                help: "Status of each tool of an area: 1 for its current status, 0 for the others.",
                samples: status))

        var out = ""
        for family in families.sorted(by: { $0.name < $1.name }) {
            out += "# HELP \(family.name) \(escapeHelp(family.help))\n"
            out += "# TYPE \(family.name) gauge\n"
            var seen = Set<String>()
            for sample in family.samples.sorted(by: { $0.labels.map(\.1).lexicographicallyPrecedes($1.labels.map(\.1)) }) {
                let line = family.name + labelSet(sample.labels) + " " + sample.value
                // The same series twice would make the whole file unreadable to the collector.
                if seen.insert(family.name + labelSet(sample.labels)).inserted { out += line + "\n" }
            }
        }
        return out
    }

    /// `met ÷ total` with up to three decimals, exact for the common cases (`1/2` → `0.5`, `2/3` → `0.667`).
    static func ratioText(_ met: Int, _ total: Int) -> String {
        decimal(milliseconds: Int((Double(met) * 1000 / Double(total)).rounded()))
    }

    struct Family {
        var name: String
        var help: String
        var samples: [Sample]
    }

    struct Sample {
        var labels: [(String, String)]
        var value: String
    }

    static func labelSet(_ labels: [(String, String)]) -> String {
        labels.isEmpty ? "" : "{" + labels.map { "\($0.0)=\"\(escapeLabelValue($0.1))\"" }.joined(separator: ",") + "}"
    }

    /// Label values: backslash, double quote and line feed are escaped (the only escapes the format
    /// has); other controls and bidi controls, which it cannot escape, become U+FFFD.
    static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        for ch in HostBytes.display(value).unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where TerminalText.isControl(ch) || TerminalText.isBidiControl(ch) || ch == "\t": out += "\u{FFFD}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// HELP text: backslash and line feed are escaped; other controls become U+FFFD.
    static func escapeHelp(_ text: String) -> String {
        TerminalText.clean(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))
    }

    /// `1234` → `"1.234"`, `1500` → `"1.5"`, `2000` → `"2"`: exact, from integers.
    static func decimal(milliseconds ms: Int) -> String {
        let sign = ms < 0 ? "-" : ""
        let magnitude = ms.magnitude
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
