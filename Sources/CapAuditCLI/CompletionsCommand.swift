import CapAuditKit
import Foundation

/// `capaudit completions bash|zsh|fish`: the shell completion script, generated from the command specs.
struct CompletionsCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "completions",
            synopsis: "Print the shell completion script for bash, zsh or fish.",
            summary: "capaudit completions SHELL: the completion script for bash, zsh or fish, generated from capaudit's own command specs.",
            usage: "capaudit completions bash|zsh|fish",
            options: [],
            maxPositionals: 1,
            actions: CompletionScript.Shell.allCases.map(\.rawValue),
            discussion: """
                Commands, options, the fixed values of options (--format, --color, --fail-on, ...) and actions
                complete; so do the built-in catalog's area ids (--area), profiles (--profile) and tool ids
                (explain, catalog show). Install it where your shell looks:
                  bash  capaudit completions bash > ~/.local/share/bash-completion/completions/capaudit
                  zsh   capaudit completions zsh > ~/.zfunc/_capaudit   (with fpath+=(~/.zfunc) before compinit)
                  fish  capaudit completions fish > ~/.config/fish/completions/capaudit.fish
                """,
            examples: [
                "capaudit completions bash > ~/.local/share/bash-completion/completions/capaudit",
                "source <(capaudit completions bash)",
            ])
    }

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        guard let name = arguments.positionals.first, let shell = CompletionScript.Shell(rawValue: name) else {
            throw UsageError.missingArgument("the shell: bash, zsh or fish", command: "completions")
        }
        terminal.out(CompletionScript.render(shell, specs: Commands.all, vocabulary: .builtin()))
        return .success
    }
}
