import CertWizardCore
import Foundation
import Testing
import TestSupport
@testable import Installers

/// The document root http-01 answers go into, found in the server block `install` edits: only a
/// plain-HTTP block on port 80 for one of the names, with a root and no redirect of everything.
@Suite struct WebRootTests {
    let folder = TemporaryFolder()

    @discardableResult
    func write(_ text: String, _ name: String) throws -> String { try folder.write(text, name) }

    @Test func nginxThePort80BlockForTheNameGivesItsRoot() throws {
        let config = try write("""
            events {}
            http {
                server { listen 80; server_name other.example.jp; root /srv/other; }
                server { listen 443 ssl; server_name www.example.co.jp; root /srv/tls-only; }
                server { listen 8080; server_name www.example.co.jp; root /srv/alt-port; }
                server { listen 80; server_name www.example.co.jp; return 301 https://$host$request_uri; root /srv/redirected; }
                include sites/*.conf;
            }
            """, "nginx.conf")
        let control = ServerControl(kind: .nginx, config: config)
        #expect(WebRoot.find(server: control, names: ["www.example.co.jp"]) == nil, "TLS, another port, a redirect, another name: none will do")
        _ = try write("server {\n    listen [::]:80;\n    server_name .example.co.jp;\n    root html/site;\n}\n", "sites/site.conf")
        #expect(WebRoot.find(server: control, names: ["www.example.co.jp"]) == folder.path + "/html/site", "relative to nginx's prefix")
        #expect(WebRoot.find(server: control, names: ["www.unrelated.jp"]) == nil)
    }

    @Test func apacheThePort80VirtualHostForTheNameGivesItsDocumentRoot() throws {
        let config = try write("""
            ServerRoot \(folder.path)
            Listen 80
            <VirtualHost *:443>
                ServerName www.example.co.jp
                SSLEngine on
                DocumentRoot /srv/tls
            </VirtualHost>
            <VirtualHost *:80>
                ServerName www.example.co.jp
                Redirect permanent / https://www.example.co.jp/
                DocumentRoot /srv/redirected
            </VirtualHost>
            <VirtualHost *:80>
                ServerName example.co.jp
                ServerAlias www.example.co.jp
                DocumentRoot "/var/www/example"
            </VirtualHost>
            """, "apache2.conf")
        let control = ServerControl(kind: .apache, config: config)
        #expect(WebRoot.find(server: control, names: ["www.example.co.jp"]) == "/var/www/example")
        #expect(WebRoot.find(server: ServerControl(kind: .files, config: nil), names: ["www.example.co.jp"]) == nil)
        #expect(WebRoot.find(server: ServerControl(kind: .nginx, config: folder.path + "/missing.conf"), names: ["www.example.co.jp"]) == nil)
    }
}
