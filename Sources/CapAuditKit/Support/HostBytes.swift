import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File names, PATH entries and environment values are bytes on Linux, not necessarily UTF-8 (a folder
/// named with byte 0xff is legal). capaudit carries them in Swift strings without loss, so that a tool in
/// such a folder is found and run, and an environment value reaches probes byte for byte.
///
/// `decode` keeps valid UTF-8 as it is and turns each byte of an invalid sequence into one scalar of
/// U+EF80–U+EFFF (byte 0x80–0xFF; bytes below 0x80 are always valid), a private-use range (the one MirOS's
/// OPTU-8 uses). So that the mapping stays reversible, a valid sequence that itself encodes a scalar of that
/// range is treated the same way, byte by byte. `encode` reverses it exactly: `encode(decode(b)) == b` for
/// every byte string. Every system call on a host path goes through `cString`; `display` shows such a byte
/// as `\xFF`, which every report format and the terminal can carry.
public enum HostBytes {
    /// First scalar of the range that stands for raw bytes: U+EF00 + byte, for bytes 0x80–0xFF.
    static let base: UInt32 = 0xEF00
    static let range: ClosedRange<UInt32> = 0xEF80...0xEFFF

    /// The bytes as a string, without loss (see the type's documentation).
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        let bytes = Array(bytes)
        // The common case: valid UTF-8 with nothing in the reserved range (its lead byte is 0xEE).
        if !bytes.contains(0xEE), let text = String(validatingUTF8Bytes: bytes) { return text }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let length = validSequenceLength(bytes, at: i)
            if length > 0, let scalar = scalar(bytes[i..<(i + length)]), !range.contains(scalar.value) {
                scalars.append(scalar)
                i += length
            } else if bytes[i] < 0x80 {
                scalars.append(Unicode.Scalar(bytes[i]))
                i += 1
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(bytes[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The exact bytes `decode` was given (for text that never was host bytes: its UTF-8).
    public static func encode(_ s: String) -> [UInt8] {
        guard s.unicodeScalars.contains(where: { range.contains($0.value) }) else { return Array(s.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            if range.contains(scalar.value) {
                out.append(UInt8(scalar.value - base))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// The bytes with a terminating NUL, for a system call's path argument (`stat(HostBytes.cString(p), &st)`).
    public static func cString(_ s: String) -> [CChar] {
        encode(s).map { CChar(bitPattern: $0) } + [0]
    }

    /// A malloc'ed copy of the bytes, NUL-terminated, for argv and envp arrays (free it).
    public static func duplicate(_ s: String) -> UnsafeMutablePointer<CChar> {
        let bytes = encode(s)
        let copy = malloc(bytes.count + 1)!.assumingMemoryBound(to: CChar.self)
        bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { copy.update(from: $0.baseAddress!, count: bytes.count) }
        }
        copy[bytes.count] = 0
        return copy
    }

    /// Whether the scalar stands for a byte that was not UTF-8.
    public static func isRawByte(_ scalar: Unicode.Scalar) -> Bool {
        range.contains(scalar.value)
    }

    /// The text with each byte that was not UTF-8 written `\xFF`: how reports and messages show such paths
    /// and values (readable, valid in every output format, but no longer reversible).
    public static func display(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isRawByte) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if isRawByte(scalar) {
                out.append(contentsOf: String(format: "\\x%02X", scalar.value - base).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The process's environment, read from `environ` as bytes (Foundation's `ProcessInfo` replaces what
    /// is not UTF-8 with U+FFFD). An entry without `=` is skipped; for a name listed twice the first wins,
    /// as `getenv` does.
    public static func environment() -> [String: String] {
        guard let symbol = dlsym(nil, "environ") else { return ProcessInfo.processInfo.environment }
        guard let entries = symbol.assumingMemoryBound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self).pointee else {
            return [:]
        }
        var raw: [[UInt8]] = []
        var index = 0
        while let entry = entries[index] {
            index += 1
            raw.append(Array(UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self), count: strlen(entry))))
        }
        return environment(raw)
    }

    /// The process's command-line arguments, program name first, read from `argv` as bytes
    /// (`CommandLine.arguments` replaces what is not UTF-8 with U+FFFD, so a path with such a byte would
    /// name another file). Check them with `hasRawBytes` before a path is used (see the CLI's parser).
    public static func arguments() -> [String] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return "" }
            return decode(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument)))
        }
    }

    /// Whether `s` holds a byte that was not UTF-8 (see `decode`).
    public static func hasRawBytes(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isRawByte)
    }

    /// `NAME=VALUE` entries as a dictionary (see `environment()`).
    static func environment(_ entries: [[UInt8]]) -> [String: String] {
        var out: [String: String] = [:]
        for bytes in entries {
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals > 0 else { continue }
            let name = decode(bytes[..<equals])
            if out[name] == nil { out[name] = decode(bytes[(equals + 1)...]) }
        }
        return out
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF), or 0.
    private static func validSequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        func continuation(_ k: Int, _ lower: UInt8 = 0x80, _ upper: UInt8 = 0xBF) -> Bool {
            i + k < b.count && (lower...upper).contains(b[i + k])
        }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    private static func scalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.first
    }
}

extension String {
    /// The bytes as a string when they are valid UTF-8, else nil.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var iterator = bytes.makeIterator()
        var utf8 = UTF8()
        loop: while true {
            switch utf8.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
