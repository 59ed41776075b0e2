import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz verify` (swift-nio-ssl) and `cert show host:port` against hostile servers: silence, a
/// drip, a flood of tiny handshake messages and a huge message each end within the time limit
/// (10 s for the handshake, as the wizard uses it) with a clear message and the "unreachable" /
/// "cannot read" exit code, never a hang.
@Suite struct HostileVerifyTests {
    let cli = CertWizProcess()

    @Test(arguments: [HostileServer.Behaviour.silent, .drip, .flood, .hugeRecord])
    func verifyEndsWithinItsLimitWithAClearMessage(_ behaviour: HostileServer.Behaviour) async throws {
        let server = try HostileServer(behaviour)
        defer { server.stop() }
        let result = try await cli.runDetached(["verify", "127.0.0.1:\(server.port)", "--servername", "www.example.co.jp"], bound: 40)
        let took = result.seconds
        #expect(result.status == 3 || result.status == 2, "\(behaviour): \(result.status) \(result.stdout)\(result.stderr)")
        #expect(took < 25, "\(behaviour): \(took) s")
        let said = result.stdout + result.stderr
        #expect(!said.contains("Resource temporarily unavailable"), "\(said)")
        if behaviour == .silent || behaviour == .drip { #expect(said.contains("no answer from 127.0.0.1:\(server.port) in 10 s"), "\(said)") }
    }

    /// How installations fail most often: no TLS on the port, or a server that refuses the
    /// handshake. Both TLS clients say what it means, in both languages, without the TLS library's
    /// own text (error numbers, source paths).
    @Test(arguments: [(HostileServer.Behaviour.plainHTTP, "plain HTTP, not TLS", "平文の HTTP"),
                      (.alertHandshakeFailure, "handshake_failure", "ハンドシェイクを断りました"),
                      (.alertInternalError, "internal_error", "内部のエラー"),
                      (.alertUnrecognizedName, "unrecognized_name", "この名前 (SNI)"),
                      (.hangUp, "the server closed the connection", "サーバが接続を閉じました")])
    func aServerWithoutTLSOrRefusingTheHandshakeIsExplained(_ behaviour: HostileServer.Behaviour, _ english: String, _ japanese: String) async throws {
        let server = try HostileServer(behaviour)
        defer { server.stop() }
        for language in ["en", "ja"] {
            let verify = try await cli.runDetached(["verify", "127.0.0.1:\(server.port)", "--servername", "www.example.co.jp", "--lang", language], bound: 40)
            let show = try await cli.runDetached(["cert", "show", "127.0.0.1:\(server.port)", "--lang", language], bound: 40)
            #expect(verify.status == 3 && show.status == 2, "\(behaviour): \(verify.status) \(show.status)")
            for said in [verify.stdout + verify.stderr, show.stderr] {
                #expect(said.contains(language == "en" ? english : japanese), "\(behaviour) \(language): \(said)")
                #expect(!said.contains(" at /") && !said.contains("OPENSSL_internal") && !said.contains("BoringSSL"), "\(said)")
            }
        }
    }

    /// A name that does not resolve (.invalid never does, RFC 6761): the resolver's words, not NIO's
    /// error types. (Where DNS itself times out, the time limit speaks instead.)
    @Test func aNameThatDoesNotResolveIsSaidInTheResolversWords() async throws {
        let result = try await cli.runDetached(["verify", "certwiz-test.invalid"], bound: 40)
        let said = result.stdout + result.stderr
        #expect(result.status == 3 && !said.contains("SocketAddressError") && !said.contains("NIOConnectionError"), "\(said)")
        if !said.contains("no answer from") { #expect(said.contains("(DNS)"), "\(said)") }
    }

    /// An https:// ACME directory URL pointing at a plain-HTTP service: said so, with what to check.
    @Test func anACMEDirectoryAnsweringInPlainHTTPIsSaidSo() async throws {
        let server = try HostileServer(.plainHTTP)
        defer { server.stop() }
        let result = try await cli.runDetached(["acme", "register", "--directory", "https://127.0.0.1:\(server.port)/dir"], bound: 40)
        #expect(result.status == 1 && result.stderr.contains("answered in plain HTTP, not TLS: check the URL"), "\(result.stderr)")
        #expect(!result.stderr.contains("OPENSSL_internal"), "\(result.stderr)")
    }

    @Test(arguments: [HostileServer.Behaviour.silent, .drip, .flood, .hugeRecord])
    func certShowEndsWithinItsLimitWithAClearMessage(_ behaviour: HostileServer.Behaviour) async throws {
        let server = try HostileServer(behaviour)
        defer { server.stop() }
        let result = try await cli.runDetached(["cert", "show", "127.0.0.1:\(server.port)"], bound: 40)
        let took = result.seconds
        #expect(result.status == 2, "\(behaviour): \(result.status) \(result.stderr)")
        #expect(took < 25, "\(behaviour): \(took) s")
        #expect(!result.stderr.contains("Resource temporarily unavailable"), "\(result.stderr)")
        switch behaviour {
        case .silent, .drip: #expect(result.stderr.contains("timed out after 10 s") || result.stderr.contains("in 10 s"), "\(result.stderr)")
        case .flood, .hugeRecord: #expect(result.stderr.contains("too large"), "\(result.stderr)")
        default: Issue.record("not an argument of this test")
        }
    }
}
