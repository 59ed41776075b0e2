#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import X509

/// Reads the certificate chain a TLS server presents, as `openssl s_client -tls1_2` shows it,
/// without completing the handshake: TLS 1.2 sends the Certificate message before any key
/// exchange, in the clear. The chain is read whatever its validity; checks are reported by
/// the caller, never fatal. A server that speaks only TLS 1.3 is reported as such.
public enum TLSCertificateFetcher {
    public enum FetchError: Error, Equatable, Sendable {
        case badAddress(String)
        case connect(String)
        case alert(UInt8)
        /// What in the reply could not be read, in both languages (a system error text is the same in both).
        case protocolError(Localized)
        case timedOut(seconds: Int)
        case tooLarge(bytes: Int)
        /// The server answered in plain HTTP: no TLS on the port.
        case plainHTTP

        public var message: Localized {
            switch self {
            case .badAddress(let text):
                return Localized("「\(text)」は host:port の形ではありません (例: www.example.co.jp:443)", "'\(text)' is not host:port (e.g. www.example.co.jp:443)")
            case .connect(let reason):
                return Localized("接続できません: \(reason)", "cannot connect: \(reason)")
            case .alert(70):
                return Localized("サーバは TLS 1.2 を受け付けません (TLS 1.3 のみ)。証明書ファイルを指定してください",
                                 "the server does not accept TLS 1.2 (TLS 1.3 only): give the certificate file instead")
            case .alert(let code):
                return TLSAlert.meaning(code)
            case .protocolError(let what):
                return Localized("TLS の応答を読めません: \(what.ja)", "cannot read the TLS reply: \(what.en)")
            case .timedOut(let seconds):
                return Localized("\(seconds) 秒で時間切れになりました (サーバが答えないか、遅すぎます)", "timed out after \(seconds) s (the server does not answer, or too slowly)")
            case .plainHTTP:
                return PlainHTTPReply.message
            case .tooLarge(let bytes):
                return Localized("サーバの送ったハンドシェイクが大きすぎます (\(bytes) バイト以上、証明書は見つかりません)",
                                 "the server's handshake is too large (\(bytes) bytes or more without a certificate)")
            }
        }
    }

    /// Splits `host:port` (`[::1]:443` too); the port defaults to 443.
    public static func parse(_ address: String) throws(FetchError) -> (host: String, port: UInt16) {
        guard let parsed = HostPort(address), let port = UInt16(exactly: parsed.port) else { throw .badAddress(address) }
        return (parsed.host, port)
    }

    /// No real server's handshake up to its Certificate message comes near this.
    public static let handshakeLimit = 1 << 20

    /// The chain `address` sends. `timeoutSeconds` bounds each wait for data, `deadlineSeconds` the
    /// whole exchange (a server dripping a byte at a time cannot hold certwiz longer), and
    /// `handshakeLimit` the bytes read; the handshake is parsed once, in linear time.
    public static func fetch(_ address: String, timeoutSeconds: Int = 10, deadlineSeconds: Int = 30) throws(FetchError) -> [Certificate] {
        let (host, port) = try parse(address)
        let deadline = Deadline(seconds: deadlineSeconds, perRead: timeoutSeconds)
        let fd = try connect(host: host, port: port, timeoutSeconds: min(timeoutSeconds, deadlineSeconds))
        defer { close(fd) }
        let isIP = host.contains(":") || host.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        let hello = clientHello(serverName: isIP ? nil : host)
        guard hello.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == hello.count else {
            throw .connect(String(cString: strerror(errno)))
        }
        var handshake: [UInt8] = []
        var total = 0
        // Where the next handshake message starts: each byte is looked at once, however the
        // server splits its messages over records (a flood of 4-byte messages stays linear).
        var offset = 0
        while true {
            let header = try readExactly(fd, 5, deadline)
            // "HTTP/" read as a record header announces 20 KB of a record type that does not exist.
            if PlainHTTPReply.matches(header) { throw .plainHTTP }
            let length = Int(header[3]) << 8 | Int(header[4])
            let body = try readExactly(fd, length, deadline)
            total += 5 + length
            guard total <= handshakeLimit else { throw .tooLarge(bytes: total) }
            switch header[0] {
            case 21: throw .alert(body.count > 1 ? body[1] : 0)
            case 22: handshake += body
            default: throw .protocolError(Localized("TLS レコードの種類 \(header[0]) は想定外です", "record type \(header[0])"))
            }
            // Handshake messages: type (1), length (3), body.
            while handshake.count - offset >= 4 {
                let type = handshake[offset]
                let size = Int(handshake[offset + 1]) << 16 | Int(handshake[offset + 2]) << 8 | Int(handshake[offset + 3])
                guard handshake.count - offset - 4 >= size else { break }
                let message = Array(handshake[(offset + 4)..<(offset + 4 + size)])
                if type == 11 { return try certificates(in: message) }
                if type == 14 { throw .protocolError(Localized("証明書のメッセージがありません (匿名のサーバ)", "no Certificate message (anonymous server)")) }
                offset += 4 + size
            }
            // Drop what was read, now and then, so the buffer holds only the unfinished message.
            if offset > 65_536 {
                handshake.removeFirst(offset)
                offset = 0
            }
        }
    }

