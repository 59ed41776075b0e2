import NIOCore
import Synchronization

/// Keeps the first bytes a server sends, seen before TLS reads them (put it first in the
/// pipeline): when a handshake fails, they tell a server answering in plain HTTP (`HTTP/1.1 400`)
/// apart from other failures. Used by this module's HTTPS client and by the live TLS check.
public final class FirstBytesSeen: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer
    private let seen = Mutex<[UInt8]>([])
    private static let kept = 8

    public init() {}

    public var bytes: [UInt8] { seen.withLock { $0 } }

    /// Whether the server answered a TLS ClientHello in plain HTTP.
    public var answeredPlainHTTP: Bool { bytes.starts(with: "HTTP/".utf8) }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        seen.withLock { seen in
            guard seen.count < Self.kept else { return }
            seen += buffer.getBytes(at: buffer.readerIndex, length: min(Self.kept - seen.count, buffer.readableBytes)) ?? []
        }
        context.fireChannelRead(data)
    }
}
