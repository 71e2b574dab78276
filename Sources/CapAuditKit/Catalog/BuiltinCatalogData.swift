// Generated from Catalog/*.json. Do not edit: change Catalog/ and run
// UPDATE_BUILTIN_CATALOG=1 swift test --filter BuiltinCatalog

extension BuiltinCatalog {
    static let files: [(name: String, text: String)] = [
        ("api-docs.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "api-docs",
    "name": "API Documentation Generation",
    "priority": "medium",
    "rank": 9,
    "phase": 3,
    "why": "Manual API docs get out of sync with code",
    "impact": "Documentation debt, poor API discoverability",
    "useCases": [
      "Auto-generate API docs",
      "Generate client SDKs",
      "API contract validation",
      "OpenAPI spec management"
    ],
    "capabilities": [
      {
        "id": "code-generation",
        "name": "Client SDK and server stub generation from OpenAPI",
        "tools": [
          "openapi-generator",
          "swagger-codegen"
        ],
        "preferred": "openapi-generator"
      },
      {
        "id": "docs-rendering",
        "name": "API reference documentation rendering",
        "tools": [
          "redoc-cli",
          "swagger-ui"
        ],
        "preferred": "redoc-cli"
      },
      {
        "id": "spec-linting",
        "name": "OpenAPI spec linting and contract validation",
        "tools": [
          "spectral"
        ],
        "preferred": "spectral"
      }
    ]
  },
  "tools": [
    {
      "id": "openapi-generator",
      "name": "OpenAPI Generator",
      "summary": "Generates client SDKs, server stubs and docs from OpenAPI documents.",
      "homepage": "https://openapi-generator.tech",
      "probes": [
        {
          "command": "openapi-generator",
          "args": [
            "version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "The Homebrew formula's launcher runs the bundled JAR locally and prints the bare version (JVM start-up is slow). The npm wrapper's 'openapi-generator-cli' is deliberately not probed: on every invocation, before it even parses its arguments, it asks Maven Central for the latest version (unless pinned in ./openapitools.json), downloads the JAR if it is missing, and runs 'docker run' when that file sets useDocker. Hosts with only the npm wrapper are reported missing."
        }
      ]
    },
    {
      "id": "swagger-codegen",
      "name": "Swagger Codegen",
      "summary": "Generates client SDKs and server stubs from Swagger/OpenAPI definitions.",
      "homepage": "https://github.com/swagger-api/swagger-codegen",
      "probes": [
        {
          "command": "swagger-codegen",
          "args": [
            "version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "A launcher around swagger-codegen-cli.jar; 3.x builds from Homebrew print DEBUG log lines ('12:19:24.177 [main] DEBUG ...') before the bare version, so the pattern takes a line that is only a version."
        }
      ]
    },
    {
      "id": "redoc-cli",
      "name": "Redocly CLI / redoc-cli",
      "summary": "Renders OpenAPI documents into API reference docs (Redoc) and bundles/lints them.",
      "homepage": "https://redocly.com/docs/cli/",
      "probes": [
        {
          "command": "redocly",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "env": {
            "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
            "REDOCLY_TELEMETRY": "off"
          },
          "note": "Redocly CLI (@redocly/cli) replaced the deprecated redoc-cli. It checks the npm registry for updates and sends telemetry unless both switches are set. One 1.34.x release let dotenv print an '[dotenv@...] injecting env' line first, so the pattern takes a line that is only a version."
        },
        {
          "command": "redoc-cli",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "The deprecated redoc-cli package; yargs prints the bare version."
        }
      ]
    },
    {
      "id": "spectral",
      "name": "Spectral",
      "summary": "Linter for OpenAPI, AsyncAPI and JSON/YAML documents with custom rulesets.",
      "homepage": "https://github.com/stoplightio/spectral",
      "probes": [
        {
          "command": "spectral",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints the bare version; some builds printed 0.0.0, which reads as unknown."
        }
      ]
    },
    {
      "id": "swagger-ui",
      "name": "Swagger UI",
      "summary": "Interactive API documentation rendered in the browser from an OpenAPI document.",
      "homepage": "https://swagger.io/tools/swagger-ui/",
      "undetectable": "Swagger UI is a JavaScript/HTML bundle (npm swagger-ui / swagger-ui-dist, or a container image) served by a web server or embedded in an application; it installs no command, so nothing on PATH can show it."
    }
  ]
}

"""#),
        ("cicd.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "cicd",
    "name": "CI/CD Pipeline Tools",
    "priority": "critical",
    "rank": 1,
    "phase": 1,
    "why": "Can't automate builds, tests, deployments",
    "impact": "Manual deployment is error-prone, time-consuming, and not scalable",
    "useCases": [
      "Automated testing on PRs",
      "Automated deployments",
      "Build pipeline management",
      "Release automation"
    ],
    "capabilities": [
      {
        "id": "ci-platform-cli",
        "name": "CI/CD platform CLI (pipelines, build status, releases)",
        "tools": [
          "gh",
          "glab",
          "circleci",
          "jenkins-cli"
        ],
        "preferred": "gh"
      },
      {
        "id": "ci-runner",
        "name": "Self-hosted CI job runner",
        "tools": [
          "gitlab-runner"
        ],
        "preferred": "gitlab-runner"
      }
    ]
  },
  "tools": [
    {
      "id": "gh",
      "name": "GitHub CLI",
      "summary": "GitHub from the terminal: Actions runs and workflows, pull requests, releases.",
      "homepage": "https://cli.github.com",
      "probes": [
        {
          "command": "gh",
          "args": [
            "--version"
          ],
          "pattern": "gh version (\\d+\\.\\d+[^\\s]*)",
          "env": {
            "GH_NO_UPDATE_NOTIFIER": "1"
          },
          "note": "gh checks GitHub for a newer release in the background on other commands; GH_NO_UPDATE_NOTIFIER keeps that off. The output also carries a release URL, so the pattern is anchored on 'gh version'."
        }
      ]
    },
    {
      "id": "glab",
      "name": "GitLab CLI",
      "summary": "GitLab from the terminal: CI/CD pipelines and jobs, merge requests, releases.",
      "homepage": "https://gitlab.com/gitlab-org/cli",
      "probes": [
        {
          "command": "glab",
          "args": [
            "--version"
          ],
          "pattern": "glab(?: version)?:? v?(\\d+\\.\\d+[^\\s(]*)",
          "env": {
            "GLAB_CHECK_UPDATE": "false",
            "CHECK_UPDATE": "false",
            "GLAB_SEND_TELEMETRY": "false"
          },
          "note": "glab 1.47 queried the gitlab.com releases API even for --version; both update-check switches (old and new name) and telemetry are turned off. glab may still create ~/.config/glab-cli (GLAB_CONFIG_DIR cannot point at a per-run temp dir from a static catalog). Output forms seen: 'glab version 1.22.0 (2022-01-01)', 'Current glab version: 1.53.0', 'glab 1.82.0 (abc1234)'."
        }
      ]
    },
    {
      "id": "gitlab-runner",
      "name": "GitLab Runner",
      "summary": "Agent that runs GitLab CI/CD jobs on your own machines.",
      "homepage": "https://docs.gitlab.com/runner/",
      "probes": [
        {
          "command": "gitlab-runner",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^Version:\\s+v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Prints Version, Git revision, Git branch and 'GO version: go1.x'; the pattern takes only the line that starts with 'Version:'."
        }
      ]
    },
    {
      "id": "circleci",
      "name": "CircleCI CLI",
      "summary": "CircleCI from the terminal: validate and process config, trigger and inspect pipelines.",
      "homepage": "https://github.com/CircleCI-Public/circleci-cli",
      "probes": [
        {
          "command": "circleci",
          "args": [
            "version",
            "--skip-update-check"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+)\\b",
          "env": {
            "CIRCLECI_CLI_SKIP_UPDATE_CHECK": "true",
            "CIRCLECI_CLI_TELEMETRY_OPTOUT": "1"
          },
          "note": "The v0 CLI asks the GitHub API for a newer release before every command unless --skip-update-check (or CIRCLECI_CLI_SKIP_UPDATE_CHECK) is given; telemetry opted out too. Output looks like '0.1.30549+634e5b5 (release)'; the build hash after '+' is dropped."
        }
      ]
    },
    {
      "id": "jenkins-cli",
      "name": "Jenkins CLI",
      "summary": "Command-line client for a Jenkins controller: jobs, builds, nodes.",
      "homepage": "https://www.jenkins.io/doc/book/managing/cli/",
      "probes": [
        {
          "command": "jenkins-cli",
          "args": [
            "-version"
          ],
          "pattern": "Version: (\\d+\\.\\d+[^\\s]*)",
          "note": "The Jenkins CLI is jenkins-cli.jar; 'java -jar jenkins-cli.jar -s URL version' always asks the server. Only a launcher script named jenkins-cli (installed by the Homebrew jenkins / jenkins-lts formulae) can be probed: hudson.cli.CLI handles '-version' first in its argument loop and prints the jar's own manifest version ('Version: 2.440.1') before any connection is set up. Hosts that only have the jar are reported missing."
        }
      ]
    }
  ]
}

"""#),
        ("load-testing.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "load-testing",
    "name": "Load/Stress Testing",
    "priority": "high",
    "rank": 6,
    "phase": 2,
    "why": "Can't test system behavior under load",
    "impact": "Unknown capacity limits, can't plan for scale",
    "useCases": [
      "Capacity planning",
      "Performance testing",
      "Stress testing",
      "Breaking point analysis"
    ],
    "capabilities": [
      {
        "id": "http-benchmarking",
        "name": "HTTP benchmarking",
        "tools": [
          "wrk",
          "ab"
        ],
        "preferred": "wrk"
      },
      {
        "id": "scripted-load-testing",
        "name": "Scripted load and stress scenarios",
        "tools": [
          "k6",
          "locust",
          "artillery"
        ],
        "preferred": "k6"
      }
    ]
  },
  "tools": [
    {
      "id": "k6",
      "name": "Grafana k6",
      "summary": "Load testing with JavaScript scenarios, thresholds and checks.",
      "homepage": "https://k6.io",
      "probes": [
        {
          "command": "k6",
          "args": [
            "version"
          ],
          "pattern": "k6 v(\\d+\\.\\d+[^\\s]*)",
          "note": "Output 'k6 v0.49.0 (go1.21.6, linux/amd64)' also names the Go version (and any extensions); the pattern is anchored on 'k6 v'."
        }
      ]
    },
    {
      "id": "ab",
      "name": "ApacheBench (ab)",
      "summary": "Simple HTTP load generator from the Apache HTTP Server tools.",
      "homepage": "https://httpd.apache.org/docs/current/programs/ab.html",
      "probes": [
        {
          "command": "ab",
          "args": [
            "-V"
          ],
          "pattern": "ApacheBench, Version (\\d+\\.\\d+[^\\s]*)",
          "note": "Prints 'This is ApacheBench, Version 2.3 <$Revision$>' and copyright lines."
        }
      ]
    },
    {
      "id": "wrk",
      "name": "wrk",
      "summary": "High-performance HTTP benchmarking tool.",
      "homepage": "https://github.com/wg/wrk",
      "probes": [
        {
          "command": "wrk",
          "args": [
            "-v"
          ],
          "pattern": "wrk (?:[^\\s/]+/)?v?(\\d+\\.\\d+(?:\\.\\d+)?)",
          "note": "wrk -v prints its version and usage, then exits 1. Debian's build labels it 'wrk debian/4.1.0-3+b2', upstream 'wrk 4.2.0 [epoll]'; the pattern skips the vendor prefix and packaging suffix."
        }
      ]
    },
    {
      "id": "locust",
      "name": "Locust",
      "summary": "Load testing with user behaviour written in Python.",
      "homepage": "https://locust.io",
      "probes": [
        {
          "command": "locust",
          "args": [
            "--version"
          ],
          "pattern": "locust (\\d+\\.\\d+[^\\s]*)",
          "note": "Not -v. Output 'locust 2.47.0 from /path/site-packages/locust (Python 3.11.7)' also names the Python version."
        }
      ]
    },
    {
      "id": "artillery",
      "name": "Artillery",
      "summary": "Load testing toolkit for HTTP, WebSocket and other protocols, with YAML scenarios.",
      "homepage": "https://www.artillery.io",
      "probes": [
        {
          "command": "artillery",
          "args": [
            "--version"
          ],
          "pattern": "(?:Artillery(?: Core)?:\\s+v?|^v?)(\\d+\\.\\d+\\.\\d+[^\\s]*)",
          "env": {
            "ARTILLERY_DISABLE_TELEMETRY": "true"
          },
          "note": "Artillery 2 answers --version from an init hook that prints a banner and 'Artillery: 2.0.23' plus 'Node.js: v22...' and exits before any command (earlier 2.0 pre-releases said 'Artillery Core:'; 1.x printed the bare version). Telemetry is only sent by 'run', but is switched off anyway."
        }
      ]
    }
  ]
}

"""#),
        ("migrations.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "migrations",
    "name": "Database Migration Tools",
    "priority": "high",
    "rank": 7,
    "phase": 2,
    "why": "No way to version and manage database schema changes",
    "impact": "Schema drift, deployment issues, difficult rollbacks",
    "useCases": [
      "Schema version control",
      "Automated migrations",
      "Rollback capabilities",
      "Migration testing"
    ],
    "capabilities": [
      {
        "id": "python-schema-migrations",
        "name": "Python (SQLAlchemy) schema migrations",
        "tools": [
          "alembic"
        ],
        "preferred": "alembic"
      },
      {
        "id": "sql-schema-migrations",
        "name": "Versioned SQL migrations for any stack",
        "tools": [
          "flyway",
          "migrate",
          "dbmate",
          "sql-migrate"
        ],
        "preferred": "flyway"
      }
    ]
  },
  "tools": [
    {
      "id": "alembic",
      "name": "Alembic",
      "summary": "Schema migrations for SQLAlchemy, with autogenerate, upgrade and downgrade.",
      "homepage": "https://alembic.sqlalchemy.org",
      "probes": [
        {
          "command": "alembic",
          "args": [
            "--version"
          ],
          "pattern": "alembic (\\d+\\.\\d+[^\\s]*)"
        }
      ]
    },
    {
      "id": "flyway",
      "name": "Flyway",
      "summary": "Versioned SQL (and Java) database migrations for many databases.",
      "homepage": "https://flywaydb.org",
      "probes": [
        {
          "command": "flyway",
          "args": [
            "-v",
            "-skipCheckForUpdate"
          ],
          "pattern": "Flyway (?:[A-Za-z]+ Edition )?v?(\\d+\\.\\d+[^\\s]*)",
          "env": {
            "REDGATE_DISABLE_TELEMETRY": "true"
          },
          "note": "Flyway checks Redgate for a newer version and sends telemetry unless -skipCheckForUpdate and REDGATE_DISABLE_TELEMETRY are given. It also reads flyway.conf / flyway.toml from the working directory (and the user's home), so a neutral working directory is best. Output forms: 'Flyway 6.0.8 by Redgate', 'Flyway Community Edition 9.22.3 by Redgate', 'Flyway OSS Edition 10.x by Redgate', followed by a plugin table with more versions."
        }
      ]
    },
    {
      "id": "migrate",
      "name": "golang-migrate",
      "summary": "Database migrations CLI and Go library with up/down SQL files.",
      "homepage": "https://github.com/golang-migrate/migrate",
      "probes": [
        {
          "command": "migrate",
          "args": [
            "-version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "The -version flag prints the CLI version to stderr and exits 0. The 'version' subcommand is different: it connects to -database to read the applied migration version."
        }
      ]
    },
    {
      "id": "dbmate",
      "name": "dbmate",
      "summary": "Framework-agnostic SQL migration tool with up/down migrations.",
      "homepage": "https://github.com/amacneil/dbmate",
      "probes": [
        {
          "command": "dbmate",
          "args": [
            "--version"
          ],
          "pattern": "dbmate version v?(\\d+\\.\\d+[^\\s]*)"
        }
      ]
    },
    {
      "id": "sql-migrate",
      "name": "sql-migrate",
      "summary": "SQL schema migration tool for Go projects (up/down, redo, status).",
      "homepage": "https://github.com/rubenv/sql-migrate",
      "probes": [
        {
          "command": "sql-migrate",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints the bare version. Before 1.1.2 (2022) it always printed 1.0.0; builds without module info print 'dev' or '(devel)', which reads as unknown."
        }
      ]
    }
  ]
}

"""#),
        ("monitoring.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "monitoring",
    "name": "Monitoring/Observability",
    "priority": "critical",
    "rank": 3,
    "phase": 1,
    "why": "No way to monitor production systems",
    "impact": "Blind to production issues, no metrics/tracing",
    "useCases": [
      "Production monitoring",
      "Metrics collection",
      "Distributed tracing",
      "Alerting"
    ],
    "capabilities": [
      {
        "id": "metrics",
        "name": "Metrics collection and alerting rules",
        "tools": [
          "prometheus",
          "promtool",
          "statsd"
        ],
        "preferred": "prometheus"
      },
      {
        "id": "dashboards",
        "name": "Dashboards and visualization",
        "tools": [
          "grafana"
        ],
        "preferred": "grafana"
      },
      {
        "id": "distributed-tracing",
        "name": "Distributed tracing",
        "tools": [
          "jaeger",
          "zipkin"
        ],
        "preferred": "jaeger"
      }
    ]
  },
  "tools": [
    {
      "id": "prometheus",
      "name": "Prometheus",
      "summary": "Metrics collection, time-series storage and alert rule evaluation.",
      "homepage": "https://prometheus.io",
      "probes": [
        {
          "command": "prometheus",
          "args": [
            "--version"
          ],
          "pattern": "prometheus, version (\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)",
          "note": "--version prints and exits; the server is not started. Output also has 'go version: go1.x'; Debian appends '+ds', which the pattern leaves out. Exporters built on kingpin write this to stderr."
        }
      ]
    },
    {
      "id": "promtool",
      "name": "promtool",
      "summary": "Prometheus' companion CLI: checks configs and alerting/recording rules, unit-tests rules, queries a server.",
      "homepage": "https://prometheus.io/docs/prometheus/latest/command-line/promtool/",
      "probes": [
        {
          "command": "promtool",
          "args": [
            "--version"
          ],
          "pattern": "promtool, version (\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)",
          "note": "Ships with Prometheus; same output shape as prometheus --version."
        }
      ]
    },
    {
      "id": "statsd",
      "name": "StatsD",
      "summary": "Network daemon that aggregates counters and timers and flushes them to a backend.",
      "homepage": "https://github.com/statsd/statsd",
      "undetectable": "StatsD's only executable is the daemon itself: it has no version or help option and treats its first argument as a config file, then listens on UDP 8125 once one is read (without one it merely crashes). No invocation is both informative and safe, and its version lives only in the npm package.json. Other implementations (statsd_exporter, gostatsd, statsite) are different tools."
    },
    {
      "id": "grafana",
      "name": "Grafana",
      "summary": "Dashboards and visualization for metrics, logs and traces.",
      "homepage": "https://grafana.com/oss/grafana/",
      "probes": [
        {
          "command": "grafana",
          "args": [
            "--version"
          ],
          "pattern": "grafana version v?(\\d+\\.\\d+[^\\s]*)",
          "note": "The single 'grafana' binary (Grafana 10+) prints 'grafana version 10.2.3' and exits; nothing is started."
        },
        {
          "command": "grafana-server",
          "args": [
            "-v"
          ],
          "pattern": "Version v?(\\d+\\.\\d+[^\\s(]*)",
          "note": "Older packages only have grafana-server; -v prints 'Version 9.5.2 (commit: ..., branch: ...)' and exits without starting the server."
        }
      ]
    },
    {
      "id": "jaeger",
      "name": "Jaeger",
      "summary": "Distributed tracing backend (collector, query service and UI).",
      "homepage": "https://www.jaegertracing.io",
      "probes": [
        {
          "command": "jaeger-all-in-one",
          "args": [
            "version"
          ],
          "pattern": "\\\"gitVersion\\\"\\s*:\\s*\\\"v?(\\d+\\.\\d+[^\\\"]*)\\\"",
          "note": "Jaeger v1 ships separate binaries; the 'version' subcommand prints JSON build info ({\"gitCommit\":...,\"gitVersion\":\"v1.52.0\",\"buildDate\":...}) and exits, with a log line on stderr; the collector is not started."
        },
        {
          "command": "jaeger",
          "args": [
            "version"
          ],
          "pattern": "\\\"gitVersion\\\"\\s*:\\s*\\\"v?(\\d+\\.\\d+[^\\\"]*)\\\"",
          "note": "Jaeger v2 is one 'jaeger' binary; the same version subcommand and JSON."
        }
      ]
    },
    {
      "id": "zipkin",
      "name": "Zipkin",
      "summary": "Distributed tracing system (collector, storage, UI).",
      "homepage": "https://zipkin.io",
      "undetectable": "Zipkin ships as an executable JAR (zipkin.jar / zipkin-server-*-exec.jar) or a container image; no command of its own lands on PATH, and running the JAR starts the server."
    }
  ]
}

"""#),
        ("orchestration.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "orchestration",
    "name": "Container Orchestration",
    "priority": "high",
    "rank": 8,
    "phase": 2,
    "why": "Docker alone is insufficient for production container management",
    "impact": "Can't manage containers at scale, no orchestration",
    "useCases": [
      "Kubernetes cluster management",
      "Helm chart management",
      "Container orchestration",
      "Production deployment"
    ],
    "capabilities": [
      {
        "id": "kubernetes-cluster-management",
        "name": "Kubernetes cluster management",
        "tools": [
          "kubectl",
          "k9s"
        ],
        "preferred": "kubectl"
      },
      {
        "id": "kubernetes-packaging",
        "name": "Kubernetes packaging and releases (charts)",
        "tools": [
          "helm"
        ],
        "preferred": "helm"
      },
      {
        "id": "multi-container-apps",
        "name": "Multi-container apps with Compose (and conversion to Kubernetes)",
        "tools": [
          "docker-compose",
          "kompose"
        ],
        "preferred": "docker-compose"
      }
    ]
  },
  "tools": [
    {
      "id": "kubectl",
      "name": "kubectl",
      "summary": "The Kubernetes command-line client.",
      "homepage": "https://kubernetes.io/docs/reference/kubectl/",
      "probes": [
        {
          "command": "kubectl",
          "args": [
            "version",
            "--client",
            "--kubeconfig=/dev/null/kubeconfig"
          ],
          "pattern": "(?:Client Version: v|GitVersion:\\\"v)(\\d+\\.\\d+\\.\\d+)",
          "note": "--client alone is not enough: the kubectl shipped with the Google Cloud SDK is a dispatcher that first asks the API server for its version (to pick kubectl.1.xx) on every invocation, including 'version --client' (seen with strace: a connect to 127.0.0.1:8080). An explicit kubeconfig path that can never exist (/dev/null is not a directory) makes that lookup fail before any connection; 'version --client' of a plain kubectl never reads the kubeconfig. Old kubectl prints 'Client Version: version.Info{... GitVersion:\"v1.27.16\" ...}', new 'Client Version: v1.32.5' plus a Kustomize version; vendor suffixes (-dispatcher, -eks-..., -gke.N) are left out."
        }
      ]
    },
    {
      "id": "helm",
      "name": "Helm",
      "summary": "Kubernetes package manager: install, upgrade and roll back charts.",
      "homepage": "https://helm.sh",
      "probes": [
        {
          "command": "helm",
          "args": [
            "version",
            "--short"
          ],
          "pattern": "v(\\d+\\.\\d+\\.\\d+[^\\s+]*)",
          "note": "Helm 3+ has no server side, so 'version' is local and prints 'v3.13.3+gc8b9489'. On end-of-life Helm 2 the same command would try to reach Tiller; '--client' avoided that there, but Helm 4 removed the flag and the probe would fail, so it is not used. Helm 2 reports 'Client: v2.x' and is below minVersion anyway."
        }
      ],
      "minVersion": "3.0.0"
    },
    {
      "id": "k9s",
      "name": "K9s",
      "summary": "Terminal UI for navigating and managing Kubernetes clusters.",
      "homepage": "https://k9scli.io",
      "probes": [
        {
          "command": "k9s",
          "args": [
            "version",
            "-s"
          ],
          "pattern": "Version\\s+v?(\\d+\\.\\d+[^\\s]*)",
          "note": "-s (short) prints 'Version  v0.32.4' / Commit / Date without the logo and colour codes; the full form puts ANSI escapes between label and value. Does not contact a cluster."
        }
      ]
    },
    {
      "id": "docker-compose",
      "name": "Docker Compose",
      "summary": "Defines and runs multi-container applications from a compose file.",
      "homepage": "https://docs.docker.com/compose/",
      "probes": [
        {
          "command": "docker-compose",
          "args": [
            "--version"
          ],
          "pattern": "(?i)compose version:? v?(\\d+\\.\\d+[^\\s,]*)",
          "note": "Standalone binary: v1 prints 'docker-compose version 1.29.2, build 5becea4c' (end of life since 2023, hence minVersion 2.0.0), a v2 standalone 'Docker Compose version v2.20.2'."
        },
        {
          "command": "docker",
          "args": [
            "compose",
            "version"
          ],
          "pattern": "(?i)compose version:? v?(\\d+\\.\\d+[^\\s,]*)",
          "evidence": "exit-zero",
          "note": "The Compose v2 plugin. docker on PATH does not prove the plugin, so the command must exit 0 (without it docker exits 1: 'unknown command: docker compose'). '--short' is deliberately not passed: when the plugin is missing, docker parses the unknown flag itself and pings the daemon socket while building the error (seen with strace on docker 28.2.2). Some v2.32.x builds printed a git hash instead of a version, which reads as unknown."
        }
      ],
      "minVersion": "2.0.0"
    },
    {
      "id": "kompose",
      "name": "Kompose",
      "summary": "Converts Docker Compose files into Kubernetes manifests.",
      "homepage": "https://kompose.io",
      "probes": [
        {
          "command": "kompose",
          "args": [
            "version"
          ],
          "pattern": "(?:kompose version |^)v?(\\d+\\.\\d+\\.\\d+[^\\s(]*)",
          "note": "'kompose version' prints '1.32.0 (765fde254)'; releases before 0.3 used '--version' and printed 'kompose version 0.1.2 (92ea047)'."
        }
      ]
    }
  ]
}

"""#),
        ("profiling.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "profiling",
    "name": "Performance Profiling",
    "priority": "high",
    "rank": 5,
    "phase": 2,
    "why": "Can't identify performance bottlenecks in production code",
    "impact": "Performance issues go undetected until production problems occur",
    "useCases": [
      "Identify CPU bottlenecks",
      "Memory leak detection",
      "Performance optimization",
      "Code hot-spot analysis"
    ],
    "capabilities": [
      {
        "id": "cpu-profiling",
        "name": "CPU profiling",
        "tools": [
          "py-spy",
          "cprofile",
          "perf",
          "pprof"
        ],
        "preferred": "py-spy"
      },
      {
        "id": "memory-profiling",
        "name": "Memory profiling",
        "tools": [
          "memory-profiler",
          "pprof"
        ],
        "preferred": "memory-profiler"
      },
      {
        "id": "line-profiling",
        "name": "Line-by-line profiling",
        "tools": [
          "line-profiler"
        ],
        "preferred": "line-profiler"
      }
    ]
  },
  "tools": [
    {
      "id": "py-spy",
      "name": "py-spy",
      "summary": "Sampling profiler for running Python programs, without restarting or modifying them.",
      "homepage": "https://github.com/benfred/py-spy",
      "probes": [
        {
          "command": "py-spy",
          "args": [
            "--version"
          ],
          "pattern": "py-spy (\\d+\\.\\d+[^\\s]*)"
        }
      ]
    },
    {
      "id": "cprofile",
      "name": "cProfile",
      "summary": "Deterministic profiler in the Python standard library ('python3 -m cProfile').",
      "homepage": "https://docs.python.org/3/library/profile.html",
      "probes": [
        {
          "command": "python3",
          "args": [
            "-c",
            "import cProfile, sys; print('cProfile', sys.version.split()[0])"
          ],
          "pattern": "cProfile (\\d+\\.\\d+[^\\s]*)",
          "evidence": "exit-zero",
          "note": "cProfile is a standard-library module, not a command: python3 on PATH does not prove it (some distributions split the profiler out), so the import must succeed. The version shown is the interpreter's."
        }
      ]
    },
    {
      "id": "perf",
      "name": "perf",
      "summary": "Linux system-wide profiler built on kernel performance counters and tracepoints.",
      "homepage": "https://perfwiki.github.io/main/",
      "probes": [
        {
          "command": "perf",
          "args": [
            "--version"
          ],
          "pattern": "perf version (\\d+\\.\\d+[^\\s]*)",
          "note": "Ubuntu's /usr/bin/perf is a wrapper that exits 2 with a hint when linux-tools for the running kernel is missing; the path still shows perf is installed, the version then reads as unknown."
        }
      ],
      "platforms": [
        "linux"
      ]
    },
    {
      "id": "pprof",
      "name": "pprof",
      "summary": "Go's profile visualizer and analyzer for CPU, heap, goroutine and block profiles.",
      "homepage": "https://github.com/google/pprof",
      "probes": [
        {
          "command": "go",
          "args": [
            "version"
          ],
          "pattern": "go version go(\\d+(?:\\.\\d+)+)",
          "env": {
            "GOTOOLCHAIN": "local"
          },
          "note": "pprof ships with every Go toolchain as 'go tool pprof' (prebuilt before Go 1.25, built on demand from GOROOT after), so the go command is the evidence and the version shown is Go's. 'go tool -n pprof' was not used: on newer toolchains it may build the tool, which is slow. GOTOOLCHAIN=local stops go from downloading the toolchain named in a go.mod found in the working directory."
        },
        {
          "command": "pprof",
          "args": [
            "-h"
          ],
          "pattern": "(?!)",
          "note": "A standalone pprof (github.com/google/pprof) has no version flag; -h only prints usage. The pattern matches nothing on purpose, so the version is reported unknown rather than taking a number from the usage text."
        }
      ]
    },
    {
      "id": "memory-profiler",
      "name": "memory_profiler",
      "summary": "Line-by-line memory usage of Python code, and memory over time with mprof.",
      "homepage": "https://github.com/pythonprofilers/memory_profiler",
      "probes": [
        {
          "command": "mprof",
          "args": [
            "list",
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "'mprof --version' prints usage and exits 1; every mprof subcommand has --version. 'list' is used because it is read-only even on a build without the flag, whereas 'run' would start a program."
        },
        {
          "command": "python3",
          "args": [
            "-c",
            "import memory_profiler; print('memory_profiler', memory_profiler.__version__)"
          ],
          "pattern": "memory_profiler (\\d+\\.\\d+[^\\s]*)",
          "evidence": "exit-zero",
          "note": "When mprof is not on PATH, the module importable by python3 still gives 'python3 -m memory_profiler'."
        }
      ]
    },
    {
      "id": "line-profiler",
      "name": "line_profiler",
      "summary": "Line-by-line timing of Python functions (kernprof).",
      "homepage": "https://github.com/pyutils/line_profiler",
      "probes": [
        {
          "command": "kernprof",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^(?:kernprof )?v?(\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints the bare version. Some old releases hard-coded '1.0b2' here."
        },
        {
          "command": "python3",
          "args": [
            "-c",
            "import line_profiler; print('line_profiler', line_profiler.__version__)"
          ],
          "pattern": "line_profiler (\\d+\\.\\d+[^\\s]*)",
          "evidence": "exit-zero",
          "note": "When kernprof is not on PATH, the module importable by python3 still gives 'python3 -m line_profiler' and 'python3 -m kernprof'."
        }
      ]
    }
  ]
}

"""#),
        ("queues.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "queues",
    "name": "Message Queue Management",
    "priority": "medium",
    "rank": 10,
    "phase": 3,
    "why": "Can't debug or manage message queues effectively",
    "impact": "Queue issues hard to debug, operational blind spots",
    "useCases": [
      "Queue inspection",
      "Message debugging",
      "Queue management",
      "Monitoring"
    ],
    "capabilities": [
      {
        "id": "streaming-platform-cli",
        "name": "Log-based streaming platforms (Kafka, Pulsar): produce, consume, inspect",
        "tools": [
          "kcat",
          "pulsar"
        ],
        "preferred": "kcat"
      },
      {
        "id": "message-broker-admin",
        "name": "Message broker management (RabbitMQ, NSQ)",
        "tools": [
          "rabbitmqadmin",
          "nsq"
        ],
        "preferred": "rabbitmqadmin"
      },
      {
        "id": "redis-queues",
        "name": "Redis lists, streams and pub/sub",
        "tools": [
          "redis-cli"
        ],
        "preferred": "redis-cli"
      }
    ]
  },
  "tools": [
    {
      "id": "kcat",
      "name": "kcat (kafkacat)",
      "summary": "Generic Kafka producer, consumer and metadata lister for the terminal.",
      "homepage": "https://github.com/edenhill/kcat",
      "probes": [
        {
          "command": "kcat",
          "args": [
            "-V"
          ],
          "pattern": "(?m)^Version (\\d+\\.\\d+[^\\s]*)",
          "note": "Prints a banner, then 'Version 1.7.1 (JSON, ..., librdkafka 2.0.2 builtin.features=...)'; the pattern takes the line that starts with 'Version', not the librdkafka version."
        },
        {
          "command": "kafkacat",
          "args": [
            "-V"
          ],
          "pattern": "(?m)^Version (\\d+\\.\\d+[^\\s]*)",
          "note": "The tool's name before 1.7 (and some distributions' package); same output."
        }
      ]
    },
    {
      "id": "rabbitmqadmin",
      "name": "rabbitmqadmin",
      "summary": "RabbitMQ management CLI over the HTTP API: queues, exchanges, bindings, messages.",
      "homepage": "https://www.rabbitmq.com/docs/management-cli",
      "probes": [
        {
          "command": "rabbitmqadmin",
          "args": [
            "--version"
          ],
          "pattern": "rabbitmqadmin v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Local for both the v1 Python script and the v2 Rust binary ('rabbitmqadmin 2.1.0'). A v1 script fetched from GitHub rather than from a broker prints the placeholder '%%VSN%%', which reads as unknown. rabbitmqctl is never used as a probe: it starts epmd."
        }
      ]
    },
    {
      "id": "redis-cli",
      "name": "redis-cli",
      "summary": "Redis command-line client: inspect lists, streams, pub/sub and keys.",
      "homepage": "https://redis.io",
      "probes": [
        {
          "command": "redis-cli",
          "args": [
            "--version"
          ],
          "pattern": "redis-cli v?(\\d+\\.\\d+[^\\s]*)",
          "note": "--version does not connect to a server."
        }
      ]
    },
    {
      "id": "nsq",
      "name": "NSQ",
      "summary": "Realtime distributed messaging platform (nsqd, nsqlookupd, nsqadmin and utilities).",
      "homepage": "https://nsq.io",
      "probes": [
        {
          "command": "nsqd",
          "args": [
            "--version"
          ],
          "pattern": "nsqd v(\\d+\\.\\d+[^\\s]*)",
          "note": "NSQ has no single CLI; nsqd is always part of an install. Its --version is checked right after flag parsing, before any config file, data directory or listener, and prints 'nsqd v1.2.1 (built w/go1.16.6)'."
        }
      ]
    },
    {
      "id": "pulsar",
      "name": "Apache Pulsar CLI",
      "summary": "Pulsar administration and client tools (pulsar-admin, pulsar-client).",
      "homepage": "https://pulsar.apache.org",
      "probes": [
        {
          "command": "pulsar-admin",
          "args": [
            "--version"
          ],
          "pattern": "Current version of pulsar(?: admin client)? is: v?(\\d+\\.\\d+[^\\s]*)",
          "note": "pulsar-admin --version (2.8+) prints 'Current version of pulsar admin client is: 2.9.3' without contacting a broker; 'pulsar-admin brokers version' would. Older releases reject the flag (usage, non-zero exit) without connecting. JVM start-up is slow."
        },
        {
          "command": "pulsar",
          "args": [
            "version"
          ],
          "pattern": "Current version of pulsar(?: admin client)? is: v?(\\d+\\.\\d+[^\\s]*)",
          "note": "bin/pulsar's 'version' command prints 'Current version of pulsar is: 3.1.0' plus git details; it does not start a broker or standalone service."
        }
      ]
    }
  ]
}

"""#),
        ("secrets.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "secrets",
    "name": "Secrets Management",
    "priority": "critical",
    "rank": 4,
    "phase": 1,
    "why": "Hardcoded secrets in code is insecure",
    "impact": "Security risk, credential exposure",
    "useCases": [
      "Secure secret storage",
      "Secret rotation",
      "Secret injection",
      "Credential management"
    ],
    "capabilities": [
      {
        "id": "secret-store-cli",
        "name": "Secret store client (Vault or a cloud secret manager)",
        "tools": [
          "vault",
          "aws",
          "gcloud",
          "az"
        ],
        "preferred": "vault"
      },
      {
        "id": "secrets-in-git",
        "name": "Encrypted secrets kept in the repository",
        "tools": [
          "sops"
        ],
        "preferred": "sops"
      }
    ]
  },
  "tools": [
    {
      "id": "vault",
      "name": "HashiCorp Vault",
      "summary": "Secret storage, dynamic credentials, rotation and encryption as a service.",
      "homepage": "https://developer.hashicorp.com/vault",
      "probes": [
        {
          "command": "vault",
          "args": [
            "version"
          ],
          "pattern": "Vault v(\\d+\\.\\d+[^\\s(]*)",
          "note": "'vault version' is local ('Vault v1.15.4 (commit), built ...'); commands such as 'vault status' contact VAULT_ADDR."
        }
      ]
    },
    {
      "id": "sops",
      "name": "SOPS",
      "summary": "Encrypts values in YAML/JSON/ENV/INI files with KMS, age or PGP so secrets can live in git.",
      "homepage": "https://getsops.io",
      "probes": [
        {
          "command": "sops",
          "args": [
            "--version",
            "--disable-version-check"
          ],
          "pattern": "sops (\\d+\\.\\d+[^\\s]*)",
          "env": {
            "SOPS_DISABLE_VERSION_CHECK": "1"
          },
          "note": "Plain --version asks GitHub for the latest release (and appends '(latest)' or an upgrade hint). --disable-version-check exists since 3.8 and SOPS_DISABLE_VERSION_CHECK since 3.10; on older sops the unknown flag makes the probe fail, so the version reads as unknown but nothing is sent."
        }
      ]
    },
    {
      "id": "aws",
      "name": "AWS CLI",
      "summary": "Amazon Web Services from the terminal, including Secrets Manager and SSM Parameter Store.",
      "homepage": "https://aws.amazon.com/cli/",
      "probes": [
        {
          "command": "aws",
          "args": [
            "--version"
          ],
          "pattern": "aws-cli/(\\d+\\.\\d+[^\\s]*)",
          "note": "Output 'aws-cli/1.45.11 Python/3.11.7 Linux/... botocore/1.43.11' carries several versions, so the pattern is anchored on 'aws-cli/'. v1 on Python 2 writes it to stderr."
        }
      ]
    },
    {
      "id": "gcloud",
      "name": "Google Cloud CLI",
      "summary": "Google Cloud from the terminal, including Secret Manager ('gcloud secrets').",
      "homepage": "https://cloud.google.com/sdk/gcloud",
      "probes": [
        {
          "command": "gcloud",
          "args": [
            "version"
          ],
          "pattern": "Google Cloud SDK (\\d+\\.\\d+[^\\s]*)",
          "env": {
            "CLOUDSDK_CORE_CHECK_GCE_METADATA": "false",
            "CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK": "true",
            "CLOUDSDK_CORE_DISABLE_USAGE_REPORTING": "true",
            "CLOUDSDK_CORE_DISABLE_FILE_LOGGING": "true",
            "CLOUDSDK_SURVEY_DISABLE_PROMPTS": "true"
          },
          "note": "Checked with strace on gcloud 528: without CLOUDSDK_CORE_CHECK_GCE_METADATA=false, 'gcloud version' does a DNS lookup for the GCE metadata server and caches the answer in ~/.config/gcloud/gce; with these switches it makes no network call at all. It still creates ~/.config/gcloud/active_config and configurations/. Output lists every component with its own version; the pattern takes the 'Google Cloud SDK' line."
        }
      ]
    },
    {
      "id": "az",
      "name": "Azure CLI",
      "summary": "Microsoft Azure from the terminal, including Key Vault ('az keyvault').",
      "homepage": "https://learn.microsoft.com/cli/azure/",
      "probes": [
        {
          "command": "az",
          "args": [
            "version"
          ],
          "pattern": "\\\"azure-cli\\\"\\s*:\\s*\\\"(\\d+\\.\\d+[^\\\"]*)\\\"",
          "env": {
            "AZURE_CORE_COLLECT_TELEMETRY": "false"
          },
          "note": "'az --version' fetches the latest versions from the network to compare; 'az version' only prints the installed versions as JSON ({\"azure-cli\": \"2.55.0\", \"azure-cli-core\": ...}). Telemetry is uploaded by a background process after every command unless core.collect_telemetry is off."
        }
      ]
    }
  ]
}

"""#),
        ("security.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "security",
    "name": "Security Scanning Automation",
    "priority": "critical",
    "rank": 2,
    "phase": 1,
    "why": "Manual security checks are insufficient for production",
    "impact": "Vulnerabilities slip through to production",
    "useCases": [
      "Dependency vulnerability scanning",
      "SAST (Static Application Security Testing)",
      "Container image scanning",
      "License compliance checking"
    ],
    "capabilities": [
      {
        "id": "dependency-scanning",
        "name": "Dependency vulnerability scanning",
        "tools": [
          "snyk",
          "trivy",
          "dependency-check",
          "safety"
        ],
        "preferred": "snyk"
      },
      {
        "id": "sast",
        "name": "Static application security testing (SAST)",
        "tools": [
          "semgrep",
          "bandit",
          "snyk"
        ],
        "preferred": "semgrep"
      },
      {
        "id": "container-image-scanning",
        "name": "Container image scanning",
        "tools": [
          "trivy",
          "snyk"
        ],
        "preferred": "trivy"
      },
      {
        "id": "license-scanning",
        "name": "License compliance scanning",
        "tools": [
          "trivy",
          "snyk"
        ],
        "preferred": "trivy"
      }
    ]
  },
  "tools": [
    {
      "id": "snyk",
      "name": "Snyk CLI",
      "summary": "Scans dependencies, code, containers and IaC for known vulnerabilities and license issues.",
      "homepage": "https://snyk.io",
      "probes": [
        {
          "command": "snyk",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)",
          "env": {
            "SNYK_DISABLE_ANALYTICS": "1"
          },
          "note": "snyk posts an analytics event even for version; SNYK_DISABLE_ANALYTICS switches that optional analytics off. Output is the bare version, sometimes followed by ' (standalone)'; a 1.365.0 mac bundle printed 'unknown', which reads as an unknown version."
        }
      ]
    },
    {
      "id": "trivy",
      "name": "Trivy",
      "summary": "Vulnerability, misconfiguration, secret and license scanner for images, filesystems and repositories.",
      "homepage": "https://trivy.dev",
      "probes": [
        {
          "command": "trivy",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^Version:\\s+v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Offline: it only reads the local DB metadata. Output also lists 'Vulnerability DB:' and 'Java DB:' blocks with their own indented 'Version:' lines, so the pattern takes only the unindented first one."
        }
      ]
    },
    {
      "id": "semgrep",
      "name": "Semgrep",
      "summary": "Fast rule-based static analysis (SAST) for many languages.",
      "homepage": "https://semgrep.dev",
      "probes": [
        {
          "command": "semgrep",
          "args": [
            "--version",
            "--disable-version-check"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "env": {
            "SEMGREP_ENABLE_VERSION_CHECK": "0"
          },
          "note": "Without --disable-version-check semgrep asks semgrep.dev for the latest version and prints an upgrade notice (with that newer version) on stderr; the flag and its env form are both set. Prints the bare version on stdout. Writes ~/.semgrep/settings.yml and semgrep.log even for --version."
        }
      ]
    },
    {
      "id": "dependency-check",
      "name": "OWASP Dependency-Check",
      "summary": "Software composition analysis: finds dependencies with published CVEs.",
      "homepage": "https://owasp.org/www-project-dependency-check/",
      "probes": [
        {
          "command": "dependency-check",
          "args": [
            "--version"
          ],
          "pattern": "(?i)(?:Dependency-Check Core|dependency-check[\\w.-]*) version v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Homebrew installs the launcher as 'dependency-check'. --version only prints the application name and version (no NVD update, no telemetry; those run with a scan). Older releases print 'Dependency-Check Core version 8.4.0', newer 'dependency-check-cli version 12.1.0'; ODC_NAME in the environment changes that label. JVM start-up makes it slow."
        },
        {
          "command": "dependency-check.sh",
          "args": [
            "--version"
          ],
          "pattern": "(?i)(?:Dependency-Check Core|dependency-check[\\w.-]*) version v?(\\d+\\.\\d+[^\\s]*)",
          "note": "The release zip's launcher, when its bin/ is on PATH; same behaviour as above."
        }
      ]
    },
    {
      "id": "safety",
      "name": "Safety CLI",
      "summary": "Checks Python dependencies against a vulnerability database.",
      "homepage": "https://github.com/pyupio/safety",
      "probes": [
        {
          "command": "safety",
          "args": [
            "--version"
          ],
          "pattern": "safety, version (\\d+\\.\\d+[^\\s]*)",
          "note": "Click's eager --version exits before any command or login runs. Safety 3 prints library deprecation warnings on stderr."
        }
      ]
    },
    {
      "id": "bandit",
      "name": "Bandit",
      "summary": "Finds common security issues in Python code (SAST).",
      "homepage": "https://bandit.readthedocs.io",
      "probes": [
        {
          "command": "bandit",
          "args": [
            "--version"
          ],
          "pattern": "bandit (\\d+\\.\\d+[^\\s]*)",
          "note": "Second line is '  python version = 3.x', so the pattern is anchored on 'bandit'. Goes to stderr on Python 2."
        }
      ]
    }
  ]
}

"""#),
    ]
}
