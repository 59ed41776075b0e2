import CertWizardCore
import Foundation
import Testing
import TestSupport
@testable import CertWizardPKI
import X509

let today = CalendarDate(iso8601: "2026-11-24")!
let subject = SubjectFields(commonName: "www.example.co.jp", organization: Applicant.sample.nameEn, locality: Applicant.sample.locality,
                            state: Applicant.sample.state, country: "JP", subjectAltNames: ["example.co.jp"])

@Suite struct KeyAndCSRTests {
    @Test(arguments: KeyType.allCases)
    func everyKeyTypeMakesACSRThatOpenSSLVerifies(_ type: KeyType) throws {
        let folder = TemporaryFolder()
        let made = try KeyAndCSR.make(subject, keyType: type, in: folder.path, today: today)
        let check = try openssl(["req", "-verify", "-noout", "-text", "-in", made.csrPath])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("verify OK") || check.output.contains("Certificate request self-signature verify OK"))
        let names = try openssl(["req", "-noout", "-subject", "-nameopt", "multiline", "-in", made.csrPath])
        #expect(names.output.contains(Applicant.sample.opensslOrganizationLine), "\(names.output)")
        #expect(names.output.contains("commonName                = www.example.co.jp"), "\(names.output)")
        #expect(check.output.contains("DNS:www.example.co.jp, DNS:example.co.jp"))
        let expected: String
        switch type {
        case .rsa2048: expected = "Public-Key: (2048 bit)"
        case .rsa3072: expected = "Public-Key: (3072 bit)"
        case .rsa4096: expected = "Public-Key: (4096 bit)"
        case .p256: expected = "NIST CURVE: P-256"
        case .p384: expected = "NIST CURVE: P-384"
        }
        #expect(check.output.contains(expected), "\(check.output)")
        #expect(check.output.contains(type == .p384 ? "ecdsa-with-SHA384" : type == .p256 ? "ecdsa-with-SHA256" : "sha256WithRSAEncryption"))
        // Our own parser reads it back, signature and all.
        let parsed = try CertificateSigningRequest(pemEncoded: made.csrPEM)
        #expect(parsed.publicKey.isValidSignature(parsed.signature, for: parsed))
        #expect(try PublicKeyFingerprint.sha256(parsed.publicKey) == made.publicKeyFingerprint)
        // The key file is PKCS#8, readable by openssl, and only by its owner.
        let attributes = try FileManager.default.attributesOfItem(atPath: made.keyPath)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try String(contentsOfFile: made.keyPath, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let keyCheck = try openssl(["pkey", "-in", made.keyPath, "-pubout"])
        #expect(keyCheck.status == 0)
    }

    @Test func theCSRCarriesOnlyTheCNWhenNoSANsAreGiven() throws {
        let folder = TemporaryFolder()
        let made = try KeyAndCSR.make(SubjectFields(commonName: "*.example.co.jp", country: "JP"), keyType: .p256, in: folder.path, today: today)
        let check = try openssl(["req", "-noout", "-text", "-in", made.csrPath])
        #expect(check.output.contains("DNS:*.example.co.jp"))
        #expect(made.keyPath.hasSuffix("/wildcard.example.co.jp.key"))
    }

    @Test func anExistingKeyIsNeverReplacedANewOneGetsADatedName() throws {
        let folder = TemporaryFolder()
        let first = try KeyAndCSR.make(subject, keyType: .p256, in: folder.path, today: today)
        let firstKey = try String(contentsOfFile: first.keyPath, encoding: .utf8)
        let second = try KeyAndCSR.make(subject, keyType: .p256, in: folder.path, today: today)
        let third = try KeyAndCSR.make(subject, keyType: .p256, in: folder.path, today: today)
        #expect(first.keyPath.hasSuffix("/www.example.co.jp.key"))
        #expect(second.keyPath.hasSuffix("/www.example.co.jp-2026-11-24.key"))
        #expect(third.keyPath.hasSuffix("/www.example.co.jp-2026-11-24-2.key"))
        #expect(try String(contentsOfFile: first.keyPath, encoding: .utf8) == firstKey)
        #expect(second.publicKeyFingerprint != first.publicKeyFingerprint)
    }

    /// A dangling symbolic link at the key's name is a name in use, as a live one is: the new key
    /// gets the dated name and nothing is written through the link.
    @Test func aDanglingLinkAtTheKeysNameGetsAnAlternativeName() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let target = folder.path + "/elsewhere/secret.key"
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/www.example.co.jp.key", withDestinationPath: target)
        let made = try KeyAndCSR.make(subject, keyType: .p256, in: folder.path, today: today)
        #expect(made.keyPath.hasSuffix("/www.example.co.jp-2026-11-24.key"), "\(made.keyPath)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func writingAKeyOverAnExistingFileIsRefused() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let path = folder.path + "/server.key"
        try "precious".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FileError.self) { try KeyFiles.writeNewKey("new", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
    }

    @Test func theDraftRecordsThePathAndFingerprintNeverTheKey() throws {
        let folder = TemporaryFolder()
        let made = try KeyAndCSR.make(subject, keyType: .rsa2048, in: folder.path, today: today)
        let draft = made.recorded(in: Draft(applicationType: .new))
        let json = String(decoding: DraftCodec.encode(draft), as: UTF8.self)
        #expect(json.contains(made.keyPath) && json.contains(made.publicKeyFingerprint))
        #expect(json.contains("BEGIN CERTIFICATE REQUEST"))
        #expect(!json.contains("PRIVATE KEY"))
    }
}

@Suite struct EncryptedKeyTests {
    @Test(arguments: [KeyType.p256, .rsa2048])
    func anEncryptedKeyOpensWithItsPassphraseOnly(_ type: KeyType) throws {
        let folder = TemporaryFolder()
        let made = try KeyAndCSR.make(subject, keyType: type, in: folder.path, today: today, passphrase: Array("正しい passphrase".utf8))
        let text = try String(contentsOfFile: made.keyPath, encoding: .utf8)
        #expect(text.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(!text.contains("BEGIN PRIVATE KEY"))
        let info = try openssl(["asn1parse", "-in", made.keyPath])
        #expect(info.output.contains("PBES2") && info.output.contains("PBKDF2") && info.output.contains("aes-256-cbc"), "\(info.output)")
        let wrong = try openssl(["pkey", "-in", made.keyPath, "-passin", "pass:wrong", "-noout"])
        #expect(wrong.status != 0)
        // The right passphrase gives the key the CSR was made with.
        let pub = try openssl(["pkey", "-in", made.keyPath, "-passin", "pass:正しい passphrase", "-pubout"])
        #expect(pub.status == 0, "\(pub.output)")
        let csrPub = try openssl(["req", "-in", made.csrPath, "-noout", "-pubkey"])
        #expect(pub.output == csrPub.output)
    }
}
