import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz status` and `certwiz record`: the manual path from submission to installation.
@Suite struct TrackingCommandTests {
    let cli = CertWizProcess()

    struct Status: Decodable {
        struct Step: Decodable {
            let step: String
            let state: String
            let waitingOn: String?
            let date: String?
            let dateKind: String?
            let details: [Localized]
        }
        struct KeyDate: Decodable { let id: String; let date: String; let daysLeft: Int }
        let steps: [Step]
        let next: Localized
        let dates: [KeyDate]
        let timeline: [TimelineEvent]
        func step(_ name: String) -> Step? { steps.first { $0.step == name } }
    }

    func status(_ today: String) throws -> Status {
        let result = try cli.run("status", "--draft", "site", "--json", "--today", today)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Status.self, from: Data(result.stdout.utf8))
    }

    @Test func theManualPathRecordsEachEventAndStatusFollows() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let before = try status("2026-11-19")
        #expect(before.step("application")?.state == "to-do")
        #expect(before.step("phoneVerification")?.state == "blocked")
        #expect(before.dates.first { $0.id == "plannedTransfer" }?.daysLeft == 11)

        // Nothing but the submission can come first; the order number is required.
        #expect(try cli.run("record", "payment-received", "--draft", "site").status == 1)
        let noNumber = try cli.run("record", "submitted", "--draft", "site")
        #expect(noNumber.status == 1 && noNumber.stderr.contains("--order"))
        // A terminal control in a value is refused naming the option; the draft stays readable.
        for options in [["--order", "SS\u{1B}[31m42"], ["--order", "SS-0042", "--note", "done\u{9B}2J"]] {
            let refused = try cli.run(args: ["record", "submitted", "--draft", "site"] + options)
            #expect(refused.status == 1 && refused.stderr.contains("\(options[options.count - 2]): terminal control characters"), "\(refused.stderr)")
            #expect(!refused.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
        }
        #expect(try cli.run("status", "--draft", "site").status == 0)
        #expect(try cli.run("record", "submitted", "--draft", "site", "--order", "SS-0042", "--amount", "88000", "--date", "2026-11-20").status == 0)
        #expect(try cli.run("record", "submitted", "--draft", "site", "--order", "SS-0043").status == 1)  // recorded already
        let early = try cli.run("record", "domain-confirmed", "--draft", "site", "--date", "2026-11-19")
        #expect(early.status == 1 && early.stderr.contains("before the submission (2026-11-20)"))
        #expect(try cli.run("record", "approver-email-sent", "--draft", "site", "--to", "admin@example.co.jp", "--date", "2026-11-20").status == 0)

        // 2026-11-23 is a holiday: two business days after Friday 11-20 is Wednesday 11-25.
        let waiting = try #require(try status("2026-11-24").step("domainCheck"))
        #expect(waiting.state == "waiting" && waiting.waitingOn == "approver" && waiting.date == "2026-11-25" && waiting.dateKind == "reminder")
        let overdue = try status("2026-11-25")
        #expect(overdue.step("domainCheck")?.state == "to-do")
        #expect(overdue.next.en.contains("Remind the approver admin@example.co.jp"))

        for (event, day) in [("approver-replied", "2026-11-25"), ("organization-confirmed", "2026-11-26"),
                             ("payment-received", "2026-11-26"), ("phone-verified", "2026-11-27")] {
            let result = try cli.run("record", event, "--draft", "site", "--date", day)
            #expect(result.status == 0, "\(event): \(result.stderr)")
        }
        // Verified Friday 11-27: standard issuance 3 business days later, Wednesday 12-02.
        let verified = try status("2026-11-27")
        #expect(verified.step("issuance")?.state == "waiting" && verified.step("issuance")?.date == "2026-12-02")

        // The issued certificate must be this application's: signed by some CA over the CSR's key.
        let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        try (draft.csr.pem ?? "").write(toFile: cli.home + "/site.csr", atomically: false, encoding: .utf8)
        #expect(try cli.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                                 "-out", "ca.crt", "-subj", "/CN=Test CA", "-days", "30"]).status == 0)
        #expect(try cli.openssl(["x509", "-req", "-in", "site.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                                 "-out", "site.crt", "-days", "90", "-copy_extensions", "copy"]).status == 0)
        #expect(try cli.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "other.key",
                                 "-out", "other.crt", "-subj", "/CN=www.example.co.jp", "-days", "30"]).status == 0)
        let wrongKey = try cli.run("record", "issued", "--draft", "site", "--certificate", cli.home + "/other.crt")
        #expect(wrongKey.status == 1 && wrongKey.stderr.contains("not the CSR's key"), "\(wrongKey.stderr)")
        let wrongChain = try cli.run("record", "issued", "--draft", "site", "--certificate", cli.home + "/site.crt", "--chain", cli.home + "/other.crt")
        #expect(wrongChain.status == 1 && wrongChain.stderr.contains("did not issue"), "\(wrongChain.stderr)")
        #expect(try cli.run("record", "issued", "--draft", "site", "--certificate", cli.home + "/missing.crt").status == 2)
        let issued = try cli.run("record", "issued", "--draft", "site", "--certificate", cli.home + "/site.crt",
                                 "--chain", cli.home + "/ca.crt", "--date", "2026-12-01")
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(try cli.run("record", "installed", "--draft", "site", "--date", "2026-12-02").status == 0)

        let done = try status("2026-12-02")
        #expect(done.steps.allSatisfy { $0.state == "done" || $0.state == "not-needed" }, "\(done.steps.map { ($0.step, $0.state) })")
        #expect(done.timeline.map(\.event) == ["submitted", "approver-email-sent", "approver-replied", "organization-confirmed",
                                               "payment-received", "phone-verified", "issued", "installed"])
        let final = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(final.order.issuer == "manual" && final.order.amount == 88000)
        #expect(final.issuance.certificatePath == cli.home + "/site.crt" && final.issuance.serialNumber != nil)

        // The text form says the same, in Japanese too.
        let text = try cli.run("status", "--draft", "site", "--today", "2026-12-02", extraEnvironment: ["LANG": "ja_JP.UTF-8"])
        #expect(text.status == 0 && text.stdout.contains("5-2 インストール") && text.stdout.contains("すべて完了しました"), "\(text.stdout)")
    }

    @Test func badEventsAndUnreadableDraftsGetTheRightExitCodes() throws {
        let unknown = try cli.run("record", "approved", "--draft", "nothing")
        #expect(unknown.status == 64 && unknown.stderr.contains("approved"))
        let badAddress = try cli.run("record", "approver-email-sent", "--to", "not an address")
        #expect(badAddress.status == 64 && badAddress.stderr.contains("--to"))
        try cli.write("{ broken", to: "broken.json")
        #expect(try cli.run("status", "--draft", "broken").status == 2)
        let help = try cli.run("record", "--help")
        #expect(help.status == 0 && help.stdout.contains("approver-email-sent") && help.stdout.contains("organization-confirmed"))
        #expect(try cli.run("status", "--help").stdout.contains("not-needed"))
    }
}

@Suite struct SheetCommandTests {
    let cli = CertWizProcess()

    @Test func theSheetPrintsEveryFieldInOrderWithTheCSRAndTheManualIssuerRefusesToSubmit() throws {
        try cli.write(validDraftJSON, to: "site.json")
        let empty = try cli.run("sheet", "--draft", "site")
        #expect(empty.status == 0 && empty.stderr.contains("csr.pem"))
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let sheet = try cli.run("sheet", "--draft", "site")
        #expect(sheet.status == 0)
        let out = sheet.stdout
        let product = try #require(out.range(of: "Product: Secure Server ID"))
        let server = try #require(out.range(of: "Server software: nginx"))
        let csr = try #require(out.range(of: "-----BEGIN CERTIFICATE REQUEST-----"))
        let payment = try #require(out.range(of: "Payment method: bank transfer"))
        #expect(product.lowerBound < server.lowerBound && server.lowerBound < csr.lowerBound && csr.lowerBound < payment.lowerBound)
        #expect(out.contains("Technical contact's e-mail: suzuki@example.co.jp"))

        let json = try cli.run("sheet", "--draft", "site", "--json")
        struct Sheet: Decodable { let csr: String?; let missing: [String] }
        let decoded = try JSONDecoder().decode(Sheet.self, from: Data(json.stdout.utf8))
        #expect(decoded.csr?.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----") == true && decoded.missing.contains("organization.address"))

        #expect(try cli.run("set", "--draft", "site", "order.issuer=manual").status == 0)
        let submit = try cli.run("submit", "--draft", "site", "--today", "2026-11-24")
        #expect(submit.status == 1 && submit.stderr.contains("web site"), "\(submit.stderr)")
        #expect(try cli.run("status", "--draft", "site", "--today", "2026-11-24").stdout.contains("certwiz record submitted --order NUMBER"))
    }
}
