import SwiftASN1
import X509

/// The algorithms of a CSR read straight from its DER, which works even for CSRs that
/// swift-certificates refuses (an RSA-1024 or DSA key): so the report can say "key too
/// small" or "DSA is not accepted" instead of "unreadable", beside the subject and names the
/// CSR asks for.
struct RawCSR {
    let keyAlgorithm: String
    let curve: String?
    let rsaBits: Int?
    let signatureAlgorithm: String
    /// The subject, nil when it does not parse.
    let subject: DistinguishedName?
    /// The extensions requested (SANs among them), nil when there are none or they do not parse.
    let requestedExtensions: Certificate.Extensions?

    init(der: [UInt8]) throws {
        let root = try DER.parse(der)
        let top = try RawCSR.children(root)
        guard top.count == 3 else { throw ASN1Error.invalidASN1Object(reason: "not a CertificationRequest") }
        let info = try RawCSR.children(top[0])
        guard info.count >= 3 else { throw ASN1Error.invalidASN1Object(reason: "not a CertificationRequestInfo") }
        // Every count is checked before indexing: this reader sees damaged input on purpose.
        let spki = try RawCSR.children(info[2], atLeast: 2)
        let algorithm = try RawCSR.children(spki[0], atLeast: 1)
        keyAlgorithm = try ASN1ObjectIdentifier(derEncoded: algorithm[0]).description
        curve = algorithm.count > 1 ? (try? ASN1ObjectIdentifier(derEncoded: algorithm[1]).description) : nil
        if keyAlgorithm == OID.rsaEncryption {
            let bits = try ASN1BitString(derEncoded: spki[1])
            let rsaKey = try DER.parse(Array(bits.bytes))
            let modulus = try RawCSR.children(rsaKey, atLeast: 1)[0]
            guard case .primitive(let bytes) = modulus.content else { throw ASN1Error.invalidASN1Object(reason: "RSA modulus") }
            let significant = bytes.drop { $0 == 0 }
            rsaBits = significant.isEmpty ? 0 : (significant.count - 1) * 8 + (8 - significant.first!.leadingZeroBitCount)
        } else {
            rsaBits = nil
        }
        signatureAlgorithm = try ASN1ObjectIdentifier(derEncoded: try RawCSR.children(top[1], atLeast: 1)[0]).description
        subject = try? DistinguishedName(derEncoded: info[1])
        requestedExtensions = info.count > 3 ? RawCSR.extensions(in: info[3]) : nil
    }

    /// The extensionRequest attribute's extensions, from the CSR's `[0] attributes`.
    private static func extensions(in attributes: ASN1Node) -> Certificate.Extensions? {
        guard case .constructed(let nodes) = attributes.content else { return nil }
        for node in nodes {
            guard let attribute = try? CertificateSigningRequest.Attribute(derEncoded: node),
                  attribute.oid == .CSRAttributes.extensionRequest, let request = try? ExtensionRequest(attribute) else { continue }
            return request.extensions
        }
        return nil
    }

    private static func children(_ node: ASN1Node, atLeast count: Int = 0) throws -> [ASN1Node] {
        guard case .constructed(let nodes) = node.content else { throw ASN1Error.invalidASN1Object(reason: "expected a SEQUENCE") }
        let children = Array(nodes)
        guard children.count >= count else { throw ASN1Error.invalidASN1Object(reason: "a SEQUENCE with too few elements") }
        return children
    }

    enum OID {
        static let rsaEncryption = "1.2.840.113549.1.1.1"
        static let ecPublicKey = "1.2.840.10045.2.1"
        static let ed25519 = "1.3.101.112"
        static let ed448 = "1.3.101.113"
        static let dsa = "1.2.840.10040.4.1"
    }

    static let keyNames = [OID.rsaEncryption: "rsa", OID.ecPublicKey: "ecdsa", OID.ed25519: "ed25519", OID.ed448: "ed448", OID.dsa: "dsa"]
    static let curveNames = ["1.2.840.10045.3.1.7": ("P-256", 256), "1.3.132.0.34": ("P-384", 384), "1.3.132.0.35": ("P-521", 521)]
    static let signatureNames = [
        "1.2.840.113549.1.1.11": "sha256WithRSAEncryption", "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13": "sha512WithRSAEncryption", "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.4": "md5WithRSAEncryption", "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
        "1.2.840.113549.1.1.10": "rsassaPss", "1.2.840.10045.4.3.2": "ecdsa-with-SHA256", "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4": "ecdsa-with-SHA512", "1.2.840.10045.4.1": "ecdsa-with-SHA1", "1.3.101.112": "ed25519",
        "1.2.840.10040.4.3": "dsa-with-SHA1", "2.16.840.1.101.3.4.3.2": "dsa-with-SHA256",
    ]
    static let weakSignatures: Set<String> = ["sha1WithRSAEncryption", "md5WithRSAEncryption", "md2WithRSAEncryption", "ecdsa-with-SHA1", "dsa-with-SHA1"]
}
