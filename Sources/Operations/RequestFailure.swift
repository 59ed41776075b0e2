import ACME
import CertWizardCore
import NIOSSL

/// Why an HTTP(S) request (to an ACME CA, to the site a seal goes on) got no answer: the
/// transport's own sentence, a TLS failure explained (an untrusted CA, a port without TLS), or
/// the system's words for a failed connection. Never the TLS library's raw text.
enum RequestFailure {
    static func reason(_ error: Error) -> Localized {
        if case HTTPTransport.TransportError.plainHTTP(let address)? = error as? HTTPTransport.TransportError {
            return Localized("\(address) は TLS ではなく平文の HTTP で応答しました。URL (https:// とポート) を確かめてください",
                             "\(address) answered in plain HTTP, not TLS: check the URL (https:// and the port)")
        }
        if let transport = error as? HTTPTransport.TransportError { return Localized(transport.description, transport.description) }
        if error is NIOSSLError || error is BoringSSLError { return TLSHandshakeFailure.explain(error, firstBytes: []) }
        let text = TLSProbe.reason(error)
        return Localized(text, text)
    }
}
