import CapAuditKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Thin entry point: parse, run, print, map errors to the documented exit codes in one place.
let terminal = Terminal()
terminal.installSignalHandlers()
var code = CLI.run(Array(CommandLine.arguments.dropFirst()), terminal: terminal)
if let failure = terminal.stdoutFailure {
    terminal.err("error: cannot write to standard output: \(failure)\nhelp: the report was not delivered; use --output FILE")
    code = .usage
}
exit(code.rawValue)
