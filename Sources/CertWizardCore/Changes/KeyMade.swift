/// A key and CSR made on this server: where they went, the key's fingerprint, the CSR.
public struct KeyMade: DraftChange, Equatable {
    public let keyPath: String
    public let csrPath: String
    public let csrPEM: String
    public let publicKeyFingerprint: String
    public let keyType: KeyType

    public init(keyPath: String, csrPath: String, csrPEM: String, publicKeyFingerprint: String, keyType: KeyType) {
        self.keyPath = keyPath
        self.csrPath = csrPath
        self.csrPEM = csrPEM
        self.publicKeyFingerprint = publicKeyFingerprint
        self.keyType = keyType
    }

    /// Records the CSR, the key's path and fingerprint (never the key).
    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var updated = draft
        updated.csr.origin = .generateHere
        updated.csr.keyType = keyType
        updated.csr.keyPath = keyPath
        updated.csr.publicKeyFingerprint = publicKeyFingerprint
        updated.csr.pem = csrPEM.trimmed
        return updated
    }

    public var summary: Localized {
        Localized("鍵: \(keyPath) (0600)。CSR: \(csrPath)。鍵をバックアップしてください",
                  "Key: \(keyPath) (0600). CSR: \(csrPath). Back the key up")
    }
}
