#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Crypto

/// The JSON Web Signatures ACME speaks (RFC 8555 §6.2, RFC 7515): ES256 with the account's
/// P-256 key, its JWK and thumbprint (RFC 7638), and the HS256 external account binding
/// (RFC 8555 §7.3.4) made with the CA's key id and HMAC key.
public enum JWS {
    public static func base64url(_ bytes: some Sequence<UInt8>) -> String {
        var text = Data(bytes).base64EncodedString()
        text = String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }.filter { $0 != "=" })
        return text
    }

    public static func base64urlDecode(_ text: String) -> [UInt8]? {
        var standard = String(text.filter { !$0.isWhitespace }.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }

    /// The account key's public JWK, members in the order RFC 7638 hashes them.
    public static func jwk(_ key: P256.Signing.PublicKey) -> String {
        let point = Array(key.x963Representation)  // 0x04 || X || Y
        return "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"\(base64url(point[1...32]))\",\"y\":\"\(base64url(point[33...64]))\"}"
    }

    /// RFC 7638 thumbprint: what a key authorization ends with.
    public static func thumbprint(_ key: P256.Signing.PublicKey) -> String {
        base64url(SHA256.hash(data: Array(jwk(key).utf8)))
    }

    /// A flattened JWS body for a POST to `url`: signed by the account key, naming it by `kid`
    /// (its account URL) or, before there is one, by its `jwk`. A nil payload is POST-as-GET.
    public static func signed(payload: String?, url: String, nonce: String, key: P256.Signing.PrivateKey, kid: String?) throws -> [UInt8] {
        let identity = kid.map { "\"kid\":\(quote($0))" } ?? "\"jwk\":\(jwk(key.publicKey))"
        let protected = base64url(Array("{\"alg\":\"ES256\",\(identity),\"nonce\":\(quote(nonce)),\"url\":\(quote(url))}".utf8))
        let body = payload.map { base64url(Array($0.utf8)) } ?? ""
        let signature = try key.signature(for: Array("\(protected).\(body)".utf8))
        return Array("{\"protected\":\"\(protected)\",\"payload\":\"\(body)\",\"signature\":\"\(base64url(signature.rawRepresentation))\"}".utf8)
    }

    /// The external account binding: the account's JWK signed with the CA's HMAC key (HS256).
    public static func externalAccountBinding(keyID: String, hmacKey: [UInt8], accountKey: P256.Signing.PublicKey, url: String) -> String {
        let protected = base64url(Array("{\"alg\":\"HS256\",\"kid\":\(quote(keyID)),\"url\":\(quote(url))}".utf8))
        let payload = base64url(Array(jwk(accountKey).utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(protected).\(payload)".utf8), using: SymmetricKey(data: hmacKey))
        return "{\"protected\":\"\(protected)\",\"payload\":\"\(payload)\",\"signature\":\"\(base64url(mac))\"}"
    }

    /// A JSON string literal.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
