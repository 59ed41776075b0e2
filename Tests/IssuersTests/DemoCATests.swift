import CertWizardCore
import CertWizardPKI
import Foundation
import Testing
import TestSupport
@testable import Issuers
import X509

@Suite struct DemoCATests {
    let today = CalendarDate(iso8601: "2026-11-24")!

    @Test func issuesACertificateOpenSSLVerifiesAgainstTheDemoRootAndIntermediate() throws {
        let folder = TemporaryFolder()
        let caDir = folder.path + "/demo-ca"
        let ca = try DemoCA.openOrCreate(in: caDir)
        for key in ["root.key", "intermediate.key"] {
            #expect(try FileManager.default.attributesOfItem(atPath: caDir + "/" + key)[.posixPermissions] as? Int == 0o600)
        }
        let subject = SubjectFields(commonName: "www.example.co.jp", organization: "Sample", locality: "Chuo-ku", state: "Tokyo",
                                    country: "JP", subjectAltNames: ["example.co.jp"])
        let made = try KeyAndCSR.make(subject, keyType: .rsa2048, in: folder.path + "/keys", today: today)
        let csr = try CertificateSigningRequest(pemEncoded: made.csrPEM)
        let certificate = try ca.issue(csr, organization: Applicant.sample.nameEn)
        let leafPath = folder.path + "/leaf.pem"
        try (certificate.serializeAsPEM().pemString + "\n").write(toFile: leafPath, atomically: true, encoding: .utf8)

        let verify = try openssl(["verify", "-CAfile", caDir + "/root.crt", "-untrusted", caDir + "/intermediate.crt", leafPath], in: folder.path)
        #expect(verify.status == 0 && verify.output.contains("OK"), "\(verify.output)")
        let text = try openssl(["x509", "-in", leafPath, "-noout", "-text"], in: folder.path).output
        #expect(text.contains("DNS:www.example.co.jp, DNS:example.co.jp"))
        let names = try openssl(["x509", "-in", leafPath, "-noout", "-subject", "-nameopt", "multiline"], in: folder.path).output
        #expect(names.contains(Applicant.sample.opensslOrganizationLine), "the organization comes from the draft: \(names)")
        #expect(text.contains("TLS Web Server Authentication"))
        #expect(text.contains("Digital Signature, Key Encipherment"))
        #expect(text.contains("Issuer: C = JP, O = certwiz demo, CN = \(DemoCA.intermediateName)"))
        // The certificate carries the CSR's key, and at most 199 days.
        #expect(try PublicKeyFingerprint.sha256(certificate.publicKey) == made.publicKeyFingerprint)
        #expect(certificate.notValidAfter.timeIntervalSince(certificate.notValidBefore) <= 199 * 86_400)
    }

    @Test func theSameCAIsUsedNextTime() throws {
        let folder = TemporaryFolder()
        let first = try DemoCA.openOrCreate(in: folder.path)
        let again = try DemoCA.openOrCreate(in: folder.path)
        #expect(first.rootPEM == again.rootPEM && first.intermediatePEM == again.intermediatePEM)
    }

    /// Checked whole: a damaged root key, or any key that is not its certificate's, is a damaged CA,
    /// and nothing is issued from it; the files stay as they are.
    @Test func aRootKeyThatIsDamagedOrAnotherKeyIsADamagedCA() throws {
        let folder = TemporaryFolder()
        _ = try DemoCA.openOrCreate(in: folder.path)
        let rootKey = folder.path + "/root.key"
        let good = try String(contentsOfFile: rootKey, encoding: .utf8)
        var damaged = Array(good.utf8)
        damaged[damaged.count / 2] ^= 0x20  // one character of the base64 changed
        try writeKey(String(decoding: damaged, as: UTF8.self), rootKey)
        #expect(throws: DemoCA.LoadError.damaged(path: rootKey, reason: "not the root's key")) { try DemoCA.openOrCreate(in: folder.path) }
        // Another valid key in the root key's place is as wrong.
        let other = TemporaryFolder()
        _ = try DemoCA.openOrCreate(in: other.path)
        try writeKey(try String(contentsOfFile: other.path + "/root.key", encoding: .utf8), rootKey)
        #expect(throws: DemoCA.LoadError.damaged(path: rootKey, reason: "not the root's key")) { try DemoCA.openOrCreate(in: folder.path) }
        try writeKey(good, rootKey)
        _ = try DemoCA.openOrCreate(in: folder.path)
        // The intermediate's key from another CA: refused too.
        let intermediateKey = folder.path + "/intermediate.key"
        try writeKey(try String(contentsOfFile: other.path + "/intermediate.key", encoding: .utf8), intermediateKey)
        #expect(throws: DemoCA.LoadError.damaged(path: intermediateKey, reason: "not the intermediate's key")) { try DemoCA.openOrCreate(in: folder.path) }
    }

    func writeKey(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
    }

