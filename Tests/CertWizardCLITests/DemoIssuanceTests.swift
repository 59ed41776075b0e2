import CertWizardCore
import Foundation
import Testing
import TestSupport

/// From a fresh HOME to an issued certificate through the demo issuer.
@Suite struct DemoIssuanceTests {
    let cli = CertWizProcess()

    @Test func aFullRunEndsWithACertificateOpenSSLVerifies() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        #expect(try cli.run("demo", "advance", "--draft", "site").status == 1)  // not submitted yet
        #expect(try cli.run("submit", "--draft", "site", "--today", "2026-11-24").status == 0)
        let first = try cli.run("demo", "advance", "--draft", "site", "--today", "2026-11-25")
        #expect(first.status == 0 && first.stdout.contains("Domain right of use confirmed"), "\(first.stdout)\(first.stderr)")
        let rest = try cli.run("demo", "advance", "--draft", "site", "--all", "--today", "2026-11-26")
        #expect(rest.status == 0 && rest.stdout.contains("Issued:"), "\(rest.stdout)\(rest.stderr)")

        let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        let crt = try #require(draft.issuance.certificatePath)
        let chain = try #require(draft.issuance.chainPath)
        #expect(crt.hasSuffix("/www.example.co.jp.crt") && chain.hasSuffix("/www.example.co.jp.chain.crt"))
        // The certificate is named after its key.
        #expect(crt == String(try #require(draft.csr.keyPath).dropLast(4)) + ".crt")
        #expect(draft.issuance.issuedOn == CalendarDate(iso8601: "2026-11-26"))
        #expect(draft.timeline.map(\.event) == ["submitted", "domain-confirmed", "organization-confirmed", "payment-received", "phone-verified", "issued"])
        let ca = cli.home + "/data/certwiz/demo-ca"
        let verify = try cli.openssl(["verify", "-CAfile", ca + "/root.crt", "-untrusted", chain, crt])
        #expect(verify.status == 0, "\(verify.output)")
        // The certificate carries the CSR's key and names.
        let certKey = try cli.openssl(["x509", "-in", crt, "-noout", "-pubkey"]).output
        let keyPub = try cli.openssl(["pkey", "-in", try #require(draft.csr.keyPath), "-pubout"]).output
        #expect(certKey == keyPub)
        #expect(try cli.openssl(["x509", "-in", crt, "-noout", "-ext", "subjectAltName"]).output.contains("DNS:www.example.co.jp"))
        #expect(try cli.run("demo", "advance", "--draft", "site").status == 1)  // complete

        // The notice parses as mail, with the product's subject and the certificate in its body.
        let eml = cli.home + "/data/certwiz/outbox/\(try #require(draft.order.orderNumber)).eml"
        let script = """
            import email, sys
            from email.header import decode_header, make_header
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
            print(str(make_header(decode_header(m['Subject']))))
            print(m['To'])
            print(m.get_payload(decode=True).decode('utf-8'))
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, eml]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let parsed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(parsed.hasPrefix("サーバ ID 発行のお知らせ (セキュア・サーバ ID)"), "\(parsed.prefix(200))")
        #expect(parsed.contains("suzuki@example.co.jp"))
        #expect(parsed.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3)
    }

    /// A renewal starts from what was issued: nothing typed again.
    @Test func aRenewalFromAnIssuedDraftCarriesEverythingOver() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("new", "--type", "renewal", "--from", "site", "early").status == 1)  // not issued yet
        #expect(try cli.run("new", "--from", "site", "wrong").status == 64)                     // --from is for renewals
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        #expect(try cli.run("submit", "--draft", "site", "--today", "2026-11-24").status == 0)
        #expect(try cli.run("demo", "advance", "--draft", "site", "--all", "--today", "2026-11-24").status == 0)
        let result = try cli.run("new", "--type", "renewal", "--from", "site", "renew")
        #expect(result.status == 0, "\(result.stderr)")
        let issued = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        let renewal = try DraftCodec.decode(Array(try cli.read("renew.json").utf8))
        #expect(renewal.applicationType == .renewal)
        #expect(renewal.organization == issued.organization)
        #expect(renewal.applicantInCharge == issued.applicantInCharge && renewal.technicalContact == issued.technicalContact)
        #expect(renewal.csr.commonName == "www.example.co.jp" && renewal.csr.organization == issued.csr.organization
                && renewal.csr.locality == issued.csr.locality && renewal.csr.state == issued.csr.state && renewal.csr.country == issued.csr.country)
        #expect(renewal.csr.keyType == issued.csr.keyType && renewal.csr.serverSoftware == issued.csr.serverSoftware)
        #expect(renewal.order.product == issued.order.product && renewal.order.orderNumber == nil)
        // A new key comes later: nothing of the old key or CSR is kept.
        #expect(renewal.csr.keyPath == nil && renewal.csr.pem == nil && renewal.csr.publicKeyFingerprint == nil)
        // The issued certificate is the current one.
        #expect(renewal.currentCertificate.commonName == "www.example.co.jp")
        #expect(renewal.currentCertificate.serialNumber == issued.issuance.serialNumber)
        #expect(renewal.currentCertificate.publicKeyFingerprint == issued.csr.publicKeyFingerprint)
        #expect(renewal.currentCertificate.notBefore != nil && renewal.currentCertificate.notAfter != nil)
        #expect(renewal.currentCertificate.source == issued.issuance.certificatePath)
    }
}
