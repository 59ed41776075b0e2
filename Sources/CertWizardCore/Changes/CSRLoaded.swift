/// An existing CSR read from a file (checked to parse, its signature verified), with what it says.
public struct CSRLoaded: DraftChange, Equatable {
    public let path: String
    public let pem: String
    /// The CSR's subject by field name (commonName, organization ...), and its SANs.
    public let subject: [String: String]
    public let subjectAltNames: [String]

    public init(path: String, pem: String, subject: [String: String] = [:], subjectAltNames: [String] = []) {
        self.path = path
        self.pem = pem
        self.subject = subject
        self.subjectAltNames = subjectAltNames
    }

    /// Records the CSR and fills the Distinguished Name fields and SANs still empty from it; a
    /// field already typed is kept (the csr-subject-mismatch rule names it if it differs).
    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var updated = draft
        updated.csr.pem = pem.trimmed
        return updated.fillingEmptySubject(subject, subjectAltNames: subjectAltNames)
    }

    public var summary: Localized {
        Localized("CSR を読み込みました: \(path)。空の識別名の欄は CSR から埋めました",
                  "Loaded the CSR: \(path); empty Distinguished Name fields were filled from it")
    }
}
