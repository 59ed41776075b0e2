import CertWizardCore
import Foundation
import Operations
import Testing
import TestSupport

/// Where http-01 is answered: flags over the draft's answers, over the installed server's document
/// root, over certwiz's own responder on port 80.
@Suite struct HTTP01ResponderChoiceTests {
    let folder = TemporaryFolder()

    @Test func flagsThenTheDraftThenTheServersRootThenPort80() throws {
        let config = folder.path + "/nginx.conf"
        try "events {}\nhttp { server { listen 80; server_name www.example.co.jp; root /srv/www; } }\n".write(toFile: config, atomically: true, encoding: .utf8)
        var draft = Draft()
        draft.csr.commonName = "www.example.co.jp"
        draft.installation.server = .files
        #expect(SubmitACMEOrder.Responder.chosen(httpPort: nil, webroot: nil, for: draft) == .port(80))
        draft.installation.server = .nginx
        draft.installation.configPath = config
        #expect(SubmitACMEOrder.Responder.chosen(httpPort: nil, webroot: nil, for: draft) == .webroot("/srv/www"), "found in the block install edits")
        draft.acme.httpPort = 8080
        #expect(SubmitACMEOrder.Responder.chosen(httpPort: nil, webroot: nil, for: draft) == .port(8080), "the draft's answer first")
        draft.acme.webroot = "/var/www/html"
        #expect(SubmitACMEOrder.Responder.chosen(httpPort: nil, webroot: nil, for: draft) == .webroot("/var/www/html"))
        #expect(SubmitACMEOrder.Responder.chosen(httpPort: 5002, webroot: nil, for: draft) == .port(5002), "a flag over the draft")
        #expect(SubmitACMEOrder.Responder.chosen(httpPort: nil, webroot: "/tmp/w", for: draft) == .webroot("/tmp/w"))
    }
}
