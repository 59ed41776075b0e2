import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz seal`: the demo seal's HTML, and a real page (nginx on 127.0.0.1) checked for it.
@Suite struct SealTests {
    let cli = CertWizProcess()

    @Test func theDemoSealIsWrittenAndFoundOnAPageThenRecorded() throws {
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("seal", "--draft", "site").status == 1)  // not issued yet
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        #expect(try cli.run("submit", "--draft", "site").status == 0)
        #expect(try cli.run("demo", "advance", "--draft", "site", "--all").status == 0)
        let written = try cli.run("seal", "--draft", "site")
        #expect(written.status == 0 && written.stdout.contains("certwiz-demo-seal-"), "\(written.stdout)\(written.stderr)")
        let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        let sealPath = String(try #require(draft.csr.keyPath).dropLast(4)) + ".seal.html"
        let html = try String(contentsOfFile: sealPath, encoding: .utf8)

        let port = try freeLocalPort()
        let site = cli.home + "/www"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try "<html><body><h1>Welcome</h1></body></html>\n".write(toFile: site + "/index.html", atomically: true, encoding: .utf8)
        let nginx = try NginxServer(in: cli.home + "/nginx", http: "    server { listen 127.0.0.1:\(port); root \(site); }")
        try nginx.start(waitingFor: port)
        defer { nginx.stop() }

        // https:// to a port without TLS: what that means, not the TLS library's text.
        let notTLS = try cli.run("seal", "--draft", "site", "--check", "https://127.0.0.1:\(port)/")
        #expect(notTLS.status == 2 && notTLS.stderr.contains("answered in plain HTTP") && !notTLS.stderr.contains("OPENSSL_internal"), "\(notTLS.stderr)")
        let missing = try cli.run("seal", "--draft", "site", "--check", "http://127.0.0.1:\(port)/")
        #expect(missing.status == 1 && missing.stdout.contains("not on"), "\(missing.stdout)\(missing.stderr)")
        try ("<html><body><h1>Welcome</h1>\n" + html + "</body></html>\n").write(toFile: site + "/index.html", atomically: true, encoding: .utf8)
        let found = try cli.run("seal", "--draft", "site", "--check", "http://127.0.0.1:\(port)/", "--today", "2026-12-01")
        #expect(found.status == 0 && found.stdout.contains("recorded"), "\(found.stdout)\(found.stderr)")
        let after = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(after.installation.sealInstalled == true)
        #expect(after.timeline.last.map { $0.event == "seal-placed" && $0.date == CalendarDate(iso8601: "2026-12-01") } == true)
        #expect(try cli.run("seal", "--draft", "site", "--check", "http://127.0.0.1:\(try freeLocalPort())/").status == 2)
    }
}