    @Test func aDamagedOrPartlyMissingCAIsReportedNotReplaced() throws {
        let folder = TemporaryFolder()
        _ = try DemoCA.openOrCreate(in: folder.path)
        let root = folder.path + "/root.crt"
        try "not a certificate".write(toFile: root, atomically: true, encoding: .utf8)
        #expect(throws: DemoCA.LoadError.damaged(path: root, reason: "not a certificate")) { try DemoCA.openOrCreate(in: folder.path) }
        #expect(try String(contentsOfFile: root, encoding: .utf8) == "not a certificate")
        try FileManager.default.removeItem(atPath: folder.path + "/intermediate.key")
        do {
            _ = try DemoCA.openOrCreate(in: folder.path)
            Issue.record("a CA with a missing key was accepted")
        } catch {
            #expect(error.message.en.contains("move the folder away"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/intermediate.key"))
    }
}

@Suite struct CatalogueTests {
    @Test func quotesLicensesExpressAndTax() {
        let catalogue = ProductCatalogue.demo
        #expect(catalogue.isExample)
        #expect(catalogue.quote(product: .secure, licenses: 1, express: false).total == 88_000)
        let q = catalogue.quote(product: .global, licenses: 3, express: true)
        #expect(q.beforeTax == 3 * 120_000 + 30_000 && q.tax == 39_000 && q.total == 429_000)
        #expect(catalogue.quote(product: .ev, licenses: 0, express: false).beforeTax == 180_000)  // at least one license
    }

    @Test func anUnknownIssuerIsRefusedAndASubmittedDraftIsNotResubmitted() throws {
        var draft = Draft(applicationType: .new)
        draft.order.issuer = "acme"
        #expect(throws: IssuerError.unknownIssuer("acme")) { try Issuers.issuer(for: draft) }
        draft.order.issuer = nil
        draft.order.orderNumber = "DEMO-1"
        #expect(throws: IssuerError.alreadySubmitted(orderNumber: "DEMO-1")) { try DemoIssuer().submit(draft, today: CalendarDate(iso8601: "2026-11-24")!) }
    }
}

@Suite struct DemoReviewTests {
    @Test func aDeferredRenewalPaysAfterIssuanceAndDocumentsComeWhenAsked() {
        var d = Draft(applicationType: .renewal)
        #expect(DemoReview.nextStep(d) == nil)  // not submitted
        d.order.orderNumber = "DEMO-1"
        d.payment.method = .bankTransfer
        d.payment.deferred = true
        d.domainCheck.whoisMatches = true
        d.documents.requested = true
        #expect(DemoReview.nextStep(d) == .documentsSent)
        d.documents.sentOn = CalendarDate(iso8601: "2026-11-24")
        #expect(DemoReview.nextStep(d) == .organizationConfirmed)
        d.organizationCheck.confirmedOn = CalendarDate(iso8601: "2026-11-24")
        #expect(DemoReview.nextStep(d) == .phoneVerified)
        d.phoneVerification.done = true
        #expect(DemoReview.nextStep(d) == .issued)
        d.issuance.issuedOn = CalendarDate(iso8601: "2026-11-25")
        #expect(DemoReview.nextStep(d) == .paymentReceived)
        d.payment.paidOn = CalendarDate(iso8601: "2026-11-30")
        #expect(DemoReview.nextStep(d) == nil)
    }

    @Test func anApproverCheckIsSentThenAnsweredAndAPaidFirstOrderPaysBeforeTheCall() {
        var d = Draft(applicationType: .new)
        d.order.orderNumber = "DEMO-2"
        d.payment.method = .bankTransfer
        d.domainCheck.whoisMatches = false
        d.domainCheck.method = .approverEmail
        #expect(DemoReview.nextStep(d) == .approverEmailSent)
        d.domainCheck.approverEmailSentOn = CalendarDate(iso8601: "2026-11-24")
        #expect(DemoReview.nextStep(d) == .approverReplied)
        d.domainCheck.approverRepliedOn = CalendarDate(iso8601: "2026-11-25")
        #expect(DemoReview.nextStep(d) == .organizationConfirmed)
        d.organizationCheck.confirmedOn = CalendarDate(iso8601: "2026-11-25")
        #expect(DemoReview.nextStep(d) == .paymentReceived)
        // A deferred payment is for renewals only: a new application still pays first.
        d.payment.deferred = true
        #expect(DemoReview.nextStep(d) == .paymentReceived)
    }
}

@Suite struct IssuerHandoverTests {
    let today = CalendarDate(iso8601: "2026-11-24")!

    @Test func theDemoIssuerHandsOverTheCertificateAndChainAndRefusesAForeignOne() throws {
        let folder = TemporaryFolder()
        var draft = Draft(applicationType: .new)
        draft.csr.commonName = "www.example.co.jp"
        draft.csr.organization = Applicant.sample.nameEn
        draft.domainCheck.whoisMatches = true
        draft.payment.method = .coupon
        let subject = SubjectFields(commonName: "www.example.co.jp", organization: Applicant.sample.nameEn, country: "JP")
        draft = try KeyAndCSR.make(subject, keyType: .p256, in: folder.path + "/keys", today: today).recorded(in: draft)
        let issuer = DemoIssuer()
        #expect(try issuer.issuedCertificate(for: draft) == nil)  // nothing issued yet
        draft = try issuer.submit(draft, today: today).submitted(to: issuer.id, on: today).applied(to: draft)
        #expect(issuer.status(of: draft, today: today).line(.application)?.state == .done)

        let review = DemoReview(ca: try DemoCA.openOrCreate(in: folder.path + "/demo-ca"), outbox: folder.path + "/outbox", fallbackDirectory: folder.path)
        draft = try review.advanceAll(draft, today: today).0
        let handed = try #require(try issuer.issuedCertificate(for: draft))
        #expect(handed.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(try Certificate(pemEncoded: handed.chainPEM).subject.description.contains(DemoCA.intermediateName))
        #expect(issuer.status(of: draft, today: today).line(.issuance)?.state == .done)

        // A certificate for another key is not handed over as this application's.
        var other = draft
        other.csr.publicKeyFingerprint = String(repeating: "0", count: 64)
        #expect(throws: IssuerError.self) { try issuer.issuedCertificate(for: other) }
    }
}
