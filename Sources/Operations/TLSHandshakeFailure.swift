import CertWizardCore
import CertWizardPKI

/// What a failed TLS handshake most likely means, in words an administrator can act on. The
/// library's text (`handshakeFailed(...WRONG_VERSION_NUMBER at /path/to/tls_record.cc:127)`)
/// says nothing to most people; its reason code is kept at the end, for searching, and its
/// source path and error number are not.
enum TLSHandshakeFailure {
    /// `firstBytes`: what the server sent first, before TLS read it.
    static func explain(_ error: Error, firstBytes: [UInt8]) -> Localized {
        // The most common mistake of all: TLS not turned on for the port, the server answering
        // the ClientHello with an HTTP error page.
        if PlainHTTPReply.matches(firstBytes) { return PlainHTTPReply.message }
        let text = String(describing: error)
        let failed = Localized("TLS のハンドシェイクに失敗しました", "the TLS handshake failed")
        guard let code = reasonCode(in: text) else {
            // No BoringSSL reason: the connection closed mid-handshake, or the library's own words.
            if text.contains("uncleanShutdown") || text.lowercased().contains("eof") {
                return Localized("ハンドシェイクの途中でサーバが接続を閉じました", "the server closed the connection during the handshake")
            }
            let shown = withoutSourcePaths(text)
            return Localized(failed.ja + ": " + shown, failed.en + ": " + shown)
        }
        let meaning: Localized
        switch code {
        case "WRONG_VERSION_NUMBER", "HTTP_REQUEST", "WRONG_VERSION_ON_EARLY_DATA":
            meaning = Localized("応答が TLS ではありません。このポートで TLS が有効になっていないか、別のサービスが答えています",
                                "the reply is not TLS: TLS is not on for this port, or another service answers on it")
        case "UNSUPPORTED_PROTOCOL", "TLSV1_ALERT_PROTOCOL_VERSION":
            meaning = Localized("サーバが TLS 1.2 以上を受け付けません (古い TLS 1.0 / 1.1 だけの設定です)",
                                "the server does not accept TLS 1.2 or later (it is set to the old TLS 1.0 / 1.1 only)")
        case "CERTIFICATE_VERIFY_FAILED":
            meaning = Localized("サーバの証明書を信頼できません。私設やテスト用の CA なら、その CA 証明書を --ca-file で指定してください (下書きでは certwiz set で acme.caFile)",
                                "the server's certificate is not trusted: for a private or test CA, give its CA certificate with --ca-file (in the draft: certwiz set acme.caFile=FILE)")
        case "NO_SHARED_CIPHER", "NO_CIPHERS_AVAILABLE", "NO_SHARED_GROUP":
            meaning = Localized("サーバと共通の暗号スイートがありません", "the server has no cipher suite in common with certwiz")
        case "SSLV3_ALERT_HANDSHAKE_FAILURE": meaning = TLSAlert.meaning(40)
        case "TLSV1_ALERT_INTERNAL_ERROR": meaning = TLSAlert.meaning(80)
        case "TLSV1_UNRECOGNIZED_NAME", "TLSV1_ALERT_UNRECOGNIZED_NAME": meaning = TLSAlert.meaning(112)
        default: meaning = failed
        }
        return Localized(meaning.ja + " (\(code))", meaning.en + " (\(code))")
    }

    /// BoringSSL's reason: `...:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER at ...` gives
    /// `WRONG_VERSION_NUMBER`.
    static func reasonCode(in text: String) -> String? {
        guard let marker = text.firstRange(of: "OPENSSL_internal:") else { return nil }
        let code = text[marker.upperBound...].prefix { $0.isUppercase || $0.isNumber || $0 == "_" }
        return code.isEmpty ? nil : String(code)
    }

    /// The text up to where it names a source file (" at /...").
    static func withoutSourcePaths(_ text: String) -> String {
        guard let at = text.firstRange(of: " at /") else { return text }
        return String(text[..<at.lowerBound])
    }
}
