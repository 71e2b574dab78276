import CapAuditKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Thin entry point: parse, run, print, map errors to the documented exit codes in one place.
let terminal = Terminal()
terminal.installSignalHandlers()
let code = CLI.run(Array(CommandLine.arguments.dropFirst()), terminal: terminal)
exit(code.rawValue)
