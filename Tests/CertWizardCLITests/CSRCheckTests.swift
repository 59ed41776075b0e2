import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz csr check` against CSRs that openssl makes with each defect.
@Suite struct CSRCheckTests {
    let cli = CertWizProcess()
    let subject = Applicant.sample.opensslSubject

    @discardableResult
    func openssl(_ arguments: [String]) throws -> Int32 { try cli.openssl(arguments).status }

    /// A CSR made by `openssl req` with `newkey` and extra options; returns its path.
    func opensslCSR(_ name: String, newkey: String, _ extra: [String] = [], subject: String? = nil) throws -> String {
        try openssl(["req", "-new", "-newkey", newkey, "-nodes", "-subj", subject ?? self.subject, "-keyout", "\(name).key", "-out", "\(name).csr"] + extra)
        return cli.home + "/\(name).csr"
    }

    func check(_ arguments: String...) throws -> (CertWizProcess.Result, [String]) {
        let result = try cli.run(args: ["csr", "check"] + arguments + ["--json", "--today", "2026-11-24"])
        struct Report: Decodable { struct F: Decodable { let code: String }; let findings: [F] }
        let codes = (try? JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)))?.findings.map(\.code) ?? []
        return (result, codes)
    }

    @Test func aGoodCSRPassesAndIsDescribed() throws {
        let path = try opensslCSR("good", newkey: "rsa:2048", ["-addext", "subjectAltName=DNS:www.example.co.jp,DNS:example.co.jp"])
        let (result, codes) = try check(path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(codes.isEmpty)
        struct Report: Decodable { let subject: [String: String]; let subjectAltNames: [String]; let keyType: String; let keyBits: Int; let signatureAlgorithm: String }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.subject["commonName"] == "www.example.co.jp" && report.subject["country"] == "JP")
        #expect(report.subjectAltNames == ["www.example.co.jp", "example.co.jp"])
        #expect(report.keyType == "rsa" && report.keyBits == 2048 && report.signatureAlgorithm == "sha256WithRSAEncryption")
        // The key it came from matches; another key does not.
        #expect(try check(path, "--key", cli.home + "/good.key").0.status == 0)
        _ = try opensslCSR("other", newkey: "rsa:2048")
        let mismatch = try check(path, "--key", cli.home + "/other.key")
        #expect(mismatch.0.status == 1 && mismatch.1 == ["csr-key-mismatch"])
    }

    @Test func eachDefectHasItsCode() throws {
        #expect(try check(try opensslCSR("small", newkey: "rsa:1024")).1.contains("key-too-small"))
        #expect(try check(try opensslCSR("sha1", newkey: "rsa:2048", ["-sha1"])).1.contains("signature-algorithm-weak"))
        #expect(try check(try opensslCSR("ed", newkey: "ed25519")).1.contains("key-type-unsupported"))
        try openssl(["dsaparam", "-out", "dsa.param", "2048"])
        #expect(try check(try opensslCSR("dsa", newkey: "dsa:dsa.param")).1.contains("key-type-unsupported"))
        try openssl(["ecparam", "-name", "prime256v1", "-out", "p256.param"])
        let dn = try check(try opensslCSR("dn", newkey: "ec:p256.param", ["-utf8"], subject: "/C=jp/O=サンプル/CN=www_1.example.co.jp"))
        #expect(dn.0.status == 1)
        #expect(Set(dn.1).isSuperset(of: ["country-invalid", "organization-not-english", "cn-not-fqdn", "locality-missing"]), "\(dn.1)")
    }

    /// A small RSA key is named, not called damaged: swift-certificates refuses such CSRs, but
    /// the report still shows what they ask for, and exits 1 (a CSR with errors), not 2.
    @Test(arguments: [512, 1024])
    func aSmallKeyIsNamedBesideTheSubjectAndNames(_ bits: Int) throws {
        let path = try opensslCSR("small\(bits)", newkey: "rsa:\(bits)", ["-addext", "subjectAltName=DNS:www.example.co.jp,DNS:example.co.jp"])
        let (result, codes) = try check(path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(codes.contains("key-too-small") && !codes.contains("csr-unusable"), "\(codes)")
        struct Report: Decodable { let subject: [String: String]; let subjectAltNames: [String]; let keyBits: Int }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.subject["organization"] == Applicant.sample.nameEn && report.subject["commonName"] == "www.example.co.jp")
        #expect(report.subjectAltNames == ["www.example.co.jp", "example.co.jp"] && report.keyBits == bits)
        let text = try cli.run("csr", "check", path, "--lang", "en", "--today", "2026-11-24").stdout
        #expect(text.contains("organization: \(Applicant.sample.nameEn)") && !text.contains("damaged"), "\(text)")
        // In a draft the CSR cannot be used, and says it is the key.
        try cli.write(draftJSON(for: .sample).replacingOccurrences(of: #""origin": "generateHere", "keyType": "p256""#, with: #""origin": "existing""#),
                      to: "s\(bits).json")
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try cli.run("set", "--draft", "s\(bits)", "csr.pem=" + pem).status == 0)
        let validate = try cli.run("validate", "--draft", "s\(bits)", "--lang", "en", "--today", "2026-11-24")
        #expect(validate.status == 1 && validate.stdout.contains("key-too-small") && !validate.stdout.contains("damaged"), "\(validate.stdout)")
    }

    /// What swift-certificates cannot parse is unusable: exit 2 with csr-unusable naming why, even
    /// when the lenient reader finds a key and a signature algorithm in it (here the P-256
    /// signature's SEQUENCE made a SET).
    @Test func aCSRTheParserCannotReadIsUnusableExit2() throws {
        try openssl(["ecparam", "-name", "prime256v1", "-out", "p256.param"])
        let path = try opensslCSR("p", newkey: "ec:p256.param")
        try openssl(["req", "-in", path, "-outform", "DER", "-out", "p.der"])
        var der = Array(try Data(contentsOf: URL(fileURLWithPath: cli.home + "/p.der")))
        // The BIT STRING holding the signature is the last element: 03 LEN 00 30 ….
        func isSignatureBitString(_ at: Int) -> Bool {
            let length = Int(der[at + 1])
            return der[at] == 0x03 && length == der.count - at - 2 && der[at + 2] == 0
        }
        let bitString = try #require((0..<(der.count - 3)).last(where: isSignatureBitString))
        #expect(der[bitString + 3] == 0x30)
        der[bitString + 3] = 0x31
        try Data(der).write(to: URL(fileURLWithPath: cli.home + "/damaged.der"))
        let (result, codes) = try check(cli.home + "/damaged.der")
        #expect(result.status == 2 && codes.contains("csr-unusable"), "\(result.status) \(codes) \(result.stderr)")
        #expect(try cli.openssl(["req", "-inform", "DER", "-in", "damaged.der", "-verify", "-noout"]).status != 0, "openssl refuses it too")
        let text = try cli.run("csr", "check", cli.home + "/damaged.der", "--today", "2026-11-24")
        #expect(text.status == 2 && text.stdout.contains("the CSR cannot be parsed"), "\(text.stdout)")
    }

    @Test func aTamperedSignatureIsCaught() throws {
        let path = try opensslCSR("t", newkey: "rsa:2048")
        try openssl(["req", "-in", path, "-outform", "DER", "-out", "t.der"])
        var der = Array(try Data(contentsOf: URL(fileURLWithPath: cli.home + "/t.der")))
        der[der.count - 10] ^= 0xFF  // inside the signature
        try Data(der).write(to: URL(fileURLWithPath: cli.home + "/t-bad.der"))
        let (result, codes) = try check(cli.home + "/t-bad.der")
        #expect(result.status == 1 && codes == ["csr-signature-invalid"], "\(result.stdout)")
    }

    @Test func mailMangledCRLFAndDERAreAccepted() throws {
        let path = try opensslCSR("m", newkey: "rsa:2048")
        let pem = try String(contentsOfFile: path, encoding: .utf8)
        let mangled = "Hi, here is our CSR:\r\n\r\n" + pem.split(separator: "\n").map { "> " + $0 }.joined(separator: "\r\n") + "\r\n\r\nRegards,\r\nSuzuki\r\n"
        try mangled.write(toFile: cli.home + "/mail.txt", atomically: true, encoding: .utf8)
        #expect(try check(cli.home + "/mail.txt").0.status == 0)
        try openssl(["req", "-in", path, "-outform", "DER", "-out", "m.der"])
        #expect(try check(cli.home + "/m.der").0.status == 0)
    }

    @Test func whatIsNotACSRIsNamed() throws {
        _ = try opensslCSR("k", newkey: "rsa:2048")
        try openssl(["req", "-x509", "-key", "k.key", "-subj", subject, "-days", "30", "-out", "cert.pem"])
        let cases: [(String, String)] = [("cert.pem", "a certificate, not a CSR"), ("k.key", "a private key, not a CSR")]
        for (file, words) in cases {
            let (result, _) = try check(cli.home + "/" + file)
            #expect(result.status == 2 && result.stderr.contains(words), "\(file): \(result.stderr)")
        }
        try Data().write(to: URL(fileURLWithPath: cli.home + "/empty"))
        #expect(try check(cli.home + "/empty").0.stderr.contains("it is empty"))
        try Data((0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: URL(fileURLWithPath: cli.home + "/junk"))
        let junk = try check(cli.home + "/junk")
        #expect(junk.0.status == 2 && junk.0.stderr.contains("nothing in it reads as a CSR"))
    }

    @Test func aRenewalKeepsTheCNAndRespectsTheWindow() throws {
        _ = try opensslCSR("cur", newkey: "rsa:2048", subject: "/C=JP/CN=shop.example.co.jp")
        try openssl(["req", "-x509", "-key", "cur.key", "-subj", "/C=JP/CN=shop.example.co.jp", "-days", "200", "-out", "current.pem"])
        let path = try opensslCSR("new", newkey: "rsa:2048")
        let result = try cli.run(args: ["csr", "check", path, "--renewal-of", cli.home + "/current.pem", "--json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("cn-mismatch-renewal"))
        #expect(result.stdout.contains("renewal-too-early"))  // issued today: renewable from 30 days on
    }
}
