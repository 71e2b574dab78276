import CapAuditKit
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where a command's output goes: the report on stdout, messages on stderr, and the progress line.
/// Commands see only this, so tests run them in-process with a terminal that records.
protocol Terminal: AnyObject, Sendable {
    /// True when stdout is a terminal (colour and symbols, the summary line after `--output`).
    var stdoutIsTTY: Bool { get }
    func out(_ text: String)
    /// Writes `text` to stderr, with a newline unless `newline` is false or it already ends in one.
    func err(_ text: String, newline: Bool)
    func progress(_ p: ScanProgress)
    func eraseProgress()
    /// The process's survivor collector (a subreaper) when this is the real process; nil in-process,
    /// where a scan must not adopt or kill children it did not start.
    var survivors: SurvivorCollector? { get }
    /// Runs the renames of the output files with the stop signals held off (see `SystemTerminal`).
    func holdingInterrupts(_ renames: () -> AtomicFile.Commit) -> AtomicFile.Commit
}

extension Terminal {
    func err(_ text: String) { err(text, newline: true) }
    var survivors: SurvivorCollector? { nil }
    /// In-process there are no signal handlers to hold off.
    func holdingInterrupts(_ renames: () -> AtomicFile.Commit) -> AtomicFile.Commit { renames() }
}

/// The process's own stdout and stderr, the progress line and signal handling: the only place that
/// touches the real terminal.
///
/// Two locks, never nested: `output` is held across each write to stdout or stderr (so that lines and the
/// progress line do not interleave) and so may wait as long as a stalled pipe does; `signals` is never held
/// across I/O, and the signal path takes only `signals`, so it never waits on a blocked write.
final class SystemTerminal: Terminal, Sendable {
    /// What the writers share: the progress line and the first stdout failure.
    private struct Output {
        var progressShown = false
        var lastProgress: ScanProgress?
        var lastProgressAt: DispatchTime = .now()
        var ticker: DispatchSourceTimer?
        var stdoutFailure: String?
    }
    /// What the signal path shares with `holdingInterrupts`.
    private struct Signals {
        var sources: [DispatchSourceSignal] = []
        var holding = false
        var pendingSignal: Int32?
        var committedFiles: [String] = []
        var exiting = false
    }
    private let output = Mutex(Output())
    private let signals = Mutex(Signals())
    let stdoutIsTTY = isatty(1) == 1
    let stderrIsTTY = isatty(2) == 1
    let survivors: SurvivorCollector?
    /// The probe groups the signal path kills.
    private let registry: ProcessGroupRegistry
    /// The folders the signal path deletes.
    private let cleanup: SignalCleanup

    init(registry: ProcessGroupRegistry = .shared, cleanup: SignalCleanup = .shared) {
        self.registry = registry
        self.cleanup = cleanup
        survivors = SurvivorCollector(registry: registry)
    }

    /// Why writing the report to stdout failed (a closed pipe, a full disk); the report is then lost
    /// and capaudit must not exit 0. FileHandle.write would trap instead.
    var stdoutFailure: String? { output.withLock { $0.stdoutFailure } }

    func out(_ text: String) {
        output.withLock { output in
            Self.eraseProgress(&output)
            // Defence in depth behind the renderers: no control but capaudit's own colours reaches stdout.
            let safe = TerminalText.cleanLines(text, keepColor: true)
            if let failure = AtomicFile.writeAll(1, Data(safe.utf8)), output.stdoutFailure == nil { output.stdoutFailure = failure }
        }
    }

    func err(_ text: String, newline: Bool) {
        output.withLock { output in
            Self.eraseProgress(&output)
            let safe = TerminalText.cleanLines(newline && !text.hasSuffix("\n") ? text + "\n" : text, keepColor: true)
            _ = AtomicFile.writeAll(2, Data(safe.utf8))
        }
    }

    /// One line on stderr, redrawn in place; only on a terminal. Between probe completions a timer
    /// redraws it every half second so the wait on the slowest probe visibly counts up.
    func progress(_ p: ScanProgress) {
        guard stderrIsTTY else { return }
        output.withLock { output in
            output.lastProgress = p
            output.lastProgressAt = .now()
            Self.drawProgress(&output)
            if output.ticker == nil {
                let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
                timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
                timer.setEventHandler { [weak self] in
                    self?.output.withLock { output in
                        if output.progressShown { Self.drawProgress(&output) }
                    }
                }
                timer.resume()
                output.ticker = timer
            }
        }
    }

