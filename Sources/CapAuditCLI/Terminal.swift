import CapAuditKit
import Foundation
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
final class SystemTerminal: Terminal, @unchecked Sendable {
    private let lock = NSLock()
    private var progressShown = false
    private var signalSources: [DispatchSourceSignal] = []
    let stdoutIsTTY = isatty(1) == 1
    let survivors: SurvivorCollector? = SurvivorCollector()
    /// Why writing the report to stdout failed (a closed pipe, a full disk); the report is then lost
    /// and capaudit must not exit 0. FileHandle.write would trap instead.
    private(set) var stdoutFailure: String?
    let stderrIsTTY = isatty(2) == 1

    func out(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        eraseProgressLocked()
        // Defence in depth behind the renderers: no control but capaudit's own colours reaches stdout.
        let safe = TerminalText.cleanLines(text, keepColor: true)
        if let failure = AtomicFile.writeAll(1, Data(safe.utf8)), stdoutFailure == nil { stdoutFailure = failure }
    }

    func err(_ text: String, newline: Bool) {
        lock.lock(); defer { lock.unlock() }
        eraseProgressLocked()
        let safe = TerminalText.cleanLines(newline && !text.hasSuffix("\n") ? text + "\n" : text, keepColor: true)
        _ = AtomicFile.writeAll(2, Data(safe.utf8))
    }

    private var lastProgress: ScanProgress?
    private var lastProgressAt: DispatchTime = .now()
    private var ticker: DispatchSourceTimer?

    /// One line on stderr, redrawn in place; only on a terminal. Between probe completions a timer
    /// redraws it every half second so the wait on the slowest probe visibly counts up.
    func progress(_ p: ScanProgress) {
        guard stderrIsTTY else { return }
        lock.lock(); defer { lock.unlock() }
        lastProgress = p
        lastProgressAt = .now()
        drawProgressLocked()
        if ticker == nil {
            let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
            timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock(); defer { self.lock.unlock() }
                if self.progressShown { self.drawProgressLocked() }
            }
            timer.resume()
            ticker = timer
        }
    }

    private func drawProgressLocked() {
        guard let p = lastProgress else { return }
        var line = "capaudit: probing \(p.done)/\(p.total)"
        if let slowest = p.slowest {
            let waited = slowest.seconds + Double(DispatchTime.now().uptimeNanoseconds - lastProgressAt.uptimeNanoseconds) / 1e9
            line += String(format: " · waiting for %@ (%.1f s)", slowest.tool, waited)
        }
        _ = AtomicFile.writeAll(2, Data("\r\u{1B}[K\(line)".utf8))
        progressShown = true
    }

    func eraseProgress() {
        lock.lock(); defer { lock.unlock() }
        ticker?.cancel()
        ticker = nil
        lastProgress = nil
        eraseProgressLocked()
    }

    private func eraseProgressLocked() {
        guard progressShown else { return }
        _ = AtomicFile.writeAll(2, Data("\r\u{1B}[K".utf8))
        progressShown = false
    }

    /// Guards `holding`, `pendingSignal`, `committedFiles` and `exiting`; never held across I/O, so the
    /// signal path never waits on a stalled write.
    private let signalLock = NSLock()
    private var holding = false
    private var pendingSignal: Int32?
    private var committedFiles: [String] = []
    private var exiting = false

    /// The signals capaudit stops on, with their exit codes.
    static let stopSignals: [(Int32, ExitCode)] = [(SIGINT, .interrupted), (SIGTERM, .terminated), (SIGHUP, .hangup)]

    /// SIGINT, SIGTERM and SIGHUP kill every running probe group, remove half-written files, and exit
    /// 130, 143 or 129. SIGPIPE is ignored, so a closed stdout is a write error (exit 2), not a death.
    func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        for (signo, _) in Self.stopSignals {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global(qos: .userInitiated))
            source.setEventHandler { [self] in
                signalLock.lock()
                if holding || exiting {
                    // Output files are being renamed: stop right after, so they are all there or none.
                    if pendingSignal == nil { pendingSignal = signo }
                    signalLock.unlock()
                    return
                }
                exiting = true
                let written = committedFiles
                signalLock.unlock()
                stop(on: signo, written: written)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Runs the renames of the output files with the stop signals held off; a signal that arrives
    /// meanwhile takes effect when they are done.
    func holdingInterrupts(_ renames: () -> AtomicFile.Commit) -> AtomicFile.Commit {
        signalLock.lock()
        holding = true
        signalLock.unlock()
        let outcome = renames()
        signalLock.lock()
        holding = false
        committedFiles += outcome.written
        let pending = pendingSignal
        let alreadyExiting = exiting
        if pending != nil { exiting = true }
        let written = committedFiles
        signalLock.unlock()
        if let pending, !alreadyExiting { stop(on: pending, written: written) }
        return outcome
    }

    /// The signal path: nothing here waits on a lock that a write holds, and nothing writes to a
    /// descriptor that is not ready (a stalled pipe on stderr is skipped, not waited for).
    private func stop(on signo: Int32, written: [String]) -> Never {
        survivors?.beginExit() // first: a scan ending now parks instead of writing a report
        ProcessGroupRegistry.shared.killAll()
        // Daemons a probe started with setsid are outside its group; as a subreaper capaudit adopts them
        // when the probe dies, so kill every descendant that is left (bounded: a fraction of a second).
        Subreaper.killDescendants(within: 0.3)
        AtomicFile.removePendingFiles()
        SignalCleanup.shared.removeAll()
        let interruption = Interruption(signal: signo, written: written)
        // Not through `err`: its lock may be held by a write blocked on a stalled stderr or stdout.
        let erase = stderrIsTTY ? "\r\u{1B}[K" : ""
        AtomicFile.writeIfReady(2, Data((erase + interruption.stderrText + "\n").utf8))
        _exit(interruption.exitCode.rawValue)
    }
}
