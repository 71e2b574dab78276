// libFuzzer entry for capaudit's parsers: the catalog loader (and with it the JSON parser and the
// catalog validator), the version parser with the default and the catalog's patterns, the layered
// version reader (catalog patterns, tolerant reader, default pattern) with a catalog probe, version
// classification, `Version` parsing and comparison, project configs (.capaudit.json), os-release,
// host bytes (PATH entries, environment values: lossless round trip), the package metadata readers (Go build
// information in ELF files, dpkg, apk, Python dist-info, npm package.json) over in-memory files, and
// the MCP server's JSON-RPC handling.
//
// Not part of the SwiftPM package: Tests/fuzz.sh compiles it together with every file under
// Sources/CapAuditKit into one module (so there is no `import CapAuditKit`) with
// `swiftc -sanitize=fuzzer,address -parse-as-library`. It must not spawn processes or write files.
import Foundation

/// The built-in catalog, loaded once (project configs are checked against it).
private let builtinCatalog: Catalog? = try? BuiltinCatalog.load()

/// The patterns the built-in catalog gives its probes, compiled once; one of them is tried per input.
private let catalogPatterns: [VersionPattern] = {
    guard let catalog = builtinCatalog else { return [] }
    var seen = Set<String>()
    var out: [VersionPattern] = []
    for tool in catalog.tools.values.sorted(by: { $0.id < $1.id }) {
        for probe in tool.probes {
            for pattern in probe.patterns where seen.insert(pattern.source).inserted { out.append(pattern) }
        }
    }
    return out
}()

/// Each probe of the built-in catalog with its tool's id and name, for the layered reader (`VersionReader`).
private let catalogProbes: [(probe: Probe, names: [String])] = {
    guard let catalog = builtinCatalog else { return [] }
    return catalog.tools.values.sorted(by: { $0.id < $1.id }).flatMap { tool in tool.probes.map { ($0, [tool.id, tool.name]) } }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)

    // The bytes as one catalog file, then as two (the same file twice: duplicate ids across files).
    _ = try? CatalogLoader.parse([CatalogSource(name: "fuzz.json", data: bytes)])
    if size < 4096 {
        _ = try? CatalogLoader.parse([CatalogSource(name: "a.json", data: bytes), CatalogSource(name: "b.json", data: bytes)])
    }

    // The bytes as a JSON report for merge and diff: read, aggregated, compared with itself.
    if let report = try? ReportReader.parse(bytes, file: "fuzz.json") {
        var fleet = FleetAggregator(failOn: .critical, matrixLimit: 2)
        fleet.add(report)
        fleet.add(report)
        let summary = fleet.finish()
        _ = FleetRenderer.text(summary) + FleetRenderer.markdown(summary) + FleetRenderer.jsonEnd(summary)
        let diff = ReportDiff.compare(old: report, new: report)
        check(diff.regressions.isEmpty, "a report regresses against itself")
        _ = DiffRenderer.text(diff) + DiffRenderer.json(diff)
    }

    // The bytes as a project's .capaudit.json (found in untrusted checkouts), against the built-in catalog.
    if let catalog = builtinCatalog {
        _ = try? ProjectConfig.parse(bytes, path: ".capaudit.json", catalog: catalog, today: "2026-12-04")
    }

    // The bytes as a host name, PATH or environment value: carried without loss, shown without raw bytes.
    let raw = UnsafeBufferPointer(start: data, count: size)
    let hostText = HostBytes.decode(raw)
    check(HostBytes.encode(hostText) == Array(raw), "host bytes did not round-trip")
    check(!HostBytes.display(hostText).unicodeScalars.contains(where: HostBytes.isRawByte), "display left a raw byte")
    if size < 4096 {
        _ = HostBytes.environment(raw.split(separator: 0).map { Array($0) })
        // An os-release file (a --root image's is untrusted).
        _ = HostInfo.parseOSRelease(String(decoding: raw, as: UTF8.self))
    }

    // The bytes as a probe's output: stdout up to the first NUL, stderr after it.
    let split = raw.firstIndex(of: 0) ?? size
    let stdout = String(decoding: raw[..<split], as: UTF8.self)
    let stderr = split < size ? String(decoding: raw[(split + 1)...], as: UTF8.self) : ""
    _ = VersionParser.parse(stdout: stdout, stderr: stderr, pattern: nil)
    if !catalogPatterns.isEmpty, size > 0 {
        let pattern = catalogPatterns[Int(data[0]) % catalogPatterns.count]
        _ = VersionParser.parse(stdout: stdout, stderr: stderr, pattern: pattern)
    }

    // The layered reader a scan and `explain` use: a catalog probe's patterns, then the tolerant reader of
    // common shapes with the tool's names; and a probe with no pattern (then the default pattern).
    if !catalogProbes.isEmpty, size > 0 {
        let (probe, names) = catalogProbes[Int(data[size - 1]) % catalogProbes.count]
        _ = VersionReader.read(stdout: stdout, stderr: stderr, probe: probe, toolNames: names)
        _ = VersionReader.read(stdout: stdout, stderr: stderr, probe: Probe(command: probe.command, args: []), toolNames: names)
    }

    // The whole text, and each of its first lines and words, as a version token.
    let text = String(decoding: raw, as: UTF8.self)
    _ = VersionParser.classify(text)
    var versions: [Version] = []
    if let v = Version(text) { versions.append(v) }
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(16) {
        _ = VersionParser.classify(String(line))
        for word in line.split(separator: " ").prefix(8) {
            if let v = Version(String(word)) { versions.append(v) }
        }
    }
    fuzzMetadata(Array(raw))

    // Each line as a version constraint and as a --require value: what parses prints as text that
    // parses back to the same constraint, and judging any version never traps.
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(16) {
        if let constraint = VersionConstraint(parsing: String(line)) {
            check(VersionConstraint(parsing: constraint.description) == constraint, "a constraint does not re-parse: \(constraint)")
            for v in versions.prefix(8) { _ = constraint.explain(v) }
            _ = constraint.minimum
        }
        _ = ToolRequirement(parsing: String(line))?.description
    }

    // Comparison must be a total order consistent with equality and hashing.
    for a in versions.prefix(8) {
        _ = a.description
        check(a == a && !(a < a), "a version is not equal to itself: \(a)")
        for b in versions.prefix(8) {
            let less = a < b, greater = b < a, equal = a == b
            check([less, greater, equal].filter { $0 }.count == 1, "inconsistent comparison: \(a) vs \(b)")
            if equal { check(a.hashValue == b.hashValue, "equal versions hash differently: \(a) vs \(b)") }
        }
    }

    // The bytes as JSON-RPC lines to the MCP server: every answer is one line of JSON.
    for line in raw.split(separator: 0x0A, maxSplits: 8, omittingEmptySubsequences: false) {
        if let reply = mcpServer.handle(data: Data(line)) {
            check(!reply.contains("\n") && (try? JSONParser.parse(reply)) != nil, "the MCP server answered something that is not one line of JSON")
        }
    }
    return 0
}

