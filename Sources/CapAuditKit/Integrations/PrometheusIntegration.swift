import Foundation

/// `capaudit export prometheus`: a systemd service and timer (or a cron line) that write
/// `capaudit scan --format prometheus` atomically into node_exporter's textfile folder as a
/// dedicated user, and the alerting and recording rules with their promtool unit tests.
///
/// The rules use the metric names of `PrometheusRenderer` (`capaudit_area_status{area,priority,status}`,
/// `capaudit_tool_status{area,tool,status}`, `capaudit_tool_info{tool,version}`,
/// `capaudit_last_scan_timestamp_seconds`, `capaudit_area_coverage_ratio`).
public enum PrometheusIntegration {
    public static let rulesFile = "capaudit-rules.yml"
    public static let testsFile = "capaudit-rules.test.yml"

    public static func files(_ s: ExportSettings) -> [ExportedFile] {
        [
            ExportedFile("capaudit.service", service(s)),
            ExportedFile("capaudit.timer", timer()),
            ExportedFile("capaudit.cron", cron(s)),
            ExportedFile("capaudit.sysusers", sysusers()),
            ExportedFile("capaudit.tmpfiles", tmpfiles(s)),
            ExportedFile(rulesFile, rules(s)),
            ExportedFile(testsFile, tests(s)),
            ExportedFile("README.md", readme(s)),
        ]
    }

    static func service(_ s: ExportSettings) -> String {
        """
        # capaudit \(CapAudit.version): /etc/systemd/system/capaudit.service (written by `capaudit export prometheus`)
        [Unit]
        Description=capaudit capability scan for the node_exporter textfile collector
        Documentation=man:capaudit(1)

        [Service]
        Type=oneshot
        # The dedicated user of capaudit.sysusers; it can write the textfile folder (capaudit.tmpfiles) and nothing else.
        User=capaudit
        Group=capaudit
        # An explicit PATH: what the scan finds must not depend on how systemd was started.
        Environment=PATH=\(s.searchPath)
        ExecStart=\(s.scanArguments.map(Quote.systemd).joined(separator: " "))
        # Exit 1 means the gate (--fail-on \(s.failOn.rawValue)) failed; the metrics were written and say so
        # (capaudit_gate_passed 0), so the unit has not failed.
        SuccessExitStatus=1
        Nice=10
        IOSchedulingClass=idle
        TimeoutStartSec=15min
        NoNewPrivileges=yes
        PrivateTmp=yes
        PrivateDevices=yes
        ProtectSystem=strict
        ProtectHome=read-only
        ProtectKernelTunables=yes
        ProtectKernelModules=yes
        ProtectControlGroups=yes
        RestrictSUIDSGID=yes
        ReadWritePaths=\(s.textfileDirectory)

        """
    }

    static func timer() -> String {
        """
        # capaudit \(CapAudit.version): /etc/systemd/system/capaudit.timer
        [Unit]
        Description=Run capaudit hourly for the node_exporter textfile collector

        [Timer]
        OnBootSec=5min
        OnCalendar=hourly
        RandomizedDelaySec=10min
        Persistent=true

        [Install]
        WantedBy=timers.target

        """
    }

    static func cron(_ s: ExportSettings) -> String {
        """
        # capaudit \(CapAudit.version): /etc/cron.d/capaudit, instead of the systemd timer (use one, not both).
        # Runs hourly as the dedicated user; exit 1 (gate failed) is reported in the metrics, not mailed.
        PATH=\(s.searchPath)
        17 * * * * capaudit \(s.scanArguments.map(ShellQuote.word).joined(separator: " ")) >/dev/null 2>&1 || [ $? -eq 1 ]

        """
    }

    static func sysusers() -> String {
        """
        # capaudit \(CapAudit.version): /etc/sysusers.d/capaudit.conf (then: systemd-sysusers)
        u capaudit - "capaudit capability scanner" / /usr/sbin/nologin

        """
    }

