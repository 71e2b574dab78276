import CapAuditKit
import Foundation

/// Every file one command was asked to write, written all or nothing at the end: each goes to its
/// temporary first, and only when all are staged are they renamed, with interrupts held off during
/// the renames. `-` names stdout, which is written last and is not part of the all-or-nothing promise.
struct OutputFiles {
    /// The name that means standard output wherever an output file is named.
    static let stdoutName = "-"

    private var entries: [(path: String, text: String)] = []
    private(set) var stdoutText: String?

    /// Refuses, before any work, two outputs that both go to stdout (`-` twice, or `-` while the
    /// main output already goes there).
    static func checkStdout(_ named: [(option: String, path: String)], mainOutputToStdout: Bool, command: String) throws {
        let dashes = named.filter { $0.path == stdoutName }
        if dashes.count + (mainOutputToStdout ? 1 : 0) > 1 {
            let which = dashes.map { "\($0.option) -" } + (mainOutputToStdout ? ["the report (no --output)"] : [])
            throw UsageError.invalidValue(
                option: dashes.last!.option, value: stdoutName,
                expected: "at most one output on stdout, but \(which.joined(separator: " and ")) all go there; name a file for the others",
                command: command)
        }
    }

    mutating func add(_ text: String, to path: String) {
        if path == Self.stdoutName { stdoutText = (stdoutText ?? "") + text } else { entries.append((path, text)) }
    }

    var isEmpty: Bool { entries.isEmpty && stdoutText == nil }

    /// Writes every file (all or none), then stdout. Returns the paths written; throws
    /// `OutputWriteFailure` saying exactly what was and was not written.
    @discardableResult
    func write(terminal: Terminal) throws -> [String] {
        var staged: [StagedFile] = []
        for entry in entries {
            do {
                staged.append(try AtomicFile.stage(Data(entry.text.utf8), to: entry.path))
            } catch {
                staged.forEach(AtomicFile.discard)
                throw OutputWriteFailure(failure: error, written: [], notWritten: entries.map(\.path))
            }
        }
        let outcome = terminal.holdingInterrupts { AtomicFile.commit(staged) }
        if let failure = outcome.failure {
            throw OutputWriteFailure(failure: failure, written: outcome.written, notWritten: outcome.notWritten)
        }
        if let stdoutText { terminal.out(stdoutText) }
        return outcome.written
    }
}

/// An output file could not be written; says which files were written before it and which were not.
struct OutputWriteFailure: Error, CustomStringConvertible {
    var failure: OutputFileError
    var written: [String]
    var notWritten: [String]

    var description: String {
        var text = failure.description
        if written.isEmpty {
            text += "; no output file was written"
        } else {
            text += "; written: " + written.map(quoted).joined(separator: ", ")
        }
        let others = notWritten.filter { $0 != failure.path }
        if !others.isEmpty { text += "; not written: " + others.map(quoted).joined(separator: ", ") }
        return text
    }
}
