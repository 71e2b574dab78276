import CapAuditKit
import Foundation

/// Where a streamed output goes: stdout in chunks as it is made, or a file written atomically at
/// the end (buffered: a reader never sees half a file).
final class OutputSink {
    let path: String?
    let terminal: Terminal
    private var buffer = ""

    init(path: String?, terminal: Terminal) {
        self.path = path
        self.terminal = terminal
    }

    func write(_ text: String) {
        buffer += text
        if path == nil && buffer.utf8.count >= 64 * 1024 {
            terminal.out(buffer)
            buffer = ""
        }
    }

    func finish() throws {
        if let path {
            try AtomicFile.write(buffer, to: path)
            terminal.err("capaudit: wrote \(path)")
        } else if !buffer.isEmpty {
            terminal.out(buffer)
        }
        buffer = ""
    }
}
