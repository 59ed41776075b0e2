import CertWizardCore
import X509

/// Whether a certificate handed over by an issuer (or recorded by the applicant) really is this
/// application's: it carries the CSR's key and the Common Name, and its chain leads up from it.
public enum IssuedCertificateCheck {
    /// Every certificate in PEM text (a chain file), in order.
    public static func certificates(from bytes: [UInt8]) -> [Certificate] {
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            return PEMScanner.blocks(in: text).filter { $0.label == "CERTIFICATE" }.compactMap { try? Certificate(derEncoded: $0.der) }
        }
        return (try? Certificate(derEncoded: bytes)).map { [$0] } ?? []
    }

    /// The public-key fingerprint of the draft's CSR: recorded when the key was made, else read from the CSR.
    public static func csrFingerprint(of draft: Draft) -> String? {
        if let recorded = draft.csr.publicKeyFingerprint { return recorded }
        return CSRInspector.request(in: draft).flatMap { try? PublicKeyFingerprint.sha256($0.publicKey) }
    }

    /// Why `certificate` is not the one this draft applied for; nil when it is.
    public static func problem(_ certificate: Certificate, for draft: Draft) -> Localized? {
        if let expected = csrFingerprint(of: draft), let actual = try? PublicKeyFingerprint.sha256(certificate.publicKey), expected != actual {
            return Localized("証明書の公開鍵が CSR の鍵と違います (この申請の証明書ではありません)",
                             "the certificate's public key is not the CSR's key: it was not issued for this application")
        }
        if let cn = draft.csr.commonName?.lowercased(), !cn.isEmpty {
            let fields = CurrentCertificateReader.fields(of: certificate)
            let names = Set(([fields.commonName].compactMap { $0 } + (fields.subjectAltNames ?? [])).map { $0.lowercased() })
            if !names.contains(cn) {
                return Localized("証明書に CN \(cn) がありません (あるのは \(names.sorted().joined(separator: ", ")))",
                                 "the certificate does not name \(cn) (it names \(names.sorted().joined(separator: ", ")))")
            }
        }
        return nil
    }

    /// Why `chain` does not lead up from `certificate`; nil when its first certificate signed it.
    public static func chainProblem(_ certificate: Certificate, chain: [Certificate]) -> Localized? {
        guard let first = chain.first else {
            return Localized("中間 CA 証明書がありません", "the file holds no certificate")
        }
        guard first.subject == certificate.issuer, first.publicKey.isValidSignature(certificate.signature, for: certificate) else {
            return Localized("この中間 CA 証明書は証明書の発行者ではありません (発行者: \(DistinguishedNameText.line(certificate.issuer)))",
                             "this intermediate did not issue the certificate (its issuer is \(DistinguishedNameText.line(certificate.issuer)))")
        }
        return nil
    }
}
