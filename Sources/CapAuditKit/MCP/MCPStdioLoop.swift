import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The stdio transport of an MCP server: reads newline-delimited messages from a file descriptor,
/// answers each through `MCPServer`, writes one line per answer, and returns when the input closes.
/// A line longer than `maxLineBytes` is answered with a parse error and skipped, never kept whole.
public enum MCPStdioLoop {
    public static let maxLineBytes = 4 << 20

    /// Serves until end of input or until `write` fails (the client went away).
    public static func run(server: MCPServer, input: Int32, write: (String) -> Bool) {
        var pending = [UInt8]()
        var discarding = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        func answer(_ line: [UInt8]) -> Bool {
            guard let reply = server.handle(data: Data(line)) else { return true }
            return write(reply + "\n")
        }
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                if discarding {
                    discarding = false
                } else {
                    pending += buffer[start..<i]
                    if !answer(pending) { return }
                }
                pending.removeAll(keepingCapacity: true)
                start = i + 1
            }
            if !discarding {
                pending += buffer[start..<n]
                if pending.count > maxLineBytes {
                    pending.removeAll()
                    discarding = true
                    if !write(MCPServer.error(id: .null, .parseError, "Parse error: a message is longer than \(maxLineBytes) bytes") + "\n") { return }
                }
            }
        }
        if !discarding && !pending.isEmpty { _ = answer(pending) }
    }
}
