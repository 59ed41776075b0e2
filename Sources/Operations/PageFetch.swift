import CertWizardCore
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// One web page, fetched as a browser's first request would be (HTTP/1.0, so the answer is one
/// plain body that ends when the server closes): for checking that the site seal is on a page.
/// Bounded: a time limit and a cap on bytes. Certificates are not judged here (`verify` does that).
enum PageFetch {
    struct Page: Sendable {
        let status: Int
        let body: [UInt8]
    }

    struct Address: Sendable, Equatable {
        let secure: Bool
        let host: String
        let port: Int
        let path: String

        init?(_ url: String) {
            let secure: Bool
            let rest: Substring
            if url.lowercased().hasPrefix("https://") { secure = true; rest = url.dropFirst(8) }
            else if url.lowercased().hasPrefix("http://") { secure = false; rest = url.dropFirst(7) }
            else { return nil }
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            var path = String(rest.dropFirst(authority.count).prefix { $0 != "#" })
            if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
            guard let parsed = HostPort(String(authority), defaultPort: secure ? 443 : 80) else { return nil }
            self.secure = secure
            self.host = parsed.host
            self.port = parsed.port
            self.path = path
        }
    }

    static let cap = 2 << 20

    static func get(_ address: Address, timeLimit: Duration = .seconds(15)) async throws -> Page {
        let group = MultiThreadedEventLoopGroup.singleton
        let done = group.next().makePromise(of: [UInt8].self)
        // Completed on every way out (a second completion is ignored): a promise left open is a crash in NIO.
        defer { done.fail(ChannelError.ioOnClosedChannel) }
        let context: NIOSSLContext? = try address.secure ? {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return try NIOSSLContext(configuration: configuration)
        }() : nil
        let seconds = timeLimit.components.seconds
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(seconds))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let context {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: address.host.first?.isLetter == true ? address.host : nil))
                    }
                    try channel.pipeline.syncOperations.addHandler(Collector(done: done, cap: cap))
                }
            }
            .connect(host: address.host, port: address.port).get()
        let request = "GET \(address.path) HTTP/1.0\r\nHost: \(address.host)\r\nUser-Agent: certwiz\r\nAccept: text/html\r\nConnection: close\r\n\r\n"
        try await channel.writeAndFlush(ByteBuffer(string: request))
        let timeout = channel.eventLoop.scheduleTask(in: .seconds(seconds)) { done.fail(OperationFailure.timedOut(Localized("\(address.host):\(address.port) から \(seconds) 秒で返事がありません", "no answer from \(address.host):\(address.port) in \(seconds) s"))) }
        defer { timeout.cancel(); channel.close(promise: nil) }
        let bytes = try await done.futureResult.get()
        // "HTTP/1.1 200 OK\r\n...\r\n\r\nbody"
        let head = bytes.prefix(4096)
        let statusText = String(decoding: head.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard statusText.count >= 2, let status = Int(statusText[1]) else {
            throw OperationFailure.failed(Localized("\(address.host) の返事は HTTP ではありません", "\(address.host) did not answer in HTTP"))
        }
        var bodyStart = bytes.count
        for index in 0..<max(0, bytes.count - 3) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            bodyStart = index + 4
            break
        }
        return Page(status: status, body: Array(bytes[bodyStart...]))
    }

    /// Gathers what the server sends until it closes (or the cap is reached).
    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let done: EventLoopPromise<[UInt8]>
        let cap: Int
        let received = Mutex<[UInt8]>([])

        init(done: EventLoopPromise<[UInt8]>, cap: Int) {
            self.done = done
            self.cap = cap
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            let full = received.withLock { bytes -> Bool in
                bytes += buffer.readableBytesView.prefix(max(0, cap - bytes.count))
                return bytes.count >= cap
            }
            if full { context.close(promise: nil) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            done.succeed(received.withLock { $0 })
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            // A TLS peer that closes without close_notify has still sent the whole page.
            if let ssl = error as? NIOSSLError, ssl == .uncleanShutdown { return }
            done.fail(error)
            context.close(promise: nil)
        }
    }
}
