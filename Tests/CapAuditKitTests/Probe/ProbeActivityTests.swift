import CapAuditKit
import Foundation
import Testing

@Suite(.serialized) struct ProbeActivityTests {
    func timedOut(_ body: String) throws -> ProbeOutput {
        let dir = try TemporaryFolder()
        let tool = try dir.tool("t", body)
        return ProbeRunner().run(
            ProbeRequest(
                executable: tool, arguments: [], environment: ["PATH": "/usr/bin:/bin"],
                timeout: 1, killGrace: 0.2))
    }

    @Test("a probe still burning CPU at its deadline is called slow, not hung")
    func computing() throws {
        let output = try timedOut("while :; do :; done")
        #expect(output.termination == .timedOut)
        #expect(output.activityAtDeadline == .computing)
    }

    @Test("a probe still printing (but not computing) at its deadline is called slow")
    func printing() throws {
        let output = try timedOut("while :; do echo tick; sleep 0.1; done")
        #expect(output.termination == .timedOut)
        #expect(output.activityAtDeadline == .printing || output.activityAtDeadline == .computing)
        #expect(output.activityAtDeadline != .idle)
    }

    @Test("a probe that neither computes nor prints at its deadline is called hung")
    func idle() throws {
        let output = try timedOut("exec sleep 30")
        #expect(output.termination == .timedOut)
        #expect(output.activityAtDeadline == .idle)
    }

    @Test("the timeout reason carries the activity")
    func reasonSaysWhich() {
        let probe = Probe(command: "t", args: [])
        let lookup = PathLookup(command: "t", candidates: [PathCandidate(entry: "/bin", path: "/bin/t", outcome: .match)])
        let attempt = ProbeAttempt(
            probeIndex: 0, lookup: lookup, argv: ["/bin/t"],
            output: ProbeOutput(termination: .timedOut, durationMs: 5000, activityAtDeadline: .idle))
        let verdict = ProbeJudgement.judge(attempt, probe: probe, constraint: nil).verdict
        #expect(verdict.status == .timeout)
        #expect(verdict.reason.contains("hung"))
        let busy = ProbeAttempt(
            probeIndex: 0, lookup: lookup, argv: ["/bin/t"],
            output: ProbeOutput(termination: .timedOut, durationMs: 5000, activityAtDeadline: .computing))
        #expect(ProbeJudgement.judge(busy, probe: probe, constraint: nil).verdict.reason.contains("raise --timeout"))
    }
}
