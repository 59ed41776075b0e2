#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Crypto
import _CryptoExtras
import SwiftASN1

/// A private key as encrypted PKCS#8 ("BEGIN ENCRYPTED PRIVATE KEY"): PBES2 with
/// PBKDF2-HMAC-SHA256 and AES-256-CBC, which Apache, nginx and openssl all read.
/// The web server then asks for the passphrase whenever it starts.
public enum EncryptedPKCS8 {
    /// OWASP's figure for PBKDF2-HMAC-SHA256.
    public static let rounds = 600_000

    public static func pem(encrypting pkcs8PEM: String, passphrase: [UInt8]) throws -> String {
        guard let plain = PEMScanner.blocks(in: pkcs8PEM).first(where: { $0.label == "PRIVATE KEY" }) else {
            throw ASN1Error.invalidASN1Object(reason: "not a PKCS#8 private key")
        }
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let ivBytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: passphrase, salt: salt, using: .sha256, outputByteCount: 32, rounds: rounds)
        let encrypted = try AES._CBC.encrypt(plain.der, using: key, iv: try AES._CBC.IV(ivBytes: ivBytes))

        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { info in
            try info.appendConstructedNode(identifier: .sequence) { algorithm in
                try algorithm.serialize(ASN1ObjectIdentifier(elements: [1, 2, 840, 113549, 1, 5, 13]))  // PBES2
                try algorithm.appendConstructedNode(identifier: .sequence) { params in
                    try params.appendConstructedNode(identifier: .sequence) { kdf in
                        try kdf.serialize(ASN1ObjectIdentifier(elements: [1, 2, 840, 113549, 1, 5, 12]))  // PBKDF2
                        try kdf.appendConstructedNode(identifier: .sequence) { pbkdf2 in
                            try pbkdf2.serialize(ASN1OctetString(contentBytes: salt[...]))
                            try pbkdf2.serialize(rounds)
                            try pbkdf2.appendConstructedNode(identifier: .sequence) { prf in
                                try prf.serialize(ASN1ObjectIdentifier(elements: [1, 2, 840, 113549, 2, 9]))  // hmacWithSHA256
                                try prf.serialize(ASN1Null())
                            }
                        }
                    }
                    try params.appendConstructedNode(identifier: .sequence) { scheme in
                        try scheme.serialize(ASN1ObjectIdentifier(elements: [2, 16, 840, 1, 101, 3, 4, 1, 42]))  // aes256-CBC
                        try scheme.serialize(ASN1OctetString(contentBytes: ivBytes[...]))
                    }
                }
            }
            try info.serialize(ASN1OctetString(contentBytes: Array(encrypted)[...]))
        }
        let base64 = Data(serializer.serializedBytes).base64EncodedString()
        var lines: [String] = []
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + lines.joined(separator: "\n") + "\n-----END ENCRYPTED PRIVATE KEY-----\n"
    }
}
