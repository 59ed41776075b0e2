import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz reissue`: from an issued draft to a new application with a new key, free or charged.
@Suite struct ReissueTests {
    let cli = CertWizProcess()

    func draft(_ name: String) throws -> Draft { try DraftCodec.decode(Array(try cli.read(name + ".json").utf8)) }

    @Test func aReissueWithinTwentyFiveDaysIsFreeAndGetsANewKey() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let notIssued = try cli.run("reissue", "--draft", "site", "--reason", "keyLost")
        #expect(notIssued.status == 1 && notIssued.stderr.contains("has not been issued"))
        #expect(try cli.run("submit", "--draft", "site", "--today", "2026-11-24").status == 0)
        #expect(try cli.run("demo", "advance", "--draft", "site", "--fast", "--today", "2026-11-26").status == 0)
        let original = try draft("site")

        let free = try cli.run("reissue", "--draft", "site", "--reason", "keyLost", "--today", "2026-12-19")
        #expect(free.status == 0, "\(free.stderr)")
        #expect(free.stdout.contains("Free: within 25 days of the first issuance on 2026-11-26 (until 2026-12-21)"))
        // 2026-12-19 is a Saturday: the request is handled on Monday.
        #expect(free.stdout.contains("handled on 2026-12-21"))
        let reissue = try draft("site-reissue-2026-12-19")
        #expect(reissue.applicationType == .reissue && reissue.reissue.reason == .keyLost)
        #expect(reissue.reissue.originalIssuedOn == CalendarDate(iso8601: "2026-11-26"))
        #expect(reissue.currentCertificate.serialNumber == original.issuance.serialNumber)
        let keyPath = try #require(reissue.csr.keyPath)
        #expect(keyPath != original.csr.keyPath && reissue.csr.publicKeyFingerprint != original.csr.publicKeyFingerprint)
        var info = stat()
        #expect(stat(keyPath, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(reissue.order.orderNumber == nil && reissue.issuance.issuedOn == nil)
        #expect(try cli.run("reissue", "--draft", "site", "--reason", "keyLost", "--today", "2026-12-19").status == 1)  // exists

        // The demo issuer charges nothing; there is no payment step; the new certificate has the new key.
        let submitted = try cli.run("submit", "--draft", "site-reissue-2026-12-19", "--today", "2026-12-21")
        #expect(submitted.status == 0, "\(submitted.stdout)\(submitted.stderr)")
        #expect(try draft("site-reissue-2026-12-19").order.amount == 0)
        let status = try cli.run("status", "--draft", "site-reissue-2026-12-19", "--today", "2026-12-21", "--json")
        struct Step: Decodable { let step: String; let state: String; let details: [Localized] }
        struct Status: Decodable { let steps: [Step] }
        let payment = try #require(try JSONDecoder().decode(Status.self, from: Data(status.stdout.utf8)).steps.first { $0.step == "payment" })
        #expect(payment.state == "not-needed" && payment.details.first?.en == "Nothing to pay (a free reissue)")
        #expect(try cli.run("demo", "advance", "--draft", "site-reissue-2026-12-19", "--all", "--today", "2026-12-21").status == 0)
        let reissued = try draft("site-reissue-2026-12-19")
        let certKey = try cli.openssl(["x509", "-in", try #require(reissued.issuance.certificatePath), "-noout", "-pubkey"]).output
        let newKey = try cli.openssl(["pkey", "-in", keyPath, "-pubout"]).output
        #expect(certKey == newKey)
        #expect(!reissued.timeline.map(\.event).contains("payment-received"))
    }

    @Test func aLateReissueIsChargedAndASubjectChangeWaitsForTheNewSubject() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        #expect(try cli.run("submit", "--draft", "site", "--today", "2026-11-24").status == 0)
        #expect(try cli.run("demo", "advance", "--draft", "site", "--all", "--today", "2026-11-26").status == 0)
        let late = try cli.run("reissue", "--draft", "site", "--reason", "commonNameChange", "--name", "moved", "--today", "2027-01-05")
        #expect(late.status == 0 && late.stdout.contains("Charged") && late.stdout.contains("certwiz csr new --draft moved"), "\(late.stdout)")
        let moved = try draft("moved")
        #expect(moved.csr.keyPath == nil && moved.csr.pem == nil)
        #expect(try cli.run("reissue", "--draft", "site", "--reason", "lostIt").status == 64)
    }
}
