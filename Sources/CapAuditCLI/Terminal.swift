import CapAuditKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// stdout, stderr, the progress line and signal handling: the only place that touches the terminal.
final class Terminal: @unchecked Sendable {
    private let lock = NSLock()
    private var progressShown = false
    private var signalSources: [DispatchSourceSignal] = []
    let stdoutIsTTY = isatty(1) == 1
    /// Why writing the report to stdout failed (a closed pipe, a full disk); the report is then lost
    /// and capaudit must not exit 0. FileHandle.write would trap instead.
    private(set) var stdoutFailure: String?
    let stderrIsTTY = isatty(2) == 1

    func out(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        eraseProgressLocked()
        if let failure = AtomicFile.writeAll(1, Data(text.utf8)), stdoutFailure == nil { stdoutFailure = failure }
    }

    func err(_ text: String, newline: Bool = true) {
        lock.lock(); defer { lock.unlock() }
        eraseProgressLocked()
        _ = AtomicFile.writeAll(2, Data((newline && !text.hasSuffix("\n") ? text + "\n" : text).utf8))
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

    /// SIGINT and SIGTERM kill every running probe group, remove half-written files, and exit
    /// 130 or 143.
    func installSignalHandlers() {
        for signo in [SIGINT, SIGTERM] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global(qos: .userInitiated))
            source.setEventHandler { [self] in
                Subreaper.beginExit()  // first: a scan ending now parks instead of writing a report
                ProcessGroupRegistry.shared.killAll()
                // Daemons a probe started with setsid are outside its group; as a subreaper capaudit adopts them
                // when the probe dies, so kill every descendant that is left (bounded: a fraction of a second).
                Subreaper.killDescendants(within: 0.3)
                AtomicFile.removePendingFiles()
                SignalCleanup.shared.removeAll()
                eraseProgress()
                _exit(CLI.report(Interruption(signal: signo), self).rawValue)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
