import CertWizardCore
import SwiftASN1
import X509

/// Every certificate in what an issuer hands over, whatever its form: the issuance notice as
/// an `.eml` (certificates in the body or attached), a pasted mail text, PEM (one or many,
/// `CERTIFICATE` or `PKCS7`), DER, or PKCS#7 (`.p7b`, DER or BER). Duplicates are dropped;
/// the order is the order found (`ChainOrder` puts them leaf first).
public enum CertificateBundle {
    public enum ReadError: Error, Equatable, Sendable {
        case noCertificate
        case damaged(String)

        public var message: Localized {
            switch self {
            case .noCertificate:
                return Localized("証明書が見つかりません (PEM、DER、PKCS#7 (.p7b)、またはそれらを含むメールを渡してください)",
                                 "no certificate found (give PEM, DER, PKCS#7 (.p7b), or a mail that carries one)")
            case .damaged(let what):
                return Localized("証明書が壊れています: \(what)", "a certificate is damaged: \(what)")
            }
        }
    }

    public static func certificates(in bytes: [UInt8]) throws(ReadError) -> [Certificate] {
        var found: [Certificate] = []
        if MailMessage.looksLikeMail(bytes) {
            for part in MailMessage.parts(of: bytes) { found += (try? certificatesInPart(part.body)) ?? [] }
        } else {
            found = try certificatesInPart(bytes)
        }
        var unique: [Certificate] = []
        for certificate in found where !unique.contains(certificate) { unique.append(certificate) }
        guard !unique.isEmpty else { throw .noCertificate }
        return unique
    }

    /// One body: PEM text (with anything around it), or DER of a certificate or of PKCS#7.
    private static func certificatesInPart(_ bytes: [UInt8]) throws(ReadError) -> [Certificate] {
        let text = String(decoding: bytes.prefix(1 << 22), as: UTF8.self)
        if text.contains("-----BEGIN ") {
            var result: [Certificate] = []
            for block in PEMScanner.blocks(in: text) {
                switch block.label {
                case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE":
                    do { result.append(try Certificate(derEncoded: block.der)) } catch { throw .damaged("\(error)") }
                case "PKCS7", "CMS":
                    result += try pkcs7(block.der)
                default:
                    continue  // a key or a CSR pasted along: not a certificate, and never echoed
                }
            }
            return result
        }
        if let certificate = try? Certificate(derEncoded: bytes) { return [certificate] }
        return (try? pkcs7(bytes)) ?? []
    }

    /// The certificates of a PKCS#7 / CMS SignedData (a "certs-only" `.p7b`): ContentInfo's
    /// `[0]` SignedData's `[0] IMPLICIT` certificates, walked as BER. (swift-certificates' CMS type
    /// insists on DER's sorted SET OF, which openssl's and Windows' `.p7b` files do not follow.)
    static func pkcs7(_ bytes: [UInt8]) throws(ReadError) -> [Certificate] {
        do {
            let root = try BER.parse(bytes)
            guard case .constructed(let info) = root.content, let type = info.first(where: { _ in true }),
                  (try? ASN1ObjectIdentifier(berEncoded: type)) == [1, 2, 840, 113549, 1, 7, 2] else {
                throw ReadError.damaged("PKCS#7: not SignedData")
            }
            guard let explicit = Array(info).dropFirst().first, case .constructed(let wrapped) = explicit.content,
                  let signedData = wrapped.first(where: { _ in true }), case .constructed(let fields) = signedData.content else {
                throw ReadError.damaged("PKCS#7: no content")
            }
            let certificatesTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
            guard let set = fields.first(where: { $0.identifier == certificatesTag }), case .constructed(let entries) = set.content else { return [] }
            return try entries.map { entry in try Certificate(derEncoded: Array(entry.encodedBytes)) }
        } catch let error as ReadError {
            throw error
        } catch {
            throw .damaged("PKCS#7: \(error)")
        }
    }
}
