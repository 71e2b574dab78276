import Foundation

/// `capaudit export kubernetes`: a namespace, a service account and a DaemonSet that scans each node's
/// root (mounted read-only at /host) into the node's node_exporter textfile folder, with a Dockerfile.
public enum KubernetesIntegration {
    public static let namespace = "capaudit"

    public static func files(_ s: ExportSettings) -> [ExportedFile] {
        [
            ExportedFile("namespace.yaml", namespaceManifest()),
            ExportedFile("serviceaccount.yaml", serviceAccount()),
            ExportedFile("daemonset.yaml", daemonSet(s)),
            ExportedFile("Dockerfile", dockerfile()),
            ExportedFile("README.md", readme(s)),
        ]
    }

    static let labels = """
              app.kubernetes.io/name: capaudit
              app.kubernetes.io/version: \(Quote.yaml(CapAudit.version))
        """

    static func namespaceManifest() -> String {
        """
        # capaudit \(CapAudit.version) (written by `capaudit export kubernetes`)
        apiVersion: v1
        kind: Namespace
        metadata:
          name: \(namespace)
          labels:
            app.kubernetes.io/name: capaudit
            pod-security.kubernetes.io/enforce: privileged

        """
    }

    static func serviceAccount() -> String {
        """
        # capaudit \(CapAudit.version): the DaemonSet's identity; it needs no Kubernetes API access.
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: capaudit
          namespace: \(namespace)
          labels:
            app.kubernetes.io/name: capaudit
        automountServiceAccountToken: false

        """
    }

    static func daemonSet(_ s: ExportSettings) -> String {
        let prom = "/textfile/capaudit.prom"
        let scan = [
            "/usr/local/bin/capaudit", "scan", "--root", "/host", "--no-config", "--isolated-home", "--fail-on", s.failOn.rawValue,
            "--format", "json", "--report", "prometheus:" + prom,
        ].map(ShellQuote.word).joined(separator: " ")
        return """
            # capaudit \(CapAudit.version): one pod per node scans the node's root filesystem (read-only at /host) every hour,
            # writes the Prometheus textfile to the node's node_exporter folder \(s.textfileDirectory) (atomically) and
            # prints the JSON report to its log (kubectl logs -n \(namespace) ds/capaudit).
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: capaudit
              namespace: \(namespace)
              labels:
                app.kubernetes.io/name: capaudit
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: capaudit
              updateStrategy:
                type: RollingUpdate
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: capaudit
                spec:
                  serviceAccountName: capaudit
                  automountServiceAccountToken: false
                  # Every node, control plane included.
                  tolerations:
                    - operator: Exists
                  containers:
                    - name: capaudit
                      image: \(Quote.yaml(s.image))
                      imagePullPolicy: IfNotPresent
                      command: ["/bin/sh", "-c"]
                      args:
                        - |
                          while true; do
                            \(scan) || [ $? -eq 1 ]
                            sleep 3600
                          done
                      securityContext:
                        readOnlyRootFilesystem: true
                        allowPrivilegeEscalation: false
                        privileged: false
                        # Root without capabilities, except writing into node_exporter's folder, which another user owns.
                        runAsUser: 0
                        capabilities:
                          drop: ["ALL"]
                          add: ["DAC_OVERRIDE"]
                        seccompProfile:
                          type: RuntimeDefault
                      resources:
                        requests:
                          cpu: 50m
                          memory: 64Mi
                        limits:
                          cpu: "1"
                          memory: 256Mi
                      volumeMounts:
                        - name: host-root
                          mountPath: /host
                          readOnly: true
                        - name: textfile
                          mountPath: /textfile
                        - name: tmp
                          mountPath: /tmp
                  volumes:
                    - name: host-root
                      hostPath:
                        path: /
                        type: Directory
                    - name: textfile
                      hostPath:
                        path: \(s.textfileDirectory)
                        type: DirectoryOrCreate
                    - name: tmp
                      emptyDir:
                        medium: Memory
                        sizeLimit: 64Mi

            """
    }

    static func dockerfile() -> String {
        """
        # capaudit \(CapAudit.version): the DaemonSet's image, from the release binary (statically linked):
        #   tar -xzf capaudit-\(CapAudit.version)-linux-x86_64.tar.gz
        #   cp capaudit-\(CapAudit.version)-linux-x86_64/capaudit .
        #   docker build -t registry.example.com/capaudit:\(CapAudit.version) . && docker push registry.example.com/capaudit:\(CapAudit.version)
        # debian:12-slim gives the loop its /bin/sh; capaudit itself needs nothing from the image.
        FROM debian:12-slim
        COPY --chmod=0755 capaudit /usr/local/bin/capaudit
        ENTRYPOINT ["/usr/local/bin/capaudit"]
        CMD ["--help"]

        """
    }

    static func readme(_ s: ExportSettings) -> String {
        """
        # capaudit \(CapAudit.version) on Kubernetes

        Written by `capaudit export kubernetes`. Build the image from the release binary (see `Dockerfile`), set its
        name in `daemonset.yaml` (now \(s.image)), then:

        ```sh
        kubectl apply -f namespace.yaml -f serviceaccount.yaml -f daemonset.yaml
        kubectl -n \(namespace) rollout status ds/capaudit
        kubectl -n \(namespace) logs ds/capaudit | head        # the JSON report of one node
        ```

        Each pod mounts its node's root read-only at /host and scans it with `capaudit scan --root /host` (the node's
        tools, not the image's), every hour. The Prometheus textfile goes to \(s.textfileDirectory)/capaudit.prom on
        the node through a hostPath mount, where node_exporter's textfile collector (`--collector.textfile.directory`)
        serves it; the rules of `capaudit export prometheus` then alert on it. The container's root filesystem is
        read-only; it runs as root with every capability dropped except DAC_OVERRIDE (to write into node_exporter's
        folder), no privilege escalation, no service-account token. The namespace is labelled for the privileged
        Pod Security level because hostPath volumes need it.

        To collect the JSON reports for `capaudit merge`: `for p in $(kubectl -n \(namespace) get pods -o name); do
        kubectl -n \(namespace) logs "$p" | awk '/^[{]$/ { buf = "" } { buf = buf $0 "\\n" } /^[}]$/ { last = buf }
        END { printf "%s", last }' > "${p#pod/}.json"; done` keeps the last complete report of each pod's log.

        """
    }
}
