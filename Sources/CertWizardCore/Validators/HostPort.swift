/// `host`, `host:port`, `[v6]:port`, `v6`: what a person types for a server, and what an
/// nginx or Apache `listen` line says. The one parser of these (the certificate fetcher, `verify`
/// and the installation's live check use it); a port is 1-65535.
public struct HostPort: Sendable, Equatable {
    public let host: String
    public let port: Int

    /// `defaultPort` is taken when the text names none; with nil, a port must be given.
    public init?(_ text: String, defaultPort: Int? = 443) {
        var port = defaultPort
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let number = Int(rest.dropFirst()) else { return nil }
                port = number
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = String(text[..<colon])
            guard let number = Int(text[text.index(after: colon)...]) else { return nil }
            port = number
        } else {
            host = text
        }
        guard !host.isEmpty, let port, (1...65535).contains(port) else { return nil }
        self.port = port
    }

    public var isAddress: Bool { host.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" } }
}
