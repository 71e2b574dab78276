import CapAuditKit
import Foundation

/// `capaudit man`: the capaudit(1) manual page in roff, generated from the command specs.
struct ManCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "man",
            synopsis: "Print the capaudit(1) manual page (roff).",
            summary: "capaudit man: the manual page, generated from the same specs as `capaudit help`.",
            usage: "capaudit man [--output FILE]",
            options: [OptionSpec("--output", value: "FILE", help: "Write the page to FILE (atomically) instead of stdout.")],
            discussion: "Read it with `capaudit man | man -l -`, or install it: capaudit man --output /usr/local/share/man/man1/capaudit.1",
            examples: ["capaudit man | man -l -", "capaudit man --output ~/.local/share/man/man1/capaudit.1"])
    }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        var files = OutputFiles()
        files.add(ManPage.render(Commands.all), to: arguments.value("--output") ?? OutputFiles.stdoutName)
        try files.write(terminal: terminal)
        return .success
    }
}
