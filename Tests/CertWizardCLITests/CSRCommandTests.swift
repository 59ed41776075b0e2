import CertWizardCore
import Foundation
import Testing
import TestSupport

@Suite struct CSRCommandTests {
    let cli = CertWizProcess()

    func openssl(_ arguments: String...) throws -> (Int32, String) { try cli.openssl(arguments) }

    @Test(arguments: Applicant.all)
    func makesAKeyAndCSRFromOptions(_ applicant: Applicant) throws {
        let out = cli.home + "/out"
        let result = try cli.run("csr", "new", "--cn", "www.example.co.jp", "--o", applicant.nameEn, "--l", applicant.locality,
                                 "--st", applicant.state, "--c", "JP", "--san", "example.co.jp", "--key-type", "p256", "--out", out, "--json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("san-missing-cn"))
        struct Made: Decodable { let keyPath, csrPath, publicKeyFingerprint, keyType: String }
        let made = try JSONDecoder().decode(Made.self, from: Data(result.stdout.utf8))
        #expect(made.keyPath == out + "/www.example.co.jp.key" && made.keyType == "p256")
        let (status, text) = try openssl("req", "-verify", "-noout", "-text", "-in", made.csrPath)
        #expect(status == 0 && text.contains("DNS:www.example.co.jp, DNS:example.co.jp"), "\(text)")
        let (_, names) = try openssl("req", "-noout", "-subject", "-nameopt", "multiline", "-in", made.csrPath)
        #expect(names.contains(applicant.opensslOrganizationLine), "\(names)")
        // The CSR reads back with the value as given, not escaped.
        let check = try cli.run("csr", "check", made.csrPath, "--lang", "en")
        #expect(check.stdout.contains("organization: \(applicant.nameEn)\n"), "\(check.stdout)")
        // Again: the key in place stays, the new one is dated.
        let again = try cli.run("csr", "new", "--cn", "www.example.co.jp", "--o", applicant.nameEn, "--l", "Chuo-ku", "--st", "Tokyo",
                                "--c", "JP", "--key-type", "p256", "--out", out, "--today", "2026-11-24")
        #expect(again.status == 0 && again.stdout.contains("www.example.co.jp-2026-11-24.key"))
    }

    @Test func refusesASubjectTheRulesReject() throws {
        let out = cli.home + "/out"
        let result = try cli.run("csr", "new", "--cn", "www example", "--c", "jp", "--out", out)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cn-not-fqdn") && result.stderr.contains("country-invalid"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try cli.run("csr", "new", "--cn", "www.example.co.jp").status == 64)  // --out missing
        // A message quoting a value with a terminal control shows it as <U+001B>, never raw.
        let escaped = try cli.run("csr", "new", "--cn", "www.example.co.jp", "--o", "Ex\u{1B}[31mample K.K.", "--l", "Chuo-ku",
                                  "--st", "Tokyo", "--c", "JP", "--out", out)
        #expect(escaped.status == 1 && escaped.stderr.contains("organization-not-english") && escaped.stderr.contains("<U+001B>"), "\(escaped.stderr)")
        #expect(!escaped.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }

    /// A key is never replaced silently: the second key needs --new-key, and the first stays.
    @Test func aDraftsKeyIsReplacedOnlyWithNewKeyAndTheOldOneStays() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let first = try #require(try DraftCodec.decode(Array(try cli.read("site.json").utf8)).csr.keyPath)
        let before = try cli.read("site.json")
        let refused = try cli.run("csr", "new", "--draft", "site")
        #expect(refused.status == 1 && refused.stderr.contains(first) && refused.stderr.contains("--new-key"), "\(refused.stderr)")
        #expect(try cli.read("site.json") == before)
        let replaced = try cli.run("csr", "new", "--draft", "site", "--new-key")
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let second = try #require(try DraftCodec.decode(Array(try cli.read("site.json").utf8)).csr.keyPath)
        #expect(second != first)
        #expect(FileManager.default.fileExists(atPath: first) && FileManager.default.fileExists(atPath: second))
    }

    struct Report: Decodable { let findings: [Finding] }
    func findings(_ draft: String) throws -> [Finding] {
        let result = try cli.run("validate", "--draft", draft, "--json", "--today", "2026-11-24")
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)).findings
    }

    /// The CSR and the draft never disagree: an edit after the key was made makes the CSR stale,
    /// and submit refuses it.
    @Test func aFieldEditedAfterTheCSRWasMadeMakesItStale() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        #expect(try findings("site").filter { $0.code.hasPrefix("csr-") }.isEmpty)
        // certwiz status names the key the CSR belongs to.
        let keyPath = try #require(try DraftCodec.decode(Array(try cli.read("site.json").utf8)).csr.keyPath)
        #expect(try cli.run("status", "--draft", "site", "--json").stdout.contains("key: \(keyPath)"))
        #expect(try cli.run("set", "--draft", "site", "csr.organization=Other K.K.").status == 0)
        let stale = try findings("site").filter { $0.code == "csr-stale" }
        #expect(stale.map(\.field) == ["csr.organization"], "\(stale)")
        #expect(stale.first?.message.en.contains("the CSR says '\(Applicant.sample.nameEn)', the field 'Other K.K.'") == true)
        #expect(stale.first?.severity == .error && stale.first?.message.ja.isEmpty == false)
        let submit = try cli.run("submit", "--draft", "site", "--today", "2026-11-24")
        #expect(submit.status == 1 && submit.stdout.contains("csr-stale"), "\(submit.stdout)\(submit.stderr)")
        // A new key and CSR for the edited subject agree again.
        #expect(try cli.run("csr", "new", "--draft", "site", "--new-key").status == 0)
        #expect(try findings("site").filter { $0.code.hasPrefix("csr-") }.isEmpty)
    }

    @Test func aPastedCSRThatSaysSomethingElseOrCannotBeUsedIsAnError() throws {
        try cli.openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "o.key", "-out", "o.csr",
                         "-subj", "/C=JP/ST=Tokyo/L=Chuo-ku/O=Other K.K./CN=www.example.co.jp"])
        let pem = try String(contentsOfFile: cli.home + "/o.csr", encoding: .utf8)
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("set", "--draft", "site", "csr.origin=existing", "csr.pem=\(pem)").status == 0)
        let mismatch = try findings("site").filter { $0.code == "csr-subject-mismatch" }
        #expect(mismatch.map(\.field) == ["csr.organization"], "\(mismatch)")
        // The same CSR with its signature damaged cannot be used.
        let lines = pem.split(separator: "\n").map(String.init)
        var der = try #require(Data(base64Encoded: lines.dropFirst().dropLast().joined()))
        der[der.count - 1] ^= 0x01
        let damaged = "-----BEGIN CERTIFICATE REQUEST-----\n" + der.base64EncodedString(options: .lineLength64Characters) + "\n-----END CERTIFICATE REQUEST-----\n"
        #expect(try cli.run("set", "--draft", "site", "csr.pem=\(damaged)").status == 0)
        let codes = Set(try findings("site").map(\.code))
        #expect(codes.contains("csr-unusable") && codes.contains("csr-signature-invalid"), "\(codes)")
    }

    @Test func makesThemFromADraftAndRecordsPathAndFingerprint() throws {
        _ = try cli.run("new", "site")
        _ = try cli.run("set", "--draft", "site", "csr.commonName=www.example.co.jp", "csr.organization=" + Applicant.sample.nameEn,
                        "csr.locality=Chuo-ku", "csr.state=Tokyo", "csr.country=JP", "csr.keyType=rsa2048")
        let result = try cli.run("csr", "new", "--draft", "site")
        #expect(result.status == 0, "\(result.stderr)")
        let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        let keyPath = try #require(draft.csr.keyPath)
        #expect(keyPath.hasPrefix(cli.home + "/data/certwiz/keys/site/"))
        #expect(draft.csr.publicKeyFingerprint?.count == 64)
        #expect(draft.csr.pem?.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----") == true)
        #expect(!(try cli.read("site.json")).contains("PRIVATE KEY"))
        let (status, _) = try openssl("pkey", "-in", keyPath, "-noout")
        #expect(status == 0)
    }

    @Test func encryptsTheKeyWithAPassphraseFromAFile() throws {
        let out = cli.home + "/enc"
        try "correct horse battery\n".write(toFile: cli.home + "/pass", atomically: true, encoding: .utf8)
        let result = try cli.run("csr", "new", "--cn", "www.example.co.jp", "--o", Applicant.sample.nameEn, "--l", "Chuo-ku", "--st", "Tokyo",
                                 "--c", "JP", "--key-type", "p256", "--out", out, "--encrypt", "--passphrase-file", cli.home + "/pass")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("asks for the passphrase"))
        #expect(try openssl("pkey", "-in", out + "/www.example.co.jp.key", "-passin", "pass:correct horse battery", "-noout").0 == 0)
        #expect(try openssl("pkey", "-in", out + "/www.example.co.jp.key", "-passin", "pass:wrong", "-noout").0 != 0)
        // Without a terminal and without a file there is no one to ask.
        let noTTY = try cli.run("csr", "new", "--cn", "www.example.co.jp", "--c", "JP", "--o", Applicant.sample.nameEn, "--l", "Chuo-ku",
                                "--st", "Tokyo", "--out", cli.home + "/enc2", "--encrypt")
        #expect(noTTY.status == 1 && noTTY.stderr.contains("--passphrase-file"))
        #expect(!FileManager.default.fileExists(atPath: cli.home + "/enc2"))
    }
}
