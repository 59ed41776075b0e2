import CertWizardCore
import Foundation
import Operations
import Testing
import TestSupport

@Suite struct ProcessRunnerTests {
    /// Not the limit under test: the test process's 2-thread pool can be held for long stretches by
    /// the CLI suites' blocking waits, and only the limit test may end by the limit.
    static let patient = Duration.seconds(600)

    @Test func argumentsAreAnArrayNeverAShellString() async throws {
        let outcome = try await ProcessRunner(timeLimit: Self.patient).run("printf", ["%s|%s", "a b; echo injected", "$HOME"])
        #expect(outcome.ending == .exited(0) && outcome.succeeded)
        #expect(outcome.outputText == "a b; echo injected|$HOME")
    }

    @Test func outputIsCappedAndTheRestDrainedAndStatusAndErrorAreKept() async throws {
        let runner = ProcessRunner(outputCap: 1_000, timeLimit: Self.patient)
        let outcome = try await runner.run("/bin/sh", ["-c", "head -c 1000000 /dev/zero; echo problem >&2; exit 3"])
        #expect(outcome.ending == .exited(3) && !outcome.succeeded)
        #expect(outcome.standardOutput.count == 1_000 && outcome.outputTruncated)
        #expect(outcome.errorText == "problem\n")
    }

    @Test func aSignalIsReportedAsSuch() async throws {
        let outcome = try await ProcessRunner(timeLimit: Self.patient).run("/bin/sh", ["-c", "kill -TERM $$"])
        #expect(outcome.ending == .signalled(SIGTERM))
    }

    @Test func aProgramThatRunsTooLongIsStoppedAtTheTimeLimit() async throws {
        // `sleep 600` ends on its own only after ten minutes: "timed out" can only be the limit.
        let runner = ProcessRunner(timeLimit: .milliseconds(300))
        await #expect(throws: ProcessRunner.Failure.timedOut(program: "sleep", seconds: 0)) {
            try await runner.run("sleep", ["600"])
        }
    }

    @Test func cancellingTheTaskStopsTheProgram() async throws {
        let folder = TemporaryFolder("certwiz-proc")
        let pidFile = folder.path + "/pid"
        // A program that would run for ten minutes: only the cancel can end it.
        let task = Task { try await ProcessRunner(timeLimit: Self.patient).run("/bin/sh", ["-c", "echo $$ > '\(pidFile)'; exec sleep 600"]) }
        var pid: pid_t?
        for _ in 0..<400 where pid == nil {
            try await Task.sleep(for: .milliseconds(50))
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        let started = try #require(pid, "the program started")
        task.cancel()
        await #expect(throws: ProcessRunner.Failure.cancelled(program: "/bin/sh")) { try await task.value }
        // The runner returns once the program has ended and been reaped: it is gone.
        #expect(kill(started, 0) == -1 && errno == ESRCH, "the program was killed, not left running")
    }

    @Test func aMissingProgramSaysSo() async {
        await #expect(throws: ProcessRunner.Failure.self) { try await ProcessRunner().run("certwiz-no-such-program", []) }
    }
}
