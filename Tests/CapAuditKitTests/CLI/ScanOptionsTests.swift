@testable import CapAuditCLI
import CapAuditKit
import Testing

@Suite struct ScanOptionsTests {
    func parse(_ arguments: [String]) throws -> ScanOptions {
        try ScanOptions(parsing: ArgumentParser.parse(arguments, spec: ScanCommand.spec))
    }

    @Test("options not given keep the one default of ScanSettings (5 s timeout, one job per core)")
    func defaults() throws {
        let options = try parse([])
        #expect(options.settings.timeout == 5)
        #expect(options.settings.timeout == ProbeRequest.defaultTimeout)
        #expect(options.settings.jobs == ScanSettings.defaultJobs)
        #expect(options.failOn == nil)
        #expect(options.requirements.isEmpty && options.areaIDs.isEmpty && options.catalogPaths.isEmpty)
        #expect(ScanCommand.spec.option("--timeout")?.help.contains("(default 5;") == true)
        #expect(ScanCommand.spec.option("--jobs")?.help.contains("(default \(ScanSettings.defaultJobs));") == true)
    }

    @Test("every scanning option is read once into its typed field")
    func typed() throws {
        let options = try parse([
            "--timeout", "2.5", "--jobs", "3", "--fail-on", "never", "--require", "gh>=2.40", "--area", "security",
            "--catalog", "x.json", "--config", "c.json", "--no-exec", "--allow-relative-path", "--isolated-home",
        ])
        #expect(options.settings == ScanSettings(timeout: 2.5, timeoutFromUser: true, jobs: 3, noExec: true, allowRelativePath: true, isolatedHome: true))
        #expect(options.failOn == .some(nil))
        #expect(options.requirements == [ToolRequirement(toolID: "gh", minVersion: Version("2.40"))])
        #expect(options.areaIDs == ["security"] && options.catalogPaths == ["x.json"] && options.configFile == "c.json")
    }

    @Test("out-of-range numbers and unknown gate levels are usage errors naming the option")
    func invalid() throws {
        #expect(throws: UsageError.invalidValue(option: "--timeout", value: "0", expected: "a number from 0.1 to 600", command: "scan")) {
            try parse(["--timeout", "0"])
        }
        #expect(throws: UsageError.invalidValue(option: "--jobs", value: "1.5", expected: "an integer from 1 to 64", command: "scan")) {
            try parse(["--jobs", "1.5"])
        }
        #expect(throws: UsageError.invalidChoice(option: "--fail-on", value: "low", choices: ["critical", "high", "medium", "never"], command: "scan")) {
            try parse(["--fail-on", "low"])
        }
    }
}
