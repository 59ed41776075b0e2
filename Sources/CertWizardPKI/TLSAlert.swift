import CertWizardCore

/// What the TLS alerts a server refuses a handshake with most likely mean for an installation
/// (RFC 8446 6.2), in words an administrator can act on; the alert's name is kept for searching.
public enum TLSAlert {
    public static func meaning(_ alert: UInt8) -> Localized {
        switch alert {
        case 40:
            return Localized("サーバがハンドシェイクを断りました (handshake_failure)。この名前の証明書がないか、共通の暗号スイートがありません",
                             "the server refused the handshake (handshake_failure): it has no certificate for this name, or no cipher suite in common")
        case 70:
            return Localized("サーバがこの TLS の版を受け付けません (protocol_version)", "the server does not accept this TLS version (protocol_version)")
        case 80:
            return Localized("サーバ内部のエラーで断られました (internal_error)。証明書か鍵を読み込めていない可能性があります",
                             "the server gave up with an internal error (internal_error): it may not have loaded its certificate or key")
        case 112:
            return Localized("サーバはこの名前 (SNI) のサイトを知りません (unrecognized_name)", "the server has no site for this name (SNI, unrecognized_name)")
        default:
            return Localized("サーバが TLS の警告 \(alert) で接続を断りました", "the server refused with TLS alert \(alert)")
        }
    }
}
