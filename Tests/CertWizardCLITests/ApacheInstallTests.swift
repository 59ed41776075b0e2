import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz install --server apache` against a real Apache httpd on 127.0.0.1 high ports.
@Suite struct ApacheInstallTests {
    let cli = CertWizProcess()
    var root: String { cli.home + "/data/certwiz/demo-ca/root.crt" }

    func served(_ port: Int) throws -> Bool {
        for _ in 0..<30 {
            let result = try cli.openssl(["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "www.example.co.jp", "-verify_return_error", "-CAfile", root])
            if result.status == 0, result.output.contains("Verify return code: 0 (ok)") { return true }
            usleep(100_000)
        }
        return false
    }

    @Test func anExistingVirtualHostGetsTheCertificateAndChainAndRollbackRestoresIt() throws {
        try cli.issuedDemoDraft()
        let port = try freeLocalPort()
        let (oldCertificate, oldKey) = (cli.home + "/old.crt", cli.home + "/old.key")
        #expect(try cli.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", oldKey, "-out", oldCertificate,
                                 "-subj", "/CN=old.example.co.jp", "-days", "30"]).status == 0)
        let apache = try ApacheServer(in: cli.home + "/apache", listen: [port])
        let site = """
            <VirtualHost 127.0.0.1:\(port)>
                ServerName www.example.co.jp
                # renewed by hand until now
                SSLEngine on
                SSLCertificateFile \(oldCertificate)
                SSLCertificateKeyFile \(oldKey)
            </VirtualHost>

            """
        let sitePath = cli.home + "/apache/conf.d/www.conf"
        try site.write(toFile: sitePath, atomically: true, encoding: .utf8)
        try apache.start(waitingFor: port)
        defer { apache.stop() }

        let result = try cli.run("install", "--draft", "site", "--server", "apache", "--config", apache.configPath, "--dest", cli.home + "/ssl", "--yes", "--ca-file", root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try String(contentsOfFile: sitePath, encoding: .utf8) == site.replacingOccurrences(of: oldCertificate, with: cli.home + "/ssl/www.example.co.jp.fullchain.crt")
            .replacingOccurrences(of: oldKey, with: cli.home + "/ssl/www.example.co.jp.key"))
        #expect(try served(port))
        let verify = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp", "--draft", "site", "--ca-file", root)
        #expect(verify.status == 0, "\(verify.stdout)")

        #expect(try cli.run("install", "--draft", "site", "--rollback").status == 0)
        #expect(try String(contentsOfFile: sitePath, encoding: .utf8) == site)
        var old = false
        for _ in 0..<30 where !old {
            old = try cli.openssl(["s_client", "-connect", "127.0.0.1:\(port)"]).output.contains("old.example.co.jp")
            usleep(100_000)
        }
        #expect(old, "after the rollback the old certificate is served again")
    }

    /// The site's <VirtualHost> on the port without `SSLEngine on` answers in plain HTTP (as
    /// `verify` says); installing turns TLS on there with the certificate, and Apache serves it.
    @Test func theSitesVirtualHostWithoutSSLEngineGetsTLSWithItsCertificate() throws {
        try cli.issuedDemoDraft()
        let port = try freeLocalPort()
        let apache = try ApacheServer(in: cli.home + "/apache", listen: [port],
                                      extra: "<VirtualHost 127.0.0.1:\(port)>\n    ServerName www.example.co.jp\n</VirtualHost>")
        try apache.start(waitingFor: port)
        defer { apache.stop() }
        let before = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp")
        #expect(before.status == 3 && before.stdout.contains("plain HTTP"), "\(before.stdout)\(before.stderr)")
        let result = try cli.run("install", "--draft", "site", "--server", "apache", "--config", apache.configPath, "--dest", cli.home + "/ssl",
                                 "--listen", "127.0.0.1:\(port)", "--yes", "--ca-file", root)
        #expect(result.status == 0 && result.stdout.contains("changed: \(apache.configPath)"), "\(result.stdout)\(result.stderr)")
        #expect(try String(contentsOfFile: apache.configPath, encoding: .utf8).contains("    ServerName www.example.co.jp\n    SSLEngine on\n"))
        #expect(try served(port))
    }

    @Test func aNewSiteWhenNoVirtualHostMatches() throws {
        try cli.issuedDemoDraft()
        let port = try freeLocalPort(), other = try freeLocalPort()
        let apache = try ApacheServer(in: cli.home + "/apache", listen: [other])
        try apache.start(waitingFor: other)
        defer { apache.stop() }
        let result = try cli.run("install", "--draft", "site", "--server", "apache", "--config", apache.configPath, "--dest", cli.home + "/ssl",
                                 "--listen", "127.0.0.1:\(port)", "--yes", "--ca-file", root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)\((try? String(contentsOfFile: cli.home + "/apache/error.log", encoding: .utf8)) ?? "")")
        let created = try String(contentsOfFile: cli.home + "/apache/conf.d/certwiz-www.example.co.jp.conf", encoding: .utf8)
        #expect(created.hasPrefix("# Written by certwiz") && created.contains("Listen 127.0.0.1:\(port)\n<VirtualHost 127.0.0.1:\(port)>"))
        #expect(try served(port))
    }
}
