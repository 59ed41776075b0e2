import CertWizardCore
import Foundation
import Testing
import TestSupport
@testable import CertWizardPKI

/// Reading a server's chain ends in bounded time whatever the server does: silent, dripping a
/// byte at a time, flooding tiny handshake messages, or announcing a huge message. Each ends
/// within the deadline with a clear message (the bounds here are the test's own short ones).
@Suite(.serialized) struct HostileServerTests {
    func fetch(_ server: HostileServer) -> (TLSCertificateFetcher.FetchError?, Duration) {
        let start = ContinuousClock.now
        do {
            _ = try TLSCertificateFetcher.fetch("127.0.0.1:\(server.port)", timeoutSeconds: 2, deadlineSeconds: 4)
            return (nil, ContinuousClock.now - start)
        } catch {
            return (error, ContinuousClock.now - start)
        }
    }

    @Test func aSilentServerTimesOutAfterTheReadLimit() throws {
        let server = try HostileServer(.silent)
        defer { server.stop() }
        let (error, took) = fetch(server)
        #expect(error == .timedOut(seconds: 2) && took < .seconds(6), "\(String(describing: error)) \(took)")
        #expect(error?.message.en == "timed out after 2 s (the server does not answer, or too slowly)")
    }

    @Test func aDrippingServerIsCutOffAtTheOverallDeadline() throws {
        let server = try HostileServer(.drip)
        defer { server.stop() }
        let (error, took) = fetch(server)
        #expect(error == .timedOut(seconds: 4) && took < .seconds(7), "\(String(describing: error)) \(took)")
    }

    @Test func aFloodOfTinyHandshakeMessagesIsCappedAndLinear() throws {
        let server = try HostileServer(.flood)
        defer { server.stop() }
        let (error, took) = fetch(server)
        guard case .tooLarge? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(took < .seconds(4), "\(took)")
        #expect(error?.message.en.contains("too large") == true)
    }

    /// What went wrong in the reply is said in the reader's language, not in English inside Japanese.
    @Test(arguments: [(HostileServer.Behaviour.hangUp, "サーバが接続を閉じました", "the server closed the connection"),
                      (.emptyChain, "サーバが証明書を送ってきません", "the server sent no certificate")])
    func aBrokenReplyIsNamedInBothLanguages(_ behaviour: HostileServer.Behaviour, _ ja: String, _ en: String) throws {
        let server = try HostileServer(behaviour)
        defer { server.stop() }
        let (error, _) = fetch(server)
        guard case .protocolError? = error, let message = error?.message else { Issue.record("\(String(describing: error))"); return }
        #expect(message.ja == "TLS の応答を読めません: " + ja && message.en == "cannot read the TLS reply: " + en, "\(message)")
    }

    @Test func aHugeAnnouncedMessageIsCapped() throws {
        let server = try HostileServer(.hugeRecord)
        defer { server.stop() }
        let (error, took) = fetch(server)
        guard case .tooLarge? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(took < .seconds(4), "\(took)")
    }
}
