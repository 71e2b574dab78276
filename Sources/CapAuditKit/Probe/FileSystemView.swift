import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a path, reduced to what PATH lookup and the security findings need.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case regular, directory, other }
    public var kind: Kind
    /// Permission bits (including sticky) of the target after following symlinks.
    public var mode: UInt32
    /// True when the path itself is a symbolic link.
    public var isSymlink: Bool
    /// Device and inode of the target: equal for two paths to the same file (`/bin/gh` and
    /// `/usr/bin/gh` on a merged-/usr system). Nil when unknown.
    public var identity: [UInt64]?

    public init(kind: Kind, mode: UInt32, isSymlink: Bool = false, identity: [UInt64]? = nil) {
        self.kind = kind
        self.mode = mode
        self.isSymlink = isSymlink
        self.identity = identity
    }

    public var isWorldWritable: Bool { mode & 0o002 != 0 }
    public var isSticky: Bool { mode & 0o1000 != 0 }
}

/// The filesystem as PATH lookup sees it; tests may pass a fake, `--root` a different view.
public protocol FileSystemView: Sendable {
    /// `stat` (following symlinks); nil when the path does not exist or is a broken link.
    func status(_ path: String) -> FileStatus?
    /// True when the path is a symlink whose target does not exist.
    func isBrokenSymlink(_ path: String) -> Bool
    /// `access(path, X_OK)` for this user.
    func isExecutableByUser(_ path: String) -> Bool
    /// The current working directory, to show where relative PATH entries would point.
    func currentDirectory() -> String
    /// The names in a folder, read once (`opendir`/`readdir`), or nil when it cannot be listed (missing,
    /// unreadable, execute-only): PATH lookup then asks for each name one by one.
    func directoryEntries(_ path: String) -> Set<String>?
}

extension FileSystemView {
    /// Views that cannot list folders make PATH lookup stat every candidate, as before.
    public func directoryEntries(_ path: String) -> Set<String>? { nil }
}

/// The real filesystem through Glibc.
public struct LocalFileSystem: FileSystemView {
    public init() {}

    public func status(_ path: String) -> FileStatus? {
        let path = HostBytes.cString(path)
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        var lst = stat()
        let isLink = lstat(path, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK
        let type = st.st_mode & S_IFMT
        let kind: FileStatus.Kind = type == S_IFREG ? .regular : (type == S_IFDIR ? .directory : .other)
        return FileStatus(
            kind: kind, mode: UInt32(st.st_mode & 0o7777), isSymlink: isLink,
            identity: [UInt64(st.st_dev), UInt64(st.st_ino)])
    }

    public func isBrokenSymlink(_ path: String) -> Bool {
        let path = HostBytes.cString(path)
        var lst = stat()
        var st = stat()
        return lstat(path, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK && stat(path, &st) != 0
    }

    public func isExecutableByUser(_ path: String) -> Bool {
        access(HostBytes.cString(path), X_OK) == 0
    }

    public func currentDirectory() -> String {
        FileManager.default.currentDirectoryPath
    }

    public func directoryEntries(_ path: String) -> Set<String>? {
        guard let dir = opendir(HostBytes.cString(path)) else { return nil }
        defer { closedir(dir) }
        var names = Set<String>()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in HostBytes.decode(raw.prefix { $0 != 0 }) }
            if name != "." && name != ".." { names.insert(name) }
        }
        return names
    }
}
