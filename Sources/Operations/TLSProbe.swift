#if canImport(Glibc)
import Glibc
#endif
import ACME
import CertWizardCore
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import Synchronization
import X509

/// A real TLS handshake (BoringSSL through swift-nio-ssl, TLS 1.2 and 1.3) with a live server,
/// to see what it sends: the chain as sent, in the order sent, and the protocol agreed. Nothing
/// is trusted or refused here; `ChainCheck` judges the chain.
public enum TLSProbe {
    public struct Handshake: Sendable {
        public let chain: [Certificate]
        /// "TLS 1.3", "TLS 1.2" ...
        public let protocolVersion: String
    }

    public enum ProbeError: Error, Equatable, Sendable {
        case unreachable(host: String, port: Int, reason: String)
        case handshake(host: String, port: Int, reason: Localized)
        case timedOut(host: String, port: Int, seconds: Int64)

        public var message: Localized {
            switch self {
            case .unreachable(let host, let port, let reason):
                return Localized("\(host):\(port) に接続できません: \(reason)", "cannot connect to \(host):\(port): \(reason)")
            case .handshake(let host, let port, let reason):
                return Localized("\(host):\(port) と TLS で話せません: \(reason.ja)", "no TLS handshake with \(host):\(port): \(reason.en)")
            case .timedOut(let host, let port, let seconds):
                return Localized("\(host):\(port) から \(seconds) 秒応答がありません", "no answer from \(host):\(port) in \(seconds) s")
            }
        }
    }

    /// Connects to `host:port`, says `serverName` in SNI, and returns what the server sent.
    public static func handshake(host: String, port: Int, serverName: String?, timeLimit: Duration = .seconds(10)) async throws(ProbeError) -> Handshake {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .none  // judged by ChainCheck, with the applicant's anchors
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: configuration) } catch {
            throw .handshake(host: host, port: port, reason: TLSHandshakeFailure.explain(error, firstBytes: []))
        }
        let seconds = timeLimit.components.seconds
        let group = MultiThreadedEventLoopGroup.singleton
        let captured = SentChain(), firstBytes = FirstBytesSeen()
        let sni = serverName.flatMap { name in name.isEmpty || name.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) ? nil : name }
        let done = group.next().makePromise(of: String.self)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(seconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(firstBytes)
                    let handler = try NIOSSLClientHandler(context: context, serverHostname: sni) { certificates, promise in
                        captured.certificates.withLock { $0 = certificates }
                        promise.succeed(.certificateVerified)
                    }
                    try channel.pipeline.syncOperations.addHandler(handler)
                    try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(done: done))
                }
            }
        let channel: Channel
        do { channel = try await bootstrap.connect(host: host, port: port).get() } catch {
            done.fail(error)
            if case ChannelError.connectTimeout = error { throw .timedOut(host: host, port: port, seconds: seconds) }
            throw .unreachable(host: host, port: port, reason: reason(error))
        }
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(seconds)) { done.fail(ProbeTimeout()) }
        let version: String
        do {
            version = try await done.futureResult.get()
        } catch is ProbeTimeout {
            channel.close(promise: nil)
            throw .timedOut(host: host, port: port, seconds: seconds)
        } catch {
            timeout.cancel()
            channel.close(promise: nil)
            throw .handshake(host: host, port: port, reason: TLSHandshakeFailure.explain(error, firstBytes: firstBytes.bytes))
        }
        timeout.cancel()
        channel.close(promise: nil)
        let chain = captured.certificates.withLock { $0 }.compactMap { try? Certificate(derEncoded: $0.toDERBytes()) }
        return Handshake(chain: chain, protocolVersion: version)
    }

    private struct ProbeTimeout: Error {}

    /// The system's words for a failed connection ("Connection refused"), not NIO's whole story.
    static func reason(_ error: Error) -> String { HTTPTransport.reason(error) }

    /// The certificates as the server sent them, captured from the verification callback.
    private final class SentChain: Sendable {
        let certificates = Mutex<[NIOSSLCertificate]>([])
    }

    /// Completes when the handshake does, with the protocol version agreed.
    private final class HandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
        typealias InboundIn = Any
        let done: EventLoopPromise<String>

        init(done: EventLoopPromise<String>) { self.done = done }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case TLSUserEvent.handshakeCompleted = event {
                let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self)
                done.succeed(handler?.tlsVersion.map(TLSProbe.name) ?? "TLS")
            }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            done.fail(error)
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            done.fail(ChannelError.eof)
            context.fireChannelInactive()
        }
    }

    static func name(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv13: return "TLS 1.3"
        case .tlsv12: return "TLS 1.2"
        case .tlsv11: return "TLS 1.1"
        case .tlsv1: return "TLS 1.0"
        }
    }
}
