import CertWizardCore
import Foundation
import Testing
import TestSupport
@testable import Installers

/// Reading nginx configs as nginx does and planning the smallest edit: every byte that is not
/// a certificate path stays as it was.
@Suite struct NginxPlanTests {
    let folder = TemporaryFolder()

    @discardableResult
    func write(_ text: String, _ name: String) throws -> String { try folder.write(text, name) }

    var target: NginxPlan.Target {
        NginxPlan.Target(names: ["www.example.co.jp", "example.co.jp"], fullChainPath: "/etc/ssl/certwiz/www.example.co.jp/fullchain.pem",
                         keyPath: "/etc/ssl/certwiz/www.example.co.jp/privkey.pem", listen: "443", hsts: false)
    }

    @Test func onlyTheCertificatePathsChangeInTheMatchingBlockFollowedThroughIncludes() throws {
        let main = try write("""
            # main config
            events {}
            http {
                include sites-enabled/*;   # the sites
            }

            """, "nginx.conf")
        let site = """
            server {
                listen 80;
                server_name www.example.co.jp;   # plain HTTP, not touched
            }
            server {
                listen 443 ssl;   # TLS
                server_name  other.example.co.jp;
                ssl_certificate     /old/other.pem;
                ssl_certificate_key /old/other.key;
            }
            server {
            \tlisten 443 ssl;
            \tserver_name www.example.co.jp example.co.jp; # both names
            \t# the certificate, renewed every year
            \tssl_certificate     "/old/www.pem";
            \tssl_certificate_key /old/www.key; # keep this comment
            \tlocation / { return 200 'ok;{}'; }
            }

            """
        _ = try write(site, "sites-enabled/www")
        let plan = try NginxPlan.plan(config: main, target: target)
        #expect(!plan.createsSite)
        #expect(plan.changes.count == 1)
        let change = try #require(plan.changes.first)
        #expect(change.path == folder.path + "/sites-enabled/www")
        let expected = site.replacingOccurrences(of: "\"/old/www.pem\"", with: target.fullChainPath)
            .replacingOccurrences(of: "/old/www.key", with: target.keyPath)
        #expect(String(decoding: change.contents, as: UTF8.self) == expected)
        #expect(plan.places == [folder.path + "/sites-enabled/www:11"])
        #expect(change.diff.contains("""
            @@ -12,7 +12,7 @@
             \tlisten 443 ssl;
             \tserver_name www.example.co.jp example.co.jp; # both names
             \t# the certificate, renewed every year
            -\tssl_certificate     "/old/www.pem";
            -\tssl_certificate_key /old/www.key; # keep this comment
            +\tssl_certificate     \(target.fullChainPath);
            +\tssl_certificate_key \(target.keyPath); # keep this comment
             \tlocation / { return 200 'ok;{}'; }
             }
            """), "\(change.diff)")
    }

    @Test func missingLinesGoInAfterServerNameAndANewSiteWhenNothingMatches() throws {
        let main = try write("events {}\nhttp {\n    ssl_certificate /inherited.pem;\n    include conf.d/*.conf;\n    server {\n        listen 8443 ssl;\n        server_name www.example.co.jp;\n    }\n}\n", "nginx.conf")
        try FileManager.default.createDirectory(atPath: folder.path + "/conf.d", withIntermediateDirectories: true)
        let plan = try NginxPlan.plan(config: main, target: target)
        let edited = String(decoding: try #require(plan.changes.first).contents, as: UTF8.self)
        #expect(edited.contains("        server_name www.example.co.jp;\n        ssl_certificate \(target.fullChainPath);\n        ssl_certificate_key \(target.keyPath);\n    }"), "\(edited)")

        let other = try write("events {}\nhttp {\n    include conf.d/*.conf;\n}\n", "other.conf")
        let fresh = try NginxPlan.plan(config: other, target: target)
        #expect(fresh.createsSite)
        #expect(fresh.changes.map(\.path) == [folder.path + "/conf.d/certwiz-www.example.co.jp.conf"])
        let block = String(decoding: fresh.changes[0].contents, as: UTF8.self)
        #expect(block.contains("listen 443 ssl;") && block.contains("server_name www.example.co.jp example.co.jp;"))
        #expect(block.contains("ssl_protocols TLSv1.2 TLSv1.3;") && block.contains(NginxPlan.mozillaIntermediateCiphers))
        #expect(!block.contains("Strict-Transport-Security"), "HSTS only when asked for")
    }

    /// The classic mistake, `listen 443;` without `ssl` in the site's own block: that block gets
    /// `ssl` in the same edit as its certificate (so `nginx -t` passes at once); its port-80 twin
    /// and everything else stay as they were.
    @Test func theSitesBlockListeningWithoutSSLWhereTLSGoesGetsSSLWithItsCertificate() throws {
        try FileManager.default.createDirectory(atPath: folder.path + "/conf.d", withIntermediateDirectories: true)
        let text = "events {}\nhttp {\n    include conf.d/*.conf;\n    server {\n        listen 80;\n        server_name www.example.co.jp;\n    }\n    server {\n        listen 443;   # TLS forgotten\n        listen [::]:443;\n        server_name www.example.co.jp;\n        root /srv/www;\n    }\n}\n"
        let main = try write(text, "nginx.conf")
        let plan = try NginxPlan.plan(config: main, target: target)
        #expect(!plan.createsSite && plan.listens == ["443"] && plan.places == ["\(main):8"])
        let edited = String(decoding: try #require(plan.changes.first).contents, as: UTF8.self)
        let expected = text.replacingOccurrences(of: "listen 443;", with: "listen 443 ssl;").replacingOccurrences(of: "listen [::]:443;", with: "listen [::]:443 ssl;")
            .replacingOccurrences(of: "        server_name www.example.co.jp;\n        root", with: "        server_name www.example.co.jp;\n        ssl_certificate \(target.fullChainPath);\n        ssl_certificate_key \(target.keyPath);\n        root")
        #expect(edited == expected, "\(edited)")
        // Where the site's block already serves TLS elsewhere, a plain site on 443 is another site's business.
        let elsewhere = try write("events {}\nhttp {\n    server { listen 8443 ssl; server_name www.example.co.jp; }\n    server { listen 443; server_name other.example.co.jp; }\n}\n", "elsewhere.conf")
        #expect(try NginxPlan.plan(config: elsewhere, target: target).places == ["\(elsewhere):3"])
    }

    /// Another site listening without TLS where a new TLS site would go: nginx would demand a
    /// certificate for it too and refuse the configuration, so certwiz refuses first, naming it.
    @Test func anotherPlainSiteOnTheAddressIsRefusedBeforeAnythingChanges() throws {
        try FileManager.default.createDirectory(atPath: folder.path + "/conf.d", withIntermediateDirectories: true)
        let main = try write("events {}\nhttp {\n    include conf.d/*.conf;\n    server {\n        listen *:443 default_server;\n        server_name other.example.co.jp;\n    }\n}\n", "nginx.conf")
        #expect(throws: NginxPlan.PlanError.plainSiteOnTLSAddress(place: "\(main):5", listen: "*:443")) { try NginxPlan.plan(config: main, target: target) }
        // On another address it is no business of this site's.
        let other = try write("events {}\nhttp {\n    include conf.d/*.conf;\n    server { listen 127.0.0.1:443; server_name other.example.co.jp; }\n}\n", "other.conf")
        #expect(try NginxPlan.plan(config: other, target: target).createsSite)
        #expect(NginxPlan.sameSocket("443", "0.0.0.0:443") && NginxPlan.sameSocket("*:443", "443") && !NginxPlan.sameSocket("[::]:443", "443"))
        #expect(NginxPlan.sameSocket("127.0.0.1", "127.0.0.1:80") && !NginxPlan.sameSocket("127.0.0.1:443", "443"))
    }

    @Test func debianLayoutGetsSitesAvailableAndALink() throws {
        let main = try write("events {}\nhttp { include sites-enabled/*; }\n", "nginx.conf")
        for dir in ["sites-available", "sites-enabled"] { try FileManager.default.createDirectory(atPath: folder.path + "/" + dir, withIntermediateDirectories: true) }
        let plan = try NginxPlan.plan(config: main, target: target)
        #expect(plan.changes.map(\.path) == [folder.path + "/sites-available/certwiz-www.example.co.jp.conf", folder.path + "/sites-enabled/certwiz-www.example.co.jp.conf"])
        #expect(plan.changes[1].kind == .link(target: "../sites-available/certwiz-www.example.co.jp.conf"))
    }

    @Test func refusesWhatItCannotEditSafely() throws {
        let dual = try write("http { server { listen 443 ssl; server_name www.example.co.jp; ssl_certificate a; ssl_certificate_key b; ssl_certificate c; ssl_certificate_key d; } }\n", "dual.conf")
        #expect(throws: NginxPlan.PlanError.self) { try NginxPlan.plan(config: dual, target: target) }
        let broken = try write("http { server { listen 443 ssl; server_name www.example.co.jp;\n", "broken.conf")
        do {
            _ = try NginxPlan.plan(config: broken, target: target)
            Issue.record("a broken config was planned")
        } catch {
            #expect(error.message.en.contains("unexpected end of file"))
        }
        let missing = try write("http { include /nowhere/site.conf; }\n", "missing.conf")
        #expect(throws: NginxPlan.PlanError.self) { try NginxPlan.plan(config: missing, target: target) }
    }

    @Test func theDiffIsUnified() {
        let diff = LineDiff.unified(old: "a\nb\nc\nd\ne\nf\ng\nh\n", new: "a\nb\nc\nD\ne\nf\ng\nh\n", path: "x")
        #expect(diff == "--- x\n+++ x\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n")
    }
}