/// Files held in memory, for the metadata readers (which read through a view and never the disk here).
private struct InMemoryFiles: FileReading {
    var files: [String: [UInt8]]
    var links: [String: String] = [:]
    func readBytes(_ path: String, offset: UInt64, count: Int) -> [UInt8]? {
        guard let path = resolve(path).path, let data = files[path], offset <= UInt64(data.count) else { return nil }
        return Array(data[Int(offset)..<min(data.count, Int(offset) + count)])
    }
    func fileSize(_ path: String) -> UInt64? { resolve(path).path.flatMap { files[$0] }.map { UInt64($0.count) } }
    func folderEntries(_ path: String) -> [String]? {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = Set((Array(files.keys) + Array(links.keys)).filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).split(separator: "/").first ?? "") })
        return names.isEmpty ? nil : names.sorted()
    }
    func linkTarget(_ path: String) -> String? { links[path] }
    var confinesToRoot: Bool { true }
}

/// The bytes as each package metadata format: a Go build-info section inside a minimal ELF file and
/// as module info, a dpkg status file and list, an apk database, a dist-info and a package.json.
private func fuzzMetadata(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = GoBuildInfo.parseModuleInfo(bytes, goVersion: "go1.22.0").releaseVersion
    _ = GoBuildInfo.isPseudoVersion(text)
    _ = GoBuildInfo.linkerWords(text)
    _ = DpkgDatabase.parseStatus(text)
    _ = DpkgDatabase.upstreamVersion(text)
    _ = ApkDatabase(text: text).owner(of: ["/usr/bin/x"])
    _ = ApkDatabase.upstreamVersion(text)
    // The bytes as a whole ELF file, and as the section of a well-formed one.
    var elfSection: [UInt8] = [0xff] + Array(" Go buildinf:".utf8) + [8, bytes.first.map { $0 & 3 } ?? 2] + [UInt8](repeating: 0, count: 16)
    elfSection += bytes
    let view = InMemoryFiles(
        files: [
            "/bin/raw": bytes,
            "/bin/go": minimalELF(section: elfSection),
            "/var/lib/dpkg/status": Array("Package: p\nStatus: install ok installed\nVersion: 1.0-1\n\n".utf8),
            "/var/lib/dpkg/info/p.list": bytes,
            "/venv/bin/tool": Array("#!/venv/bin/python3\n".utf8),
            "/venv/lib/python3.11/site-packages/t-1.dist-info/entry_points.txt": bytes,
            "/venv/lib/python3.11/site-packages/t-1.dist-info/RECORD": bytes,
            "/venv/lib/python3.11/site-packages/t-1.dist-info/METADATA": bytes,
            "/n/node_modules/p/bin/x": [],
            "/n/node_modules/p/package.json": bytes,
        ], links: ["/n/bin/x": "../node_modules/p/bin/x", "/up": "../../" + text.prefix(64)])
    _ = GoBuildInfoReader.read("/bin/raw", view: view)
    _ = GoBuildInfoReader.read("/bin/go", view: view)
    let reader = ToolMetadataReader(view: view)
    _ = reader.sources(for: [("/bin/raw", "raw"), ("/venv/bin/tool", "tool"), ("/n/bin/x", "x"), ("/up", "up")])
}

