extension Draft {
    /// The CSR's Distinguished Name fields and SANs that are still empty, filled from what a CSR or
    /// a certificate says (`subject` by field name: commonName, organization ...). What was typed
    /// is never overwritten: a rule names any field that differs.
    func fillingEmptySubject(_ subject: [String: String], subjectAltNames: [String]) -> Draft {
        var updated = self
        let fields: [(String, WritableKeyPath<Draft, String?>)] = [
            ("commonName", \.csr.commonName), ("organization", \.csr.organization), ("organizationalUnit", \.csr.organizationalUnit),
            ("locality", \.csr.locality), ("state", \.csr.state), ("country", \.csr.country),
        ]
        for (name, keyPath) in fields where updated[keyPath: keyPath].nonBlank == nil {
            if let value = subject[name].nonBlank { updated[keyPath: keyPath] = value }
        }
        if (updated.csr.subjectAltNames ?? []).isEmpty, !subjectAltNames.isEmpty { updated.csr.subjectAltNames = subjectAltNames }
        return updated
    }
}
