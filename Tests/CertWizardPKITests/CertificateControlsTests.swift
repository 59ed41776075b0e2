import CertWizardCore
import Crypto
import Foundation
import Testing
@testable import CertWizardPKI
import X509

/// A certificate's names come from whoever made it (a server, a file): read into a draft or a
/// report, any terminal control in them is made visible, so it can neither drive the reader's
/// terminal nor make the draft unreadable on its next load.
@Suite struct CertificateControlsTests {
    @Test func controlsInACertificatesNamesAreMadeVisible() throws {
        let key = P256.Signing.PrivateKey()
        let hostile = try DistinguishedName { CountryName("JP"); OrganizationName("Evil\u{9B}2J"); CommonName("www.example.jp\u{1B}[31m") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(86_400),
            issuer: hostile, subject: hostile, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions { SubjectAlternativeNames([.dnsName("a\u{7F}.example.jp")]) },
            issuerPrivateKey: Certificate.PrivateKey(key))
        let fields = CurrentCertificateReader.fields(of: certificate)
        #expect(fields.commonName == "www.example.jp<U+001B>[31m")
        #expect(fields.subjectAltNames == ["a<U+007F>.example.jp"])
        #expect(fields.issuer?.contains("<U+009B>") == true)
        // What the draft records saves and loads again.
        var draft = Draft(applicationType: .renewal)
        draft.currentCertificate = fields
        #expect(try DraftCodec.decode(DraftCodec.encode(draft)).currentCertificate.commonName == fields.commonName)
        // Nothing a report prints holds a control.
        let entry = CertificateReport.entry(certificate)
        for text in [entry.subject, entry.issuer, entry.commonName ?? ""] + entry.subjectAltNames {
            #expect(!text.unicodeScalars.contains(where: TerminalControls.isControl), "\(text)")
        }
    }
}
