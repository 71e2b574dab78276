import CapAuditKit
import Foundation

/// `capaudit cache path | info | clear`: the probe cache that `scan --cache` keeps.
struct CacheCommand: Command {
    static let spec = CommandSpec(
        name: "cache",
        synopsis: "Show or empty the probe cache that `scan --cache` keeps.",
        summary: "capaudit cache: the probe cache of `scan --cache`.",
        usage: "capaudit cache path | info | clear",
        options: [],
        maxPositionals: 1,
        actions: ["path", "info", "clear"],
        discussion: """
            `scan --cache` keeps each version command's output, keyed by the identity of the files that decide it
            (device, inode, size, mtime and ctime of the executable, its interpreter, a pyenv shim's target), its
            argv and its environment, in $XDG_CACHE_HOME/capaudit/probes.json (or ~/.cache/capaudit/probes.json).
            Replacing, rewriting or touching a tool invalidates its entry. Shims of other version managers are never
            cached. At most 2000 entries are kept, the most recently used.
            """,
        examples: ["capaudit cache path", "capaudit cache info", "capaudit cache clear"])

    let arguments: ParsedArguments
    let terminal: Terminal

    func run() throws -> ExitCode {
        guard let action = arguments.positionals.first else { throw UsageError.missingArgument("an action: path, info or clear", command: "cache") }
        if arguments.positionals.count > 1 { throw UsageError.unexpectedArgument(arguments.positionals[1], command: "cache") }
        guard let file = ProbeCache.defaultFile(environment: ProcessInfo.processInfo.environment) else {
            throw UsageError.invalidValue(option: "HOME", value: "", expected: "an absolute HOME or XDG_CACHE_HOME, where the cache lives", command: "cache")
        }
        switch action {
        case "path":
            terminal.out(file + "\n")
        case "info":
            let exists = FileManager.default.fileExists(atPath: file)
            let entries = exists ? ProbeCache(file: file).entryCount : 0
            terminal.out("\(file): \(exists ? "\(entries) \(entries == 1 ? "entry" : "entries")" : "no cache yet")\n")
        case "clear":
            try ProbeCache.clear(file: file)
            terminal.out("cleared \(file)\n")
        default:
            let near = nearest(action, in: ["path", "info", "clear"]).map { " (did you mean \($0)?)" } ?? ""
            throw UsageError.invalidValue(option: "action", value: action, expected: "path, info or clear" + near, command: "cache")
        }
        return .success
    }
}
