import Foundation

/// Reads the version from the shapes version commands commonly print, without regular expressions
/// (bounded: the first `maxScanned` characters and `maxLines` lines of each stream):
/// `NAME version X`, `NAME X`, `NAME vX`, `NAME/X`, `NAME, version X`; `Version: X` lines (also after a banner,
/// never inside a server, engine, plugin, component, kernel or database section); a JSON document's own keys;
/// a column table's VERSION column on the tool's row; a line that is only a version; `part of SUITE X`.
/// Versions may have two components, a `v` prefix, pre-release and build suffixes; distribution decorations
/// (`debian/`, epochs, `+ds`, `+dfsg`, `~deb12u1`, `+b2` with the Debian revision) are removed.
/// It never reads a version that is not attached to the tool's own name or a bare version label, so a
/// runtime (`go1.21`, `Python 3.11`, `node v20`), a server or component, a kernel, a date, a copyright year,
/// a commit hash or an update notice's newer version is not taken.
public enum TolerantVersionReader {
    public static let maxScanned = 64 * 1024
    public static let maxLines = 400

    public struct Found: Sendable, Equatable {
        public var parsed: ParsedVersion
        public var shape: String
        public var line: String
    }

    static let labelWords: Set<String> = ["version", "ver", "ver.", "v", "-", "release", "cli", "client", "version:", "(cli)", "is"]
    static let otherThings = [
        "server", "engine", "plugin", "component", "kernel", "database", "db", "runtime", "go version",
        "python", "node", "api", "protocol", "schema", "platform", "library", "lib", "openssl", "os/arch",
        "built", "build", "commit", "revision", "date", "control plane", "data plane", "policy", "bundle",
    ]
    static let noticeWords = ["new version", "newer", "available", "upgrade", "update", "latest", "out of date", "deprecated"]

    public static func read(stdout: String, stderr: String, names rawNames: [String]) -> Found? {
        let names = nameVariants(rawNames)
        for stream in [stdout, stderr] {
            let text = String(stream.prefix(maxScanned))
            if let found = json(text, names: names) { return found }
        }
        let streams = [stdout, stderr].map { stream in
            stream.prefix(maxScanned).split(whereSeparator: \.isNewline).prefix(maxLines).map { String($0.prefix(1000)) }
        }
        for reader in [nameVersion, versionLabel, columnTable, bare, suite] {
            for lines in streams {
                if let found = reader(lines, names) { return found }
            }
        }
        return nil
    }

