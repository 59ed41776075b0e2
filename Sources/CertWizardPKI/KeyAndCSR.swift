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
        try prepare(subject, keyType: keyType, passphrase: passphrase).write(in: directory, today: today)
    }

    /// The key and CSR made in memory, not yet written: the slow part (RSA), which a cancel may abandon.
    public static func prepare(_ subject: SubjectFields, keyType: KeyType, passphrase: [UInt8]? = nil) throws -> Prepared {
        let key = try GeneratedKey.make(keyType)
        let csr = try CSRMaker.make(subject, key: key)
        let keyPEM = try passphrase.map { try EncryptedPKCS8.pem(encrypting: key.pkcs8PEM, passphrase: $0) } ?? key.pkcs8PEM
        return Prepared(commonName: subject.commonName, keyType: keyType, keyPEM: keyPEM, csrPEM: try CSRMaker.pem(csr),
                        publicKeyFingerprint: try PublicKeyFingerprint.sha256(key.privateKey.publicKey))
    }

    /// A key and CSR in memory. The key stays here until `write` puts it in a 0600 file.
    public struct Prepared: Sendable {
        let commonName: String
        let keyType: KeyType
        let keyPEM: String
        let csrPEM: String
        let publicKeyFingerprint: String

        /// Writes the key (exclusively, 0600) and the CSR under fresh names in `directory`.
        public func write(in directory: String, today: CalendarDate) throws -> KeyAndCSR {
            try AtomicFile.makeDirectories(directory)
            let base = KeyFiles.freshBase(in: directory, commonName: commonName, today: today)
            let keyPath = KeyFiles.path(directory, base + ".key")
            let csrPath = KeyFiles.path(directory, base + ".csr")
            try KeyFiles.writeNewKey(keyPEM, to: keyPath)
            try AtomicFile.create(Array(csrPEM.utf8), at: csrPath, mode: 0o644)
            return KeyAndCSR(keyPath: keyPath, csrPath: csrPath, csrPEM: csrPEM, publicKeyFingerprint: publicKeyFingerprint, keyType: keyType)
        }
    }

    /// What the draft records of it.
    public var made: KeyMade {
        KeyMade(keyPath: keyPath, csrPath: csrPath, csrPEM: csrPEM, publicKeyFingerprint: publicKeyFingerprint, keyType: keyType)
    }

    /// The draft with the CSR, the key's path and fingerprint recorded (never the key).
    public func recorded(in draft: Draft) -> Draft { (try? made.applied(to: draft)) ?? draft }
}