    static func tmpfiles(_ s: ExportSettings) -> String {
        """
        # capaudit \(CapAudit.version): /etc/tmpfiles.d/capaudit.conf (then: systemd-tmpfiles --create capaudit.conf)
        # Lets the capaudit user write capaudit.prom (and its temporary file) into node_exporter's textfile folder.
        d \(s.textfileDirectory) 0755 - - -
        a+ \(s.textfileDirectory) - - - - u:capaudit:rwx

        """
    }

    static func rules(_ s: ExportSettings) -> String {
        """
        # capaudit \(CapAudit.version): Prometheus rules (written by `capaudit export prometheus`).
        # Check: promtool check rules \(rulesFile); test: promtool test rules \(testsFile)
        groups:
          - name: capaudit-recording
            rules:
              # Share of hosts on which each area is covered (0 to 1).
              - record: area:capaudit_area_covered_hosts:ratio
                expr: avg by (area, priority) (capaudit_area_status{status="covered"})
              # Mean share of each area's capabilities met across hosts (0 to 1).
              - record: area:capaudit_area_coverage:avg
                expr: avg by (area, priority) (capaudit_area_coverage_ratio)
              # Hosts on which each area is missing entirely.
              - record: area:capaudit_area_missing_hosts:sum
                expr: sum by (area, priority) (capaudit_area_status{status="missing"})
          - name: capaudit-alerts
            rules:
              - alert: CapabilityGapCritical
                expr: capaudit_area_status{priority="critical", status!="covered"} == 1
                for: 1h
                labels:
                  severity: critical
                annotations:
                  summary: "{{ $labels.instance }}: critical capability area {{ $labels.area }} is {{ $labels.status }}"
                  description: "capaudit on {{ $labels.instance }} reports the critical area {{ $labels.area }} as {{ $labels.status }} for over an hour. Run `capaudit scan --area {{ $labels.area }}` there, or `capaudit plan` for the commands that install what is missing."
              - alert: CapauditScanStale
                expr: |
                  (time() - capaudit_last_scan_timestamp_seconds > 2 * 86400)
                  or on (instance) (up{job=\(Quote.yaml(s.nodeJob))} == 1 unless on (instance) capaudit_last_scan_timestamp_seconds)
                for: 15m
                labels:
                  severity: warning
                annotations:
                  summary: "{{ $labels.instance }}: capaudit has not scanned for over 2 days, or its metrics are absent"
                  description: "node_exporter on {{ $labels.instance }} serves no recent capaudit.prom. Check `systemctl status capaudit.timer capaudit.service` and that \(s.textfileDirectory)/capaudit.prom is being written."
              - alert: CapauditToolOutdated
                expr: (capaudit_tool_status{status="outdated"} == 1) * on (instance, tool) group_left (version) capaudit_tool_info
                for: 1h
                labels:
                  severity: warning
                annotations:
                  summary: "{{ $labels.instance }}: {{ $labels.tool }} {{ $labels.version }} is below capaudit's minimum version"
                  description: "{{ $labels.tool }} {{ $labels.version }} on {{ $labels.instance }} ({{ $labels.area }}) is older than the catalog's minimum. `capaudit explain {{ $labels.tool }}` shows why; `capaudit plan` the upgrade."

        """
    }

