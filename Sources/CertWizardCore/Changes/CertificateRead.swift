/// The certificate in service now, read from a file or a running server.
public struct CertificateRead: DraftChange, Equatable {
    /// What was read (CN, dates, SANs, issuer, serial, key fingerprint), with `source` set.
    public let certificate: CurrentCertificate
    /// A renewal keeps exactly the current CN: replace the CSR's CN with it (else only fill it).
    public let replacingCommonName: Bool
    /// The certificate's subject by CSR field name (organization, locality, state, country ...).
    public let subject: [String: String]

    public init(certificate: CurrentCertificate, replacingCommonName: Bool, subject: [String: String] = [:]) {
        self.certificate = certificate
        self.replacingCommonName = replacingCommonName
        self.subject = subject
    }

    /// Records the certificate; a renewal or reissue also gets its Distinguished Name and SANs
    /// where the CSR's fields are still empty (what was typed is never overwritten, but the CN).
    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var updated = draft
        updated.currentCertificate = certificate
        guard updated.applicationType == .renewal || updated.applicationType == .reissue else { return updated }
        if updated.applicationType == .renewal, replacingCommonName || updated.csr.commonName == nil {
            updated.csr.commonName = certificate.commonName
        }
        return updated.fillingEmptySubject(subject, subjectAltNames: certificate.subjectAltNames ?? [])
    }

    public var summary: Localized {
        let cn = certificate.commonName ?? "?"
        let until = certificate.notAfter.map(\.iso8601) ?? "?"
        return Localized("読み込みました: \(cn) (\(until) まで)", "Read: \(cn) (valid until \(until))")
    }
}
