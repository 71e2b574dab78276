import Foundation

/// `capaudit export ansible`: a playbook that copies the capaudit binary to the hosts, scans each as the
/// connecting user (no become) to JSON, fetches the reports and merges them on the control node.
public enum AnsibleIntegration {
    public static func files(_ s: ExportSettings) -> [ExportedFile] {
        [
            ExportedFile("capaudit.yml", playbook(s)),
            ExportedFile("inventory.ini", inventory()),
            ExportedFile("README.md", readme()),
        ]
    }

    static func playbook(_ s: ExportSettings) -> String {
        """
        # capaudit \(CapAudit.version): fleet scan with Ansible (written by `capaudit export ansible`).
        #   ansible-playbook -i inventory.ini capaudit.yml -e capaudit_binary=/path/to/capaudit
        # Copies the binary to a private temporary folder on each host, scans there as the connecting user (no
        # become: a scan needs no root), fetches reports/<inventory_hostname>.json, removes the folder, and merges
        # the reports on the control node into reports/fleet.md and reports/fleet.json.
        - name: Scan every host with capaudit
          hosts: capaudit
          become: false
          gather_facts: false
          vars:
            capaudit_binary: "{{ playbook_dir }}/capaudit"
            capaudit_reports: "{{ playbook_dir }}/reports"
            capaudit_scan_options: ["--no-config", "--isolated-home"]
          tasks:
            - name: Scan, fetch the report, clean up
              block:
                - name: Make a private work folder
                  ansible.builtin.tempfile:
                    state: directory
                    prefix: capaudit-
                  register: capaudit_tmp

                - name: Copy the capaudit binary
                  ansible.builtin.copy:
                    src: "{{ capaudit_binary }}"
                    dest: "{{ capaudit_tmp.path }}/capaudit"
                    mode: "0755"

                - name: Scan to JSON (the gate is applied by merge, so the scan itself never fails on a gap)
                  ansible.builtin.command:
                    argv: "{{ [capaudit_tmp.path ~ '/capaudit', 'scan', '--format', 'json', '--fail-on', 'never', '--output', capaudit_tmp.path ~ '/capaudit.json'] + capaudit_scan_options }}"
                  changed_when: false

                - name: Fetch the report to the control node
                  ansible.builtin.fetch:
                    src: "{{ capaudit_tmp.path }}/capaudit.json"
                    dest: "{{ capaudit_reports }}/{{ inventory_hostname }}.json"
                    flat: true
              always:
                - name: Remove the work folder
                  ansible.builtin.file:
                    path: "{{ capaudit_tmp.path }}"
                    state: absent
                  when: capaudit_tmp.path is defined

        - name: Merge the fleet's reports on the control node
          hosts: localhost
          connection: local
          become: false
          gather_facts: false
          vars:
            capaudit_binary: "{{ playbook_dir }}/capaudit"
            capaudit_reports: "{{ playbook_dir }}/reports"
            # Set to critical, high or medium to fail the play when a host has a gap at that level.
            capaudit_fail_on: never
          tasks:
            - name: Fleet report (markdown)
              ansible.builtin.command:
                argv: ["{{ capaudit_binary }}", "merge", "{{ capaudit_reports }}", "--format", "markdown", "--output", "{{ capaudit_reports }}/fleet.md"]
              changed_when: true

            - name: Fleet report (json) and the gate
              ansible.builtin.command:
                argv: ["{{ capaudit_binary }}", "merge", "{{ capaudit_reports }}", "--format", "json", "--fail-on", "{{ capaudit_fail_on }}", "--output", "{{ capaudit_reports }}/fleet.json"]
              changed_when: true

        """
    }

    static func inventory() -> String {
        """
        # capaudit \(CapAudit.version): example inventory. The hosts of group [capaudit] are scanned.
        [capaudit]
        runner-1.example.com
        runner-2.example.com ansible_user=ci
        # This machine itself, without SSH:
        # localhost ansible_connection=local

        """
    }

    static func readme() -> String {
        """
        # capaudit \(CapAudit.version) with Ansible

        Written by `capaudit export ansible`. Put the capaudit binary next to the playbook (or pass
        `-e capaudit_binary=PATH`), list your hosts in group `[capaudit]`, then:

        ```sh
        ansible-playbook -i inventory.ini capaudit.yml
        less reports/fleet.md                       # host × area matrix, failing hosts, version drift, fleet plan
        ansible-playbook -i inventory.ini capaudit.yml -e capaudit_fail_on=critical   # fail on critical gaps
        ```

        Each host's report is kept as `reports/<inventory_hostname>.json`, so two inventory names for one machine stay
        apart (merge flags the shared hostname). The hosts need no Python packages beyond what Ansible's
        `copy`, `fetch` and `tempfile` modules need, and no root: the scan runs as the connecting user.

        """
    }
}
