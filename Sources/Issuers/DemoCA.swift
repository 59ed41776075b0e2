#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import CertWizardPKI
import Crypto
import X509

/// The embedded demo issuer's certificate authority: a root and an intermediate kept in
/// `$XDG_DATA_HOME/certwiz/demo-ca/`, named as a demo and trusted by nothing. Made on first
/// use; an existing but damaged CA is reported, never silently replaced.
public struct DemoCA: Sendable {
    public let directory: String
    let rootCertificate: Certificate
    let intermediateCertificate: Certificate
    let intermediateKey: Certificate.PrivateKey

    public static let rootName = "certwiz DEMO Root CA - NOT TRUSTED"
    public static let intermediateName = "certwiz DEMO Intermediate CA - NOT TRUSTED"
    /// Certificates the demo issues are valid this long at most (the CA/B Forum's 2026 limit).
    public static let maxValidityDays = 199

    static let files = ["root.key", "root.crt", "intermediate.key", "intermediate.crt"]

    public enum LoadError: Error, Equatable, Sendable {
        case damaged(path: String, reason: String)
        case file(FileError)

        public var message: Localized {
            switch self {
            case .damaged(let path, let reason):
                return Localized("デモ CA が壊れています (\(path): \(reason))。確認のうえ、フォルダごと移動すると作り直せます",
                                 "the demo CA is damaged (\(path): \(reason)); look at it, then move the folder away to have a new one made")
            case .file(let error): return error.message
            }
        }
    }

    /// The CA in `directory`, made there if the folder has none of its files.
    public static func openOrCreate(in directory: String, now: Date = Date()) throws(LoadError) -> DemoCA {
        let present = files.filter { access(KeyFiles.path(directory, $0), F_OK) == 0 }
        if present.isEmpty { return try create(in: directory, now: now) }
        if let missing = files.first(where: { !present.contains($0) }) {
            throw .damaged(path: KeyFiles.path(directory, missing), reason: "missing")
        }
        func read(_ name: String) throws(LoadError) -> String {
            do { return String(decoding: try AtomicFile.read(KeyFiles.path(directory, name)), as: UTF8.self) } catch { throw .file(error) }
        }
        func certificate(_ name: String) throws(LoadError) -> Certificate {
            do { return try Certificate(pemEncoded: try read(name)) } catch let error as LoadError { throw error } catch {
                throw .damaged(path: KeyFiles.path(directory, name), reason: "not a certificate")
            }
        }
        // Checked whole: every file, every key against its certificate, every signature. The
        // root's key is not used to issue, but a CA whose root key is gone or wrong is not one.
        let root = try certificate("root.crt")
        let intermediate = try certificate("intermediate.crt")
        guard let rootKey = try? Certificate.PrivateKey(pemEncoded: try read("root.key")), rootKey.publicKey == root.publicKey else {
            throw .damaged(path: KeyFiles.path(directory, "root.key"), reason: "not the root's key")
        }
        guard root.issuer == root.subject, root.publicKey.isValidSignature(root.signature, for: root) else {
            throw .damaged(path: KeyFiles.path(directory, "root.crt"), reason: "not a self-signed root")
        }
        let keyText = try read("intermediate.key")
        guard let key = try? Certificate.PrivateKey(pemEncoded: keyText), key.publicKey == intermediate.publicKey else {
            throw .damaged(path: KeyFiles.path(directory, "intermediate.key"), reason: "not the intermediate's key")
        }
        guard intermediate.issuer == root.subject, root.publicKey.isValidSignature(intermediate.signature, for: intermediate) else {
            throw .damaged(path: KeyFiles.path(directory, "intermediate.crt"), reason: "not signed by the root")
        }
        return DemoCA(directory: directory, rootCertificate: root, intermediateCertificate: intermediate, intermediateKey: key)
    }

