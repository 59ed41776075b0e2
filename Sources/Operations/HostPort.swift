/// `host`, `host:port`, `[v6]:port`, `v6`.
public struct HostPort: Sendable, Equatable {
    public let host: String
    public let port: Int

    public init?(_ text: String, defaultPort: Int = 443) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { port = defaultPort } else if rest.hasPrefix(":"), let number = Int(rest.dropFirst()), (1...65535).contains(number) { port = number } else { return nil }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = String(text[..<colon])
            guard let number = Int(text[text.index(after: colon)...]), (1...65535).contains(number) else { return nil }
            port = number
        } else {
            host = text
            port = defaultPort
        }
        if host.isEmpty { return nil }
    }

    public var isAddress: Bool { host.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" } }
}
