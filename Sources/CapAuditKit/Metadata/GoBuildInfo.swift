import Foundation

/// What a Go binary records about its own build (`go version -m`): the Go version, the main package
/// path, the main module and its version, and the build settings.
public struct GoBuildInfo: Sendable, Equatable {
    /// `go1.21.5`.
    public var goVersion: String
    /// The main package (`k8s.io/kubernetes/cmd/kubectl`); proves which program this is.
    public var mainPackage: String?
    /// The main module path and its version as recorded (`v1.32.4`, `(devel)`, or a pseudo-version).
    public var module: String?
    public var moduleVersion: String?
    /// `build` lines: key and value (`-ldflags`, `vcs.revision`, …).
    public var settings: [(key: String, value: String)]

    public init(
        goVersion: String, mainPackage: String? = nil, module: String? = nil, moduleVersion: String? = nil,
        settings: [(key: String, value: String)] = []
    ) {
        self.goVersion = goVersion
        self.mainPackage = mainPackage
        self.module = module
        self.moduleVersion = moduleVersion
        self.settings = settings
    }

    public static func == (a: GoBuildInfo, b: GoBuildInfo) -> Bool {
        a.goVersion == b.goVersion && a.mainPackage == b.mainPackage && a.module == b.module && a.moduleVersion == b.moduleVersion
            && a.settings.map(\.key) == b.settings.map(\.key) && a.settings.map(\.value) == b.settings.map(\.value)
    }

