import CertWizardCore
import X509

/// Certificates put in the order a server must send them: the server certificate first, then
/// each issuer in turn (an issuer is the certificate whose subject is the previous one's issuer
/// and whose key verifies its signature). A root (self-signed) is not sent and is dropped.
public struct ChainOrder: Sendable {
    public let leaf: Certificate
    /// The intermediates, leaf's issuer first; no root.
    public let intermediates: [Certificate]
    /// A self-signed root that came along (kept apart: servers do not send it).
    public let root: Certificate?
    /// Certificates that belong to neither (another site's, another chain's).
    public let unrelated: [Certificate]
    /// Whether the certificates came in another order than this one.
    public let wasReordered: Bool

    public var fullChain: [Certificate] { [leaf] + intermediates }

    /// The issuer the chain stops at: the last certificate's issuer when it is not in the bundle.
    public var topIssuer: DistinguishedName { (intermediates.last ?? leaf).issuer }

    public enum OrderError: Error, Equatable, Sendable {
        /// No certificate carries the key this application's CSR was made with.
        case noCertificateForKey(expected: String, found: [String])
        case noServerCertificate

        public var message: Localized {
            switch self {
            case .noCertificateForKey(let expected, let found):
                return Localized("どの証明書もこの申請の鍵のものではありません (下書きの鍵 \(expected)、証明書の鍵 \(found.joined(separator: ", ")))",
                                 "no certificate is for this application's key (the draft's key is \(expected); the certificates' keys are \(found.joined(separator: ", ")))")
            case .noServerCertificate:
                return Localized("サーバ証明書が見つかりません (CA 証明書だけです)", "no server certificate found (only CA certificates)")
            }
        }
    }

    /// Orders `certificates`; the leaf is the one with `keyFingerprint` (SHA-256 of the public
    /// key, as the draft records it) when given, else the one that issued none of the others.
    public init(_ certificates: [Certificate], keyFingerprint: String?) throws(OrderError) {
        let leaf: Certificate
        if let keyFingerprint {
            guard let match = certificates.first(where: { (try? PublicKeyFingerprint.sha256($0.publicKey)) == keyFingerprint }) else {
                throw .noCertificateForKey(expected: keyFingerprint,
                                           found: certificates.compactMap { try? PublicKeyFingerprint.sha256($0.publicKey) })
            }
            leaf = match
        } else {
            let candidates = certificates.filter { candidate in
                !ChainOrder.isCA(candidate) && !certificates.contains { $0 != candidate && ChainOrder.issued($0, by: candidate) }
            }
            guard let first = candidates.first else { throw .noServerCertificate }
            leaf = first
        }
        var chain: [Certificate] = []
        var root: Certificate?
        var current = leaf
        var remaining = certificates.filter { $0 != leaf }
        while let index = remaining.firstIndex(where: { ChainOrder.issued(current, by: $0) }) {
            let issuer = remaining.remove(at: index)
            if ChainOrder.issued(issuer, by: issuer) { root = issuer; break }
            chain.append(issuer)
            current = issuer
        }
        self.leaf = leaf
        self.intermediates = chain
        self.root = root
        self.unrelated = remaining
        self.wasReordered = Array(certificates.prefix(chain.count + 1)) != [leaf] + chain
    }

    /// A certificate sent alone (or with nothing that chains to it).
    public init(leafOnly leaf: Certificate) {
        self.leaf = leaf
        self.intermediates = []
        self.root = nil
        self.unrelated = []
        self.wasReordered = false
    }

    /// Whether `issuer` signed `certificate` (names chain and the signature verifies).
    public static func issued(_ certificate: Certificate, by issuer: Certificate) -> Bool {
        certificate.issuer == issuer.subject && issuer.publicKey.isValidSignature(certificate.signature, for: certificate)
    }

    static func isCA(_ certificate: Certificate) -> Bool {
        guard let constraints = try? certificate.extensions.basicConstraints else { return false }
        if case .isCertificateAuthority = constraints { return true }
        return false
    }
}
