import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Says why an executable script could not start when the kernel only answers ENOENT: its
/// interpreter is missing, or its `#!` line ends in a carriage return (a file saved with CRLF line
/// endings asks for `/bin/sh\r`, which does not exist).
public enum Shebang {
    /// The interpreter path and its arguments from the first line, or nil when there is no `#!`.
    public static func read(_ path: String) -> (line: [UInt8], interpreter: String)? {
        guard let head = HostFile.read(path, offset: 0, count: 256), head.starts(with: Array("#!".utf8)) else { return nil }
        let line = Array(head.dropFirst(2).prefix { $0 != 0x0A })
        let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
        let interpreter = trimmed.prefix { $0 != 0x20 && $0 != 0x09 }
        return (line, HostBytes.decode(interpreter))
    }

    /// A sentence for ENOENT (or ENOEXEC) from a file that exists, or nil when the shebang is not the cause.
    public static func diagnose(path: String, errno code: Int32) -> String? {
        guard code == ENOENT || code == ENOEXEC, access(HostBytes.cString(path), F_OK) == 0, let (line, interpreter) = read(path) else { return nil }
        if line.last == 0x0D {
            let shown = interpreter.replacingOccurrences(of: "\r", with: "")
            return
                "its #! line ends with a carriage return (CRLF line endings), so the kernel looks for the interpreter \"\(TerminalText.clean(shown))\\r\", which does not exist; convert the file to LF line endings"
        }
        if interpreter.isEmpty { return "its #! line names no interpreter" }
        if access(HostBytes.cString(interpreter), F_OK) != 0 {
            return "its interpreter \(TerminalText.clean(interpreter)) (from the #! line) does not exist"
        }
        if access(HostBytes.cString(interpreter), X_OK) != 0 {
            return "its interpreter \(TerminalText.clean(interpreter)) (from the #! line) is not executable"
        }
        return nil
    }
}
