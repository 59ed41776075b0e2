/// The certificate in service now, read from a file or a running server.
public struct CertificateRead: DraftChange, Equatable {
    /// What was read (CN, dates, SANs, issuer, serial, key fingerprint), with `source` set.
    public let certificate: CurrentCertificate
    /// A renewal keeps exactly the current CN: replace the CSR's CN with it (else only fill it).
    public let replacingCommonName: Bool

    public init(certificate: CurrentCertificate, replacingCommonName: Bool) {
        self.certificate = certificate
        self.replacingCommonName = replacingCommonName
    }

    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var updated = draft
        updated.currentCertificate = certificate
        if updated.applicationType == .renewal, replacingCommonName || updated.csr.commonName == nil {
            updated.csr.commonName = certificate.commonName
        }
        return updated
    }

    public var summary: Localized {
        let cn = certificate.commonName ?? "?"
        let until = certificate.notAfter.map(\.iso8601) ?? "?"
        return Localized("読み込みました: \(cn) (\(until) まで)", "Read: \(cn) (valid until \(until))")
    }
}
