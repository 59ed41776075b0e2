#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// One HTTP/1.1 exchange over TLS (or plain HTTP for tests of a responder), bounded: an overall
/// time limit and a cap on the body. The server's certificate is verified against the system's
/// store or the anchors given (`--ca-file` for a CA whose HTTPS is not in the system store).
public struct HTTPTransport: Sendable {
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(String, String)]
        public let body: [UInt8]

        public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        public func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
    }

    public enum TransportError: Error, Equatable, Sendable, CustomStringConvertible {
        case badURL(String)
        case unreachable(String)
        case timedOut(String, seconds: Int64)
        case tooLarge(String)
        /// The server answered the TLS ClientHello in plain HTTP: an http:// service at an https:// URL.
        case plainHTTP(String)

        public var description: String {
            switch self {
            case .badURL(let url): return "not an https URL: \(url)"
            case .unreachable(let reason): return reason
            case .timedOut(let url, let seconds): return "no answer from \(url) in \(seconds) s"
            case .tooLarge(let url): return "the answer from \(url) is too large"
            case .plainHTTP(let address): return "\(address) answered in plain HTTP, not TLS"
            }
        }
    }

    /// PEM of extra trust anchors; nil: the system's store.
    public let trustPEM: [UInt8]?
    /// Off only where the question is not the server's certificate (is the seal on a page?).
    public let verifiesCertificates: Bool
    public let timeLimit: Duration
    public static let bodyCap = 4 << 20

    public init(trustPEM: [UInt8]? = nil, verifiesCertificates: Bool = true, timeLimit: Duration = .seconds(30)) {
        self.trustPEM = trustPEM
        self.verifiesCertificates = verifiesCertificates
        self.timeLimit = timeLimit
    }

    public func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Response {
        guard let target = URLParts(url) else { throw TransportError.badURL(url) }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if !verifiesCertificates { tls.certificateVerification = .none }
        if let trustPEM {
            let certificates = try NIOSSLCertificate.fromPEMBytes(trustPEM)
            tls.trustRoots = .certificates(certificates)
        }
        let context = target.secure ? try NIOSSLContext(configuration: tls) : nil
        let group = MultiThreadedEventLoopGroup.singleton
        let done = group.next().makePromise(of: Response.self)
        let firstBytes = FirstBytesSeen()
        defer { done.fail(ChannelError.ioOnClosedChannel) }
        let seconds = timeLimit.components.seconds
        let channel: Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(seconds))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let context {
                            try channel.pipeline.syncOperations.addHandler(firstBytes)
                            let name = target.host.first?.isLetter == true ? target.host : nil
                            try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: name))
                        }
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(ResponseCollector(done: done, cap: Self.bodyCap, url: url))
                    }
                }
                .connect(host: target.host, port: target.port).get()
        } catch {
            throw TransportError.unreachable("\(target.host):\(target.port): \(Self.reason(error))")
        }
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(seconds)) { done.fail(TransportError.timedOut(url, seconds: seconds)) }
        defer {
            timeout.cancel()
            channel.close(promise: nil)
        }
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: target.path)
        head.headers.add(name: "Host", value: target.port == (target.secure ? 443 : 80) ? target.host : "\(target.host):\(target.port)")
        head.headers.add(name: "User-Agent", value: "certwiz")
        head.headers.add(name: "Connection", value: "close")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        if let body { head.headers.add(name: "Content-Length", value: "\(body.count)") }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if let body { channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil) }
        // A failed write (the server hung up, the handshake failed) is reported by the collector with its real reason.
        channel.writeAndFlush(HTTPClientRequestPart.end(nil)).whenFailure { done.fail($0) }
        do { return try await done.futureResult.get() } catch {
            if firstBytes.answeredPlainHTTP { throw TransportError.plainHTTP("\(target.host):\(target.port)") }
            throw error
        }
    }

    /// The system's words for a failed connection ("Connection refused"), not NIO's whole story.
    public static func reason(_ error: Error) -> String {
        if let failure = error as? NIOConnectionError, let first = failure.connectionErrors.first?.error {
            if let io = first as? IOError { return String(cString: strerror(io.errnoCode)) }
            return "\(first)"
        }
        // A name that does not resolve: the resolver's words ("Name or service not known", or
        // "Temporary failure in name resolution" when DNS itself is unreachable).
        let dns = (error as? NIOConnectionError).flatMap { $0.dnsAError ?? $0.dnsAAAAError } ?? error
        if let unknown = dns as? SocketAddressError.UnknownHost { return unknown.errorDescription + " (DNS)" }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }

    struct URLParts {
        let secure: Bool
        let host: String
        let port: Int
        let path: String

        init?(_ url: String) {
            let lower = url.lowercased()
            let rest: Substring
            if lower.hasPrefix("https://") { secure = true; rest = url.dropFirst(8) } else if lower.hasPrefix("http://") { secure = false; rest = url.dropFirst(7) } else { return nil }
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            let pathPart = rest.dropFirst(authority.count)
            path = pathPart.isEmpty ? "/" : String(pathPart)
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                host = String(authority[authority.index(after: authority.startIndex)..<close])
                let after = authority[authority.index(after: close)...]
                port = after.hasPrefix(":") ? Int(after.dropFirst()) ?? -1 : (secure ? 443 : 80)
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                port = Int(authority[authority.index(after: colon)...]) ?? -1
            } else {
                host = String(authority)
                port = secure ? 443 : 80
            }
            if host.isEmpty || !(1...65535).contains(port) { return nil }
        }
    }

    private final class ResponseCollector: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPClientResponsePart
        struct Partial { var head: HTTPResponseHead?; var body: [UInt8] = [] }
        let done: EventLoopPromise<Response>
        let cap: Int
        let url: String
        let partial = Mutex(Partial())

        init(done: EventLoopPromise<Response>, cap: Int, url: String) {
            self.done = done
            self.cap = cap
            self.url = url
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                partial.withLock { $0.head = head }
            case .body(let buffer):
                let over = partial.withLock { state -> Bool in
                    state.body += buffer.readableBytesView
                    return state.body.count > cap
                }
                if over {
                    done.fail(TransportError.tooLarge(url))
                    context.close(promise: nil)
                }
            case .end:
                let state = partial.withLock { $0 }
                guard let head = state.head else { done.fail(ChannelError.eof); return }
                done.succeed(Response(status: Int(head.status.code), headers: head.headers.map { ($0.name, $0.value) }, body: state.body))
                context.close(promise: nil)
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            done.fail(ChannelError.eof)
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            done.fail(error)
            context.close(promise: nil)
        }
    }
}
