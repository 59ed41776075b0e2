import Foundation
import Testing
import TestSupport
@testable import CertWizardCore

@Suite(.serialized) struct CLITests {
    let cli = CertWizProcess()

    @Test func everyCommandHasHelp() throws {
        for command in [[], ["wizard"], ["drafts"], ["validate"], ["new"], ["set"], ["rm"], ["submit"], ["status"], ["sheet"], ["record"], ["reissue"], ["demo", "advance"]] {
            let result = try cli.run(args: command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE: certwiz"), "\(command)")
        }
        let ja = try cli.run("validate", "--help", extraEnvironment: ["LANG": "ja_JP.UTF-8"])
        #expect(ja.stdout.contains("下書きをすべての規則で検査する"))
        let forced = try cli.run("--lang", "en", "validate", "--help", extraEnvironment: ["LANG": "ja_JP.UTF-8"])
        #expect(forced.stdout.contains("Check a draft against every rule"))
    }

    @Test func validateExitsZeroOneOrTwo() throws {
        try cli.write(validDraftJSON, to: "good.json")
        // "Make the key and CSR here" with none made: an error, as submit says too.
        let noCSR = try cli.run("validate", "--draft", "good", "--today", "2026-11-24")
        #expect(noCSR.status == 1 && noCSR.stdout.contains("csr-missing") && noCSR.stdout.contains("1 error"), "\(noCSR.stdout)")
        #expect(try cli.run("csr", "new", "--draft", "good").status == 0)
        let good = try cli.run("validate", "--draft", "good", "--today", "2026-11-24")
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("0 errors"))

        try cli.write(#"{"applicationType": "new", "csr": {"commonName": "www example", "country": "jp"}}"#, to: "bad.json")
        let bad = try cli.run("validate", "--draft", "bad", "--today", "2026-11-24")
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("cn-not-fqdn") && bad.stdout.contains("country-invalid"))

        try cli.write(#"{"csr": {"commonName": "www.ex"#, to: "cut.json")
        let cut = try cli.run("validate", "--draft", "cut")
        #expect(cut.status == 2)
        #expect(cut.stderr.contains(cli.draftsDirectory + "/cut.json") && cut.stderr.contains("cut off at line 1"))
        #expect(try cli.read("cut.json") == #"{"csr": {"commonName": "www.ex"#)

        try cli.write(#"{"schemaVersion": 9}"#, to: "future.json")
        let future = try cli.run("validate", "--draft", "future")
        #expect(future.status == 2 && future.stderr.contains("schemaVersion 9"))

        let missing = try cli.run("validate", "--draft", "/nonexistent/draft.json")
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent/draft.json"))
    }

    @Test func validateJSONHasTheDocumentedShape() throws {
        try cli.write(#"{"applicationType": "renewal", "payment": {"deferred": true}, "csr": {"organizationalUnit": "Web"}}"#, to: "r.json")
        let result = try cli.run("validate", "--draft", cli.draftsDirectory + "/r.json", "--json", "--today", "2026-11-24")
        #expect(result.status == 1)
        struct Report: Decodable { let findings: [Finding] }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        let ou = report.findings.first { $0.code == "ou-deprecated" }
        #expect(ou?.severity == .warning && ou?.field == "csr.organizationalUnit")
        #expect(ou?.message.ja.isEmpty == false && ou?.message.en.isEmpty == false)
        #expect(report.findings.contains { $0.code == "current-certificate-expiry-missing" })
        #expect(!report.findings.contains { $0.code == "deferred-payment-renewal-only" })
    }

    /// Today's industry rules inform and warn, dated by --today, and never block.
    @Test func todaysRulesInformAndWarnByDate() throws {
        try cli.write(#"""
        {"applicationType": "renewal", "order": {"product": "secure"},
         "currentCertificate": {"commonName": "www.example.co.jp", "notBefore": "2026-01-10", "notAfter": "2027-01-09"},
         "domainCheck": {"whoisMatches": false, "method": "approverEmail", "approverEmail": "admin@example.co.jp"}}
        """#, to: "t.json")
        struct Report: Decodable { let findings: [Finding] }
        func findings(on day: String) throws -> [String: Finding] {
            let result = try cli.run("validate", "--draft", cli.draftsDirectory + "/t.json", "--json", "--today", day)
            let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
            return Dictionary(report.findings.map { ($0.code, $0) }) { first, _ in first }
        }
        let now = try findings(on: "2026-11-24")
        #expect(now["validity-plan"]?.severity == .info && now["validity-plan"]?.field == "order.product")
        #expect(now["validity-plan"]?.message.en.contains("at most 200 days") == true)
        #expect(now["validity-plan"]?.message.en.contains("from 2027-03-15 last at most 100 days") == true)
        #expect(now["approver-email-constructed"]?.severity == .warning)
        #expect(now["approver-email-constructed"]?.message.en.contains("ends on 2028-03-15") == true)
        #expect(now["org-validation-reuse"]?.message.en.contains("until 2027-02-12") == true)
        let later = try findings(on: "2027-04-01")
        #expect(later["validity-plan"]?.message.en.contains("at most 100 days") == true)
        #expect(later["org-validation-reuse"]?.message.en.contains("checked again") == true)
        #expect(try findings(on: "2028-03-15")["approver-email-constructed"]?.message.en.contains("ended on 2028-03-15") == true)
        // Before the discouragement began there is nothing to warn about.
        #expect(try findings(on: "2026-03-14")["approver-email-constructed"] == nil)
        // None of them is an error.
        #expect(![now, later].contains { $0.values.contains { ["validity-plan", "approver-email-constructed", "org-validation-reuse"].contains($0.code) && $0.severity == .error } })
    }

    @Test func aFreeReissueCarriesThePaymentOfTheOriginalOrder() throws {
        try cli.write(#"""
        {"applicationType": "reissue", "reissue": {"reason": "keyLost", "originalIssuedOn": "2026-11-10"},
         "payment": {"method": "coupon"}, "order": {"product": "secure"}}
        """#, to: "ri.json")
        struct Report: Decodable { let findings: [Finding] }
        func codes(on day: String) throws -> Set<String> {
            let result = try cli.run("validate", "--draft", cli.draftsDirectory + "/ri.json", "--json", "--today", day)
            return Set(try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)).findings.map(\.code))
        }
        #expect(!(try codes(on: "2026-11-24")).contains("coupon-missing"))
        #expect(try codes(on: "2026-12-24").contains("coupon-missing"))
        _ = try cli.run("set", "--draft", cli.draftsDirectory + "/ri.json", "payment.method=bankTransfer")
        #expect(!(try codes(on: "2026-11-24")).contains("payment-date-missing"))
        #expect(try codes(on: "2026-12-24").contains("payment-date-missing"))
    }

    @Test func versionIsPrinted() throws {
        let result = try cli.run("--version")
        #expect(result.status == 0 && result.stdout.split(separator: ".").count == 3, "\(result.stdout)")
    }

    @Test func newSetDraftsAndRemove() throws {
        let created = try cli.run("new", "--type", "renewal", "本社サイト")
        #expect(created.status == 0, "\(created.stderr)")
        let path = cli.draftsDirectory + "/本社サイト.json"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)

        #expect(try cli.run("new", "本社サイト").status == 1)

        let set = try cli.run("set", "--draft", "本社サイト", "csr.commonName=www.example.co.jp", "order.express=yes",
                              "csr.subjectAltNames=www.example.co.jp,example.co.jp", "csr.country=jp")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("country-invalid"))
        let draft = try DraftCodec.decode(Array(try cli.read("本社サイト.json").utf8))
        #expect(draft.applicationType == .renewal && draft.order.express == true)
        #expect(draft.csr.subjectAltNames == ["www.example.co.jp", "example.co.jp"])

        let unknown = try cli.run("set", "--draft", "本社サイト", "csr.cn=x")
        #expect(unknown.status == 1 && unknown.stderr.contains("no field csr.cn"))
        let wrong = try cli.run("set", "--draft", "本社サイト", "csr.keyType=rsa1024")
        #expect(wrong.status == 1 && wrong.stderr.contains("rsa2048, rsa3072, rsa4096, p256, p384"))

        let listing = try cli.run("drafts")
        #expect(listing.stdout.contains("本社サイト") && listing.stdout.contains("renewal") && listing.stdout.contains("www.example.co.jp"))

        // Without a terminal and without --yes nothing is deleted.
        let refused = try cli.run("rm", "本社サイト")
        #expect(refused.status == 1 && FileManager.default.fileExists(atPath: path))
        #expect(try cli.run("rm", "--yes", "本社サイト").status == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func listsBrokenDraftsWithTheReason() throws {
        try cli.write(validDraftJSON, to: "good.json")
        try cli.write("\u{0}\u{1}", to: "junk.json")
        let result = try cli.run("drafts", "--json")
        struct Listing: Decodable { struct Row: Decodable { let name: String; let error: String?; let step: String? }; let drafts: [Row] }
        let listing = try JSONDecoder().decode(Listing.self, from: Data(result.stdout.utf8))
        #expect(listing.drafts.first { $0.name == "junk" }?.error?.contains("not text") == true)
        #expect(listing.drafts.first { $0.name == "good" }?.step != nil)
    }

    @Test func aDraftOpenElsewhereIsRefused() throws {
        _ = try cli.run("new", "site")
        let file = DraftFile(path: cli.draftsDirectory + "/site.json")
        let (_, lock) = try file.open()
        let refused = try cli.run("set", "--draft", "site", "csr.commonName=www.example.co.jp")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("open in another certwiz (pid \(getpid()))"))
        #expect(try cli.run("rm", "--yes", "site").status == 1)
        lock.release()
        #expect(try cli.run("set", "--draft", "site", "csr.commonName=www.example.co.jp").status == 0)
    }

    @Test func aCrashBetweenWriteAndRenameLeavesTheOldDraft() throws {
        _ = try cli.run("new", "site")
        _ = try cli.run("set", "--draft", "site", "csr.commonName=old.example.co.jp")
        let before = try cli.read("site.json")
        let crashed = try cli.run("set", "--draft", "site", "csr.commonName=new.example.co.jp",
                                  extraEnvironment: ["CERTWIZ_TEST_CRASH": "after-write"])
        #expect(crashed.status == -SIGKILL)
        #expect(try cli.read("site.json") == before)
        // The lock died with the process: the next command works at once.
        let after = try cli.run("set", "--draft", "site", "csr.commonName=new.example.co.jp")
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try cli.read("site.json").contains("new.example.co.jp"))
        // The crashed process's temporary file (a whole copy of the draft) was removed when the
        // draft was next opened, and is ignored by the listing.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.draftsDirectory).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let listing = try cli.run("drafts", "--json")
        #expect(!listing.stdout.contains(".tmp-"))
    }

    @Test func validateWithoutADraftNameUsesTheNewest() throws {
        let none = try cli.run("validate")
        #expect(none.status == 2 && none.stderr.contains("certwiz new NAME"))
        _ = try cli.run("new", "only")
        let one = try cli.run("validate")
        #expect(one.stdout.contains("only.json"))
    }
}
