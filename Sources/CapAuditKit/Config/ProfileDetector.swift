import Foundation

/// Which role profile fits this host, for `capaudit init`. The rule, first that holds:
///
/// 1. `k8s-node`: `kubelet` is on PATH, or `/var/lib/kubelet` or `/etc/kubernetes/kubelet.conf` exists.
/// 2. `ci-runner`: a CI job's environment (`CI=true`/`1`, `GITHUB_ACTIONS`, `GITLAB_CI`, `BUILDKITE`,
///    `CIRCLECI` = `true`, `TF_BUILD=True`, or `JENKINS_URL` set), or the scan met `cicd/ci-runner` (a runner
///    agent on PATH).
/// 3. `workstation`: a desktop session (`DISPLAY`, `WAYLAND_DISPLAY` or `XDG_CURRENT_DESKTOP` set), or macOS.
/// 4. otherwise `all`. A bastion is never guessed: nothing on a host tells it from any server reached over SSH.
///
/// Only profiles the catalog has are picked.
public enum ProfileDetector {
    /// The chosen profile id and the evidence, in words.
    public static func detect(
        catalog: Catalog, environment: [String: String], resolver: PathResolver,
        fileSystem: any FileSystemView = LocalFileSystem(), report: Report?,
        platform: String = Tool.currentPlatform
    ) -> (profile: String, because: String) {
        func has(_ id: String) -> Bool { catalog.profileIDs.contains(id) }
        if has("k8s-node") {
            if let path = resolver.lookup("kubelet").resolved { return ("k8s-node", "kubelet is on PATH (\(path))") }
            for path in ["/var/lib/kubelet", "/etc/kubernetes/kubelet.conf"] where fileSystem.status(path) != nil {
                return ("k8s-node", "\(path) exists")
            }
        }
        if has("ci-runner") {
            let flags: [(String, String)] = [
                ("CI", "true"), ("CI", "1"), ("GITHUB_ACTIONS", "true"), ("GITLAB_CI", "true"),
                ("BUILDKITE", "true"), ("CIRCLECI", "true"), ("TF_BUILD", "True"),
            ]
            if let (name, value) = flags.first(where: { environment[$0.0] == $0.1 }) { return ("ci-runner", "\(name)=\(value): this runs in a CI job") }
            if let url = environment["JENKINS_URL"], !url.isEmpty { return ("ci-runner", "JENKINS_URL is set: this runs in a Jenkins build") }
            let runner = report?.areas.first { $0.area.id == "cicd" }?.capabilities.first { $0.capability.id == "ci-runner" }
            if let runner, runner.met { return ("ci-runner", "a CI runner agent was found (\(runner.metBy.joined(separator: ", ")))") }
        }
        if has("workstation") {
            for name in ["DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP"] {
                if let v = environment[name], !v.isEmpty { return ("workstation", "\(name) is set: a desktop session") }
            }
            if platform == "macos" { return ("workstation", "this is macOS") }
        }
        return (RoleProfile.allID, "no role was recognised (no kubelet, no CI job environment or runner, no desktop session); a bastion is never guessed: use --profile bastion")
    }
}
