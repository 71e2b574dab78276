import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The host a scan ran on, as the JSON report's `host` object shows it.
public struct HostInfo: Sendable, Equatable {
    /// `NAME` from os-release, such as "Debian GNU/Linux".
    public var os: String?
    /// `VERSION_ID` from os-release, such as "12".
    public var osVersion: String?
    /// `ID` from os-release, such as "debian".
    public var osID: String?
    /// `ID_LIKE` from os-release, split on spaces.
    public var osLike: [String]
    public var arch: String?
    public var hostname: String?
    /// The release codename (`UBUNTU_CODENAME`, else `VERSION_CODENAME`), such as "bookworm": the
    /// suite of vendor apt repositories that have one per release.
    public var codename: String?
    /// For a `--root` scan, the folder scanned (an image, a chroot, a node's root); nil for this host.
    public var root: String?

    public init(os: String? = nil, osVersion: String? = nil, osID: String? = nil, osLike: [String] = [], arch: String? = nil, hostname: String? = nil) {
        self.os = os
        self.osVersion = osVersion
        self.osID = osID
        self.osLike = osLike
        self.arch = arch
        self.hostname = hostname
    }

    /// Reads os-release, `uname` and the hostname of the machine this runs on.
    public static func current(osReleasePath: String? = nil) -> HostInfo {
        let paths = osReleasePath.map { [$0] } ?? ["/etc/os-release", "/usr/lib/os-release"]
        var fields: [String: String] = [:]
        for path in paths {
            if let data = FileManager.default.contents(atPath: path), data.count < 64 * 1024 {
                fields = parseOSRelease(String(decoding: data, as: UTF8.self))
                break
            }
        }
        var info = HostInfo(
            os: fields["NAME"], osVersion: fields["VERSION_ID"], osID: fields["ID"],
            osLike: (fields["ID_LIKE"] ?? "").split(separator: " ").map(String.init))
        info.codename = [fields["UBUNTU_CODENAME"], fields["VERSION_CODENAME"]].compactMap { $0 }.first { !$0.isEmpty }
        var names = utsname()
        if uname(&names) == 0 {
            info.arch = withUnsafeBytes(of: &names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count - 1) == 0 {
            info.hostname = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return info
    }

    /// The system inside a root folder (`--root`), read through the root's view: `etc/os-release`
    /// (else `usr/lib/os-release`), `etc/hostname`, and the architecture of its `/bin/sh` (ELF header).
    public static func of(root view: RootedFileSystem) -> HostInfo {
        var fields: [String: String] = [:]
        for path in ["/etc/os-release", "/usr/lib/os-release"] {
            if let text = view.readSmallText(path, limit: 64 * 1024) {
                fields = parseOSRelease(text)
                break
            }
        }
        var info = HostInfo(
            os: fields["NAME"], osVersion: fields["VERSION_ID"], osID: fields["ID"],
            osLike: (fields["ID_LIKE"] ?? "").split(separator: " ").map(String.init))
        info.codename = [fields["UBUNTU_CODENAME"], fields["VERSION_CODENAME"]].compactMap { $0 }.first { !$0.isEmpty }
        info.root = view.root
        info.hostname = view.readSmallText("/etc/hostname", limit: 256)?.split(whereSeparator: \.isNewline).first.map(String.init)
        if let header = view.readBytes("/bin/sh", offset: 0, count: 20), header.count == 20, header.starts(with: [0x7f, 0x45, 0x4c, 0x46]) {
            let machine = header[5] == 1 ? UInt16(header[18]) | UInt16(header[19]) << 8 : UInt16(header[18]) << 8 | UInt16(header[19])
            let names: [UInt16: String] = [3: "i686", 40: "arm", 62: "x86_64", 183: "aarch64", 243: "riscv64", 21: "ppc64", 22: "s390x"]
            info.arch = names[machine]
        }
        return info
    }

    /// Parses os-release(5): `KEY=value` lines, values optionally quoted with shell escapes.
    public static func parseOSRelease(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = String(trimmed[..<eq])
            var value = String(trimmed[trimmed.index(after: eq)...])
            if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                value = String(value.dropFirst().dropLast())
                if q == "\"" {
                    var unescaped = ""
                    var escaping = false
                    for ch in value {
                        if escaping { unescaped.append(ch); escaping = false } else if ch == "\\" { escaping = true } else { unescaped.append(ch) }
                    }
                    value = unescaped
                }
            }
            out[key] = value
        }
        return out
    }
}
