import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Results of version commands from earlier scans (`scan --cache`), so a warm scan runs nothing that has not
/// changed.
///
/// An entry is keyed by the identity (device, inode, size, mtime, ctime) of every file that decides what the
/// command prints (see `ExecutableIdentity`: the executable, its interpreter, a pyenv shim's target), the argv
/// and the probe's environment. The environment leaves out variables that change on every run without changing
/// any tool (`_`, `OLDPWD`, `SHLVL`, SSH session variables) and replaces the per-run folders of
/// `--isolated-home` with a placeholder. Only probes that exited on their own are kept: a timeout or a failed
/// start says more about the moment than about the tool. The file holds at most `maxEntries` entries, the most
/// recently used; a corrupt or foreign file is ignored and replaced, never fatal.
public final class ProbeCache: Sendable {
    /// The file the cache lives in.
    public let file: String
    /// Per-run paths (the isolated HOME) replaced in the key's environment by a placeholder.
    public let volatilePaths: [String]
    /// Most entries kept; the least recently used go first.
    public let maxEntries: Int
    static let format = "capaudit-probe-cache"
    static let formatVersion = 1
    static let volatileVariables: Set<String> = ["_", "OLDPWD", "SHLVL", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY", "SSH_AUTH_SOCK", "WINDOWID", "TERM_SESSION_ID"]

    private struct State {
        var entries: [String: Entry]
        var changed = false
        var hits = 0
        var misses = 0
    }
    private let state: Mutex<State>
    private let clock: @Sendable () -> Double

    struct Entry: Codable, Equatable {
        var stdout: Data
        var stderr: Data
        var stdoutTruncated: Bool
        var stderrTruncated: Bool
        var exitStatus: Int32
        var durationMs: Int
        var lastUsed: Double
    }

    private struct Document: Codable {
        var format: String
        var version: Int
        var entries: [String: Entry]
    }

    /// Opens the cache in `file`; a missing, unreadable, corrupt or foreign file starts an empty cache.
    public init(
        file: String, volatilePaths: [String] = [], maxEntries: Int = 2000,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.file = file
        self.maxEntries = max(1, maxEntries)
        self.volatilePaths = volatilePaths.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        self.clock = clock
        var entries: [String: Entry] = [:]
        if let data = FileManager.default.contents(atPath: file), data.count < 64 << 20,
            let document = try? JSONDecoder().decode(Document.self, from: data),
            document.format == Self.format, document.version == Self.formatVersion
        {
            entries = document.entries
        }
        state = Mutex(State(entries: entries))
    }

    /// `$XDG_CACHE_HOME/capaudit/probes.json`, or `~/.cache/capaudit/probes.json`; nil with neither set.
    public static func defaultFile(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/capaudit/probes.json" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/capaudit/probes.json" }
        return nil
    }

    /// The key of one version command, or nil when it must not be cached (a shim whose target cannot be
    /// known without running it, a script whose interpreter is not there).
    public func key(argv: [String], environment: [String: String], currentDirectory: String) -> String? {
        guard let executable = argv.first,
            let files = ExecutableIdentity.files(for: executable, environment: environment, currentDirectory: currentDirectory)
        else { return nil }
        var text = files.map { "\($0.device):\($0.inode):\($0.size):\($0.modifiedNs):\($0.changedNs)" }.joined(separator: ",")
        text += "\u{0}argv\u{0}" + argv.joined(separator: "\u{0}")
        text += "\u{0}env"
        for name in environment.keys.sorted() where !Self.volatileVariables.contains(name) && !name.hasPrefix("SSH_") {
            text += "\u{0}\(name)=\(stableValue(environment[name]!))"
        }
        return Self.digest(text)
    }

    private func stableValue(_ value: String) -> String {
        var value = value
        for path in volatilePaths { value = value.replacingOccurrences(of: path, with: "<per-run>") }
        return value
    }

    /// The remembered output, marked as used now.
    public func lookup(_ key: String) -> ProbeOutput? {
        let now = clock()
        return state.withLock { state in
            guard var entry = state.entries[key] else {
                state.misses += 1
                return nil
            }
            state.hits += 1
            entry.lastUsed = now
            state.entries[key] = entry
            state.changed = true
            return ProbeOutput(
                stdout: entry.stdout, stderr: entry.stderr, stdoutTruncated: entry.stdoutTruncated,
                stderrTruncated: entry.stderrTruncated, termination: .exited(entry.exitStatus),
                durationMs: entry.durationMs)
        }
    }

    /// How long the command took last time, without counting a hit; the scheduler starts slow ones first.
    public func expectedDurationMs(_ key: String) -> Int? {
        state.withLock { $0.entries[key]?.durationMs }
    }

    /// Remembers an output; only one of a process that exited on its own.
    public func store(_ key: String, _ output: ProbeOutput) {
        guard case .exited(let status) = output.termination else { return }
        let entry = Entry(
            stdout: output.stdout, stderr: output.stderr, stdoutTruncated: output.stdoutTruncated,
            stderrTruncated: output.stderrTruncated, exitStatus: status, durationMs: output.durationMs,
            lastUsed: clock())
        state.withLock { state in
            state.entries[key] = entry
            state.changed = true
        }
    }

    /// Hits and misses so far.
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    public var entryCount: Int { state.withLock { $0.entries.count } }

    /// Writes the cache (atomically: a temporary file renamed over the old one), keeping the `maxEntries`
    /// most recently used entries. Does nothing when nothing changed.
    public func save() throws(OutputFileError) {
        let document: Document? = state.withLock { state in
            guard state.changed else { return nil }
            if state.entries.count > maxEntries {
                let keep = state.entries.sorted { $0.value.lastUsed > $1.value.lastUsed }.prefix(maxEntries)
                state.entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            }
            state.changed = false
            return Document(format: Self.format, version: Self.formatVersion, entries: state.entries)
        }
        guard let document else { return }
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw OutputFileError(path: folder, reason: "cannot create the cache folder")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(document) else { return }
        try AtomicFile.write(data, to: file)
    }

    /// Removes the cache file; a missing file is fine.
    public static func clear(file: String) throws(OutputFileError) {
        if unlink(file) != 0 && errno != ENOENT {
            throw OutputFileError(path: file, reason: String(cString: strerror(errno)))
        }
    }

    /// 128 bits of two FNV-1a passes, as hex: keys are compared, never trusted for anything else.
    static func digest(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b << 7) | (b >> 57)
        }
        return String(format: "%016llx%016llx", a, b)
    }
}