    private static func drawProgress(_ output: inout Output) {
        guard let p = output.lastProgress else { return }
        var line = "capaudit: probing \(p.done)/\(p.total)"
        if let slowest = p.slowest {
            let waited = slowest.seconds + Double(DispatchTime.now().uptimeNanoseconds - output.lastProgressAt.uptimeNanoseconds) / 1e9
            line += String(format: " · waiting for %@ (%.1f s)", slowest.tool, waited)
        }
        _ = AtomicFile.writeAll(2, Data("\r\u{1B}[K\(line)".utf8))
        output.progressShown = true
    }

    func eraseProgress() {
        output.withLock { output in
            output.ticker?.cancel()
            output.ticker = nil
            output.lastProgress = nil
            Self.eraseProgress(&output)
        }
    }

    private static func eraseProgress(_ output: inout Output) {
        guard output.progressShown else { return }
        _ = AtomicFile.writeAll(2, Data("\r\u{1B}[K".utf8))
        output.progressShown = false
    }

    /// The signals capaudit stops on, with their exit codes.
    static let stopSignals: [(Int32, ExitCode)] = [(SIGINT, .interrupted), (SIGTERM, .terminated), (SIGHUP, .hangup)]

    /// SIGINT, SIGTERM and SIGHUP kill every running probe group, remove half-written files, and exit
    /// 130, 143 or 129. SIGPIPE is ignored, so a closed stdout is a write error (exit 2), not a death.
    func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        // The sources are made under the lock, which keeps them (a handler that fires meanwhile waits a moment).
        signals.withLock { signals in
            for (signo, _) in Self.stopSignals {
                signal(signo, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signo, queue: .global(qos: .userInitiated))
                source.setEventHandler { [self] in stopOrDefer(signo) }
                source.resume()
                signals.sources.append(source)
            }
        }
    }

    /// A stop signal arrived: stop now, or once the output files are renamed.
    private func stopOrDefer(_ signo: Int32) {
        let written: [String]? = signals.withLock { signals in
            if signals.holding || signals.exiting {
                // Output files are being renamed: stop right after, so they are all there or none.
                if signals.pendingSignal == nil { signals.pendingSignal = signo }
                return nil
            }
            signals.exiting = true
            return signals.committedFiles
        }
        if let written { stop(on: signo, written: written) }
    }

    /// Runs the renames of the output files with the stop signals held off; a signal that arrives
    /// meanwhile takes effect when they are done.
    func holdingInterrupts(_ renames: () -> AtomicFile.Commit) -> AtomicFile.Commit {
        signals.withLock { $0.holding = true }
        let outcome = renames()
        let (pending, written): (Int32?, [String]) = signals.withLock { signals in
            signals.holding = false
            signals.committedFiles += outcome.written
            let pending = signals.pendingSignal
            let alreadyExiting = signals.exiting
            if pending != nil { signals.exiting = true }
            return (alreadyExiting ? nil : pending, signals.committedFiles)
        }
        if let pending { stop(on: pending, written: written) }
        return outcome
    }

    /// The signal path: nothing here waits on a lock that a write holds, and nothing writes to a
    /// descriptor that is not ready (a stalled pipe on stderr is skipped, not waited for).
    private func stop(on signo: Int32, written: [String]) -> Never {
        survivors?.beginExit() // first: a scan ending now parks instead of writing a report
        registry.killAll()
        // Daemons a probe started with setsid are outside its group; as a subreaper capaudit adopts them
        // when the probe dies, so kill every descendant that is left (bounded: a fraction of a second).
        Subreaper.killDescendants(within: 0.3)
        AtomicFile.removePendingFiles()
        cleanup.removeAll()
        let interruption = Interruption(signal: signo, written: written)
        // Not through `err`: its lock may be held by a write blocked on a stalled stderr or stdout.
        let erase = stderrIsTTY ? "\r\u{1B}[K" : ""
        AtomicFile.writeIfReady(2, Data((erase + interruption.stderrText + "\n").utf8))
        _exit(interruption.exitCode.rawValue)
    }
}
