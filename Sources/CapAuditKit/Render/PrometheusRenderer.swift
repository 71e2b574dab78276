import Foundation

/// The report as Prometheus text exposition format (version 0.0.4), for node_exporter's textfile
/// collector: write it to `<dir>/capaudit.prom` (atomically) and node_exporter serves it.
///
/// Families, each with `# HELP` and `# TYPE` (all gauges), in name order, every family's samples
/// contiguous and sorted by their label values:
/// - `capaudit_area_status{area,priority}`: 1 covered, 0.5 partial, 0 missing.
/// - `capaudit_gate_passed`: 1 when the gate passed, else 0.
/// - `capaudit_info{version,hostname,os,os_version,arch}`: always 1; host fields not known are "".
/// - `capaudit_last_scan_timestamp_seconds`: when the scan started, in Unix seconds.
/// - `capaudit_scan_duration_seconds`: the scan's wall-clock duration.
/// - `capaudit_tool_present{area,capability,tool,version}`: one series per area × capability ×
///   candidate tool; 1 when the tool counts towards the capability (present, or version unknown with
///   no minimum set), else 0 (missing, outdated, timed out, ...). `version` is the version read, or ""
///   when none was (not found, `--no-exec`, no version printed): Prometheus treats an empty label as
///   absent, so those series simply have no `version` label. A tool upgrade therefore starts a new
///   series, as with any `_info`-style label.
/// - `capaudit_tool_status{area,tool,status}`: one series per area × tool, value 1, whose `status`
///   label is the tool's status (`present`, `unknown-version`, `outdated`, `missing`, `timeout`,
///   `error`, `undetectable`).
///
/// Label values are escaped as the format requires (backslash, double quote, newline). Values are
/// derived from the report only, so the same report renders to the same bytes.
public enum PrometheusRenderer {
    public static func render(_ report: Report) -> String {
        var families: [Family] = []

        families.append(Family(name: "capaudit_area_status",
                               help: "Coverage of a capability area: 1 covered, 0.5 partial, 0 missing.",
                               samples: report.areas.map { area in
            let value: String
            switch area.status {
            case .covered: value = "1"
            case .partial: value = "0.5"
            case .missing: value = "0"
            }
            return Sample(labels: [("area", area.area.id), ("priority", area.area.priority.rawValue)], value: value)
        }))

        families.append(Family(name: "capaudit_gate_passed",
                               help: "1 when the scan passed its gate (--fail-on, --require, requirements file), else 0.",
                               samples: [Sample(labels: [], value: report.gate.passed ? "1" : "0")]))

        families.append(Family(name: "capaudit_info",
                               help: "The capaudit version and the host it scanned; always 1.",
                               samples: [Sample(labels: [("version", report.capauditVersion),
                                                         ("hostname", report.host.hostname ?? ""),
                                                         ("os", report.host.os ?? ""),
                                                         ("os_version", report.host.osVersion ?? ""),
                                                         ("arch", report.host.arch ?? "")], value: "1")]))

        let startedMs = Int((report.startedAt.timeIntervalSince1970 * 1000).rounded())
        families.append(Family(name: "capaudit_last_scan_timestamp_seconds",
                               help: "Unix time at which the last scan started.",
                               samples: [Sample(labels: [], value: decimal(milliseconds: startedMs))]))

        families.append(Family(name: "capaudit_scan_duration_seconds",
                               help: "Wall-clock duration of the last scan.",
                               samples: [Sample(labels: [], value: decimal(milliseconds: report.durationMs))]))

        var present: [Sample] = []
        var status: [Sample] = []
        for area in report.areas {
            let tools = Dictionary(area.tools.map { ($0.tool.id, $0) }, uniquingKeysWith: { a, _ in a })
            for capability in area.capabilities {
                for id in capability.capability.tools {
                    let tool = tools[id]
                    present.append(Sample(labels: [("area", area.area.id), ("capability", capability.capability.id), ("tool", id),
                                                   ("version", tool?.verdict.version?.text ?? "")],
                                          value: tool?.meetsCapability == true ? "1" : "0"))
                }
            }
            for tool in area.tools {
                status.append(Sample(labels: [("area", area.area.id), ("tool", tool.tool.id), ("status", tool.verdict.status.rawValue)], value: "1"))
            }
        }
        families.append(Family(name: "capaudit_tool_present",
                               help: "1 when the tool meets the capability (present, or version unknown with no minimum), else 0; version is empty when none was read.",
                               samples: present))
        families.append(Family(name: "capaudit_tool_status",
                               help: "The status of each tool of an area (label status); always 1.",
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

    /// Label values: backslash, double quote and line feed are escaped; everything else is kept.
    static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        for ch in value.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// HELP text: backslash and line feed are escaped.
    static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
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
