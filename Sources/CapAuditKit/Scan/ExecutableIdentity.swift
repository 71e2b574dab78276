import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What makes a file the same file as last time: replacing it (new inode), rewriting it (size, mtime) or
/// changing its metadata (ctime) all change the identity. Symlinks are followed.
public struct FileIdentity: Hashable, Sendable, Codable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedNs: Int64
    public var changedNs: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modifiedNs: Int64, changedNs: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedNs = modifiedNs
        self.changedNs = changedNs
    }

    /// `stat` of the path (following symlinks); nil when it does not exist.
    public static func of(_ path: String) -> FileIdentity? {
        var st = stat()
        guard stat(HostBytes.cString(path), &st) == 0 else { return nil }
        return FileIdentity(
            device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
            modifiedNs: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            changedNs: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
    }
}

/// The files whose contents decide what a version command prints: the executable itself, the interpreter its
/// `#!` line names (looked up on the probe's PATH for `/usr/bin/env NAME`), and for a pyenv shim the file the
/// shim would run, resolved the way pyenv does. Nil when that cannot be known without running anything
/// (another version manager's shim, pyenv's `system`, an interpreter that is not there): such probes are
/// never cached.
public enum ExecutableIdentity {
    public static func files(for executable: String, environment: [String: String], currentDirectory: String) -> [FileIdentity]? {
        var identities: [FileIdentity] = []
        var path = executable
        for _ in 0..<3 { // the executable, its shim target or interpreter, that one's interpreter
            guard let identity = FileIdentity.of(path) else { return nil }
            identities.append(identity)
            if isVersionManagerFile(path) {
                guard let target = PyenvShim.target(of: path, environment: environment, currentDirectory: currentDirectory) else { return nil }
                path = target
                continue
            }
            guard let interpreter = interpreter(of: path, environment: environment) else { return identities }
            if interpreter.isEmpty { return nil }
            path = interpreter
        }
        return identities
    }

    /// A version manager's shim picks its target at run time: anything in a folder named `shims` (pyenv,
    /// rbenv, nodenv, asdf, mise, jenv, goenv) and Volta's `bin`.
    static func isVersionManagerFile(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains("shims") || path.contains("/.volta/bin/")
    }

    /// The interpreter a script's `#!` line runs: nil for a file that is not a script, "" when it cannot be
    /// resolved.
    static func interpreter(of path: String, environment: [String: String]) -> String? {
        guard let head = HostFile.read(path, offset: 0, count: 256) else { return "" }
        guard head.starts(with: Array("#!".utf8)) else { return nil }
        let line = HostBytes.decode(head.dropFirst(2).prefix { $0 != 0x0A })
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let first = words.first else { return "" }
        if first.hasSuffix("/env") {
            guard let name = words.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return "" }
            // A plain walk of PATH: listing every folder (as the scan's resolver does) is wasted on one name.
            for folder in (environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
                let candidate = folder + "/" + name
                var st = stat()
                let bytes = HostBytes.cString(candidate)
                if stat(bytes, &st) == 0, st.st_mode & S_IFMT == S_IFREG, access(bytes, X_OK) == 0 { return candidate }
            }
            return ""
        }
        return first
    }
}

/// pyenv's choice of version for a shim, without running pyenv: `PYENV_VERSION`, then the first
/// `.python-version` from the current folder upward, then `$PYENV_ROOT/version`.
public enum PyenvShim {
    public static func target(of shim: String, environment: [String: String], currentDirectory: String) -> String? {
        let shims = (shim as NSString).deletingLastPathComponent
        guard (shims as NSString).lastPathComponent == "shims" else { return nil }
        let root = (shims as NSString).deletingLastPathComponent
        // Only pyenv's own shims: rbenv, nodenv and the others share the layout but not the rules.
        guard root == environment["PYENV_ROOT"] || (root as NSString).lastPathComponent == ".pyenv",
            FileManager.default.fileExists(atPath: root + "/versions")
        else { return nil }
        let name = (shim as NSString).lastPathComponent
        guard let versions = selectedVersions(root: root, environment: environment, currentDirectory: currentDirectory) else { return nil }
        for version in versions {
            if version == "system" { return nil } // the next match on PATH: pyenv decides at run time
            let candidate = "\(root)/versions/\(version)/bin/\(name)"
            if access(HostBytes.cString(candidate), X_OK) == 0 { return candidate }
        }
        return nil
    }

    static func selectedVersions(root: String, environment: [String: String], currentDirectory: String) -> [String]? {
        if let chosen = environment["PYENV_VERSION"], !chosen.isEmpty {
            return chosen.split(separator: ":").map(String.init)
        }
        var folder = currentDirectory
        while true {
            if let text = try? String(contentsOfFile: folder + "/.python-version", encoding: .utf8) { return versions(in: text) }
            if folder == "/" || folder.isEmpty { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        if let text = try? String(contentsOfFile: root + "/version", encoding: .utf8) { return versions(in: text) }
        return nil
    }

    private static func versions(in text: String) -> [String]? {
        let words = text.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\r" || $0 == "\t" })
            .map(String.init).filter { !$0.hasPrefix("#") }
        return words.isEmpty ? nil : words
    }
}