    /// promtool unit tests: each alert firing on one host and not on another, and the recording rules'
    /// values for a two-host fleet.
    static func tests(_ s: ExportSettings) -> String {
        let job = s.nodeJob
        let critical = "critical capability area secrets is missing"
        return """
            # capaudit \(CapAudit.version): promtool unit tests for \(rulesFile). Run: promtool test rules \(testsFile)
            rule_files:
              - \(rulesFile)
            evaluation_interval: 1m
            tests:
              # CapabilityGapCritical fires after a critical area has not been covered for 1 h; never on a covered host.
              - interval: 5m
                input_series:
                  - series: 'capaudit_area_status{instance="gap:9100", job="\(job)", area="secrets", priority="critical", status="missing"}'
                    values: '1x40'
                  - series: 'capaudit_area_status{instance="gap:9100", job="\(job)", area="secrets", priority="critical", status="covered"}'
                    values: '0x40'
                  - series: 'capaudit_area_status{instance="ok:9100", job="\(job)", area="secrets", priority="critical", status="missing"}'
                    values: '0x40'
                  - series: 'capaudit_area_status{instance="ok:9100", job="\(job)", area="secrets", priority="critical", status="covered"}'
                    values: '1x40'
                  - series: 'capaudit_area_status{instance="ok:9100", job="\(job)", area="profiling", priority="high", status="missing"}'
                    values: '1x40'
                alert_rule_test:
                  - eval_time: 50m
                    alertname: CapabilityGapCritical
                    exp_alerts: []
                  - eval_time: 65m
                    alertname: CapabilityGapCritical
                    exp_alerts:
                      - exp_labels:
                          severity: critical
                          instance: gap:9100
                          job: \(job)
                          area: secrets
                          priority: critical
                          status: missing
                        exp_annotations:
                          summary: "gap:9100: \(critical)"
                          description: "capaudit on gap:9100 reports the critical area secrets as missing for over an hour. Run `capaudit scan --area secrets` there, or `capaudit plan` for the commands that install what is missing."
                promql_expr_test:
                  - expr: area:capaudit_area_covered_hosts:ratio{area="secrets"}
                    eval_time: 10m
                    exp_samples:
                      - labels: 'area:capaudit_area_covered_hosts:ratio{area="secrets", priority="critical"}'
                        value: 0.5
                  - expr: area:capaudit_area_missing_hosts:sum{area="secrets"}
                    eval_time: 10m
                    exp_samples:
                      - labels: 'area:capaudit_area_missing_hosts:sum{area="secrets", priority="critical"}'
                        value: 1

              # CapauditScanStale fires for a host whose last scan is over 2 days old and for a node_exporter without
              # capaudit metrics; not for a host scanned hourly.
              - interval: 1m
                input_series:
                  - series: 'capaudit_last_scan_timestamp_seconds{instance="old:9100", job="\(job)"}'
                    values: '0x4400'
                  - series: 'capaudit_last_scan_timestamp_seconds{instance="fresh:9100", job="\(job)"}'
                    values: '0+60x4400'
                  - series: 'up{instance="old:9100", job="\(job)"}'
                    values: '1x4400'
                  - series: 'up{instance="fresh:9100", job="\(job)"}'
                    values: '1x4400'
                  - series: 'up{instance="never:9100", job="\(job)"}'
                    values: '1x4400'
                alert_rule_test:
                  - eval_time: 1d
                    alertname: CapauditScanStale
                    exp_alerts:
                      - exp_labels:
                          severity: warning
                          instance: never:9100
                          job: \(job)
                        exp_annotations:
                          summary: "never:9100: capaudit has not scanned for over 2 days, or its metrics are absent"
                          description: "node_exporter on never:9100 serves no recent capaudit.prom. Check `systemctl status capaudit.timer capaudit.service` and that \(s.textfileDirectory)/capaudit.prom is being written."
                  - eval_time: 3d
                    alertname: CapauditScanStale
                    exp_alerts:
                      - exp_labels:
                          severity: warning
                          instance: old:9100
                          job: \(job)
                        exp_annotations:
                          summary: "old:9100: capaudit has not scanned for over 2 days, or its metrics are absent"
                          description: "node_exporter on old:9100 serves no recent capaudit.prom. Check `systemctl status capaudit.timer capaudit.service` and that \(s.textfileDirectory)/capaudit.prom is being written."
                      - exp_labels:
                          severity: warning
                          instance: never:9100
                          job: \(job)
                        exp_annotations:
                          summary: "never:9100: capaudit has not scanned for over 2 days, or its metrics are absent"
                          description: "node_exporter on never:9100 serves no recent capaudit.prom. Check `systemctl status capaudit.timer capaudit.service` and that \(s.textfileDirectory)/capaudit.prom is being written."

              # CapauditToolOutdated fires for a tool below its minimum (with its version), not for a current one.
              - interval: 5m
                input_series:
                  - series: 'capaudit_tool_status{instance="a:9100", job="\(job)", area="load-testing", tool="locust", status="outdated"}'
                    values: '1x20'
                  - series: 'capaudit_tool_status{instance="a:9100", job="\(job)", area="load-testing", tool="locust", status="present"}'
                    values: '0x20'
                  - series: 'capaudit_tool_info{instance="a:9100", job="\(job)", tool="locust", version="1.4.3"}'
                    values: '1x20'
                  - series: 'capaudit_tool_status{instance="b:9100", job="\(job)", area="load-testing", tool="locust", status="outdated"}'
                    values: '0x20'
                  - series: 'capaudit_tool_status{instance="b:9100", job="\(job)", area="load-testing", tool="locust", status="present"}'
                    values: '1x20'
                  - series: 'capaudit_tool_info{instance="b:9100", job="\(job)", tool="locust", version="2.47.0"}'
                    values: '1x20'
                alert_rule_test:
                  - eval_time: 30m
                    alertname: CapauditToolOutdated
                    exp_alerts: []
                  - eval_time: 65m
                    alertname: CapauditToolOutdated
                    exp_alerts:
                      - exp_labels:
                          severity: warning
                          instance: a:9100
                          job: \(job)
                          area: load-testing
                          tool: locust
                          status: outdated
                          version: 1.4.3
                        exp_annotations:
                          summary: "a:9100: locust 1.4.3 is below capaudit's minimum version"
                          description: "locust 1.4.3 on a:9100 (load-testing) is older than the catalog's minimum. `capaudit explain locust` shows why; `capaudit plan` the upgrade."

            """
    }