/// A 64-bit little-endian ELF file with one PT_LOAD segment and a `.go.buildinfo` section.
private func minimalELF(section: [UInt8]) -> [UInt8] {
    func le(_ v: UInt64, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * UInt64($0))) & 0xff) } }
    let base: UInt64 = 0x400000, sectionOffset: UInt64 = 120
    let names: [UInt8] = [0] + Array(".go.buildinfo".utf8) + [0] + Array(".shstrtab".utf8) + [0]
    let namesOffset = sectionOffset + UInt64(section.count)
    let shoff = (namesOffset + UInt64(names.count) + 7) & ~7
    let size = shoff + 192
    var out: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1] + [UInt8](repeating: 0, count: 9)
    out += le(2, 2) + le(62, 2) + le(1, 4) + le(base, 8) + le(64, 8) + le(shoff, 8)
    out += le(0, 4) + le(64, 2) + le(56, 2) + le(1, 2) + le(64, 2) + le(3, 2) + le(2, 2)
    out += le(1, 4) + le(6, 4) + le(0, 8) + le(base, 8) + le(base, 8) + le(size, 8) + le(size, 8) + le(0x1000, 8)
    out += section + names + [UInt8](repeating: 0, count: Int(shoff - namesOffset) - names.count) + [UInt8](repeating: 0, count: 64)
    out += le(1, 4) + le(1, 4) + le(3, 8) + le(base + sectionOffset, 8) + le(sectionOffset, 8) + le(UInt64(section.count), 8) + [UInt8](repeating: 0, count: 24)
    out += le(15, 4) + le(3, 4) + le(0, 16) + le(namesOffset, 8) + le(UInt64(names.count), 8) + [UInt8](repeating: 0, count: 24)
    return out
}
/// An MCP server whose tools check arguments and build argv (promtool's operations, against the
/// read-only policy) without running anything.
private let mcpServer: MCPServer = {
    let operations = (try? BuiltinCatalog.load())?.tools["promtool"]?.operations ?? []
    let guardian = CallGuard(policy: CallPolicy(workingDirectory: "/nonexistent-capaudit-fuzz"))
    let tools = operations.map { op in
        MCPTool(
            name: RegistryEntry.name(tool: "promtool", operation: op.id), description: op.description,
            inputSchema: .object(["type": .string("object")]), annotations: .object([:])
        ) { arguments in
            switch ArgumentChecker.check(arguments, for: op) {
            case .failure(let p): return .invalidParams(p.message)
            case .success(let values):
                do { return .content(text: try guardian.argv(for: op, values: values).joined(separator: " ")) } catch { return .content(text: "\(error)", isError: true) }
            }
        }
    }
    return MCPServer(name: "capaudit", version: "fuzz") { .success(MCPToolSet(tools: tools, withheld: ["x_y": "withheld"])) }
}()

/// Like `precondition`, but prints its message in an optimised build too.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