    /// Parses the module information text (`path\t…`, `mod\t…`, `dep\t…`, `build\t…` lines), with or
    /// without the 16 sentinel bytes Go puts at each end.
    public static func parseModuleInfo(_ bytes: [UInt8], goVersion: String) -> GoBuildInfo {
        var text = bytes
        if text.count >= 33 && text[text.count - 17] == 0x0A {
            text = Array(text[16..<(text.count - 16)])
        }
        var info = GoBuildInfo(goVersion: goVersion)
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "path" where fields.count >= 2: info.mainPackage = fields[1]
            case "mod" where fields.count >= 3:
                info.module = fields[1]
                info.moduleVersion = fields[2]
            case "build" where fields.count >= 2:
                let setting = fields[1...].joined(separator: "\t")
                if let eq = setting.firstIndex(of: "=") {
                    info.settings.append((String(setting[..<eq]), String(setting[setting.index(after: eq)...])))
                }
            default: continue
            }
        }
        return info
    }

    /// True for a Go pseudo-version (`v0.0.0-20240101120000-abcdef123456`, `v3.11.1-0.2026…-09cf07a5a404`):
    /// a commit, not a release.
    public static func isPseudoVersion(_ v: String) -> Bool {
        let parts = v.split(separator: "-")
        guard parts.count >= 3, let hash = parts.last, hash.count == 12, hash.allSatisfy(\.isHexDigit) else { return false }
        let stamp = parts[parts.count - 2].split(separator: ".").last ?? ""
        return stamp.count == 14 && stamp.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The program's release version: the main module's version when it is a release, else a version
    /// set with `-ldflags -X …version=…` (recorded in the `-ldflags` build setting), else nil
    /// (`(devel)` or a pseudo-version say "built from a commit").
    public var releaseVersion: (version: Version, from: String)? {
        if let mv = moduleVersion, mv != "(devel)", !GoBuildInfo.isPseudoVersion(mv), let v = Version(mv) {
            return (v, "module")
        }
        guard let ldflags = settings.first(where: { $0.key == "-ldflags" })?.value else { return nil }
        for word in GoBuildInfo.linkerWords(ldflags) {
            guard let eq = word.firstIndex(of: "="), let dot = word[..<eq].lastIndex(where: { $0 == "." || $0 == "/" }) else { continue }
            let name = word[word.index(after: dot)..<eq].lowercased()
            guard name == "version" || name == "gitversion" else { continue }
            if let v = Version(String(word[word.index(after: eq)...])) { return (v, "ldflags") }
        }
        return nil
    }

    /// The words of a recorded `-ldflags` setting. Go records the value quoted when it has spaces or
    /// quotes (`" -X \"github.com/docker/cli/cli/version.Version=28.2.2\" -extldflags -static"`, Docker's
    /// static build): that quoting is undone first, then the flags are split as `go build` splits them
    /// (spaces separate words; a word in single or double quotes keeps its spaces, without the quotes).
    public static func linkerWords(_ setting: String) -> [String] {
        var flags = setting
        if flags.count >= 2, flags.hasPrefix("\""), flags.hasSuffix("\"") {
            var unquoted = ""
            var escaped = false
            for c in flags.dropFirst().dropLast() {
                if escaped {
                    switch c {
                    case "n": unquoted.append("\n")
                    case "t": unquoted.append("\t")
                    default: unquoted.append(c)
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    unquoted.append(c)
                }
            }
            flags = unquoted
        }
        var words: [String] = []
        var word = ""
        var quote: Character?
        var inWord = false
        for c in flags {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" || c == "\n" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}

/// Reads Go build information from an ELF binary through a view, reading only the ELF headers and the
/// `.go.buildinfo` section (and, for binaries before Go 1.18, the two strings it points to). Real
/// binaries are 50–100 MB; this reads a few kilobytes of them.
public enum GoBuildInfoReader {
    /// `\xff Go buildinf:`, the 14 bytes that open the section.
    static let magic: [UInt8] = [0xff] + Array(" Go buildinf:".utf8)
    /// Longest section or string read.
    static let maxRead = 1 << 20

    /// The build information of the Go binary at `path`, nil when it is not a Go ELF binary.
    public static func read(_ path: String, view: some FileReading) -> GoBuildInfo? {
        guard let elf = ELFImage(path: path, view: view), let section = elf.section(named: ".go.buildinfo"),
            section.type != 8 /* SHT_NOBITS */, section.size >= 32
        else { return nil }
        let count = Int(min(section.size, UInt64(maxRead)))
        guard let bytes = view.readBytes(path, offset: section.offset, count: count) else { return nil }
        return parse(section: bytes, elf: elf, path: path, view: view)
    }

    static func parse(section bytes: [UInt8], elf: ELFImage, path: String, view: some FileReading) -> GoBuildInfo? {
        guard bytes.count >= 32, Array(bytes[0..<14]) == magic else { return nil }
        let pointerSize = Int(bytes[14])
        let flags = bytes[15]
        if flags & 0x2 != 0 {
            var cursor = 32
            guard let version = uvarintString(bytes, &cursor), let modinfo = uvarintString(bytes, &cursor) else { return nil }
            return GoBuildInfo.parseModuleInfo(modinfo, goVersion: String(decoding: version, as: UTF8.self))
        }
        guard pointerSize == 4 || pointerSize == 8 else { return nil }
        let bigEndian = flags & 0x1 != 0
        let r = ByteReader(bytes: bytes, littleEndian: !bigEndian)
        guard let versionAddress = r.uint(16, pointerSize), let modAddress = r.uint(16 + pointerSize, pointerSize),
            let version = goString(at: versionAddress, pointerSize: pointerSize, bigEndian: bigEndian, elf: elf, path: path, view: view)
        else { return nil }
        let modinfo = goString(at: modAddress, pointerSize: pointerSize, bigEndian: bigEndian, elf: elf, path: path, view: view) ?? []
        return GoBuildInfo.parseModuleInfo(modinfo, goVersion: String(decoding: version, as: UTF8.self))
    }

    /// A uvarint length, then that many bytes.
    static func uvarintString(_ bytes: [UInt8], _ cursor: inout Int) -> [UInt8]? {
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard cursor < bytes.count, shift < 64 else { return nil }
            let b = bytes[cursor]
            cursor += 1
            length |= UInt64(b & 0x7f) << shift
            if b < 0x80 { break }
            shift += 7
        }
        guard length <= UInt64(bytes.count - cursor) else { return nil }
        defer { cursor += Int(length) }
        return Array(bytes[cursor..<(cursor + Int(length))])
    }

    /// A Go string header (data pointer, length) at a virtual address, and the bytes it points to.
    static func goString(at address: UInt64, pointerSize: Int, bigEndian: Bool, elf: ELFImage, path: String, view: some FileReading) -> [UInt8]? {
        guard let header = elf.fileOffset(ofAddress: address), header.available >= UInt64(2 * pointerSize),
            let raw = view.readBytes(path, offset: header.offset, count: 2 * pointerSize), raw.count == 2 * pointerSize
        else { return nil }
        let r = ByteReader(bytes: raw, littleEndian: !bigEndian)
        guard let dataAddress = r.uint(0, pointerSize), let length = r.uint(pointerSize, pointerSize), length <= UInt64(maxRead),
            let data = elf.fileOffset(ofAddress: dataAddress), data.available >= length,
            let bytes = view.readBytes(path, offset: data.offset, count: Int(length)), bytes.count == Int(length)
        else { return nil }
        return bytes
    }
}
