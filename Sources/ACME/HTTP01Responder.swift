import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The `http-01` answer served by certwiz itself: `GET /.well-known/acme-challenge/TOKEN` gives
/// the key authorization, anything else 404. Runs only while an order is being validated.
public final class HTTP01Responder: Sendable {
    private let channel: Channel

    /// Listens on `host:port` (port 80 by default for a real CA; a high port in tests).
    public static func start(host: String = "0.0.0.0", port: Int) async throws -> HTTP01Responder {
        let answers = Answers()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(answers: answers))
                }
            }
            .bind(host: host, port: port).get()
        return HTTP01Responder(channel: channel, answers: answers)
    }

    private let shared: Answers

    private init(channel: Channel, answers: Answers) {
        self.channel = channel
        self.shared = answers
    }

    public func serve(token: String, keyAuthorization: String) { shared.map.withLock { $0[token] = keyAuthorization } }

    public func stop() async { try? await channel.close() }

    final class Answers: Sendable { let map = Mutex<[String: String]>([:]) }

    private final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let answers: Answers
        let path = Mutex<String?>(nil)

        init(answers: Answers) { self.answers = answers }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): path.withLock { $0 = head.uri }
            case .body: break
            case .end:
                let uri = path.withLock { $0 } ?? ""
                let prefix = "/.well-known/acme-challenge/"
                let answer = uri.hasPrefix(prefix) ? answers.map.withLock { $0[String(uri.dropFirst(prefix.count))] } : nil
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/octet-stream")
                let body = answer ?? "not found"
                headers.add(name: "Content-Length", value: "\(body.utf8.count)")
                headers.add(name: "Connection", value: "close")
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: answer == nil ? .notFound : .ok, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                // Connection: close, so the client reads to the end; the channel closes once the answer is out.
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}
