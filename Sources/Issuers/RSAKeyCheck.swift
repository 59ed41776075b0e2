import _CryptoExtras
import X509

/// Whether a public key is RSA (such keys also get keyEncipherment, for TLS 1.2 RSA key exchange).
enum _RSAKeyCheck {
    static func isRSA(_ key: Certificate.PublicKey) -> Bool { _RSA.Signing.PublicKey(key) != nil }
}
