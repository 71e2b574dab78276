import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why an output file could not be written. The existing file, if any, is untouched.
public struct OutputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "cannot write \(path): \(reason)" }
}

/// A file written to its temporary and not yet renamed over its target.
public struct StagedFile: Sendable, Equatable {
    /// The path the user named.
    public var requested: String
    /// The file that will be replaced (the target of a kept symlink), or nil for a device or pipe,
    /// which is written in place when committed.
    public var target: String?
    /// The temporary in the target's folder, or nil for a device or pipe.
    public var temporary: String?
    /// The bytes, kept only for a device or pipe.
    var inPlaceData: Data?
}

/// Writes files atomically: a temporary file in the same folder, flushed, then renamed over the
/// target, so a reader sees the old file or the new one and never half of one.
///
/// Several files are written all or nothing by staging every one first (`stage`), then renaming them
/// all (`commit`); a replaced file keeps its mode (and, as root, its owner and group); a symlink is
/// followed only where Linux's `protected_symlinks` would follow it.
public enum AtomicFile {
    private static let pending = PendingFiles()

    public static func write(_ text: String, to path: String) throws(OutputFileError) {
        try write(Data(text.utf8), to: path)
    }

    /// Stages and commits one file.
    public static func write(_ data: Data, to requested: String) throws(OutputFileError) {
        let staged = try stage(data, to: requested)
        let outcome = commit([staged])
        if let failure = outcome.failure { throw failure }
    }

