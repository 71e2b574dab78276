/// The keys of every object in catalog files, with their types and meanings: the loader accepts these
/// keys and no others (`JSONReader.object(_:path:schema:)`), and the tables of `Catalog/README.md` are
/// rendered from here (a test checks them: `UPDATE_CATALOG_README=1 swift test --filter CatalogSchema`
/// rewrites them). What a value must look like beyond its JSON type is checked by the readers.
///
/// Not here: the `install` recipe (its keys are the install methods, see `CatalogLoader.readInstall`) and
/// a tool's `operations` (see `OperationReader`).
public enum CatalogSchema {
    public typealias Key = JSONObjectSchema.Key

    /// A catalog file's top level.
    public static let file = JSONObjectSchema(
        "file",
        [
            Key("schemaVersion", "integer", required: true, "the catalog format; this capaudit reads `1`"),
            Key("area", "area", required: false, "the capability area this file describes"),
            Key("tools", "[tool]", required: false, "tools defined here; a file needs an `area`, `tools`, or both"),
            Key("profiles", "[profile]", required: false, "role profiles, as in `profiles.json`"),
            Key("repositories", "[repository]", required: false, "vendors' package repositories, as in `repositories.json`"),
        ])

    public static let area = JSONObjectSchema(
        "area",
        [
            Key("id", "string, kebab-case", required: true, "unique across the catalog"),
            Key("name", "string", required: true, "display name"),
            Key(
                "kind", "`gap` \\| `foundation` \\| `extended`", required: false,
                "`gap` (default): one of the seed's ranked gaps; `foundation` and `extended` areas are reported apart and not ranked"),
            Key("priority", "`critical` \\| `high` \\| `medium`", required: true, "the seed's priority"),
            Key("rank", "integer ≥ 1", required: true, "the seed's ranking (1 = most important); unique"),
            Key("phase", "integer 1–3", required: true, "install phase of the seed's plan"),
            Key("why", "string", required: true, "the seed's text: what is missing"),
            Key("impact", "string", required: true, "the seed's text: what that costs"),
            Key("useCases", "[string]", required: true, "the seed's use cases"),
            Key("capabilities", "[capability]", required: true, requirement: "yes, non-empty", "what the area is made of"),
        ])

    public static let capability = JSONObjectSchema(
        "capability",
        [
            Key("id", "string, kebab-case", required: true, "unique within its area"),
            Key("name", "string", required: true, "display name"),
            Key(
                "tools", "[tool id]", required: true, requirement: "yes, non-empty",
                "any one of them, present and not below its minimum version, meets the capability"),
            Key("preferred", "tool id", required: false, "the one a plan recommends; must be listed in `tools`"),
        ])

    public static let tool = JSONObjectSchema(
        "tool",
        [
            Key("id", "string, kebab-case", required: true, "unique across the catalog"),
            Key("name", "string", required: true, "display name"),
            Key("summary", "string", required: true, "one line on what it is for"),
            Key("homepage", "URL string", required: true, "the project's home page (http or https; no spaces, quotes or angle brackets)"),
            Key(
                "probes", "[probe]", required: false, requirement: "one of `probes` / `undetectable`",
                "how to find it, tried in order; the first probe whose command is on PATH decides"),
            Key(
                "undetectable", "string", required: false, requirement: "one of `probes` / `undetectable`",
                "why nothing on a host can show it exists; the tool is reported `undetectable`, neither present nor missing"),
            Key(
                "jobEnvironment", "jobEnvironment", required: false,
                "evidence that the scan runs in a CI job of this agent; a tool may have it instead of `probes`"),
            Key(
                "minVersion", "version or constraint", required: false,
                "a bare version: below it the tool is `outdated`; or a constraint (`\">= 1.2, < 2\"`, `\"~> 1.2\"`; operators `>`, `>=`, `=`, `<`, `<=`, `!=`, `~>`): outside it the tool is `outdated`, too old or too new"
            ),
            Key("platforms", "[`linux` \\| `macos`]", required: false, "where it exists at all (default: both)"),
            Key("install", "object", required: false, "install recipes, read by `capaudit plan` (see `install` below)"),
            Key("versionFacts", "[versionFact]", required: false, "packages whose version is not the tool's (see `versionFacts` below)"),
            Key(
                "goPackages", "[string]", required: false,
                "the Go main package paths its binaries are built from (`helm.sh/helm/v3/cmd/helm`); another is an `identity-mismatch`"),
            Key("operations", "[operation]", required: false, "what `capaudit mcp` and `capaudit tools` offer to run (see the top-level README)"),
            Key("note", "string", required: false, "free text"),
        ])

    public static let jobEnvironment = JSONObjectSchema(
        "jobEnvironment",
        [
            Key("equals", "{string: string}", required: false, "variables that must have exactly these values (`\"GITHUB_ACTIONS\": \"true\"`)"),
            Key("set", "[string]", required: false, "variables that must be set and non-empty (`RUNNER_NAME`)"),
            Key("unset", "[string]", required: false, "variables that must not be set (`ACT`: nektos/act imitates GitHub Actions locally)"),
            Key("version", "string", required: false, "a variable holding the agent's version (`CI_RUNNER_VERSION`); otherwise the version is unknown"),
            Key("note", "string", required: false, "where the variables are documented"),
        ])