    /// The tool's names as they appear in output: `aws-cli` for aws, `mprof` for python3-mprof, `pprof` for google-pprof.
    static func nameVariants(_ names: [String]) -> Set<String> {
        var out = Set<String>()
        for raw in names {
            let name = raw.lowercased()
            guard name.count >= 2 else { continue }
            var forms = [name]
            for prefix in ["python3-", "python-", "google-", "prometheus-"] where name.hasPrefix(prefix) { forms.append(String(name.dropFirst(prefix.count))) }
            for suffix in ["-cli", "-3", "3", ".py", ".sh"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 { forms.append(String(name.dropLast(suffix.count))) }
            for form in forms {
                out.insert(form)
                out.insert(form + "-cli")
                out.insert(form.replacingOccurrences(of: "-", with: "_"))
                out.insert(form.replacingOccurrences(of: "-", with: " "))
                // "Azure CLI" prints itself as `azure-cli`.
                out.insert(form.replacingOccurrences(of: " ", with: "-"))
            }
        }
        return out
    }

    static func isNotice(_ line: String) -> Bool {
        let lower = line.lowercased()
        return noticeWords.contains { lower.contains($0) }
    }

    static func trimmed(_ token: Substring) -> String {
        token.trimmingCharacters(in: CharacterSet(charactersIn: ",;:()[]{}\"'<>"))
    }

    /// A version token, decorations removed; nil when it is not a version (one number, a date, words).
    static func version(_ raw: String) -> ParsedVersion? {
        // Only the characters versions are made of: `2.29.7|<b>` is read as 2.29.7.
        var s = String(trimmed(Substring(raw)).prefix { $0.isASCII && ($0.isLetter || $0.isNumber || ".+~_-:/".contains($0)) })
        while s.hasSuffix(".") || s.hasSuffix("-") { s.removeLast() }
        for prefix in ["debian/", "ubuntu/", "stable-", "edge-"] where s.lowercased().hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        if let colon = s.firstIndex(of: ":"), s[..<colon].allSatisfy(\.isNumber), !s[..<colon].isEmpty { s = String(s[s.index(after: colon)...]) }
        if let really = s.range(of: "+really") { s = String(s[really.upperBound...]) }
        let lower = s.lowercased()
        let markers = ["+ds", "+dfsg", "~dfsg", "~deb", "+deb", "ubuntu", "+b", "+repack", "~bpo"]
        if let cut = markers.compactMap({ lower.range(of: $0)?.lowerBound }).min() {
            let offset = lower.distance(from: lower.startIndex, to: cut)
            s = String(s.prefix(offset))
            // What is left of a distribution string may end in the Debian revision: 4.1.0-3 → 4.1.0.
            if let dash = s.lastIndex(of: "-"), s[s.index(after: dash)...].allSatisfy({ $0.isNumber || $0 == "." }) { s = String(s[..<dash]) }
        }
        let body = s.first == "v" || s.first == "V" ? String(s.dropFirst()) : s
        guard let first = body.first, first.isASCII, first.isNumber else { return nil }
        let release = body.prefix { $0.isNumber || $0 == "." }
        let parts = release.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        // A date (2023.10.01, 2023-10-01 is not dotted) or a year range is not a version.
        if parts.count == 3, parts[0].count == 4, Int(parts[0]).map({ (1990...2100).contains($0) }) == true, parts[1].count == 2 { return nil }
        return VersionParser.classify(s)
    }

    static func nameVersion(_ lines: [String], _ names: Set<String>) -> Found? {
        for line in lines where !isNotice(line) {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            for (i, token) in tokens.enumerated() {
                let word = trimmed(token).lowercased()
                // NAME/X, NAME-X, NAME-vX in one token.
                for separator in ["/", "-"] {
                    if let r = word.range(of: separator, options: .backwards), names.contains(String(word[..<r.lowerBound])),
                        let v = version(String(trimmed(token).dropFirst(word.distance(from: word.startIndex, to: r.upperBound))))
                    {
                        return Found(parsed: v, shape: "name-version", line: line)
                    }
                }
                var matched = names.contains(word)
                var next = i + 1
                // Two-word names: "docker compose", "apache bench".
                if !matched, next < tokens.count, names.contains(word + " " + trimmed(tokens[next]).lowercased()) { matched = true; next += 1 }
                guard matched else { continue }
                // A parenthesised group after the name is the vendor or distribution, not the version:
                // `GNU gdb (Debian 13.1-3) 13.1`, `psql (PostgreSQL) 15.18`.
                if next < tokens.count, tokens[next].hasPrefix("("),
                    let close = tokens[next...].prefix(5).firstIndex(where: { $0.hasSuffix(")") })
                {
                    next = close + 1
                }
                var skipped = 0
                while next < tokens.count, skipped < 2, labelWords.contains(tokens[next].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",:"))) {
                    next += 1; skipped += 1
                }
                if next < tokens.count, let v = version(String(tokens[next])) { return Found(parsed: v, shape: "name-version", line: line) }
                // The tool's own name glued to the version: `go version go1.19.8` (only when the tool is go itself).
                if next < tokens.count {
                    let glued = trimmed(tokens[next])
                    if let name = names.first(where: { glued.lowercased().hasPrefix($0) && glued.count > $0.count }),
                        let v = version(String(glued.dropFirst(name.count)))
                    {
                        return Found(parsed: v, shape: "name-version", line: line)
                    }
                }
            }
        }
        return nil
    }

    static func versionLabel(_ lines: [String], _ names: Set<String>) -> Found? {
        var skippedSection = false
        for line in lines {
            let indented = line.first == " " || line.first == "\t"
            let text = line.trimmingCharacters(in: .whitespaces)
            let lower = text.lowercased()
            guard let colon = lower.firstIndex(of: ":") ?? (lower.hasPrefix("version ") ? lower.index(lower.startIndex, offsetBy: 7) : nil) else { continue }
            let key = lower[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let keyWords = key.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            let own =
                ["version", "client version", "gitversion", "semver"].contains(keyWords)
                || names.contains { keyWords == $0 || keyWords == "\($0) version" || keyWords == "\($0)version" }
            // An unindented key starts a section: `Server:`, `Go version:`, `Vulnerability DB:` hide what follows.
            if !indented { skippedSection = !own && otherThings.contains { key.contains($0) } }
            guard !skippedSection, !isNotice(line) else { continue }
            guard own, let first = value.split(separator: " ").first, let v = version(String(first)) else { continue }
            return Found(parsed: v, shape: "version-label", line: line)
        }
        return nil
    }

    static func columnTable(_ lines: [String], _ names: Set<String>) -> Found? {
        var column: Int?
        for line in lines {
            let cells = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if let header = cells.firstIndex(where: { $0.uppercased() == "VERSION" }), cells.first?.uppercased() != "VERSION" || cells.count > 1 {
                column = header
                continue
            }
            if let column, column < cells.count, names.contains(cells[0].lowercased()), let v = version(cells[column]) {
                return Found(parsed: v, shape: "column-table", line: line)
            }
        }
        return nil
    }

    static func bare(_ lines: [String], _ names: Set<String>) -> Found? {
        for line in lines {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".+~_-:/".contains($0)) }) else { continue }
            if let v = version(text) { return Found(parsed: v, shape: "bare", line: line) }
        }
        return nil
    }

    static func suite(_ lines: [String], _ names: Set<String>) -> Found? {
        for line in lines where !isNotice(line) {
            let tokens = line.split(separator: " ")
            for i in tokens.indices.dropLast(3) where trimmed(tokens[i]).lowercased() == "part" && tokens[i + 1].lowercased() == "of" {
                if let v = version(String(tokens[i + 3])) { return Found(parsed: v, shape: "suite", line: line) }
            }
        }
        return nil
    }

    /// The leading JSON object of a text that may go on with other lines (kubectl's JSON, then
    /// `The connection to the server … was refused`): up to the brace that closes the first one.
    static func firstJSONObject(_ text: String) -> String {
        guard text.hasPrefix("{") else { return text }
        var depth = 0, inString = false, escaped = false
        for (offset, c) in text.utf8.enumerated() {
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch c {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return String(decoding: text.utf8.prefix(offset + 1), as: UTF8.self) }
            default: break
            }
        }
        return text
    }

    static func json(_ text: String, names: Set<String>) -> Found? {
        let body = firstJSONObject(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard body.hasPrefix("{"), let data = body.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return nil }
        func pick(_ dict: [String: Any], depth: Int) -> String? {
            guard depth < 3 else { return nil }
            let keys = dict.keys.sorted()
            for key in keys {
                let k = key.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")
                let own = names.contains {
                    let n = $0.replacingOccurrences(of: "-", with: ""); return k == n || k == n + "version"
                }
                if own, let s = dict[key] as? String { return s }
                if own || k == "clientversion", let nested = dict[key] as? [String: Any], let s = pick(nested, depth: depth + 1) { return s }
            }
            for key in keys where ["version", "gitversion", "semver"].contains(key.lowercased()) {
                if let s = dict[key] as? String { return s }
            }
            return nil
        }
        guard let raw = pick(object, depth: 0), let v = version(raw) else { return nil }
        return Found(parsed: v, shape: "json", line: raw)
    }
}
