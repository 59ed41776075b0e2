#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore
import Crypto
import _CryptoExtras
import X509

/// A certificate chain as `certwiz cert show` prints it, with what is wrong reported, not fatal.
public struct CertificateReport: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        /// The whole subject on one line, RFC 4514 escaped: for display only.
        public let subject: String
        /// The subject's values by CSR field name (organization, locality ...), unescaped: what a
        /// draft is filled with and what is compared.
        public let subjectFields: [String: String]
        public let commonName: String?
        public let subjectAltNames: [String]
        public let issuer: String
        public let serialNumber: String
        public let notBefore: String
        public let notAfter: String
        public let keyType: String
        public let keyBits: Int?
        public let publicKeyFingerprint: String?
    }

    public let source: String
    public let chain: [Entry]
    public let findings: [Finding]

    /// The same report with other findings (the draft's renewal rules added).
    public init(copying report: CertificateReport, findings: [Finding]) {
        source = report.source
        chain = report.chain
        self.findings = findings
    }

    public init(chain certificates: [Certificate], source: String, hostname: String?, today: CalendarDate) {
        self.source = source
        chain = certificates.map(CertificateReport.entry)
        var findings: [Finding] = []
        guard let leaf = certificates.first else { self.findings = []; return }
        let current = CurrentCertificateReader.fields(of: leaf)
        if let after = current.notAfter, after < today {
            findings.append(Finding(.error, "certificate-expired", field: "currentCertificate.notAfter",
                                    Localized("証明書は \(after) に期限切れです", "the certificate expired on \(after)")))
        }
        if let before = current.notBefore, today < before {
            findings.append(Finding(.warning, "certificate-not-yet-valid", field: "currentCertificate.notBefore",
                                    Localized("証明書の有効期間は \(before) からです", "the certificate is valid only from \(before)")))
        }
        if let hostname, !hostname.contains(":"), !hostname.allSatisfy({ $0.isNumber || $0 == "." }) {
            let names = current.subjectAltNames ?? []
            if !names.contains(where: { CertificateReport.matches($0, hostname) }) {
                findings.append(Finding(.error, "hostname-mismatch", field: "currentCertificate.subjectAltNames", Localized(
                    "証明書は \(hostname) 用ではありません (SAN: \(names.joined(separator: ", ")))",
                    "the certificate is not for \(hostname) (SANs: \(names.joined(separator: ", ")))")))
            }
        }
        for (index, certificate) in certificates.enumerated().dropLast() {
            let issuer = certificates[index + 1]
            if certificate.issuer != issuer.subject || !issuer.publicKey.isValidSignature(certificate.signature, for: certificate) {
                findings.append(Finding(.warning, "chain-broken", field: "currentCertificate.issuer", Localized(
                    "チェーンの \(index + 1) 番目の証明書は次の証明書で署名されていません (中間証明書の順番か種類が違います)",
                    "certificate \(index + 1) of the chain is not signed by the next one (the intermediates are wrong or out of order)")))
            }
        }
        if leaf.issuer == leaf.subject {
            findings.append(Finding(.warning, "self-signed", field: "currentCertificate.issuer",
                                    Localized("自己署名の証明書です", "the certificate is self-signed")))
        } else if certificates.count == 1 {
            findings.append(Finding(.warning, "chain-incomplete", field: "currentCertificate.issuer", Localized(
                "サーバは中間 CA 証明書を送っていません。一部のブラウザでエラーになります",
                "the server sends no intermediate CA certificate: some browsers will fail")))
        }
        let (keyType, keyBits) = CertificateReport.keyDescription(leaf.publicKey)
        let reusable = (keyType == "rsa" && (keyBits ?? 0) >= 2048) || (keyType == "ecdsa" && (keyBits == 256 || keyBits == 384))
        let keyName = keyType.uppercased() + (keyBits.map { " \($0)" } ?? "")
        if reusable {
            findings.append(Finding(.info, "new-key-recommended", field: "csr.keyType", Localized(
                "現在の鍵 (\(keyName)) は更新でも使えますが、新しい鍵をおすすめします (certwiz csr new は現在の鍵を残して新しい鍵を作ります)",
                "The current key (\(keyName)) could be reused, but a new key is recommended (certwiz csr new makes one and keeps the current key)")))
        } else {
            findings.append(Finding(.warning, "current-key-not-reusable", field: "csr.keyType", Localized(
                "現在の鍵 (\(keyName)) は今の基準を満たさないため使えません。新しい鍵を作ってください",
                "The current key (\(keyName)) does not meet today's rules and cannot be reused: make a new key")))
        }
        self.findings = findings
    }

    /// A SAN matches a host name exactly (case-insensitively), or as a one-label wildcard.
    static func matches(_ pattern: String, _ host: String) -> Bool {
        let p = pattern.lowercased(), h = host.lowercased()
        if p == h { return true }
        guard p.hasPrefix("*."), let dot = h.firstIndex(of: ".") else { return false }
        return h[h.index(after: dot)...] == p.dropFirst(2)
    }

    static func entry(_ certificate: Certificate) -> Entry {
        let fields = CurrentCertificateReader.fields(of: certificate)
        let (type, bits) = keyDescription(certificate.publicKey)
        // Names from a certificate are shown with any terminal control made visible (<U+001B>):
        // a server's certificate must not drive the reader's terminal.
        return Entry(subject: DistinguishedNameText.line(certificate.subject),
                     subjectFields: DistinguishedNameText.fields(of: certificate.subject), commonName: fields.commonName,
                     subjectAltNames: fields.subjectAltNames ?? [],
                     issuer: DistinguishedNameText.line(certificate.issuer), serialNumber: SerialNumberText.of(certificate.serialNumber),
                     notBefore: fields.notBefore?.iso8601 ?? "", notAfter: fields.notAfter?.iso8601 ?? "",
                     keyType: type, keyBits: bits, publicKeyFingerprint: try? PublicKeyFingerprint.sha256(certificate.publicKey))
    }

    static func keyDescription(_ key: Certificate.PublicKey) -> (String, Int?) {
        if let rsa = _RSA.Signing.PublicKey(key) { return ("rsa", rsa.keySizeInBits) }
        if P256.Signing.PublicKey(key) != nil { return ("ecdsa", 256) }
        if P384.Signing.PublicKey(key) != nil { return ("ecdsa", 384) }
        if P521.Signing.PublicKey(key) != nil { return ("ecdsa", 521) }
        return ("other", nil)
    }
}