    /// The time left for the whole exchange, and the longest single wait.
    struct Deadline {
        let seconds: Int
        let perRead: Int
        let end: ContinuousClock.Instant

        init(seconds: Int, perRead: Int) {
            self.seconds = seconds
            self.perRead = perRead
            end = .now + .seconds(seconds)
        }

        /// Milliseconds to wait for the next bytes, or the time-out that has come.
        func wait() throws(FetchError) -> Int32 {
            let left = end - .now
            guard left > .zero else { throw .timedOut(seconds: seconds) }
            let (whole, attoseconds) = left.components
            let leftMilliseconds = Int(whole) * 1000 + Int(attoseconds / 1_000_000_000_000_000) + 1
            return Int32(min(leftMilliseconds, perRead * 1000))
        }
    }

    private static func certificates(in message: [UInt8]) throws(FetchError) -> [Certificate] {
        guard message.count >= 3 else { throw .protocolError(Localized("証明書のメッセージが短すぎます", "short Certificate message")) }
        var offset = 3
        var chain: [Certificate] = []
        while offset + 3 <= message.count {
            let size = Int(message[offset]) << 16 | Int(message[offset + 1]) << 8 | Int(message[offset + 2])
            offset += 3
            guard offset + size <= message.count else { throw .protocolError(Localized("証明書が途中で切れています", "truncated certificate")) }
            do { chain.append(try Certificate(derEncoded: Array(message[offset..<(offset + size)]))) } catch {
                throw .protocolError(Localized("チェーンの証明書が読めません", "a certificate in the chain does not parse"))
            }
            offset += size
        }
        guard !chain.isEmpty else { throw .protocolError(Localized("サーバが証明書を送ってきません", "the server sent no certificate")) }
        return chain
    }

    private static func connect(host: String, port: UInt16, timeoutSeconds: Int) throws(FetchError) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else { throw .connect(String(cString: gai_strerror(status))) }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                // A connect cut short by the send time-out says "in progress": it timed out.
                if errno == EINPROGRESS || errno == EAGAIN || errno == ETIMEDOUT {
                    close(fd)
                    throw .timedOut(seconds: timeoutSeconds)
                }
                lastError = String(cString: strerror(errno))
                close(fd)
            }
            entry = info.pointee.ai_next
        }
        throw .connect(lastError)
    }

    private static func readExactly(_ fd: Int32, _ count: Int, _ deadline: Deadline) throws(FetchError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            // Wait no longer than the deadline allows, and no longer than one read may take.
            let wait = try deadline.wait()
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, wait)
            if polled < 0 && errno == EINTR { continue }
            if polled == 0 { throw .timedOut(seconds: wait >= Int32(deadline.perRead * 1000) ? deadline.perRead : deadline.seconds) }
            let n = buffer[got...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n == 0 { throw .protocolError(Localized("サーバが接続を閉じました", "the server closed the connection")) }
            if n < 0 {
                let system = String(cString: strerror(errno))  // the system's text, the same in both
                throw .protocolError(Localized(system, system))
            }
            got += n
        }
        return buffer
    }

    /// A TLS 1.2 ClientHello with SNI and the usual suites, groups and signature algorithms.
    static func clientHello(serverName: String?) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u24(_ v: Int) -> [UInt8] { [UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func ext(_ type: Int, _ data: [UInt8]) -> [UInt8] { u16(type) + u16(data.count) + data }
        let suites = [0xC02F, 0xC02B, 0xC030, 0xC02C, 0xCCA8, 0xCCA9, 0xC013, 0xC009, 0xC014, 0xC00A, 0x009C, 0x009D, 0x002F, 0x0035]
        var extensions: [UInt8] = []
        if let serverName {
            let name = Array(serverName.utf8)
            let entry = [0] + u16(name.count) + name
            extensions += ext(0x0000, u16(entry.count) + entry)
        }
        extensions += ext(0x000A, u16(6) + u16(0x001D) + u16(0x0017) + u16(0x0018))
        extensions += ext(0x000B, [1, 0])
        let algorithms = [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0201, 0x0203]
        extensions += ext(0x000D, u16(algorithms.count * 2) + algorithms.flatMap(u16))
        var body: [UInt8] = [3, 3] + (0..<32).map { _ in UInt8.random(in: 0...255) } + [0]
        body += u16(suites.count * 2) + suites.flatMap(u16) + [1, 0] + u16(extensions.count) + extensions
        let handshake = [1] + u24(body.count) + body
        return [22, 3, 1] + u16(handshake.count) + handshake
    }
}
