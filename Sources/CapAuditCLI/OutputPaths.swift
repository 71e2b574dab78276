import CapAuditKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks, before a command does any work, that every file it was asked to write can be written:
/// `--output FILE`, `--report FORMAT:FILE` and `--output DIR`. A scan that runs for a minute and then
/// cannot save its report has wasted that minute; a missing folder or a read-only target is a usage
/// error (exit 2) before any probe runs. The write itself still checks again (see `OutputFiles`).
enum OutputPaths {
    static func check(_ arguments: ParsedArguments, spec: CommandSpec) throws(OutputFileError) {
        for option in spec.options where option.name == "--output" || option.name == "--report" {
            for value in arguments.all(option.name) {
                if option.name == "--report" {
                    // The format is checked by the command; only the file is checked here.
                    guard let colon = value.firstIndex(of: ":") else { continue }
                    try checkFile(String(value[value.index(after: colon)...]))
                } else if option.valueKind == .directory {
                    try checkFolder(value)
                } else {
                    try checkFile(value)
                }
            }
        }
    }

    /// A file that will be replaced atomically: a temporary is written next to it, so its folder must
    /// exist and be writable; an existing target must not be a folder. Devices and pipes
    /// (`/dev/stdout`) are written in place.
    static func checkFile(_ path: String) throws(OutputFileError) {
        guard path != OutputFiles.stdoutName else { return }
        guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the path is empty") }
        var target = path
        if let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        var st = stat()
        if stat(target, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR: throw OutputFileError(path: path, reason: "it is a folder; name a file in it")
            case S_IFREG: break
            default:
                if access(target, W_OK) != 0 { throw OutputFileError(path: path, reason: "it is not writable (\(errorText()))") }
                return
            }
        } else if path.hasSuffix("/") {
            throw OutputFileError(path: path, reason: "the path ends in / but names no existing folder; name a file")
        }
        try checkParent(of: target, for: path)
    }

    /// A folder that is created when missing: the nearest folder that exists must be writable.
    static func checkFolder(_ path: String) throws(OutputFileError) {
        guard !path.isEmpty else { throw OutputFileError(path: path, reason: "the path is empty") }
        var current = path
        while true {
            var st = stat()
            if stat(current, &st) == 0 {
                guard st.st_mode & S_IFMT == S_IFDIR else {
                    throw OutputFileError(path: path, reason: current == path ? "it exists and is not a folder" : "\(current) is not a folder")
                }
                if access(current, W_OK | X_OK) != 0 { throw OutputFileError(path: path, reason: "the folder \(current) is not writable (\(errorText()))") }
                return
            }
            let parent = folder(of: current)
            if parent == current { return }
            current = parent
        }
    }

    static func checkParent(of target: String, for path: String) throws(OutputFileError) {
        let folder = folder(of: target)
        var st = stat()
        guard stat(folder, &st) == 0 else {
            throw OutputFileError(path: path, reason: "the folder \(folder) does not exist; create it first")
        }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw OutputFileError(path: path, reason: "\(folder) is not a folder") }
        if access(folder, W_OK | X_OK) != 0 {
            throw OutputFileError(path: path, reason: "the folder \(folder) is not writable (\(errorText()))")
        }
    }

    /// The folder a path is in, as dirname(1) says it: `.` for a bare name, `/` at the top. (Not
    /// NSString.deletingLastPathComponent: swift-corelibs-foundation traps on one-character names.)
    static func folder(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        var parent = p[..<slash]
        while parent.count > 1 && parent.hasSuffix("/") { parent = parent.dropLast() }
        return parent.isEmpty ? "/" : String(parent)
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
