// libFuzzer entry for capaudit's parsers: the catalog loader (and with it the JSON parser and the
// catalog validator), the version parser with the default and the catalog's patterns, version
// classification, and `Version` parsing and comparison.
//
// Not part of the SwiftPM package: Tests/fuzz.sh compiles it together with every file under
// Sources/CapAuditKit into one module (so there is no `import CapAuditKit`) with
// `swiftc -sanitize=fuzzer,address -parse-as-library`. It must not spawn processes or write files.
import Foundation

/// The patterns the built-in catalog gives its probes, compiled once; one of them is tried per input.
private let catalogPatterns: [VersionPattern] = {
    guard let catalog = try? BuiltinCatalog.load() else { return [] }
    var seen = Set<String>()
    var out: [VersionPattern] = []
    for tool in catalog.tools.values.sorted(by: { $0.id < $1.id }) {
        for probe in tool.probes {
            for pattern in probe.patterns where seen.insert(pattern.source).inserted { out.append(pattern) }
        }
    }
    return out
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

    // The bytes as a probe's output: stdout up to the first NUL, stderr after it.
    let raw = UnsafeBufferPointer(start: data, count: size)
    let split = raw.firstIndex(of: 0) ?? size
    let stdout = String(decoding: raw[..<split], as: UTF8.self)
    let stderr = split < size ? String(decoding: raw[(split + 1)...], as: UTF8.self) : ""
    _ = VersionParser.parse(stdout: stdout, stderr: stderr, pattern: nil)
    if !catalogPatterns.isEmpty, size > 0 {
        let pattern = catalogPatterns[Int(data[0]) % catalogPatterns.count]
        _ = VersionParser.parse(stdout: stdout, stderr: stderr, pattern: pattern)
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
    return 0
}

/// Like `precondition`, but prints its message in an optimised build too.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
