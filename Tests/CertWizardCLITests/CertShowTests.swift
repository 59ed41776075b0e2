import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz cert show` on files and on a TLS server the test starts on 127.0.0.1.
@Suite(.serialized) struct CertShowTests {
    let cli = CertWizProcess()

    @discardableResult
    func openssl(_ arguments: [String]) throws -> Int32 { try cli.openssl(arguments).status }

    /// A test CA and a leaf for www.example.co.jp signed by it, valid for 20 days from now.
    func makeChain() throws {
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=certwiz test CA",
                     "-keyout", "ca.key", "-out", "ca.pem", "-days", "30"])
        try openssl(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/C=JP/O=\(Applicant.sample.nameEn)/CN=www.example.co.jp",
                     "-keyout", "leaf.key", "-out", "leaf.csr"])
        try "subjectAltName=DNS:www.example.co.jp,DNS:example.co.jp\n".write(toFile: cli.home + "/ext", atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "20",
                     "-extfile", "ext", "-out", "leaf.pem"])
    }

    /// Starts `openssl s_server` on a free loopback port; returns the process and port once it accepts.
    func startServer(_ extra: [String]) throws -> (Process, Int) {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<60_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["openssl", "s_server", "-accept", "127.0.0.1:\(port)", "-cert", "leaf.pem", "-key", "leaf.key", "-quiet"] + extra
            process.currentDirectoryURL = URL(fileURLWithPath: cli.home)
            process.standardInput = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<50 {
                usleep(20_000)
                if !process.isRunning { break }
                if isListening(port) { return (process, port) }
            }
            stop(process)
        }
        throw CocoaError(.fileReadUnknown)
    }

    /// s_server ignores SIGTERM: it is stopped with SIGKILL.
    func stop(_ server: Process) {
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
    }


    struct Report: Decodable {
        struct Entry: Decodable { let commonName: String?; let subjectAltNames: [String]; let keyType: String; let keyBits: Int? }
        struct F: Decodable { let code: String }
        let chain: [Entry]
        let findings: [F]
    }

    @Test func readsTheChainAServerSends() throws {
        try makeChain()
        let (server, port) = try startServer(["-cert_chain", "ca.pem"])
        defer { stop(server) }
        let result = try cli.run("cert", "show", "127.0.0.1:\(port)", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.chain.count == 2)
        #expect(report.chain[0].commonName == "www.example.co.jp" && report.chain[0].keyType == "rsa" && report.chain[0].keyBits == 2048)
        #expect(report.chain[0].subjectAltNames == ["www.example.co.jp", "example.co.jp"])
        #expect(report.chain[1].commonName == "certwiz test CA")
        #expect(!report.findings.contains { $0.code == "chain-broken" || $0.code == "chain-incomplete" })
    }

    @Test func fillsARenewalDraftAndAppliesTheRenewalRules() throws {
        try makeChain()
        let (server, port) = try startServer([])
        defer { stop(server) }
        _ = try cli.run("new", "--type", "renewal", "r")
        _ = try cli.run("set", "--draft", "r", "csr.locality=Typed-ku")
        let result = try cli.run("cert", "show", "127.0.0.1:\(port)", "--draft", "r", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let codes = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)).findings.map(\.code)
        #expect(codes.contains("chain-incomplete"))   // the server sent no intermediate
        #expect(codes.contains("renewal-too-early"))  // issued today
        let draft = try DraftCodec.decode(Array(try cli.read("r.json").utf8))
        #expect(draft.currentCertificate.commonName == "www.example.co.jp")
        #expect(draft.csr.commonName == "www.example.co.jp")
        #expect(draft.currentCertificate.notAfter != nil && draft.currentCertificate.subjectAltNames?.count == 2)
        #expect(draft.currentCertificate.publicKeyFingerprint?.count == 64 && draft.currentCertificate.serialNumber != nil)
        // The DN and SANs are filled from the certificate where empty; what was typed stays.
        #expect(draft.csr.organization == Applicant.sample.nameEn && draft.csr.country == "JP" && draft.csr.locality == "Typed-ku")
        #expect(draft.csr.subjectAltNames == ["www.example.co.jp", "example.co.jp"])
    }

    /// Serial numbers are printed byte by byte as openssl does, leading zeros kept.
    @Test func aSerialNumberKeepsItsLeadingZeros() throws {
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=www.example.co.jp",
                     "-keyout", "s.key", "-out", "s.pem", "-days", "30", "-set_serial", "0x0A03"])
        _ = try cli.run("new", "--type", "renewal", "s")
        let result = try cli.run("cert", "show", cli.home + "/s.pem", "--draft", "s", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"0a:03\""), "\(result.stdout)")
        let draft = try DraftCodec.decode(Array(try cli.read("s.json").utf8))
        #expect(draft.currentCertificate.serialNumber == "0a:03")
    }

    /// A date read from the certificate is not typed over: editing it drops the reading, and the
    /// rule asks for the certificate to be read again (the renewal window cannot be bypassed).
    @Test func editingWhatWasReadAsksToReadItAgain() throws {
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=www.example.co.jp",
                     "-keyout", "c.key", "-out", "c.pem", "-days", "30"])
        _ = try cli.run("new", "--type", "renewal", "c")
        #expect(try cli.run("cert", "show", cli.home + "/c.pem", "--draft", "c").status == 0)
        struct Report: Decodable { let findings: [Finding] }
        func codes() throws -> [String] {
            let result = try cli.run("validate", "--draft", "c", "--json")
            return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)).findings.map(\.code)
        }
        #expect(!(try codes()).contains("current-certificate-not-read"))
        #expect(try cli.run("set", "--draft", "c", "currentCertificate.notBefore=2025-01-01").status == 0)
        #expect(try codes().contains("current-certificate-not-read"))
        // Reading it again restores the dates and clears the finding.
        #expect(try cli.run("cert", "show", cli.home + "/c.pem", "--draft", "c").status == 0)
        #expect(!(try codes()).contains("current-certificate-not-read"))
        let draft = try DraftCodec.decode(Array(try cli.read("c.json").utf8))
        #expect(draft.currentCertificate.notBefore != CalendarDate(iso8601: "2025-01-01"))
    }

    @Test func aTLS13OnlyServerAndBadInputAreReported() throws {
        try makeChain()
        let (server, port) = try startServer(["-tls1_3"])
        defer { stop(server) }
        let result = try cli.run("cert", "show", "127.0.0.1:\(port)")
        #expect(result.status == 2 && result.stderr.contains("TLS 1.3 only"))
        #expect(try cli.run("cert", "show", "127.0.0.1:1").stderr.contains("cannot connect"))
        #expect(try cli.run("cert", "show", cli.home + "/leaf.key").status == 2)
        let file = try cli.run("cert", "show", cli.home + "/leaf.pem")
        #expect(file.status == 0 && file.stdout.contains("www.example.co.jp"))
    }

    @Test func csrCheckRenewsTheCertificateARunningServerSends() throws {
        try makeChain()
        let (server, port) = try startServer([])
        defer { stop(server) }
        try openssl(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/C=JP/CN=other.example.co.jp", "-keyout", "o.key", "-out", "o.csr"])
        let result = try cli.run("csr", "check", cli.home + "/o.csr", "--renewal-of", "127.0.0.1:\(port)", "--json")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("cn-mismatch-renewal"))
        let shown = try cli.run("cert", "show", "127.0.0.1:\(port)")
        #expect(shown.stdout.contains("could be reused, but a new key is recommended"))
    }
}