    static func readme(_ s: ExportSettings) -> String {
        """
        # capaudit \(CapAudit.version) for Prometheus

        Written by `capaudit export prometheus`. On each host (as root), with the capaudit binary at \(s.binaryPath):

        ```sh
        install -m 0644 capaudit.sysusers /etc/sysusers.d/capaudit.conf && systemd-sysusers
        install -m 0644 capaudit.tmpfiles /etc/tmpfiles.d/capaudit.conf && systemd-tmpfiles --create capaudit.conf
        install -m 0644 capaudit.service capaudit.timer /etc/systemd/system/
        systemctl daemon-reload && systemctl enable --now capaudit.timer
        systemctl start capaudit.service && cat \(s.textfileDirectory)/capaudit.prom | head
        ```

        Without systemd, use the cron line instead: `install -m 0644 capaudit.cron /etc/cron.d/capaudit`.

        The scan runs as the unprivileged `capaudit` user with PATH=\(s.searchPath), gates at
        `--fail-on \(s.failOn.rawValue)` (so `capaudit_gate_passed` is meaningful), and writes
        \(s.textfileDirectory)/capaudit.prom atomically (a temporary file in the same folder, then a rename), so
        node_exporter's textfile collector never reads half a file. Debian's prometheus-node-exporter reads that folder.

        On the Prometheus server:

        ```sh
        promtool check rules \(rulesFile) && promtool test rules \(testsFile)
        install -m 0644 \(rulesFile) /etc/prometheus/ && # add it to rule_files: in prometheus.yml, then reload
        ```

        Alerts: `CapabilityGapCritical` (a critical area not covered for 1 h), `CapauditScanStale` (last scan over 2 days
        old, or node_exporter up in job "\(s.nodeJob)" without capaudit metrics), `CapauditToolOutdated` (a tool below
        the catalog's minimum version for 1 h). Recording rules: `area:capaudit_area_covered_hosts:ratio`,
        `area:capaudit_area_coverage:avg`, `area:capaudit_area_missing_hosts:sum` (fleet coverage per area).

        """
    }
}
