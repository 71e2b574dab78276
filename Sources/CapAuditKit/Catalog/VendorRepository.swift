import Foundation

/// A vendor's own package repository (catalog `repositories`), for packages the distribution does
/// not ship: Grafana's apt repository for grafana, HashiCorp's for vault. A plan adds it as a step
/// of its own, before the packages that come from it.
public struct VendorRepository: Sendable, Equatable, Identifiable {
    public var id: String
    /// `Grafana Labs`: whose repository it is.
    public var name: String
    /// The vendor's page on setting the repository up.
    public var docs: String
    /// How to reach it, per install method: `apt` (Debian, and Ubuntu when there is no `ubuntu`
    /// entry), `ubuntu`, `dnf` (Fedora, and yum hosts when there is no `yum` entry), `yum`.
    public var access: [InstallMethod: RepositoryAccess]
    public var note: String?
    /// The catalog file it was read from.
    public var source: String

    public init(id: String, name: String, docs: String, access: [InstallMethod: RepositoryAccess], note: String? = nil, source: String = "") {
        self.id = id
        self.name = name
        self.docs = docs
        self.access = access
        self.note = note
        self.source = source
    }

    /// The install methods a repository may describe.
    public static let methods: [InstallMethod] = [.apt, .ubuntu, .dnf, .yum]

    /// The entry a host whose packages are named by `method` uses: Ubuntu falls back to `apt`, yum to `dnf`.
    public func access(for method: InstallMethod) -> RepositoryAccess? {
        switch method {
        case .ubuntu: return access[.ubuntu] ?? access[.apt]
        case .yum: return access[.yum] ?? access[.dnf]
        default: return access[method]
        }
    }
}

/// How one package manager reaches a vendor repository, and how its signing key is checked.
public struct RepositoryAccess: Sendable, Equatable {
    /// Where the signing key is downloaded from (https).
    public var key: String
    /// The full fingerprints (40 hex digits, upper case) the vendor publishes for the key: the
    /// downloaded file's primary keys must all be among them. Empty: the vendor publishes none,
    /// and the key is trusted on first download.
    public var fingerprints: [String]
    /// The page that publishes the fingerprints.
    public var fingerprintSource: String?
    /// apt: the keyring file the key is installed as (`/etc/apt/keyrings/grafana.gpg`), named in `signed-by`.
    public var keyring: String?
    /// apt: the archive root (`https://apt.grafana.com`); dnf and yum: the `baseurl`, with dnf's
    /// `$releasever` and `$basearch` left for dnf.
    public var url: String
    /// apt: the suite (`stable`); `{codename}` stands for the release's codename (`bookworm`).
    public var suite: String?
    /// apt: the components (`main`).
    public var components: [String]

    public init(
        key: String, fingerprints: [String] = [], fingerprintSource: String? = nil, keyring: String? = nil, url: String, suite: String? = nil,
        components: [String] = []
    ) {
        self.key = key
        self.fingerprints = fingerprints
        self.fingerprintSource = fingerprintSource
        self.keyring = keyring
        self.url = url
        self.suite = suite
        self.components = components
    }

    /// The placeholder for the release codename in `suite`.
    public static let codenamePlaceholder = "{codename}"

    /// True for a full OpenPGP v4 fingerprint: 40 hex digits, upper case, no spaces.
    public static func isFingerprint(_ s: String) -> Bool {
        s.count == 40 && s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."F").contains($0) }
    }

    /// The apt source line, `deb [signed-by=KEYRING] URL SUITE COMPONENTS`, with the codename put in
    /// (nil codename: the placeholder stays, for the caller to resolve).
    public func aptLine(codename: String?) -> String {
        var suite = self.suite ?? ""
        if let codename { suite = suite.replacingOccurrences(of: Self.codenamePlaceholder, with: codename) }
        return (["deb [signed-by=\(keyring ?? "")]", url, suite] + components).joined(separator: " ")
    }

    /// True when the suite names the release codename.
    public var needsCodename: Bool { suite?.contains(Self.codenamePlaceholder) ?? false }
}

