import CertWizardCore
import Foundation
import Testing
import TestSupport
@testable import Installers

/// Apache configs read as httpd does; only the certificate lines of the matching TLS virtual host change.
@Suite struct ApachePlanTests {
    let folder = TemporaryFolder()

    func target(chainFile: Bool = false, hsts: Bool = false) -> ApachePlan.Target {
        ApachePlan.Target(names: ["www.example.co.jp", "example.co.jp"], certificatePath: "/ssl/www.crt", chainPath: "/ssl/www.chain.crt",
                          fullChainPath: "/ssl/www.fullchain.crt", keyPath: "/ssl/www.key", listen: "443", hsts: hsts, needsChainFile: chainFile)
    }

    @Test func onlyTheCertificateLinesOfTheMatchingTLSVirtualHostChange() throws {
        let main = folder.path + "/apache2.conf"
        try "ServerRoot \"\(folder.path)\"\nIncludeOptional sites-enabled/*.conf\n".write(toFile: main, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path + "/sites-enabled", withIntermediateDirectories: true)
        let site = """
            <IfModule mod_ssl.c>
            <VirtualHost *:80>
                ServerName www.example.co.jp
            </VirtualHost>
            <VirtualHost _default_:443>
            \tServerName www.example.co.jp:443
            \t# kept by hand
            \tSSLEngine on
            \tSSLCertificateFile    "/old/www.crt"
            \tSSLCertificateKeyFile /old/www.key  # the key
            \tSSLCertificateChainFile /old/chain.crt
            </VirtualHost>
            </IfModule>

            """
        let sitePath = folder.path + "/sites-enabled/www.conf"
        try site.write(toFile: sitePath, atomically: true, encoding: .utf8)
        let plan = try ApachePlan.plan(config: main, target: target())
        #expect(plan.places == [sitePath + ":5"] && plan.listens == ["_default_:443"])
        let edited = String(decoding: try #require(plan.changes.first).contents, as: UTF8.self)
        #expect(edited == site.replacingOccurrences(of: "\"/old/www.crt\"", with: "/ssl/www.fullchain.crt")
            .replacingOccurrences(of: "/old/www.key", with: "/ssl/www.key").replacingOccurrences(of: "/old/chain.crt", with: "/ssl/www.chain.crt"))

        // Before 2.4.8: the certificate alone, and the chain in its own line (added when missing).
        try site.replacingOccurrences(of: "\tSSLCertificateChainFile /old/chain.crt\n", with: "").write(toFile: sitePath, atomically: true, encoding: .utf8)
        let old = String(decoding: try ApachePlan.plan(config: main, target: target(chainFile: true)).changes[0].contents, as: UTF8.self)
        #expect(old.contains("\tServerName www.example.co.jp:443\n\tSSLCertificateChainFile /ssl/www.chain.crt\n\t# kept by hand"), "\(old)")
        #expect(old.contains("SSLCertificateFile    /ssl/www.crt\n"))
    }

    /// The site's <VirtualHost *:443> without `SSLEngine on` (plain HTTP on 443): it gets
    /// `SSLEngine on` with its certificate lines in one edit; its port-80 twin stays as it was.
    @Test func theSitesVirtualHostOnTheTLSPortWithoutSSLEngineGetsItWithItsCertificate() throws {
        let main = folder.path + "/apache2.conf"
        try "LoadModule ssl_module modules/mod_ssl.so\nIncludeOptional sites-enabled/*.conf\n".write(toFile: main, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path + "/sites-enabled", withIntermediateDirectories: true)
        let site = "<VirtualHost *:80>\n    ServerName www.example.co.jp\n</VirtualHost>\n<VirtualHost *:443>\n    ServerName www.example.co.jp\n    DocumentRoot /srv/www\n</VirtualHost>\n"
        let sitePath = folder.path + "/sites-enabled/www.conf"
        try site.write(toFile: sitePath, atomically: true, encoding: .utf8)
        let plan = try ApachePlan.plan(config: main, target: target())
        #expect(!plan.createsSite && plan.places == [sitePath + ":4"] && plan.listens == ["*:443"])
        let edited = String(decoding: try #require(plan.changes.first).contents, as: UTF8.self)
        #expect(edited == site.replacingOccurrences(of: "    ServerName www.example.co.jp\n    DocumentRoot",
                                                    with: "    ServerName www.example.co.jp\n    SSLEngine on\n    SSLCertificateFile /ssl/www.fullchain.crt\n    SSLCertificateKeyFile /ssl/www.key\n    DocumentRoot"), "\(edited)")
        // A VirtualHost on 80 and 443 at once is not turned to TLS (port 80 would speak it too): a new site instead.
        try site.replacingOccurrences(of: "<VirtualHost *:443>", with: "<VirtualHost *:80 *:443>").write(toFile: sitePath, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path + "/conf.d", withIntermediateDirectories: true)
        #expect(try ApachePlan.plan(config: main, target: target()).createsSite)
        #expect(ApachePlan.sameAddress("_default_:443", "443") && ApachePlan.sameAddress("127.0.0.1:8443", "127.0.0.1:8443"))
        #expect(!ApachePlan.sameAddress("*:80", "443") && !ApachePlan.sameAddress("10.0.0.1:443", "127.0.0.1:443"))
    }

    @Test func aNewSiteGetsAListenOnlyWhenNothingListensThereAndTheVersionDecidesTheChainFile() throws {
        let main = folder.path + "/apache2.conf"
        try "Listen 443\nIncludeOptional conf.d/*.conf\nIncludeOptional mods-enabled/*.load\n".write(toFile: main, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path + "/conf.d", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/mods-enabled", withIntermediateDirectories: true)
        // Debian installs mod_ssl turned off: refused, saying how to turn it on (and mod_headers for HSTS).
        #expect(throws: NginxPlan.PlanError.apacheModuleNotLoaded(module: "ssl_module", enable: "a2enmod ssl")) { try ApachePlan.plan(config: main, target: target()) }
        try "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n".write(toFile: folder.path + "/mods-enabled/ssl.load", atomically: true, encoding: .utf8)
        #expect(throws: NginxPlan.PlanError.apacheModuleNotLoaded(module: "headers_module", enable: "a2enmod headers")) { try ApachePlan.plan(config: main, target: target(hsts: true)) }
        let plan = try ApachePlan.plan(config: main, target: target())
        let text = String(decoding: plan.changes[0].contents, as: UTF8.self)
        #expect(plan.createsSite && !text.contains("Listen ") && text.contains("<VirtualHost *:443>"))
        #expect(text.contains("ServerAlias example.co.jp") && text.contains("SSLCertificateFile /ssl/www.fullchain.crt") && text.contains("SSLProtocol -all +TLSv1.2 +TLSv1.3"))
        #expect(ApachePlan.needsChainFile(versionText: "Server version: Apache/2.4.7 (Ubuntu)"))
        #expect(!ApachePlan.needsChainFile(versionText: "Server version: Apache/2.4.71 (Debian)"))
        #expect(!ApachePlan.needsChainFile(versionText: "Server version: Apache/2.4.8"))
    }
}
