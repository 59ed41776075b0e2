import CertWizardCore
import X509

/// A key and CSR made on this server: where they went and the key's fingerprint.
public struct KeyAndCSR: Sendable {
    public let keyPath: String
    public let csrPath: String
    public let csrPEM: String
    public let publicKeyFingerprint: String
    public let keyType: KeyType

    /// Makes the key and CSR for `subject` in `directory` (created 0700 if missing). The key is
    /// written first, exclusively: if anything fails after it, no existing file was touched.
    /// With `passphrase`, the key file is encrypted PKCS#8 (the web server will ask for it at start).
    public static func make(_ subject: SubjectFields, keyType: KeyType, in directory: String, today: CalendarDate,
                            passphrase: [UInt8]? = nil) throws -> KeyAndCSR {
        try AtomicFile.makeDirectories(directory)
        let key = try GeneratedKey.make(keyType)
        let csr = try CSRMaker.make(subject, key: key)
        let pem = try CSRMaker.pem(csr)
        let base = KeyFiles.freshBase(in: directory, commonName: subject.commonName, today: today)
        let keyPath = KeyFiles.path(directory, base + ".key")
        let csrPath = KeyFiles.path(directory, base + ".csr")
        let keyPEM = try passphrase.map { try EncryptedPKCS8.pem(encrypting: key.pkcs8PEM, passphrase: $0) } ?? key.pkcs8PEM
        try KeyFiles.writeNewKey(keyPEM, to: keyPath)
        try AtomicFile.create(Array(pem.utf8), at: csrPath, mode: 0o644)
        return KeyAndCSR(keyPath: keyPath, csrPath: csrPath, csrPEM: pem,
                         publicKeyFingerprint: try PublicKeyFingerprint.sha256(key.privateKey.publicKey), keyType: keyType)
    }

    /// The draft with the CSR, the key's path and fingerprint recorded (never the key).
    public func recorded(in draft: Draft) -> Draft {
        var updated = draft
        updated.csr.origin = .generateHere
        updated.csr.keyType = keyType
        updated.csr.keyPath = keyPath
        updated.csr.publicKeyFingerprint = publicKeyFingerprint
        updated.csr.pem = csrPEM.trimmed
        return updated
    }
}
