import Foundation
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

/// Writes files atomically: a temporary file in the same folder, flushed, then renamed over the
/// target, so a reader sees the old file or the new one and never half of one.
public enum AtomicFile {
    private static let pending = PendingFiles()

    public static func write(_ text: String, to path: String) throws(OutputFileError) {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to requested: String) throws(OutputFileError) {
        var path = requested
        var st = stat()
        if stat(requested, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                throw OutputFileError(path: requested, reason: "it is a folder")
            case S_IFREG:
                // A symlink to a report is kept: the new file replaces its target, not the link.
                if let real = realpath(requested, nil) {
                    path = String(cString: real)
                    free(real)
                }
            default:
                // /dev/null, /dev/stdout, a FIFO: renaming over them would replace the device itself.
                try writeInPlace(data, to: requested)
                return
            }
        }
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        guard !base.isEmpty, base != ".", base != ".." else { throw OutputFileError(path: requested, reason: "not a file name") }
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(base).capaudit-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw OutputFileError(path: path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        pending.add(temporary)
        defer { pending.remove(temporary) }
        var failure = writeAll(fd, data)
        // mkstemp makes 0600; a report is an ordinary file, so honour the umask as `>` would.
        let mask = umask(0)
        umask(mask)
        if failure == nil && fchmod(fd, 0o666 & ~mask) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw OutputFileError(path: requested, reason: failure)
        }
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

    /// Removes temporary files of writes still in progress (called from the interrupt handler).
    public static func removePendingFiles() {
        for path in pending.all() { unlink(path) }
    }
}

private final class PendingFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()
    func add(_ p: String) { lock.lock(); paths.insert(p); lock.unlock() }
    func remove(_ p: String) { lock.lock(); paths.remove(p); lock.unlock() }
    func all() -> [String] { lock.lock(); defer { lock.unlock() }; return Array(paths) }
}
