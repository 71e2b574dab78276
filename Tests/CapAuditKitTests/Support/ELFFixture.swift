import Foundation

/// Minimal ELF files built by hand from the documented layout (ELF-64 little-endian: header, one
/// PT_LOAD program header mapping the whole file at 0x400000, the payload, `.shstrtab`, section
/// headers), for the Go build-information reader.
enum ELFFixture {
    static let base: UInt64 = 0x400000

    /// An ELF file whose `.go.buildinfo` section holds `section` (recorded bytes or `inlineSection`).
    static func withBuildInfo(_ section: [UInt8]) -> [UInt8] {
        build { _ in section }
    }

    /// The Go ≥ 1.18 section: header, then the Go version and the module info as uvarint-prefixed strings.
    static func inlineSection(goVersion: String, modinfo: String) -> [UInt8] {
        var out = magicHeader(pointerSize: 8, flags: 0x2)
        for s in [Array(goVersion.utf8), Array(sentinelWrapped(modinfo))] {
            var n = UInt64(s.count)
            while n >= 0x80 { out.append(UInt8(n & 0x7f) | 0x80); n >>= 7 }
            out.append(UInt8(n))
            out += s
        }
        return out
    }

    /// A Go < 1.18 binary: the section holds two pointers to Go string headers (pointer, length), which
    /// point to the strings, all in the loaded segment after the section.
    static func pointerLayout(goVersion: String, modinfo: String) -> [UInt8] {
        build { sectionAddress in
            let version = Array(goVersion.utf8)
            let mod = Array(sentinelWrapped(modinfo))
            // Layout after the 32-byte header: header1 (16), header2 (16), version bytes, modinfo bytes.
            let h1 = sectionAddress + 32, h2 = h1 + 16, v = h2 + 16, m = v + UInt64(version.count)
            var out = magicHeader(pointerSize: 8, flags: 0)
            out.replaceSubrange(16..<24, with: le(h1, 8))
            out.replaceSubrange(24..<32, with: le(h2, 8))
            out += le(v, 8) + le(UInt64(version.count), 8) + le(m, 8) + le(UInt64(mod.count), 8) + version + mod
            return out
        }
    }

    static func sentinelWrapped(_ modinfo: String) -> [UInt8] {
        let sentinel: [UInt8] = [0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02, 0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6]
        let endSentinel: [UInt8] = [0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2]
        return sentinel + Array(modinfo.utf8) + endSentinel
    }

    static func magicHeader(pointerSize: UInt8, flags: UInt8) -> [UInt8] {
        var out: [UInt8] = [0xff] + Array(" Go buildinf:".utf8) + [pointerSize, flags]
        out += [UInt8](repeating: 0, count: 16)
        return out
    }

    static func le(_ value: UInt64, _ size: Int) -> [UInt8] {
        (0..<size).map { UInt8((value >> (8 * UInt64($0))) & 0xff) }
    }

    /// Lays out the file; `payload` gets the virtual address of the section and returns its bytes.
    static func build(_ payload: (UInt64) -> [UInt8]) -> [UInt8] {
        let sectionOffset: UInt64 = 64 + 56
        let section = payload(base + sectionOffset)
        let names: [UInt8] = [0] + Array(".go.buildinfo".utf8) + [0] + Array(".shstrtab".utf8) + [0]
        let namesOffset = sectionOffset + UInt64(section.count)
        var shoff = namesOffset + UInt64(names.count)
        shoff = (shoff + 7) & ~7
        let fileSize = shoff + 3 * 64

        var out: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 8)
        out += le(2, 2) + le(62, 2) + le(1, 4) // ET_EXEC, x86-64, version
        out += le(base, 8) + le(64, 8) + le(shoff, 8) // entry, phoff, shoff
        out += le(0, 4) + le(64, 2) + le(56, 2) + le(1, 2) + le(64, 2) + le(3, 2) + le(2, 2)
        // PT_LOAD, R|W, offset 0, vaddr, paddr, filesz, memsz, align
        out += le(1, 4) + le(6, 4) + le(0, 8) + le(base, 8) + le(base, 8) + le(fileSize, 8) + le(fileSize, 8) + le(0x1000, 8)
        out += section + names
        out += [UInt8](repeating: 0, count: Int(shoff) - out.count)
        out += [UInt8](repeating: 0, count: 64) // SHN_UNDEF
        out +=
            le(1, 4) + le(1, 4) + le(3, 8) + le(base + sectionOffset, 8) + le(sectionOffset, 8) + le(UInt64(section.count), 8)
            + le(0, 4) + le(0, 4) + le(32, 8) + le(0, 8)
        out +=
            le(15, 4) + le(3, 4) + le(0, 8) + le(0, 8) + le(namesOffset, 8) + le(UInt64(names.count), 8)
            + le(0, 4) + le(0, 4) + le(1, 8) + le(0, 8)
        return out
    }
}
