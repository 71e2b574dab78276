import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether a discovered `.capaudit.json` may be obeyed. Its project tools' probes run commands with
/// the caller's rights, so, as git does for `safe.directory`, a file found by walking up from the
/// current folder is trusted only when it is owned by the caller, by root, or by the owner of the
/// current folder (a container job running as root on a checkout owned by another uid), and is not
/// writable by group or others. A file named with `--config` is the user's explicit choice.
public enum ConfigTrust {
    /// Why the file is not trusted, or nil when it is.
    public static func refusal(path: String, currentDirectory: String, caller: uid_t = geteuid()) -> String? {
        var file = stat()
        guard stat(path, &file) == 0 else { return nil } // unreadable files are reported by the loader
        var cwd = stat()
        let cwdOwner: uid_t? = stat(currentDirectory, &cwd) == 0 ? cwd.st_uid : nil
        if file.st_uid != caller && file.st_uid != 0 && file.st_uid != cwdOwner {
            return "it is owned by uid \(file.st_uid), which is neither you (uid \(caller)), root, nor the owner of the current folder"
        }
        if file.st_mode & 0o022 != 0 {
            return "it is writable by \(file.st_mode & 0o020 != 0 ? "its group" : "others") (mode \(String(file.st_mode & 0o7777, radix: 8)))"
        }
        return nil
    }
}