    private static func create(in directory: String, now: Date) throws(LoadError) -> DemoCA {
        do {
            try AtomicFile.makeDirectories(directory)
            let rootKey = P256.Signing.PrivateKey()
            let intermediateKey = P256.Signing.PrivateKey()
            let rootSubject = try DistinguishedName { CountryName("JP"); OrganizationName("certwiz demo"); CommonName(rootName) }
            let intermediateSubject = try DistinguishedName { CountryName("JP"); OrganizationName("certwiz demo"); CommonName(intermediateName) }
            let rootPublic = Certificate.PublicKey(rootKey.publicKey)
            let intermediatePublic = Certificate.PublicKey(intermediateKey.publicKey)
            let root = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: rootPublic,
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
                issuer: rootSubject, subject: rootSubject, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    SubjectKeyIdentifier(hash: rootPublic)
                },
                issuerPrivateKey: Certificate.PrivateKey(rootKey))
            let intermediate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: intermediatePublic,
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(5 * 365 * 86_400),
                issuer: rootSubject, subject: intermediateSubject, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    SubjectKeyIdentifier(hash: intermediatePublic)
                    AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: rootPublic).keyIdentifier)
                },
                issuerPrivateKey: Certificate.PrivateKey(rootKey))
            // Keys first, exclusively: a half-made CA never overwrites anything.
            try KeyFiles.writeNewKey(rootKey.pemRepresentation, to: KeyFiles.path(directory, "root.key"))
            try KeyFiles.writeNewKey(intermediateKey.pemRepresentation, to: KeyFiles.path(directory, "intermediate.key"))
            try AtomicFile.create(Array(try root.serializeAsPEM().pemString.utf8) + [10], at: KeyFiles.path(directory, "root.crt"), mode: 0o644)
            try AtomicFile.create(Array(try intermediate.serializeAsPEM().pemString.utf8) + [10], at: KeyFiles.path(directory, "intermediate.crt"), mode: 0o644)
            return DemoCA(directory: directory, rootCertificate: root, intermediateCertificate: intermediate,
                          intermediateKey: Certificate.PrivateKey(intermediateKey))
        } catch let error as FileError {
            throw .file(error)
        } catch {
            throw .damaged(path: directory, reason: "\(error)")
        }
    }

    public var rootPEM: String { (try? rootCertificate.serializeAsPEM().pemString).map { $0 + "\n" } ?? "" }
    public var intermediatePEM: String { (try? intermediateCertificate.serializeAsPEM().pemString).map { $0 + "\n" } ?? "" }

    /// Signs `csr` for real: the CSR's key and names, the organization from the draft when given,
    /// server-authentication usages, valid `days` (at most 199) from `now`.
    public func issue(_ csr: CertificateSigningRequest, organization: String?, now: Date = Date(),
                      days: Int = DemoCA.maxValidityDays) throws -> Certificate {
        var names: [String] = []
        if let request = try csr.attributes.extensionRequest, let sans = try request.extensions.subjectAlternativeNames {
            names = sans.compactMap { if case .dnsName(let name) = $0 { return name } else { return nil } }
        }
        var subject = csr.subject
        let cn = DistinguishedNameText.commonName(of: subject)
        if names.isEmpty, let cn { names = [cn] }
        if let organization, !organization.isEmpty {
            subject = DistinguishedName(subject.map { rdn in
                RelativeDistinguishedName(rdn.map { attribute in
                    attribute.type == .RDNAttributeType.organizationName
                        ? RelativeDistinguishedName.Attribute(type: .RDNAttributeType.organizationName, utf8String: organization) : attribute
                })
            })
        }
        let isRSA = _RSAKeyCheck.isRSA(csr.publicKey)
        return try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: csr.publicKey,
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(Double(min(days, DemoCA.maxValidityDays)) * 86_400 - 300),
            issuer: intermediateCertificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: isRSA))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names.map { GeneralName.dnsName($0) })
                SubjectKeyIdentifier(hash: csr.publicKey)
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: intermediateCertificate.publicKey).keyIdentifier)
            },
            issuerPrivateKey: intermediateKey)
    }
}
