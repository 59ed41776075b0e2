import Crypto
import SwiftASN1
import X509

/// The SHA-256 of a public key's SubjectPublicKeyInfo, as lowercase hex: the same for a
/// key, its CSR and its certificate, so it tells whether they belong together.
public enum PublicKeyFingerprint {
    public static func sha256(_ key: Certificate.PublicKey) throws -> String {
        var serializer = DER.Serializer()
        try serializer.serialize(key)
        return SHA256.hash(data: serializer.serializedBytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
