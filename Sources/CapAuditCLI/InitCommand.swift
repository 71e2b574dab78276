import CapAuditKit
import Foundation

/// `capaudit init`: write the starter requirements file, never over an existing one without --force.
struct InitCommand: Command {
    static var spec: CommandSpec { Commands.initCommand }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        let path = arguments.value("--output") ?? ProjectConfig.fileName
        if path != OutputFiles.stdoutName && FileManager.default.fileExists(atPath: path) && !arguments.has("--force") {
            throw UsageError.invalidValue(option: "--output", value: path, expected: "a file that does not exist yet (use --force to overwrite it)", command: "init")
        }
        let paths = arguments.all("--catalog")
        let catalog = paths.isEmpty ? try BuiltinCatalog.load() : try CatalogLoader.load(paths: paths)
        var files = OutputFiles()
        files.add(ProjectConfig.starter(catalog: catalog), to: path)
        try files.write(terminal: terminal)
        if path == OutputFiles.stdoutName { return .success }
        terminal.err("capaudit: wrote \(TerminalText.clean(path)); edit it, then run `capaudit scan` (it is found from this folder and its subfolders)")
        return .success
    }
}
