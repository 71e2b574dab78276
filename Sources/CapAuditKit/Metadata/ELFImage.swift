import Foundation

/// The headers of an ELF file, read through a view without loading the file: the section headers
/// (to find a section by name) and the loadable segments (to map a virtual address to a file offset).
struct ELFImage {
    struct Section { var name: String; var address: UInt64; var offset: UInt64; var size: UInt64; var type: UInt32 }
    struct Segment { var offset: UInt64; var address: UInt64; var fileSize: UInt64 }

    let is64: Bool
    let littleEndian: Bool
    let sections: [Section]
    let segments: [Segment]

    static let maxHeaders = 4096
    static let maxNameTable = 1 << 20

    /// Reads the headers of the ELF file at `path`; nil when it is not ELF or its headers are malformed.
    init?(path: String, view: some FileReading) {
        guard let ident = view.readBytes(path, offset: 0, count: 64), ident.count >= 52,
            ident[0] == 0x7f, ident[1] == 0x45, ident[2] == 0x4c, ident[3] == 0x46,
            ident[4] == 1 || ident[4] == 2, ident[5] == 1 || ident[5] == 2
        else { return nil }
        let is64 = ident[4] == 2
        let littleEndian = ident[5] == 1
        self.is64 = is64
        self.littleEndian = littleEndian
        guard !is64 || ident.count >= 64 else { return nil }
        let header = ByteReader(bytes: ident, littleEndian: littleEndian)
        let phoff = is64 ? header.u64(0x20) : UInt64(header.u32(0x1C) ?? 0)
        let shoff = is64 ? header.u64(0x28) : UInt64(header.u32(0x20) ?? 0)
        let phentsize = Int(header.u16(is64 ? 0x36 : 0x2A) ?? 0)
        let phnum = Int(header.u16(is64 ? 0x38 : 0x2C) ?? 0)
        let shentsize = Int(header.u16(is64 ? 0x3A : 0x2E) ?? 0)
        let shnum = Int(header.u16(is64 ? 0x3C : 0x30) ?? 0)
        let shstrndx = Int(header.u16(is64 ? 0x3E : 0x32) ?? 0)
        guard let phoff, let shoff else { return nil }

        var loads: [Segment] = []
        if phnum > 0, phnum <= ELFImage.maxHeaders, phentsize >= (is64 ? 56 : 32),
            let table = view.readBytes(path, offset: phoff, count: phnum * phentsize), table.count == phnum * phentsize
        {
            let r = ByteReader(bytes: table, littleEndian: littleEndian)
            for i in 0..<phnum {
                let base = i * phentsize
                guard r.u32(base) == 1 else { continue } // PT_LOAD
                if is64, let off = r.u64(base + 8), let addr = r.u64(base + 16), let size = r.u64(base + 32) {
                    loads.append(Segment(offset: off, address: addr, fileSize: size))
                } else if !is64, let off = r.u32(base + 4), let addr = r.u32(base + 8), let size = r.u32(base + 16) {
                    loads.append(Segment(offset: UInt64(off), address: UInt64(addr), fileSize: UInt64(size)))
                }
            }
        }
        self.segments = loads

        var found: [Section] = []
        if shnum > 0, shnum <= ELFImage.maxHeaders, shentsize >= (is64 ? 64 : 40), shstrndx < shnum,
            let table = view.readBytes(path, offset: shoff, count: shnum * shentsize), table.count == shnum * shentsize
        {
            let r = ByteReader(bytes: table, littleEndian: littleEndian)
            func raw(_ i: Int) -> (name: UInt32, type: UInt32, addr: UInt64, offset: UInt64, size: UInt64)? {
                let base = i * shentsize
                guard let name = r.u32(base), let type = r.u32(base + 4) else { return nil }
                if is64 {
                    guard let addr = r.u64(base + 16), let off = r.u64(base + 24), let size = r.u64(base + 32) else { return nil }
                    return (name, type, addr, off, size)
                }
                guard let addr = r.u32(base + 12), let off = r.u32(base + 16), let size = r.u32(base + 20) else { return nil }
                return (name, type, UInt64(addr), UInt64(off), UInt64(size))
            }
            if let strtab = raw(shstrndx), strtab.size <= UInt64(ELFImage.maxNameTable),
                let names = view.readBytes(path, offset: strtab.offset, count: Int(strtab.size))
            {
                for i in 0..<shnum {
                    guard let s = raw(i), Int(s.name) < names.count else { continue }
                    let start = Int(s.name)
                    let end = names[start...].firstIndex(of: 0) ?? names.count
                    found.append(
                        Section(
                            name: String(decoding: names[start..<end], as: UTF8.self),
                            address: s.addr, offset: s.offset, size: s.size, type: s.type))
                }
            }
        }
        self.sections = found
    }

    func section(named name: String) -> Section? { sections.first { $0.name == name } }

    /// The file offset of a virtual address inside a loadable segment's file bytes, and how many bytes
    /// of the segment follow it.
    func fileOffset(ofAddress address: UInt64) -> (offset: UInt64, available: UInt64)? {
        for s in segments where address >= s.address && address - s.address < s.fileSize {
            let delta = address - s.address
            let (offset, overflow) = s.offset.addingReportingOverflow(delta)
            guard !overflow else { return nil }
            return (offset, s.fileSize - delta)
        }
        return nil
    }
}

/// Bounds-checked integer reads from a byte buffer in either byte order.
struct ByteReader {
    let bytes: [UInt8]
    let littleEndian: Bool

    func u16(_ at: Int) -> UInt16? { uint(at, 2).map { UInt16($0) } }
    func u32(_ at: Int) -> UInt32? { uint(at, 4).map { UInt32($0) } }
    func u64(_ at: Int) -> UInt64? { uint(at, 8) }

    func uint(_ at: Int, _ size: Int) -> UInt64? {
        guard at >= 0, size <= 8, at <= bytes.count - size else { return nil }
        var value: UInt64 = 0
        for i in 0..<size {
            let byte = UInt64(bytes[at + (littleEndian ? size - 1 - i : i)])
            value = value << 8 | byte
        }
        return value
    }
}
