import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz install --server nginx` against a real nginx, started by the test on 127.0.0.1 high
/// ports with its config in a temporary folder, and stopped by its PID.
@Suite struct NginxInstallTests {
    let cli = CertWizProcess()
    var root: String { cli.home + "/data/certwiz/demo-ca/root.crt" }
    var dest: String { cli.home + "/ssl" }

    /// A self-signed certificate standing for what the server had before.
    func oldCertificate() throws -> (certificate: String, key: String) {
        let (certificate, key) = (cli.home + "/old.crt", cli.home + "/old.key")
        let made = try cli.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", certificate,
                                    "-subj", "/CN=old.example.co.jp", "-days", "30"])
        #expect(made.status == 0, "\(made.output)")
        return (certificate, key)
    }

    /// What the server sends, checked by openssl against the demo root. (Just after a reload an
    /// old worker may still take a connection for a moment: asked again for up to 3 s.)
    func servedSubject(_ port: Int) throws -> (verified: Bool, output: String) {
        var last = ""
        for _ in 0..<30 {
            let result = try cli.openssl(["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "www.example.co.jp",
                                          "-verify_return_error", "-CAfile", root, "-showcerts"])
            if result.status == 0 && result.output.contains("Verify return code: 0 (ok)") { return (true, result.output) }
            last = result.output
            usleep(100_000)
        }
        return (false, last)
    }

    @Test func aNewSiteServesTheCertificateWithItsChainAndRollbackTakesItAway() throws {
        let draft = try cli.issuedDemoDraft()
        let port = try freeLocalPort(), other = try freeLocalPort()
        let (oldCertificate, oldKey) = try oldCertificate()
        // Something else is served already (another site), so nginx runs before the installation.
        let nginx = try NginxServer(in: cli.home + "/nginx", http: "    server { listen 127.0.0.1:\(other) ssl; server_name old.example.co.jp; ssl_certificate \(oldCertificate); ssl_certificate_key \(oldKey); }")
        try nginx.start(waitingFor: other)
        defer { nginx.stop() }

        let dry = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--listen", "127.0.0.1:\(port)", "--dry-run")
        #expect(dry.status == 0 && dry.stdout.contains("+    listen 127.0.0.1:\(port) ssl;") && dry.stdout.contains("$ nginx -t -c \(nginx.configPath)"), "\(dry.stdout)\(dry.stderr)")
        #expect(dry.stdout.contains("contents not shown") && !dry.stdout.contains("PRIVATE KEY"))
        #expect(!FileManager.default.fileExists(atPath: dest), "a dry run changes nothing")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home + "/nginx/conf.d").isEmpty)

        let result = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--listen", "127.0.0.1:\(port)", "--yes")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let served = try servedSubject(port)
        #expect(served.verified, "\(served.output)")
        #expect(served.output.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3, "the certificate and its intermediate are sent")
        let verify = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp", "--draft", "site", "--ca-file", root)
        #expect(verify.status == 0, "\(verify.stdout)")
        let key = try FileManager.default.attributesOfItem(atPath: dest + "/www.example.co.jp.key")
        #expect(key[.posixPermissions] as? Int == 0o600)
        #expect(FileManager.default.fileExists(atPath: try #require(draft.csr.keyPath)), "the key made with the CSR stays where it was")
        let installed = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(installed.installation.certificateInstalled == true && installed.timeline.contains { $0.event == "installed" })

        let rollback = try cli.run("install", "--draft", "site", "--rollback")
        #expect(rollback.status == 0, "\(rollback.stdout)\(rollback.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home + "/nginx/conf.d").isEmpty)
        var gone = false
        for _ in 0..<100 where !gone { gone = !isListening(port); usleep(50_000) }
        #expect(gone, "after the rollback nothing listens on the new site's port")
        #expect(isListening(other), "the other site is served as before")
        let rolledBack = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(rolledBack.installation.certificateInstalled == nil && rolledBack.timeline.last?.event == "installation-rolled-back")
    }

    /// Without flags, `install` takes where and how from the draft's installation answers, as the wizard does.
    @Test func theDraftsInstallationAnswersAreUsedWhereNoFlagIsGiven() throws {
        _ = try cli.issuedDemoDraft()
        let port = try freeLocalPort(), other = try freeLocalPort()
        let (oldCertificate, oldKey) = try oldCertificate()
        let nginx = try NginxServer(in: cli.home + "/nginx", http: "    server { listen 127.0.0.1:\(other) ssl; server_name old.example.co.jp; ssl_certificate \(oldCertificate); ssl_certificate_key \(oldKey); }")
        try nginx.start(waitingFor: other)
        defer { nginx.stop() }
        #expect(try cli.run("set", "--draft", "site", "installation.server=nginx", "installation.configPath=\(nginx.configPath)",
                            "installation.destination=\(dest)", "installation.listen=127.0.0.1:\(port)").status == 0)
        let dry = try cli.run("install", "--draft", "site", "--dry-run")
        #expect(dry.status == 0 && dry.stdout.contains("+    listen 127.0.0.1:\(port) ssl;") && dry.stdout.contains("$ nginx -t -c \(nginx.configPath)")
                && dry.stdout.contains(dest + "/www.example.co.jp"), "\(dry.stdout)\(dry.stderr)")
        // A flag still wins over the answer.
        let flagged = try cli.run("install", "--draft", "site", "--dry-run", "--listen", "127.0.0.1:\(other + 1)")
        #expect(flagged.stdout.contains("+    listen 127.0.0.1:\(other + 1) ssl;"), "\(flagged.stdout)")
    }

    @Test func aRenewalReplacesKeyAndCertificateTogetherAndKeepsThePreviousInTheBackup() throws {
        _ = try cli.issuedDemoDraft()
        let port = try freeLocalPort(), other = try freeLocalPort()
        let nginx = try NginxServer(in: cli.home + "/nginx", http: "    server { listen 127.0.0.1:\(other); return 200; }")
        try nginx.start(waitingFor: other)
        defer { nginx.stop() }
        let install = ["--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--listen", "127.0.0.1:\(port)", "--yes"]
        #expect(try cli.run(args: ["install", "--draft", "site"] + install).status == 0)
        let firstKey = try Data(contentsOf: URL(fileURLWithPath: dest + "/www.example.co.jp.key"))
        let site = cli.home + "/nginx/conf.d/certwiz-www.example.co.jp.conf"
        let config = try String(contentsOfFile: site, encoding: .utf8)

        #expect(try cli.run("new", "--type", "renewal", "--from", "site", "renew").status == 0)
        #expect(try cli.run("csr", "new", "--draft", "renew").status == 0)
        // A renewal is applied for from 30 days after the current certificate was issued.
        let later = CalendarDate.today().adding(days: 35).iso8601
        #expect(try cli.run("set", "--draft", "renew", "payment.plannedDate=" + CalendarDate.today().adding(days: 36).iso8601).status == 0)
        let submitted = try cli.run("submit", "--draft", "renew", "--today", later)
        #expect(submitted.status == 0, "\(submitted.stdout)\(submitted.stderr)")
        #expect(try cli.run("demo", "advance", "--draft", "renew", "--all", "--today", later).status == 0)
        let renewed = try cli.run(args: ["install", "--draft", "renew", "--today", later] + install)
        #expect(renewed.status == 0, "\(renewed.stdout)\(renewed.stderr)")
        // The same places: the configuration is not touched, key and certificate change together.
        #expect(try String(contentsOfFile: site, encoding: .utf8) == config)
        let newKey = try Data(contentsOf: URL(fileURLWithPath: dest + "/www.example.co.jp.key"))
        #expect(newKey != firstKey)
        let renewal = try DraftCodec.decode(Array(try cli.read("renew.json").utf8))
        let keyFile = try Data(contentsOf: URL(fileURLWithPath: try #require(renewal.csr.keyPath)))
        #expect(newKey == keyFile)
        // The previous key and certificate are in the renewal's backup.
        let backups = cli.home + "/data/certwiz/backups/renew"
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: backups).first)
        let saved = try FileManager.default.contentsOfDirectory(atPath: backups + "/" + folder)
        #expect(saved.contains { $0.hasSuffix("www.example.co.jp.key") } && saved.contains { $0.hasSuffix("www.example.co.jp.fullchain.crt") }, "\(saved)")
        let backedKey = try Data(contentsOf: URL(fileURLWithPath: backups + "/" + folder + "/" + (saved.first { $0.hasSuffix(".key") } ?? "")))
        #expect(backedKey == firstKey)
        #expect(try servedSubject(port).verified)
        let verify = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp", "--draft", "renew", "--ca-file", root)
        #expect(verify.status == 0 && verify.stdout.contains("the draft's certificate: yes"), "\(verify.stdout)")
        #expect(try DraftCodec.decode(Array(try cli.read("renew.json").utf8)).installation.installedOn == CalendarDate(iso8601: later))
    }

    @Test func anExistingBlockKeepsEveryByteButItsTwoCertificatePaths() throws {
        _ = try cli.issuedDemoDraft()
        let port = try freeLocalPort()
        let (oldCertificate, oldKey) = try oldCertificate()
        let nginx = try NginxServer(in: cli.home + "/nginx")
        let site = """
            # www.example.co.jp, kept by hand
            server {
                listen 127.0.0.1:\(port) ssl;   # TLS
                server_name www.example.co.jp example.co.jp;
                ssl_certificate     \(oldCertificate);   # renewed yearly
                ssl_certificate_key \(oldKey);
                location / { return 200 "hello\\n"; }
            }

            """
        let sitePath = cli.home + "/nginx/conf.d/www.conf"
        try site.write(toFile: sitePath, atomically: true, encoding: .utf8)
        try nginx.start(waitingFor: port)
        defer { nginx.stop() }

        let result = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--yes", "--ca-file", root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let expected = site.replacingOccurrences(of: oldCertificate, with: dest + "/www.example.co.jp.fullchain.crt")
            .replacingOccurrences(of: oldKey, with: dest + "/www.example.co.jp.key")
        #expect(try String(contentsOfFile: sitePath, encoding: .utf8) == expected)
        let served = try servedSubject(port)
        #expect(served.verified, "\(served.output)\(result.stdout)")
    }

    @Test func aBrokenConfigIsLeftAloneAndAFailedCheckRestoresEverything() throws {
        _ = try cli.issuedDemoDraft()
        let port = try freeLocalPort(), other = try freeLocalPort()
        let (oldCertificate, oldKey) = try oldCertificate()
        // A session cache of the same name and another size: nginx -t fails once the new site is in.
        let nginx = try NginxServer(in: cli.home + "/nginx", http: """
                ssl_session_cache shared:certwiz:1m;
                server { listen 127.0.0.1:\(other) ssl; server_name www.example.co.jp; ssl_certificate \(oldCertificate); ssl_certificate_key \(oldKey); }
            """)
        // The existing block is TLS for www: install edits it. To force a new site instead, it names another host.
        let mainBefore = try String(contentsOfFile: nginx.configPath, encoding: .utf8).replacingOccurrences(of: "server_name www.example.co.jp;", with: "server_name old.example.co.jp;")
        try mainBefore.write(toFile: nginx.configPath, atomically: true, encoding: .utf8)
        try nginx.start(waitingFor: other)
        defer { nginx.stop() }

        let failed = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--listen", "127.0.0.1:\(port)", "--yes")
        #expect(failed.status == 1 && failed.stderr.contains("everything was restored") && failed.stderr.contains("certwiz"), "\(failed.stderr)")
        #expect(failed.stderr.contains("nginx"), "the server's own message is shown")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home + "/nginx/conf.d").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dest + "/www.example.co.jp.key"), "the files written are taken away again")
        #expect(try String(contentsOfFile: nginx.configPath, encoding: .utf8) == mainBefore)
        let old = try cli.openssl(["s_client", "-connect", "127.0.0.1:\(other)"]).output
        #expect(old.contains("CN = old.example.co.jp") || old.contains("CN=old.example.co.jp"), "the server still serves what it did")

        // Broken before certwiz touches it: reported with nginx's words, and nothing changes.
        let broken = cli.home + "/nginx/conf.d/broken.conf"
        try "server { listen 127.0.0.1:\(port) ssl\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--listen", "127.0.0.1:\(port)", "--yes")
        #expect(refused.status == 1 && refused.stderr.contains("broken already") && refused.stderr.contains("[emerg]") && refused.stderr.contains("broken.conf:2"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home + "/nginx/conf.d") == ["broken.conf"])
        #expect(!FileManager.default.fileExists(atPath: dest))
    }

    @Test func aKeyThatIsNotTheCertificatesIsRefusedBeforeAnythingChanges() throws {
        _ = try cli.issuedDemoDraft()
        let (_, otherKey) = try oldCertificate()
        var draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        draft.csr.keyPath = otherKey
        try String(decoding: DraftCodec.encode(draft), as: UTF8.self).write(toFile: cli.draftsDirectory + "/site.json", atomically: true, encoding: .utf8)
        let nginx = try NginxServer(in: cli.home + "/nginx")
        let result = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--yes")
        #expect(result.status == 1 && result.stderr.contains("key values mismatch") && result.stderr.contains("nothing was changed"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dest))
    }

    /// The site's block listens on the port without `ssl` (it served plain HTTP there, as `verify`
    /// says): installing turns TLS on in that block with its certificate, and nginx serves it.
    @Test func aSiteListeningWithoutSSLGetsTLSWithItsCertificate() throws {
        _ = try cli.issuedDemoDraft()
        let port = try freeLocalPort()
        let nginx = try NginxServer(in: cli.home + "/nginx", http: "    server { listen 127.0.0.1:\(port); server_name www.example.co.jp; return 200 \"site\"; }")
        try nginx.start(waitingFor: port)
        defer { nginx.stop() }
        let before = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp")
        #expect(before.status == 3 && before.stdout.contains("plain HTTP"), "\(before.stdout)\(before.stderr)")
        let result = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--listen", "127.0.0.1:\(port)", "--yes")
        #expect(result.status == 0 && result.stdout.contains("changed: \(nginx.configPath)"), "\(result.stdout)\(result.stderr)")
        #expect(try String(contentsOfFile: nginx.configPath, encoding: .utf8).contains("listen 127.0.0.1:\(port) ssl;"))
        let served = try servedSubject(port)
        #expect(served.verified, "\(served.output)")
    }

    /// nginx stopped (a new server): nothing to reload and nothing served to protect, so the
    /// checked configuration stays and certwiz says to start nginx; started, it serves the certificate.
    @Test func aStoppedNginxKeepsTheCheckedConfigurationAndIsToldToStart() throws {
        _ = try cli.issuedDemoDraft()
        let port = try freeLocalPort()
        let nginx = try NginxServer(in: cli.home + "/nginx")
        defer { nginx.stop() }
        let result = try cli.run("install", "--draft", "site", "--server", "nginx", "--config", nginx.configPath, "--dest", dest, "--listen", "127.0.0.1:\(port)", "--yes")
        #expect(result.status == 1 && result.stderr.contains("nginx is not running") && result.stderr.contains("systemctl start nginx"), "\(result.stdout)\(result.stderr)")
        let site = cli.home + "/nginx/conf.d/certwiz-www.example.co.jp.conf"
        #expect(FileManager.default.fileExists(atPath: site), "the checked configuration stays")
        try nginx.start(waitingFor: port)
        let served = try servedSubject(port)
        #expect(served.verified, "\(served.output)")
    }

    /// A path with a terminal control would be printed and recorded in the draft, which would then
    /// refuse to load: refused before anything is written, naming the option.
    @Test func aPathHoldingATerminalControlIsRefusedBeforeAnythingChanges() throws {
        _ = try cli.issuedDemoDraft()
        let before = try cli.read("site.json")
        for (option, value) in [("--dest", dest + "\u{1B}[31m"), ("--config", cli.home + "/nginx\u{9B}2J.conf"), ("--listen", "127.0.0.1:8\u{7F}443")] {
            let result = try cli.run(args: ["install", "--draft", "site", "--server", "files", "--dest", dest, "--yes", option, value])
            #expect(result.status == 1 && result.stderr.contains("\(option): terminal control characters"), "\(result.stderr)")
            #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x7F })
        }
        #expect(!FileManager.default.fileExists(atPath: dest) && !FileManager.default.fileExists(atPath: dest + "\u{1B}[31m"))
        #expect(try cli.read("site.json") == before)
        #expect(try cli.run("status", "--draft", "site").status == 0)
    }

    @Test func aChainGivenInTheWrongOrderGoesInRightAndFilesNeedNoServer() throws {
        let draft = try cli.issuedDemoDraft()
        // The chain file as some mails give it: the root, then the intermediate.
        let chain = try #require(draft.issuance.chainPath)
        let reordered = try String(contentsOfFile: root, encoding: .utf8) + (try String(contentsOfFile: chain, encoding: .utf8))
        try reordered.write(toFile: chain, atomically: true, encoding: .utf8)
        let result = try cli.run("install", "--draft", "site", "--server", "files", "--dest", dest, "--yes")
        #expect(result.status == 0 && result.stdout.contains("ssl_certificate \(dest)/www.example.co.jp.fullchain.crt"), "\(result.stdout)\(result.stderr)")
        let full = try String(contentsOfFile: dest + "/www.example.co.jp.fullchain.crt", encoding: .utf8)
        let leaf = try String(contentsOfFile: try #require(draft.issuance.certificatePath), encoding: .utf8)
        #expect(full.hasPrefix(leaf), "leaf first")
        #expect(full.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3, "the root is not sent")
        let verify = try cli.openssl(["verify", "-CAfile", root, "-untrusted", dest + "/www.example.co.jp.chain.crt", dest + "/www.example.co.jp.crt"])
        #expect(verify.status == 0, "\(verify.output)")
    }
}

/// `certwiz install --server iis`: the PFX in both forms, opened by openssl with the password.
@Suite struct IISInstallTests {
    let cli = CertWizProcess()

    @Test func bothPFXFormsOpenWithThePasswordAndNameTheirAlgorithms() throws {
        try cli.issuedDemoDraft()
        let passwordFile = cli.home + "/pfx-password"
        try "correct horse battery\n".write(toFile: passwordFile, atomically: true, encoding: .utf8)
        let modern = try cli.run("install", "--draft", "site", "--server", "iis", "--dest", cli.home + "/modern", "--pfx-password-file", passwordFile, "--yes")
        #expect(modern.status == 0 && modern.stdout.contains("Import-PfxCertificate") && modern.stdout.contains("New-IISSiteBinding"), "\(modern.stdout)\(modern.stderr)")
        #expect(!modern.stdout.contains("correct horse"), "a given password is never printed")
        let pfx = cli.home + "/modern/www.example.co.jp.pfx"
        #expect(try FileManager.default.attributesOfItem(atPath: pfx)[.posixPermissions] as? Int == 0o600)
        let info = try cli.openssl(["pkcs12", "-info", "-in", pfx, "-passin", "pass:correct horse battery", "-noout"])
        #expect(info.status == 0 && info.output.contains("PBES2, PBKDF2, AES-256-CBC") && info.output.contains("MAC: sha256"), "\(info.output)")
        let thumbprint = try cli.openssl(["x509", "-in", cli.home + "/modern/www.example.co.jp.crt", "-noout", "-fingerprint", "-sha1"]).output
            .split(separator: "=").last.map { $0.replacingOccurrences(of: ":", with: "").trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
        #expect(modern.stdout.contains("-CertificateThumbPrint \"\(thumbprint)\""), "\(thumbprint)")

        let legacy = try cli.run("install", "--draft", "site", "--server", "iis", "--dest", cli.home + "/legacy", "--legacy-pfx", "--yes")
        #expect(legacy.status == 0, "\(legacy.stderr)")
        let line = try #require(legacy.stdout.split(separator: "\n").first { $0.contains("Its password (shown once") })
        let password = String(line.split(separator: " ").last ?? "")
        #expect(password.count == 24)
        let old = try cli.openssl(["pkcs12", "-info", "-in", cli.home + "/legacy/www.example.co.jp.pfx", "-passin", "pass:" + password, "-noout"])
        #expect(old.status == 0 && old.output.contains("pbeWithSHA1And3-KeyTripleDES-CBC") && old.output.contains("MAC: sha1"), "\(old.output)")
        // The password is kept nowhere: not in the draft.
        #expect(!(try cli.read("site.json")).contains(password))
    }
}
