import CertWizardCore
import Foundation
@testable import Operations
import Testing
import TestSupport

/// An operation that waits (on a blocked thread, as a silent socket would) and then writes a
/// marker file through the commit gate: what a cancel or a time-out must leave unwritten.
struct SlowWrite: Operations.Operation {
    let marker: String
    let wait: Duration
    var limit: Duration = .seconds(30)
    var title: Localized { Localized("待っています", "Waiting") }
    var timeLimit: Duration { limit }

    func run(_ context: OperationContext) async throws -> CSRLoaded {
        let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
        try await context.blocking { Thread.sleep(forTimeInterval: seconds) }
        try context.commit { FileManager.default.createFile(atPath: marker, contents: Data("written".utf8)) }
        return CSRLoaded(path: marker, pem: "pem")
    }
}

@Suite struct OperationRunnerTests {
    let temporary = TemporaryFolder("certwiz-ops")
    var folder: String { temporary.path }

    @Test func aFinishedOperationHandsOverItsResult() throws {
        let result = OperationRunner.wait(SlowWrite(marker: folder + "/done", wait: .milliseconds(10)))
        #expect(try result.get() == CSRLoaded(path: folder + "/done", pem: "pem"))
        #expect(FileManager.default.fileExists(atPath: folder + "/done"))
    }

    @Test func cancelReturnsAtOnceAndWritesNothing() throws {
        let marker = folder + "/cancelled"
        let running = OperationRunner.start(SlowWrite(marker: marker, wait: .seconds(2)))
        Thread.sleep(forTimeInterval: 0.1)
        let asked = ContinuousClock.now
        #expect(running.cancel())
        #expect(running.wait() == .failure(.cancelled))
        // Back before the abandoned work (2 s) has ended.
        #expect(ContinuousClock.now - asked < .milliseconds(1_500))
        // The abandoned work ends later; its write is refused by the gate.
        Thread.sleep(forTimeInterval: 2.2)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func aTimeLimitStopsItWithItsOwnMessage() throws {
        let marker = folder + "/late"
        let started = ContinuousClock.now
        let result = OperationRunner.wait(SlowWrite(marker: marker, wait: .seconds(5), limit: .milliseconds(300)))
        #expect(result == .failure(.timedOut(Localized("待っています: 0 秒で終わりませんでした", "Waiting: not done in 0 s"))))
        #expect(ContinuousClock.now - started < .seconds(4), "stopped by the limit, not by the 5 s of work")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func aSilentServerTimesOutWithTheHostInTheMessage() throws {
        let listener = try SilentTCPPort()
        let result = OperationRunner.wait(ReadCertificate(source: "127.0.0.1:\(listener.port)", replacingCommonName: true, seconds: 1))
        // The fetcher's own deadline ends it first, in its words; the operation's limit is the backstop.
        #expect(result.map(\.leaf) == .failure(.unreadable(Localized(
            "127.0.0.1:\(listener.port): 1 秒で時間切れになりました (サーバが答えないか、遅すぎます)",
            "127.0.0.1:\(listener.port): timed out after 1 s (the server does not answer, or too slowly)"))))
    }
}