    /// Writes `data` to a flushed temporary next to the target; nothing visible changes yet.
    public static func stage(_ data: Data, to requested: String) throws(OutputFileError) -> StagedFile {
        guard !requested.isEmpty else { throw OutputFileError(path: requested, reason: "the file name is empty") }
        guard !requested.contains("\0") else { throw OutputFileError(path: requested, reason: "the file name contains a NUL byte") }
        var path = requested
        var existing = stat()
        var replaces = false
        var link = stat()
        if lstat(requested, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
            if let refusal = protectedSymlinkRefusal(requested, link: link) {
                throw OutputFileError(path: requested, reason: refusal)
            }
        }
        if stat(requested, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFDIR:
                throw OutputFileError(path: requested, reason: "it is a folder")
            case S_IFREG:
                replaces = true
                // A symlink to a report is kept: the new file replaces its target, not the link.
                if let real = realpath(requested, nil) {
                    path = String(cString: real)
                    free(real)
                }
            default:
                // /dev/null, /dev/stdout, a FIFO: renaming over them would replace the device itself.
                return StagedFile(requested: requested, target: nil, temporary: nil, inPlaceData: data)
            }
        }
        let (directory, base) = split(path)
        guard !base.isEmpty, base != ".", base != ".." else { throw OutputFileError(path: requested, reason: "not a file name") }
        var template = Array((directory + "/." + base + ".capaudit-XXXXXX").utf8)
        template.append(0)
        let fd = template.withUnsafeMutableBytes { raw -> Int32 in
            mkstemp(raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
        guard fd >= 0 else { throw OutputFileError(path: requested, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.dropLast(), as: UTF8.self)
        pending.add(temporary)
        var failure = writeAll(fd, data)
        if failure == nil {
            if replaces {
                // Keep what the user set on the file being replaced: a 0600 report stays private.
                if fchmod(fd, existing.st_mode & 0o7777) != 0 { failure = String(cString: strerror(errno)) }
                if failure == nil && geteuid() == 0 && (existing.st_uid != 0 || existing.st_gid != 0) {
                    if fchown(fd, existing.st_uid, existing.st_gid) != 0 {
                        failure = String(cString: strerror(errno))
                    }
                    // chown clears set-id bits; set the mode again.
                    else if fchmod(fd, existing.st_mode & 0o7777) != 0 {
                        failure = String(cString: strerror(errno))
                    }
                }
            } else {
                // mkstemp makes 0600; a new report is an ordinary file, so honour the umask as `>` would.
                let mask = umask(0)
                umask(mask)
                if fchmod(fd, 0o666 & ~mask) != 0 { failure = String(cString: strerror(errno)) }
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(temporary)
            pending.remove(temporary)
            throw OutputFileError(path: requested, reason: failure)
        }
        return StagedFile(requested: requested, target: path, temporary: temporary, inPlaceData: nil)
    }

    /// What `commit` did: the files in place, in order, and the first failure (after which nothing
    /// more was renamed; the temporaries not renamed are removed).
    public struct Commit: Sendable {
        public var written: [String] = []
        public var notWritten: [String] = []
        public var failure: OutputFileError?
    }

    /// Renames every staged temporary over its target (and writes devices and pipes in place), in order.
    public static func commit(_ files: [StagedFile]) -> Commit {
        var result = Commit()
        for file in files {
            if result.failure != nil {
                discard(file)
                result.notWritten.append(file.requested)
                continue
            }
            if let temporary = file.temporary, let target = file.target {
                if rename(temporary, target) != 0 {
                    result.failure = OutputFileError(path: file.requested, reason: String(cString: strerror(errno)))
                    discard(file)
                    result.notWritten.append(file.requested)
                    continue
                }
                pending.remove(temporary)
                result.written.append(file.requested)
            } else if let data = file.inPlaceData {
                do throws(OutputFileError) {
                    try writeInPlace(data, to: file.requested)
                    result.written.append(file.requested)
                } catch {
                    result.failure = error
                    result.notWritten.append(file.requested)
                }
            }
        }
        return result
    }

    /// Removes a staged temporary that will not be committed.
    public static func discard(_ file: StagedFile) {
        guard let temporary = file.temporary else { return }
        unlink(temporary)
        pending.remove(temporary)
    }

    /// Linux's `protected_symlinks` rule: in a sticky world-writable folder (`/tmp`), a symlink is
    /// followed only when its owner is the caller or the folder's owner. Another user may have planted
    /// it there to make capaudit replace a file of the caller's.
    static func protectedSymlinkRefusal(_ path: String, link: stat) -> String? {
        let (directory, _) = split(path)
        var folder = stat()
        guard stat(directory, &folder) == 0 else { return nil }
        let stickyWorldWritable = folder.st_mode & S_ISVTX != 0 && folder.st_mode & S_IWOTH != 0
        guard stickyWorldWritable, link.st_uid != geteuid(), link.st_uid != folder.st_uid else { return nil }
        return
            "it is a symlink owned by uid \(link.st_uid) in the sticky world-writable folder \(directory); capaudit does not follow it (the protected_symlinks rule). Remove it or name another file"
    }

    /// The folder (`.` when there is none) and the last component of a path.
    static func split(_ path: String) -> (directory: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// Writes to something that is not a regular file (a device or a pipe) directly.
    static func writeInPlace(_ data: Data, to path: String) throws(OutputFileError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw OutputFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if let failure = writeAll(fd, data) { throw OutputFileError(path: path, reason: failure) }
    }

    /// Writes every byte, retrying on EINTR; the error text on failure.
    public static func writeAll(_ fd: Int32, _ data: Data) -> String? {
        data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += n
            }
            return nil
        }
    }

    /// Writes `data` only if `fd` can take it within `milliseconds` (poll for POLLOUT first), so a
    /// signal handler never blocks on a stalled pipe or terminal. A pipe that polls writable takes a
    /// write of up to a page without blocking.
    @discardableResult
    public static func writeIfReady(_ fd: Int32, _ data: Data, milliseconds: Int32 = 100) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&p, 1, milliseconds) == 1, p.revents & Int16(POLLOUT) != 0 else { return false }
        // A single write: never loop on a descriptor that may stall.
        return data.withUnsafeBytes { buffer in
            buffer.count == 0 || Glibc.write(fd, buffer.baseAddress!, min(buffer.count, 4096)) > 0
        }
    }

    /// Removes temporary files of writes still in progress (called from the interrupt handler).
    public static func removePendingFiles() {
        for path in pending.all() { unlink(path) }
    }
}

private final class PendingFiles: Sendable {
    private let paths = Mutex(Set<String>())
    func add(_ p: String) { paths.withLock { _ = $0.insert(p) } }
    func remove(_ p: String) { paths.withLock { _ = $0.remove(p) } }
    func all() -> [String] { paths.withLock { Array($0) } }
}
