import Foundation
import Testing
@testable import CapAuditKit

@Suite struct HostBytesTests {
    @Test("every byte string survives decode then encode unchanged: all 1- and 2-byte strings, and 20,000 random ones up to 12 bytes")
    func roundTrip() {
        var cases: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for a in stride(from: 0, through: 255, by: 3) { for b in 0...255 { cases.append([UInt8(a), UInt8(b)]) } }
        var rng = SplitMix(seed: 8)
        for _ in 0..<20_000 {
            // Biased towards the bytes that matter: lead bytes, continuation bytes, 0xEE (the reserved range's lead).
            let alphabet: [UInt8] = [0x41, 0x2F, 0x3A, 0x80, 0xBE, 0xBF, 0xC3, 0xA9, 0xE2, 0xEE, 0xEF, 0xF0, 0x9F, 0xF4, 0xFF, 0xED, 0xA0, 0xC0]
            cases.append((0..<Int(rng.next() % 13)).map { _ in rng.next() % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        for bytes in cases {
            let text = HostBytes.decode(bytes)
            #expect(HostBytes.encode(text) == bytes, "\(bytes) came back as \(HostBytes.encode(text))")
        }
    }

    @Test("valid UTF-8 decodes to itself; invalid bytes and the reserved range's own encoding do not")
    func decoding() {
        #expect(HostBytes.decode(Array("/usr/bin/café ✓ 😀".utf8)) == "/usr/bin/café ✓ 😀")
        #expect(HostBytes.decode([0x61, 0xFF, 0x62]) != "a\u{FFFD}b")
        #expect(HostBytes.decode([0x61, 0xFF, 0x62]).unicodeScalars.count == 3)
        // U+EF80 written as UTF-8 (EE BE 80) stands for three bytes, so that nothing decodes ambiguously.
        #expect(HostBytes.decode([0xEE, 0xBE, 0x80]).unicodeScalars.count == 3)
        #expect(HostBytes.encode("plain") == Array("plain".utf8))
    }

    @Test("display writes each byte that is not UTF-8 as \\xFF, and every report escape and terminal cleaner shows it so")
    func display() {
        let path = HostBytes.decode(Array("/opt/bin".utf8) + [0xFF, 0xC3] + Array("/tool".utf8))
        #expect(HostBytes.display(path) == "/opt/bin\\xFF\\xC3/tool")
        #expect(TerminalText.clean(path) == "/opt/bin\\xFF\\xC3/tool")
        #expect(TerminalText.cleanLines(path + "\n") == "/opt/bin\\xFF\\xC3/tool\n")
        #expect(JSONOutput.escape(path) == #""/opt/bin\\xFF\\xC3/tool""#)
        #expect(JUnitRenderer.escape(path, inAttribute: true) == "/opt/bin\\xFF\\xC3/tool")
        #expect(PrometheusRenderer.escapeLabelValue(path) == #"/opt/bin\\xFF\\xC3/tool"#)
        // Markdown escapes the backslash itself, so that it renders as one.
        #expect(MarkdownRenderer.escape(path) == #"/opt/bin\\xFF\\xC3/tool"#)
    }

    @Test("environment entries are split at the first = as bytes: values exact, first of a duplicated name wins, entries without a name skipped")
    func environmentEntries() {
        let value: [UInt8] = [0x61, 0xFE, 0x3D, 0xC3, 0x28, 0xE2, 0x82]
        let env = HostBytes.environment([Array("V=".utf8) + value, Array("V=second".utf8), Array("=x".utf8), Array("NOEQUALS".utf8), Array("E=".utf8)])
        #expect(env["V"].map(HostBytes.encode) == value)
        #expect(env["E"] == "")
        #expect(env.count == 2)
    }

    @Test("the live environment matches Foundation's wherever it is UTF-8")
    func environmentLive() {
        let foundation = ProcessInfo.processInfo.environment
        let ours = HostBytes.environment()
        for (name, value) in foundation where !value.contains("\u{FFFD}") {
            #expect(ours[name] == value, "\(name)")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing case is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
