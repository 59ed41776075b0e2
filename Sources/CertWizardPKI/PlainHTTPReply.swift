import CertWizardCore

/// A reply to a TLS ClientHello in plain HTTP ("HTTP/1.1 400 Bad Request"): the server listens on
/// the port without TLS, the most common way an installation fails (nginx's `listen 443;` without
/// `ssl`, Apache's `<VirtualHost *:443>` without `SSLEngine on`). Both TLS clients (the chain
/// fetcher and the live check) tell it apart by the reply's first bytes and say so.
public enum PlainHTTPReply {
    public static func matches(_ firstBytes: some Collection<UInt8>) -> Bool {
        firstBytes.starts(with: "HTTP/".utf8)
    }

    public static let message = Localized(
        "TLS ではなく平文の HTTP で応答がありました。このポートで TLS が有効になっていません (nginx は listen … ssl;、Apache は SSLEngine on)",
        "the server answered in plain HTTP, not TLS: TLS is not on for this port (nginx: listen … ssl;  Apache: SSLEngine on)")
}
