import CertWizardCore
import Crypto
import _CryptoExtras
import X509

/// A new private key of one of the types the procedure accepts, with what is written to disk.
public struct GeneratedKey: Sendable {
    public let type: KeyType
    public let privateKey: Certificate.PrivateKey
    /// Unencrypted PKCS#8, PEM-encoded.
    public let pkcs8PEM: String

    /// Makes a key. RSA 4096 takes a while (hundreds of milliseconds): show progress around it.
    public static func make(_ type: KeyType) throws -> GeneratedKey {
        switch type {
        case .rsa2048, .rsa3072, .rsa4096:
            let bits = type == .rsa2048 ? 2048 : type == .rsa3072 ? 3072 : 4096
            let key = try _RSA.Signing.PrivateKey(keySize: .init(bitCount: bits))
            return GeneratedKey(type: type, privateKey: Certificate.PrivateKey(key), pkcs8PEM: key.pkcs8PEMRepresentation)
        case .p256:
            let key = P256.Signing.PrivateKey()
            return GeneratedKey(type: type, privateKey: Certificate.PrivateKey(key), pkcs8PEM: key.pemRepresentation)
        case .p384:
            let key = P384.Signing.PrivateKey()
            return GeneratedKey(type: type, privateKey: Certificate.PrivateKey(key), pkcs8PEM: key.pemRepresentation)
        }
    }

    /// SHA-256 for RSA and P-256, SHA-384 for P-384 (the curve's own strength).
    public var signatureAlgorithm: Certificate.SignatureAlgorithm {
        switch type {
        case .rsa2048, .rsa3072, .rsa4096: return .sha256WithRSAEncryption
        case .p256: return .ecdsaWithSHA256
        case .p384: return .ecdsaWithSHA384
        }
    }
}