    public static let probe = JSONObjectSchema(
        "probe",
        [
            Key("command", "string, no `/`", required: true, "executable name looked up on PATH (no shell, `command -v` semantics)"),
            Key("args", "[string]", required: true, "argument array for the version invocation; never a shell string"),
            Key(
                "pattern", "regex", required: false,
                "ICU regular expression; capture group 1 (or the whole match) is the version. Default: the first version-looking token"),
            Key("patterns", "[regex]", required: false, "several expressions tried in order (see `patterns` below); a probe has `pattern` or `patterns`"),
            Key("env", "{string: string}", required: false, "extra environment for the probe (update-check and telemetry off switches)"),
            Key(
                "evidence", "`path` \\| `exit-zero` \\| `version`", required: false,
                "what proves the tool is there. `path` (default): the executable on PATH. `exit-zero`: the invocation must exit 0 (a Python module imported by the interpreter, a `docker` plugin). `version`: the pattern must match"
            ),
            Key(
                "timeout", "integer 1–120", required: false,
                "seconds this probe gets when the user gives no `--timeout`, for known-slow tools (large Python, JVM or Node start-ups); below the default it has no effect, and an explicit `--timeout` always wins. Also read by the scheduler as a hint to start the probe early"
            ),
            Key("note", "string", required: false, "why these arguments (for example: the plain subcommand contacts a server)"),
        ])

    public static let versionFact = JSONObjectSchema(
        "versionFact",
        [
            Key("source", "`dpkg` \\| `pip` \\| `apk` \\| `exec`", required: true, "where the package version comes from"),
            Key("package", "string", required: true, "the package (the one owning the file: `postgresql-client-common` for pg_wrapper's `psql`)"),
            Key("sameAsTool", "`false`", required: true, "the package's version is not what the tool reports"),
            Key("reason", "string", required: true, "why, with the evidence"),
            Key(
                "toolVersion", "version string \\| `null`", required: false,
                "what the tool reports instead: a version string; `null` when it prints none (or cannot run); absent when it reports a real version no package field gives"),
        ])

    public static let profile = JSONObjectSchema(
        "profile",
        [
            Key("id", "string, kebab-case", required: true, "the role (`--profile ID`)"),
            Key("name", "string", required: true, "display name"),
            Key("summary", "string", required: true, "the role's reasoning"),
            Key(
                "failOn", "`critical` \\| `high` \\| `medium`", required: false,
                "the gate level used when neither `--fail-on` nor the config's `failOn` is given"),
            Key("gates", "[gate]", required: false, "how the role weighs areas and capabilities"),
        ])

    public static let profileGate = JSONObjectSchema(
        "gate",
        [
            Key("target", "area id or `area/capability`", required: true, "a capability line beats its area's line"),
            Key("level", "`critical` \\| `high` \\| `medium` \\| `never`", required: true, "`never`: reported, never gates (another role's)"),
            Key("need", "`each` \\| `any`", required: false, "`each` (default): every capability; `any`: at least one of the area's capabilities (areas only)"),
            Key("reason", "string", required: true, "why, shown to whoever reads the catalog"),
        ])

    public static let repository = JSONObjectSchema(
        "repository",
        [
            Key("id", "string, kebab-case", required: true, "what a tool's `install.repositories` names"),
            Key("name", "string", required: true, "whose repository it is (`Grafana Labs`)"),
            Key("docs", "URL string", required: true, "the vendor's page on setting the repository up"),
            Key("apt", "repositoryAccess", required: false, "for Debian, and for Ubuntu when there is no `ubuntu` entry"),
            Key("ubuntu", "repositoryAccess", required: false, "for Ubuntu"),
            Key("dnf", "repositoryAccess", required: false, "for Fedora, and for yum hosts when there is no `yum` entry"),
            Key("yum", "repositoryAccess", required: false, "for yum hosts"),
            Key("note", "string", required: false, "free text"),
        ])

    public static let repositoryAccess = JSONObjectSchema(
        "repositoryAccess",
        [
            Key("key", "https URL", required: true, "where the signing key is downloaded from"),
            Key(
                "fingerprints", "[string]", required: false,
                "the full fingerprints the vendor publishes for the key (40 hex digits, upper case, no spaces); the downloaded file's primary keys must all be among them. Absent: the vendor publishes none, and the key is trusted on first download"
            ),
            Key("fingerprintSource", "URL string", required: false, "the page that publishes the fingerprints; required with `fingerprints`"),
            Key("keyring", "path", required: false, "apt (required): the keyring the key is installed as, `/etc/apt/keyrings/NAME.gpg` or `/usr/share/keyrings/NAME.gpg`"),
            Key("url", "https URL", required: true, "apt: the archive root; dnf/yum: the `baseurl` (dnf's `$releasever` and `$basearch` allowed)"),
            Key("suite", "string", required: false, "apt (required): the suite; `{codename}` stands for the release's codename (`bookworm`)"),
            Key("components", "[string]", required: false, "apt (required): the components (`main`)"),
        ])

    /// Every object above, in the order `Catalog/README.md` documents them.
    public static let all = [file, area, capability, tool, jobEnvironment, profile, profileGate, probe, versionFact, repository, repositoryAccess]
}
