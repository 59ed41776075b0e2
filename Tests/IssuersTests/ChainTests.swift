import CertWizardCore
import CertWizardPKI
import Foundation
import Testing
import TestSupport
@testable import Issuers
import X509

/// Reading what an issuer hands over (mail, PEM, DER, PKCS#7), putting it leaf first, and the
/// checks made before anything goes into a server.
@Suite struct ChainTests {
    let folder = TemporaryFolder()
    let today = CalendarDate(iso8601: "2026-11-24")!

    struct Issued {
        let ca: DemoCA
        let leaf: Certificate
        let fingerprint: String
        let leafPEM: String
        var caDirectory: String
    }

    func issue(_ cn: String = "www.example.co.jp") throws -> Issued {
        let caDir = folder.path + "/demo-ca"
        let ca = try DemoCA.openOrCreate(in: caDir)
        let subject = SubjectFields(commonName: cn, organization: "Sample", locality: "Chuo-ku", state: "Tokyo",
                                    country: "JP", subjectAltNames: [])
        let made = try KeyAndCSR.make(subject, keyType: .p256, in: folder.path + "/keys-" + cn, today: today)
        let leaf = try ca.issue(try CertificateSigningRequest(pemEncoded: made.csrPEM), organization: Applicant.sample.nameEn)
        return Issued(ca: ca, leaf: leaf, fingerprint: made.publicKeyFingerprint, leafPEM: try leaf.serializeAsPEM().pemString + "\n", caDirectory: caDir)
    }

    @Test func theChainComesOutLeafFirstWhateverOrderItCameIn() throws {
        let issued = try issue()
        let mixed = try CertificateBundle.certificates(in: Array((issued.ca.rootPEM + issued.ca.intermediatePEM + issued.leafPEM).utf8))
        #expect(mixed.count == 3)
        let order = try ChainOrder(mixed, keyFingerprint: issued.fingerprint)
        #expect(order.leaf == issued.leaf)
        #expect(order.intermediates.map { "\($0.subject)" } == ["CN=\(DemoCA.intermediateName),O=certwiz demo,C=JP"])
        #expect(order.root != nil, "the root is kept apart, not sent")
        #expect(order.wasReordered)
        // Without a key to go by, the leaf is the certificate that issued none of the others.
        let byShape = try ChainOrder(mixed.reversed(), keyFingerprint: nil)
        #expect(byShape.leaf == issued.leaf)
        let inOrder = try ChainOrder(try CertificateBundle.certificates(in: Array((issued.leafPEM + issued.ca.intermediatePEM).utf8)), keyFingerprint: nil)
        #expect(!inOrder.wasReordered)
    }

    @Test func aCertificateForAnotherKeyIsRefusedNamingBothFingerprints() throws {
        let issued = try issue()
        let other = try issue("other.example.co.jp")
        do {
            _ = try ChainOrder([issued.leaf], keyFingerprint: other.fingerprint)
            Issue.record("a certificate for another key was taken")
        } catch {
            #expect(error.message.en.contains(other.fingerprint) && error.message.en.contains(issued.fingerprint))
        }
    }

    @Test func readsPKCS7InDERAndPEMAndADERCertificate() throws {
        let issued = try issue()
        let chainPath = folder.path + "/chain.pem"
        try (issued.leafPEM + issued.ca.intermediatePEM).write(toFile: chainPath, atomically: true, encoding: .utf8)
        for form in ["DER", "PEM"] {
            let out = folder.path + "/bundle-\(form).p7b"
            let made = try openssl(["crl2pkcs7", "-nocrl", "-certfile", chainPath, "-outform", form, "-out", out])
            #expect(made.status == 0, "\(made.output)")
            let read = try CertificateBundle.certificates(in: Array(try Data(contentsOf: URL(fileURLWithPath: out))))
            #expect(Set(read) == [issued.leaf, issued.ca.intermediateCertificate], "\(form)")
        }
        let der = try issued.leaf.serializeAsPEM().derBytes
        #expect(try CertificateBundle.certificates(in: der) == [issued.leaf])
        #expect(throws: CertificateBundle.ReadError.noCertificate) { try CertificateBundle.certificates(in: Array("hello".utf8)) }
    }

    @Test func readsTheDemoNoticeAndAMailWithBase64Attachments() throws {
        let issued = try issue()
        var draft = Draft(applicationType: .new)
        draft.csr.commonName = "www.example.co.jp"
        let notice = IssuanceNotice.eml(draft: draft, certificatePEM: issued.leafPEM, intermediatePEM: issued.ca.intermediatePEM, date: Date())
        #expect(Set(try CertificateBundle.certificates(in: Array(notice.utf8))) == [issued.leaf, issued.ca.intermediateCertificate])

        let leafDER = Data(try issued.leaf.serializeAsPEM().derBytes).base64EncodedString(options: .lineLength76Characters)
        let chainPEM = Data(issued.ca.intermediatePEM.utf8).base64EncodedString(options: .lineLength76Characters)
        let mail = """
            From: orders@ca.example\r
            To: admin@example.co.jp\r
            Subject: Your certificate\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="XYZ"\r
            \r
            --XYZ\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Your certificate is attached. =E3=81=82\r
            --XYZ\r
            Content-Type: application/pkix-cert; name="www.example.co.jp.cer"\r
            Content-Disposition: attachment; filename="www.example.co.jp.cer"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(leafDER.replacingOccurrences(of: "\n", with: "\r\n"))\r
            --XYZ\r
            Content-Type: application/x-x509-ca-cert; name="chain.crt"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(chainPEM.replacingOccurrences(of: "\n", with: "\r\n"))\r
            --XYZ--\r

            """
        let read = try CertificateBundle.certificates(in: Array(mail.utf8))
        #expect(read == [issued.leaf, issued.ca.intermediateCertificate])
    }

    @Test func theChecksNameAMissingIntermediateAnUntrustedRootDatesAndNames() async throws {
        let issued = try issue()
        let root = issued.ca.rootCertificate
        let complete = try ChainOrder([issued.leaf, issued.ca.intermediateCertificate], keyFingerprint: issued.fingerprint)
        let anchors = ChainCheck.Anchors([root], includeSystem: false)
        #expect(await ChainCheck.problems(complete, commonName: "www.example.co.jp", anchors: anchors).isEmpty)

        let alone = try ChainOrder([issued.leaf], keyFingerprint: issued.fingerprint)
        let missing = await ChainCheck.problems(alone, commonName: "www.example.co.jp", anchors: anchors)
        #expect(missing.map(\.code) == ["chain-incomplete"])
        #expect(missing.first?.message.en.contains(DemoCA.intermediateName) == true)

        // The system's store does not trust the demo root.
        let untrusted = await ChainCheck.problems(complete, commonName: "www.example.co.jp", anchors: ChainCheck.Anchors())
        #expect(untrusted.map(\.code) == ["chain-incomplete"] || untrusted.map(\.code) == ["chain-untrusted"])

        let other = await ChainCheck.problems(complete, commonName: "shop.example.co.jp", anchors: anchors)
        #expect(other.map(\.code) == ["name-not-covered"])
        let later = await ChainCheck.problems(complete, commonName: "www.example.co.jp", anchors: anchors,
                                              now: issued.leaf.notValidAfter.addingTimeInterval(86_400))
        #expect(later.map(\.code).contains("expired"))
    }
}
