import CertWizardCore
import Foundation
import Testing
import TestSupport

/// `certwiz import`: the issued certificate received from another CA's mail or files.
@Suite struct ImportTests {
    let cli = CertWizProcess()

    /// A submitted draft with a key and CSR made here, and a CA (not the demo's) that signed its CSR.
    func submittedDraft(_ name: String = "site") throws -> (draft: Draft, ca: OpenSSLCA, leaf: String) {
        try cli.write(validDraftJSON, to: name + ".json")
        #expect(try cli.run("csr", "new", "--draft", name).status == 0)
        #expect(try cli.run("record", "submitted", "--draft", name, "--order", "12345678", "--date", "2026-11-24").status == 0)
        let draft = try DraftCodec.decode(Array(try cli.read(name + ".json").utf8))
        let csrPath = cli.home + "/\(name).csr"
        try #require(draft.csr.pem).write(toFile: csrPath, atomically: true, encoding: .utf8)
        let ca = try OpenSSLCA(in: cli.home + "/ca-" + name)
        return (draft, ca, try ca.sign(csr: csrPath, as: name))
    }

    @Test func aPKCS7InTheWrongOrderWithItsRootIsReceivedLeafFirstAndRecorded() throws {
        let (before, ca, leaf) = try submittedDraft()
        let p7b = cli.home + "/bundle.p7b"
        // Root first, then the leaf, then the intermediate: as some portals hand it over.
        let made = try cli.openssl(["crl2pkcs7", "-nocrl", "-certfile", ca.rootPath, "-certfile", leaf, "-certfile", ca.intermediatePath, "-outform", "DER", "-out", p7b])
        #expect(made.status == 0, "\(made.output)")
        let result = try cli.run("import", "--draft", "site", "--ca-file", ca.rootPath, p7b, "--today", "2026-11-26")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("put in order") && !result.stdout.contains("warning"), "\(result.stdout)")
        let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        let crt = try #require(draft.issuance.certificatePath)
        let chain = try #require(draft.issuance.chainPath)
        #expect(crt == String(try #require(before.csr.keyPath).dropLast(4)) + ".crt", "named after its key")
        #expect(draft.issuance.issuedOn == CalendarDate(iso8601: "2026-11-26"))
        #expect(draft.timeline.map(\.event) == ["submitted", "issued"])
        // The chain file holds the intermediate only, and openssl verifies the pair.
        #expect(try String(contentsOfFile: chain, encoding: .utf8).components(separatedBy: "BEGIN CERTIFICATE").count == 2)
        let verify = try cli.openssl(["verify", "-CAfile", ca.rootPath, "-untrusted", chain, crt])
        #expect(verify.status == 0, "\(verify.output)")
        let installed = try cli.openssl(["x509", "-in", crt, "-noout", "-fingerprint"]).output
        let signed = try cli.openssl(["x509", "-in", leaf, "-noout", "-fingerprint"]).output
        #expect(installed == signed)

        // The same certificate again, as the notice mail quotes it: received already, nothing changes.
        let mail = "From: ca@example\r\nSubject: issued\r\nContent-Type: text/plain\r\n\r\n> " +
            (try String(contentsOfFile: leaf, encoding: .utf8)).replacingOccurrences(of: "\n", with: "\r\n> ")
        let again = try cli.run(args: ["import", "--draft", "site", "-"], stdin: mail)
        #expect(again.status == 0 && again.stdout.contains("received already"), "\(again.stdout)\(again.stderr)")
        let unchanged = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        #expect(unchanged == draft)
    }

    @Test func aCertificateForAnotherKeyIsRefusedAndNothingIsWritten() throws {
        let (_, _, _) = try submittedDraft()
        let (other, _, otherLeaf) = try submittedDraft("other")
        let before = try cli.read("site.json")
        let result = try cli.run("import", "--draft", "site", otherLeaf)
        #expect(result.status == 1)
        let site = try DraftCodec.decode(Array(before.utf8))
        let siteKey = try #require(site.csr.publicKeyFingerprint), otherKey = try #require(other.csr.publicKeyFingerprint)
        #expect(result.stderr.contains(siteKey) && result.stderr.contains(otherKey), "\(result.stderr)")
        #expect(try cli.read("site.json") == before)
        let keyDirectory = try #require(site.csr.keyDirectory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: keyDirectory).filter { $0.hasSuffix(".crt") }.isEmpty)
    }

    @Test func aLeafWithoutItsIntermediateIsReceivedWithTheMissingOneNamed() throws {
        let (_, ca, leaf) = try submittedDraft()
        let result = try cli.run("import", "--draft", "site", "--ca-file", ca.rootPath, leaf)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("chain-incomplete") && result.stdout.contains("Test Intermediate"), "\(result.stdout)")
        #expect(try cli.run("import", "--draft", "site", cli.home + "/nothing-here").status == 2)
        #expect(try cli.run(args: ["import", "--draft", "site", "-"], stdin: "no certificate in here").status == 2)
    }
}