/// Reads the catalog's `repositories` entries.
enum RepositoryReader {
    static func read(_ value: JSONValue, path: String, reader: inout JSONReader) -> VendorRepository? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.repository) else { return nil }
        let id = CatalogLoader.readID(f, "id", path: path, reader: &reader)
        let name = reader.string(f, "name", path: path)
        let docs = reader.url(f, "docs", path: path)
        let note = reader.string(f, "note", path: path)
        var access: [InstallMethod: RepositoryAccess] = [:]
        var accessOK = true
        for method in VendorRepository.methods {
            guard let v = f[method.rawValue] else { continue }
            if let a = readAccess(v, method: method, path: reader.join(path, method.rawValue), reader: &reader) { access[method] = a } else { accessOK = false }
        }
        if access.isEmpty && accessOK {
            reader.report(
                "a repository needs at least one of " + VendorRepository.methods.map { "\"\($0.rawValue)\"" }.joined(separator: ", "), at: value, path: path)
            return nil
        }
        guard let id, let name, let docs, accessOK else { return nil }
        return VendorRepository(id: id, name: name, docs: docs, access: access, note: note, source: reader.file)
    }

    static func readAccess(_ value: JSONValue, method: InstallMethod, path: String, reader: inout JSONReader) -> RepositoryAccess? {
        guard let f = reader.object(value, path: path, schema: CatalogSchema.repositoryAccess) else { return nil }
        var ok = true
        let key = httpsURL(f, "key", path: path, reader: &reader)
        let url = httpsURL(f, "url", path: path, reader: &reader)
        let fingerprints = reader.strings(f, "fingerprints", path: path) ?? []
        for (i, fpr) in fingerprints.enumerated() where !RepositoryAccess.isFingerprint(fpr) {
            reader.report(
                "\(quoted(fpr)) is not a full key fingerprint; expected 40 hex digits in upper case without spaces, as gpg --with-colons prints them",
                at: f["fingerprints"]?.element(i) ?? f["fingerprints"], path: "\(reader.join(path, "fingerprints"))[\(i)]")
            ok = false
        }
        let fingerprintSource = reader.url(f, "fingerprintSource", path: path)
        if !fingerprints.isEmpty && f["fingerprintSource"] == nil {
            reader.report("fingerprints need \"fingerprintSource\": the page that publishes them", at: f["fingerprints"], path: reader.join(path, "fingerprints"))
            ok = false
        }
        if fingerprints.isEmpty && f["fingerprintSource"] != nil {
            reader.report("\"fingerprintSource\" without \"fingerprints\"", at: f["fingerprintSource"], path: reader.join(path, "fingerprintSource"))
            ok = false
        }
        let keyring = reader.string(f, "keyring", path: path)
        let suite = reader.string(f, "suite", path: path)
        let components = reader.strings(f, "components", path: path) ?? []
        let isApt = method == .apt || method == .ubuntu
        if isApt {
            for key in ["keyring", "suite", "components"] where f[key] == nil {
                reader.report("an apt repository needs \"\(key)\"", at: value, path: path)
                ok = false
            }
            if let keyring,
                !(keyring.hasPrefix("/etc/apt/keyrings/") || keyring.hasPrefix("/usr/share/keyrings/")) || !keyring.hasSuffix(".gpg")
                    || !isSafeWord(keyring)
            {
                reader.report(
                    "\(quoted(keyring)) is not a keyring path; expected /etc/apt/keyrings/NAME.gpg or /usr/share/keyrings/NAME.gpg (the key is installed in binary form)",
                    at: f["keyring"], path: reader.join(path, "keyring"))
                ok = false
            }
            for word in [suite].compactMap({ $0 }) + components where !isSafeWord(word.replacingOccurrences(of: RepositoryAccess.codenamePlaceholder, with: "x")) {
                reader.report("\(quoted(word)) is not a suite or component name", at: f["suite"], path: path)
                ok = false
            }
        } else {
            for key in ["keyring", "suite", "components"] where f[key] != nil {
                reader.report("\"\(key)\" is for apt repositories; a \(method.rawValue) repository has \"url\" (its baseurl) and \"key\"", at: f[key], path: reader.join(path, key))
                ok = false
            }
        }
        guard let key, let url, ok else { return nil }
        return RepositoryAccess(
            key: key, fingerprints: fingerprints, fingerprintSource: fingerprintSource, keyring: keyring, url: url, suite: suite, components: components)
    }

    /// A URL that a script passes to curl or writes into a source line: https only.
    static func httpsURL(_ f: [String: JSONValue], _ key: String, path: String, reader: inout JSONReader) -> String? {
        guard let url = reader.url(f, key, path: path) else { return nil }
        guard url.hasPrefix("https://"), !url.contains("'"), !url.contains("\\") else {
            reader.report("\(quoted(url)) must be an https URL", at: f[key], path: reader.join(path, key))
            return nil
        }
        return url
    }

    /// Letters, digits and `/._+:=-~`: safe unquoted in a source line and in a script.
    static func isSafeWord(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "/._+:=-~".unicodeScalars.contains($0) }
    }
}
