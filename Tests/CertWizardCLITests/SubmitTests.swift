import CertWizardCore
import Foundation
import Testing
import TestSupport

@Suite struct SubmitTests {
    let cli = CertWizProcess()

    @Test func refusesADraftWithErrorsAndSubmitsAValidOnceOnly() throws {
        try cli.write(validDraftJSON, to: "good.json")
        try cli.write(#"{"applicationType": "new", "csr": {"commonName": "www example"}}"#, to: "bad.json")
        let refused = try cli.run("submit", "--draft", "bad", "--today", "2026-11-24")
        #expect(refused.status == 1 && refused.stdout.contains("cn-not-fqdn") && refused.stderr.contains("not submitted"))
        #expect(!(try cli.read("bad.json")).contains("orderNumber"))

        // An application carries its CSR.
        let noCSR = try cli.run("submit", "--draft", "good", "--today", "2026-11-24")
        #expect(noCSR.status == 1 && noCSR.stdout.contains("csr-missing") && noCSR.stderr.contains("not submitted"), "\(noCSR.stdout)\(noCSR.stderr)")
        #expect(try cli.run("csr", "new", "--draft", "good").status == 0)
        let submitted = try cli.run("submit", "--draft", "good", "--today", "2026-11-24")
        #expect(submitted.status == 0, "\(submitted.stdout)\(submitted.stderr)")
        #expect(submitted.stdout.contains("Order number: DEMO-20261124-"))
        // Secure Server ID, 1 license, no Express: 80,000 + 10% tax (example prices).
        #expect(submitted.stdout.contains("¥88,000"))
        let draft = try DraftCodec.decode(Array(try cli.read("good.json").utf8))
        #expect(draft.order.orderNumber?.hasPrefix("DEMO-20261124-") == true && draft.order.amount == 88_000)
        #expect(draft.order.issuer == "demo" && draft.order.submittedOn == CalendarDate(iso8601: "2026-11-24"))
        #expect(draft.payment.transferAccount?.hasPrefix("デモ銀行 certwiz 支店 普通 ") == true)
        #expect(draft.timeline.last?.event == "submitted")

        let again = try cli.run("submit", "--draft", "good", "--today", "2026-11-24")
        #expect(again.status == 1 && again.stderr.contains("submitted already"))
    }

    @Test func theTransferAccountBelongsToTheStorefrontUserID() throws {
        try cli.write(validDraftJSON, to: "a.json")
        try cli.write(validDraftJSON, to: "b.json")
        for name in ["a", "b"] { #expect(try cli.run("csr", "new", "--draft", name).status == 0) }
        _ = try cli.run("submit", "--draft", "a", "--today", "2026-11-24")
        _ = try cli.run("submit", "--draft", "b", "--today", "2026-11-24")
        let a = try DraftCodec.decode(Array(try cli.read("a.json").utf8))
        let b = try DraftCodec.decode(Array(try cli.read("b.json").utf8))
        #expect(a.payment.transferAccount == b.payment.transferAccount)  // same technical contact e-mail
        #expect(a.order.orderNumber != b.order.orderNumber)
    }
}
