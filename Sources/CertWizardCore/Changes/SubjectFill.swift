extension Draft {
    /// The CSR's Distinguished Name fields, by the names CSRs and certificates use for them
    /// (commonName, organization ...): what is filled from, and compared with, what a CSR says.
    // Immutable; key paths are values.
    nonisolated(unsafe) static let subjectFields: [(name: String, keyPath: WritableKeyPath<Draft, String?>)] = [
        ("commonName", \.csr.commonName), ("organization", \.csr.organization), ("organizationalUnit", \.csr.organizationalUnit),
        ("locality", \.csr.locality), ("state", \.csr.state), ("country", \.csr.country),
    ]

    /// The CSR's Distinguished Name fields and SANs that are still empty, filled from what a CSR or
    /// a certificate says (`subject` by field name). What was typed is never overwritten: a rule
    /// names any field that differs.
    func fillingEmptySubject(_ subject: [String: String], subjectAltNames: [String]) -> Draft {
        var updated = self
        for (name, keyPath) in Draft.subjectFields where updated[keyPath: keyPath].nonBlank == nil {
            if let value = subject[name].nonBlank { updated[keyPath: keyPath] = value }
        }
        if (updated.csr.subjectAltNames ?? []).isEmpty, !subjectAltNames.isEmpty { updated.csr.subjectAltNames = subjectAltNames }
        return updated
    }
}
