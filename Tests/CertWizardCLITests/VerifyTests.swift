import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz verify`: a real handshake with a live server (openssl s_server, started and stopped here).
@Suite struct VerifyTests {
    let cli = CertWizProcess()

    /// A demo-issued draft: its key, certificate, chain and the demo root.
    func serve(_ draft: Draft, chainFirst: Bool = false, withChain: Bool = true, tls13Only: Bool = true) throws -> (BackgroundProgram, Int) {
        let port = try freeLocalPort()
        var arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", try #require(draft.issuance.certificatePath),
                         "-key", try #require(draft.csr.keyPath), "-www", "-naccept", "100"]
        if withChain {
            if chainFirst {
                // The root before the intermediate: the wrong order, as a hand-made bundle often has it.
                let bundle = cli.home + "/wrong-order.pem"
                let text = try String(contentsOfFile: cli.home + "/data/certwiz/demo-ca/root.crt", encoding: .utf8) +
                    (try String(contentsOfFile: try #require(draft.issuance.chainPath), encoding: .utf8))
                try text.write(toFile: bundle, atomically: true, encoding: .utf8)
                arguments += ["-cert_chain", bundle]
            } else {
                arguments += ["-cert_chain", try #require(draft.issuance.chainPath)]
            }
        }
        if tls13Only { arguments.append("-tls1_3") }
        let server = try BackgroundProgram("openssl", arguments)
        #expect(waitUntilListening(port))
        return (server, port)
    }

    @Test func aTLS13OnlyServerSendingTheDraftsCertificateAndChainIsOKAndRecordsTheInstallation() throws {
        let (draft, root) = (try cli.issuedDemoDraft(), cli.demoRoot)
        let (server, port) = try serve(draft)
        defer { server.stop() }
        let result = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp", "--draft", "site", "--ca-file", root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("TLS 1.3") && result.stdout.contains("the draft's certificate: yes"), "\(result.stdout)")
        let after = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(after.installation.certificateInstalled == true && after.timeline.last?.event == "installed")
        // Fewer days left than asked for: 1.
        #expect(try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp", "--ca-file", root, "--warn-days", "400").status == 1)
        // Without the demo root: the chain does not verify to anything trusted (the demo root is
        // trusted only when it is in this data folder; another HOME has none).
        let json = try cli.run("verify", "127.0.0.1:\(port)", "--servername", "www.example.co.jp", "--json", extraEnvironment: ["XDG_DATA_HOME": cli.home + "/elsewhere"])
        #expect(json.status == 2 && json.stdout.contains("\"chain-untrusted\"") || json.stdout.contains("\"chain-incomplete\""), "\(json.stdout)")
    }

    @Test func aMissingIntermediateAWrongOrderAndANameMismatchAreWrong() throws {
        let (draft, root) = (try cli.issuedDemoDraft(), cli.demoRoot)
        let (alone, alonePort) = try serve(draft, withChain: false, tls13Only: false)
        defer { alone.stop() }
        let missing = try cli.run("verify", "127.0.0.1:\(alonePort)", "--servername", "www.example.co.jp", "--ca-file", root)
        #expect(missing.status == 2 && missing.stdout.contains("chain-incomplete") && missing.stdout.contains("TLS 1."), "\(missing.stdout)")
        let wrongName = try cli.run("verify", "127.0.0.1:\(alonePort)", "--servername", "shop.example.co.jp", "--ca-file", root)
        #expect(wrongName.status == 2 && wrongName.stdout.contains("name-not-covered"), "\(wrongName.stdout)")

        let (reversed, reversedPort) = try serve(draft, chainFirst: true)
        defer { reversed.stop() }
        let order = try cli.run("verify", "127.0.0.1:\(reversedPort)", "--servername", "www.example.co.jp", "--ca-file", root)
        #expect(order.status == 2 && order.stdout.contains("chain-order"), "\(order.stdout)")
    }

    @Test func nothingListeningIsUnreachable() throws {
        let port = try freeLocalPort()
        let result = try cli.run("verify", "127.0.0.1:\(port)")
        #expect(result.status == 3 && result.stdout.contains("Connection refused"), "\(result.stdout)\(result.stderr)")
        #expect(try cli.run("verify", "host:notaport").status == 64)
    }
}
