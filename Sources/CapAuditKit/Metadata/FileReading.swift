import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading files through a filesystem view, for the metadata readers (Go build info, dist-info,
/// package databases). Every read is bounded by the caller; nothing is ever written.
///
/// Paths are absolute paths *in the view*: on the live host they are host paths; in a `--root`
/// scan they are paths inside the root (`/usr/bin/gh` means `DIR/usr/bin/gh`).
public protocol FileReading: Sendable {
    /// At most `count` bytes from `offset` of the regular file at `path` (symlinks followed inside
    /// the view); fewer at the end of the file; nil when it cannot be opened.
    func readBytes(_ path: String, offset: UInt64, count: Int) -> [UInt8]?
    /// The size of the regular file at `path`, nil when it is not one.
    func fileSize(_ path: String) -> UInt64?
    /// The names in the folder at `path` (without `.` and `..`), nil when it is not a readable folder.
    func folderEntries(_ path: String) -> [String]?
    /// The target of the symlink at `path` exactly as written (its parent folders already resolved),
    /// nil when `path` is not a symlink.
    func linkTarget(_ path: String) -> String?
    /// Whether a `..` may climb above `/` (false: the view is a root that must not be left).
    var confinesToRoot: Bool { get }
}

extension FileReading {
    /// The whole file when it is at most `limit` bytes; nil when larger or unreadable.
    public func readSmallFile(_ path: String, limit: Int) -> [UInt8]? {
        guard let size = fileSize(path), size <= UInt64(limit) else { return nil }
        return readBytes(path, offset: 0, count: Int(size))
    }

    /// As `readSmallFile`, decoded as UTF-8 (invalid bytes replaced).
    public func readSmallText(_ path: String, limit: Int) -> String? {
        readSmallFile(path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The path with every symlink resolved inside the view.
    public func resolve(_ path: String) -> SymlinkResolution {
        SymlinkResolution.resolve(path, in: self)
    }
}

/// Host-path primitives shared by the live view and the root view.
enum HostFile {
    static func read(_ hostPath: String, offset: UInt64, count: Int, noFollow: Bool = false) -> [UInt8]? {
        guard count >= 0 else { return nil }
        let fd = open(HostBytes.cString(hostPath), O_RDONLY | O_CLOEXEC | O_NONBLOCK | (noFollow ? O_NOFOLLOW : 0))
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        if count == 0 { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return Array(buffer.prefix(filled))
    }

    static func size(_ hostPath: String) -> UInt64? {
        var st = stat()
        guard stat(HostBytes.cString(hostPath), &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return UInt64(st.st_size)
    }

    static func entries(_ hostPath: String) -> [String]? {
        guard let dir = opendir(HostBytes.cString(hostPath)) else { return nil }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in HostBytes.decode(raw.prefix { $0 != 0 }) }
            if name != "." && name != ".." { out.append(name) }
        }
        return out.sorted()
    }

    static func link(_ hostPath: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { raw in
            readlink(HostBytes.cString(hostPath), raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
        }
        guard n > 0 else { return nil }
        return HostBytes.decode(buffer.prefix(n))
    }
}

extension LocalFileSystem: FileReading {
    public func readBytes(_ path: String, offset: UInt64, count: Int) -> [UInt8]? {
        HostFile.read(path, offset: offset, count: count)
    }

    public func fileSize(_ path: String) -> UInt64? { HostFile.size(path) }

    public func folderEntries(_ path: String) -> [String]? { HostFile.entries(path) }

    public func linkTarget(_ path: String) -> String? { HostFile.link(path) }

    public var confinesToRoot: Bool { false }
}
