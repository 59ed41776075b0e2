import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz acme register` and `certwiz submit` with an ACME issuer: a real pebble on 127.0.0.1
/// (EAB required, mock DNS answering 127.0.0.1), certwiz's own http-01 responder or a webroot.
@Suite struct ACMESubmitTests {
    let cli = CertWizProcess()

    @Test func registerWithEABThenSubmitGetsTheCertificateForTheDraftsKey() throws {
        let pebble = try PebbleServer(in: cli.home + "/pebble")
        defer { pebble.stop() }
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("set", "--draft", "site", "order.issuer=acme", "acme.directory=\(pebble.directoryURL)", "acme.challenge=http-01").status == 0)
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)

        let noAccount = try cli.run("submit", "--draft", "site", "--http-port", "\(pebble.httpPort)", "--ca-file", pebble.tlsCertificatePath)
        #expect(noAccount.status == 1 && noAccount.stderr.contains("certwiz acme register"), "\(noAccount.stdout)\(noAccount.stderr)")

        // The CA's HTTPS from a private CA (pebble's) is not trusted without its certificate: said so.
        let untrusted = try cli.run("acme", "register", "--directory", pebble.directoryURL)
        #expect(untrusted.status == 1 && untrusted.stderr.contains("not trusted") && untrusted.stderr.contains("--ca-file"), "\(untrusted.stderr)")
        #expect(!untrusted.stderr.contains("OPENSSL_internal") && !untrusted.stderr.contains(" at /"), "\(untrusted.stderr)")

        // Without the binding the CA refuses, in its own words.
        let unbound = try cli.run("acme", "register", "--directory", pebble.directoryURL, "--ca-file", pebble.tlsCertificatePath)
        #expect(unbound.status == 1 && unbound.stderr.contains("externalAccountRequired"), "\(unbound.stderr)")

        // A wrong HMAC key: the CA's words, and no account saved.
        let wrongFile = cli.home + "/eab-wrong"
        try "bm90IHRoZSByaWdodCBrZXkgYXQgYWxsLCBzb3JyeQ\n".write(toFile: wrongFile, atomically: true, encoding: .utf8)
        let wrong = try cli.run("acme", "register", "--directory", pebble.directoryURL, "--eab-kid", PebbleServer.eabKeyID,
                                "--eab-hmac-key-file", wrongFile, "--ca-file", pebble.tlsCertificatePath)
        #expect(wrong.status == 1 && wrong.stderr.contains("could not register the account") && wrong.stderr.contains("urn:ietf:params:acme:error"), "\(wrong.stderr)")
        let saved = (try? FileManager.default.subpathsOfDirectory(atPath: cli.home + "/data/certwiz/acme")) ?? []
        #expect(!saved.contains { $0.hasSuffix("account.json") })

        let hmacFile = cli.home + "/eab-hmac"
        try (PebbleServer.eabHMACKey + "\n").write(toFile: hmacFile, atomically: true, encoding: .utf8)
        let registered = try cli.run("acme", "register", "--directory", pebble.directoryURL, "--eab-kid", PebbleServer.eabKeyID,
                                     "--eab-hmac-key-file", hmacFile, "--email", "admin@example.co.jp", "--ca-file", pebble.tlsCertificatePath)
        #expect(registered.status == 0 && registered.stdout.contains("Registered the ACME account"), "\(registered.stdout)\(registered.stderr)")
        // The account key is private; the HMAC key is nowhere in certwiz's files.
        let acme = cli.home + "/data/certwiz/acme"
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: acme).first)
        #expect(try FileManager.default.attributesOfItem(atPath: acme + "/" + folder + "/account.key")[.posixPermissions] as? Int == 0o600)
        let everything = try FileManager.default.subpathsOfDirectory(atPath: cli.home + "/data").compactMap { try? String(contentsOfFile: cli.home + "/data/" + $0, encoding: .utf8) }.joined()
        #expect(!everything.contains(PebbleServer.eabHMACKey))

        let submitted = try cli.run("submit", "--draft", "site", "--http-port", "\(pebble.httpPort)", "--ca-file", pebble.tlsCertificatePath)
        #expect(submitted.status == 0 && submitted.stdout.contains("Issued:"), "\(submitted.stdout)\(submitted.stderr)")
        let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(draft.acme.orderStatus == "valid" && draft.order.orderNumber != nil && draft.issuance.issuedOn != nil)
        #expect(draft.timeline.map(\.event) == ["submitted", "issued"])
        let certificate = try #require(draft.issuance.certificatePath)
        #expect(certificate == String(try #require(draft.csr.keyPath).dropLast(4)) + ".crt")
        let certKey = try cli.openssl(["x509", "-in", certificate, "-noout", "-pubkey"]).output
        let keyPub = try cli.openssl(["pkey", "-in", try #require(draft.csr.keyPath), "-pubout"]).output
        #expect(certKey == keyPub, "finalized with the draft's CSR: the certificate carries the key made here")
        let names = try cli.openssl(["x509", "-in", certificate, "-noout", "-ext", "subjectAltName"]).output
        #expect(names.contains("DNS:www.example.co.jp"))

        // The order's real state, asked of the CA, per authorization and challenge.
        let status = try cli.run("status", "--draft", "site", "--refresh", "--ca-file", pebble.tlsCertificatePath)
        #expect(status.status == 0 && status.stdout.contains("ACME order: valid") && status.stdout.contains("www.example.co.jp: valid  (http-01: valid"),
                "\(status.stdout)\(status.stderr)")
        #expect(status.stdout.contains("Next: issued: install it with certwiz install"))
    }
}

/// http-01 through the web server that is already there: the answers go into its document root
/// (the draft's acme.webroot, as the wizard's application screen sets it), served by a real nginx.
@Suite struct ACMEWebrootTests {
    let cli = CertWizProcess()

    @Test func theDraftsDocumentRootAnswersThroughARunningNginxAndIsLeftClean() throws {
        let pebble = try PebbleServer(in: cli.home + "/pebble")
        defer { pebble.stop() }
        let root = cli.home + "/www"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let nginx = try NginxServer(in: cli.home + "/nginx", http: "server { listen 127.0.0.1:\(pebble.httpPort); server_name _; root \(root); }")
        try nginx.start(waitingFor: pebble.httpPort)
        defer { nginx.stop() }
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("set", "--draft", "site", "order.issuer=acme", "acme.directory=\(pebble.directoryURL)", "acme.challenge=http-01",
                            "acme.webroot=\(root)", "acme.caFile=\(pebble.tlsCertificatePath)").status == 0)
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let hmacFile = cli.home + "/eab-hmac"
        try PebbleServer.eabHMACKey.write(toFile: hmacFile, atomically: true, encoding: .utf8)
        #expect(try cli.run("acme", "register", "--directory", pebble.directoryURL, "--eab-kid", PebbleServer.eabKeyID, "--eab-hmac-key-file", hmacFile,
                            "--ca-file", pebble.tlsCertificatePath).status == 0)
        // No --http-port, no --webroot: the draft says where; port 80 is never tried.
        let submitted = try cli.run("submit", "--draft", "site")
        #expect(submitted.status == 0 && submitted.stdout.contains("Issued:"), "\(submitted.stdout)\(submitted.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: root + "/.well-known/acme-challenge")
        #expect(left.isEmpty, "the answers are removed once the CA has read them: \(left)")
    }
}

/// dns-01: the exact TXT records are shown, and `submit --continue` goes on once they exist.
@Suite struct ACMEDNSTests {
    let cli = CertWizProcess()

    @Test func theTXTRecordsAreShownAndContinueFinishesTheOrder() throws {
        let pebble = try PebbleServer(in: cli.home + "/pebble")
        defer { pebble.stop() }
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("set", "--draft", "site", "order.issuer=acme", "acme.directory=\(pebble.directoryURL)", "acme.challenge=dns-01").status == 0)
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let hmacFile = cli.home + "/eab-hmac"
        try PebbleServer.eabHMACKey.write(toFile: hmacFile, atomically: true, encoding: .utf8)
        let ca = ["--ca-file", pebble.tlsCertificatePath]
        #expect(try cli.run(args: ["acme", "register", "--directory", pebble.directoryURL, "--eab-kid", PebbleServer.eabKeyID, "--eab-hmac-key-file", hmacFile] + ca).status == 0)

        let first = try cli.run(args: ["submit", "--draft", "site"] + ca)
        #expect(first.status == 0 && first.stdout.contains("certwiz submit --continue"), "\(first.stdout)\(first.stderr)")
        let records = first.stdout.split(separator: "\n").filter { $0.hasPrefix("_acme-challenge.") }
        #expect(records.count == 1, "\(first.stdout)")  // www.example.co.jp (validDraftJSON has no other SAN)
        let waiting = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(waiting.acme.orderURL != nil && waiting.issuance.issuedOn == nil && waiting.order.orderNumber != nil)
        for record in records {
            // "_acme-challenge.www.example.co.jp. 300 IN TXT "value""
            let parts = record.split(separator: " ")
            try pebble.setTXT(String(parts[0].dropLast()), String(parts[4].dropFirst().dropLast()))
        }
        // The roots for the CA's HTTPS may come from the draft too (the wizard has no --ca-file).
        #expect(try cli.run("set", "--draft", "site", "acme.caFile=\(pebble.tlsCertificatePath)").status == 0)
        let done = try cli.run("submit", "--draft", "site", "--continue")
        #expect(done.status == 0 && done.stdout.contains("Issued:"), "\(done.stdout)\(done.stderr)")
        #expect(try DraftCodec.decode(Array(try cli.read("site.json").utf8)).issuance.issuedOn != nil)
    }
}

/// `certwiz renew --auto`: a draft that is not due is left alone; a due one is renewed with a new
/// key over ACME and installed again the way certwiz installed it, verified on the live server.
@Suite struct AutoRenewalTests {
    let cli = CertWizProcess()

    @Test func notDueIsLeftAloneAndDueIsRenewedWithANewKeyAndInstalledAgain() throws {
        let pebble = try PebbleServer(in: cli.home + "/pebble")
        defer { pebble.stop() }
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("set", "--draft", "site", "order.issuer=acme", "acme.directory=\(pebble.directoryURL)").status == 0)
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let hmacFile = cli.home + "/eab-hmac"
        try PebbleServer.eabHMACKey.write(toFile: hmacFile, atomically: true, encoding: .utf8)
        let ca = ["--ca-file", pebble.tlsCertificatePath]
        #expect(try cli.run(args: ["acme", "register", "--directory", pebble.directoryURL, "--eab-kid", PebbleServer.eabKeyID, "--eab-hmac-key-file", hmacFile] + ca).status == 0)
        #expect(try cli.run(args: ["submit", "--draft", "site", "--http-port", "\(pebble.httpPort)"] + ca).status == 0)

        // Installed into a real nginx with certwiz: a renewal installs the same way.
        let port = try freeLocalPort(), other = try freeLocalPort()
        let nginx = try NginxServer(in: cli.home + "/nginx", http: "    server { listen 127.0.0.1:\(other); return 200; }")
        try nginx.start(waitingFor: other)
        defer { nginx.stop() }
        // pebble's chain ends at a root only its management interface gives; with pebble's own
        // HTTPS certificate it is what --ca-file trusts.
        let root = cli.home + "/pebble-root.pem"
        let site = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        try (try pebble.issuingRoot() + (try String(contentsOfFile: pebble.tlsCertificatePath, encoding: .utf8))).write(toFile: root, atomically: true, encoding: .utf8)
        let install = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", cli.home + "/ssl",
                                  "--listen", "127.0.0.1:\(port)", "--yes", "--ca-file", root)
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")

        let early = try cli.run(args: ["renew", "--auto", "--draft", "site", "--http-port", "\(pebble.httpPort)"] + ca)
        #expect(early.status == 0 && early.stdout.contains("site: not due"), "\(early.stdout)\(early.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.draftsDirectory).filter { $0.hasSuffix(".json") } == ["site.json"])

        let later = "2031-01-01"
        let due = try cli.run(args: ["renew", "--auto", "--all", "--today", later, "--http-port", "\(pebble.httpPort)", "--ca-file", root])
        #expect(due.status == 0 && due.stdout.contains("site: renewed as site-renewal-\(later)") && due.stdout.contains("installed and verified"),
                "\(due.stdout)\(due.stderr)")
        let renewal = try DraftCodec.decode(Array(try cli.read("site-renewal-\(later).json").utf8))
        #expect(renewal.applicationType == .renewal && renewal.issuance.issuedOn == CalendarDate(iso8601: later))
        #expect(renewal.csr.publicKeyFingerprint != site.csr.publicKeyFingerprint, "a new key")
        let served = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp", "--draft", "site-renewal-\(later)", "--ca-file", root)
        #expect(served.stdout.contains("the draft's certificate: yes"), "\(served.stdout)")
        // A draft that says to keep its key renews with the same key.
        #expect(try cli.run("set", "--draft", "site-renewal-\(later)", "acme.reuseKey=yes").status == 0)
        let evenLater = "2036-01-01"
        let kept = try cli.run(args: ["renew", "--auto", "--draft", "site-renewal-\(later)", "--today", evenLater, "--http-port", "\(pebble.httpPort)", "--ca-file", root])
        #expect(kept.status == 0 && kept.stdout.contains("renewed as"), "\(kept.stdout)\(kept.stderr)")
        let keptDraft = try DraftCodec.decode(Array(try cli.read("site-renewal-\(later)-renewal-\(evenLater).json").utf8))
        #expect(keptDraft.csr.publicKeyFingerprint == renewal.csr.publicKeyFingerprint && keptDraft.issuance.issuedOn != nil)
        // Run again: nothing is due any more.
        let again = try cli.run(args: ["renew", "--auto", "--all", "--today", later, "--http-port", "\(pebble.httpPort)", "--ca-file", root])
        #expect(again.status == 0 && again.stdout.contains("site: renewed already"), "\(again.stdout)")
    }
}

/// ACME Renewal Information (RFC 9773): a CA that offers it decides when `renew --auto` renews.
/// (Debian's pebble 2.4 has none: a directory with `renewalInfo` is served by nginx here.)
@Suite struct RenewalInformationCLITests {
    let cli = CertWizProcess()

    @Test func theCAsSuggestedWindowDecidesWhenARenewalIsDue() throws {
        try cli.issuedDemoDraft()
        let port = try freeLocalPort()
        let directory = "{\"newNonce\": \"http://127.0.0.1:\(port)/nonce\", \"newAccount\": \"http://127.0.0.1:\(port)/account\", \"newOrder\": \"http://127.0.0.1:\(port)/order\", \"renewalInfo\": \"http://127.0.0.1:\(port)/ari\"}"
        let window = "{\"suggestedWindow\": {\"start\": \"2027-02-01T00:00:00Z\", \"end\": \"2027-02-03T00:00:00Z\"}}"
        let nginx = try NginxServer(in: cli.home + "/nginx", http: """
                server { listen 127.0.0.1:\(port);
                    location = /dir { default_type application/json; return 200 '\(directory)'; }
                    location /ari/ { default_type application/json; return 200 '\(window)'; }
                }
            """)
        try nginx.start(waitingFor: port)
        defer { nginx.stop() }
        #expect(try cli.run("set", "--draft", "site", "order.issuer=acme", "acme.directory=http://127.0.0.1:\(port)/dir").status == 0)
        let early = try cli.run("renew", "--auto", "--draft", "site", "--today", "2027-01-15")
        #expect(early.status == 0 && early.stdout.contains("not due (renews from 2027-02-01: the CA's suggestion (ARI)"), "\(early.stdout)\(early.stderr)")
    }
}
