import CertWizardCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Operations in the real wizard (tmux): the screen stays live while one runs, Esc cancels it,
/// and a silent host ends with the time-limit message. Bounds are loose: the machine is shared.
@Suite(.serialized) struct OperationTmuxTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is required for these tests (bash .ci/run installs it)")
    }

    func draftBytes(_ session: TmuxSession, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: session.cli.draftsDirectory + "/\(name).json"))
    }

    /// Opens screen number `index` (0 = the first) through the F2 list.
    func jump(_ tmux: TmuxSession, to index: Int, title: String) throws {
        try tmux.press("F2")
        try tmux.waitFor("Steps (F2)")
        for _ in 0..<8 { try tmux.press("Up") }
        for _ in 0..<index { try tmux.press("Down") }
        try tmux.press("Enter")
        try tmux.waitFor(title)
    }

    /// Tabs until the button labelled `label` has the focus mark (at most 20 stops).
    func focusButton(_ tmux: TmuxSession, _ label: String) throws {
        for _ in 0..<20 {
            if try tmux.screen().contains("▶ [ \(label) ]") { return }
            try tmux.press("Tab")
            usleep(100_000)
        }
        Issue.record("no button \"\(label)\" took the focus")
    }

    @Test func aSilentHostShowsProgressIsCancelledWithEscAndOtherwiseTimesOut() throws {
        let listener = try SilentTCPPort()
        let address = "127.0.0.1:\(listener.port)"
        let cli = CertWizProcess()
        #expect(try cli.run("new", "--type", "renewal", "site").status == 0)
        #expect(try cli.run("set", "--draft", "site", "currentCertificate.source=\(address)").status == 0)
        let tmux = try TmuxSession(["--draft", "site", "--today", "2026-11-24", "--lang", "en"], cli: cli)
        try tmux.waitFor("1-1 Applicant organization")
        try jump(tmux, to: 1, title: "1-2 The current certificate (2/")
        try focusButton(tmux, "Read the current certificate")
        let before = try draftBytes(tmux, "site")

        let pressed = Date()
        try tmux.press("Enter")
        var screen = try tmux.waitFor("Reading the certificate: \(address)")
        #expect(Date().timeIntervalSince(pressed) < 1.0, "the working line shows at once")
        #expect(screen.contains("Esc cancels"), "\(screen)")
        usleep(400_000)
        #expect(try tmux.screen() != screen, "the spinner and the elapsed time move")
        let escaped = Date()
        try tmux.press("Escape")
        screen = try tmux.waitFor("Cancelled: nothing was changed")
        #expect(Date().timeIntervalSince(escaped) < 1.5, "Esc cancels at once")
        #expect(screen.contains("1-2 The current certificate (2/"), "Esc cancelled instead of going back a screen")
        #expect(try draftBytes(tmux, "site") == before, "a cancelled read changes nothing on disk")
        // Typing goes on normally: back to the address field, and an edit is saved.
        try tmux.press("BTab")
        try tmux.type("9")
        try tmux.waitFor("\(address)9")
        // The frame is drawn before the save: give the save a moment.
        for _ in 0..<40 where try draftBytes(tmux, "site") == before { usleep(50_000) }
        #expect(try draftBytes(tmux, "site") != before)
        try tmux.press("BSpace")
        try tmux.waitFor("[\(address) ")
        // Without Esc the read ends with the time limit, naming the host.
        try tmux.press("Tab")
        try tmux.press("Enter")
        try tmux.waitFor("Reading the certificate")
        try tmux.waitFor("\(address): timed out after 10 s", seconds: 20)
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
    }

    @Test func anRSA4096KeyIsMadeWhileTheScreenStaysLive() throws {
        let cli = CertWizProcess()
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("set", "--draft", "site", "csr.keyType=rsa4096").status == 0)
        let tmux = try TmuxSession(["--draft", "site", "--today", "2026-11-24", "--lang", "en"], cli: cli)
        try tmux.waitFor("certwiz")
        try jump(tmux, to: 1, title: "1-2 Prepare the CSR (2/")
        try focusButton(tmux, "Make the key and CSR")
        try tmux.press("Enter")
        let first = try tmux.waitFor("Making the key (RSA4096) and CSR")
        usleep(300_000)
        try tmux.press("F1")
        let help = try tmux.waitFor("┌─ 1-2 Prepare the CSR")
        if help.contains("Making the key (RSA4096)") {
            // Help opened while the key was still being made, and the spinner had moved on.
            #expect(help != first)
        }
        try tmux.press("Escape")  // closes the help (a second Esc would cancel)
        let done = try tmux.waitFor(" Key:", seconds: 60)
        #expect(done.contains("keys/site/www.example.co.jp"), "\(done)")
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
        let saved = try DraftCodec.decode(Array(try draftBytes(tmux, "site")))
        let keyPath = try #require(saved.csr.keyPath)
        #expect(saved.csr.keyType == .rsa4096 && FileManager.default.fileExists(atPath: keyPath))
    }

    /// The application screen registers the ACME account with pebble (EAB required): the HMAC key
    /// is typed into the box, shown as dots, and found afterwards in no screen and no file.
    @Test func theApplicationScreenRegistersTheACMEAccountWithEAB() throws {
        let cli = CertWizProcess()
        let pebble = try PebbleServer(in: cli.home + "/pebble")
        defer { pebble.stop() }
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("set", "--draft", "site", "order.issuer=acme", "acme.directory=\(pebble.directoryURL)", "acme.challenge=http-01",
                            "acme.caFile=\(pebble.tlsCertificatePath)").status == 0)
        let tmux = try TmuxSession(["--draft", "site", "--today", "2026-11-24", "--lang", "en"], cli: cli)
        try tmux.waitFor("certwiz")
        try jump(tmux, to: 3, title: "Online application")
        try focusButton(tmux, "Register the ACME account…")
        try tmux.press("Enter")
        var screens = [try tmux.waitFor("EAB key id")]
        try tmux.type(PebbleServer.eabKeyID)
        try tmux.press("Enter")
        try tmux.type(PebbleServer.eabHMACKey)
        screens.append(try tmux.waitFor("••••••••••"))
        try tmux.press("Enter")
        try tmux.press("Enter")
        screens.append(try tmux.waitFor("Registered the ACME account", seconds: 30))
        try tmux.press("F10")
        try tmux.press("y")
        screens.append(try tmux.waitFor("EXIT=0"))
        #expect(!screens.joined().contains(PebbleServer.eabHMACKey.prefix(12)), "the HMAC key never reached the screen")
        let accounts = (try? FileManager.default.subpathsOfDirectory(atPath: cli.home + "/data/certwiz/acme")) ?? []
        #expect(accounts.contains { $0.hasSuffix("account.json") }, "\(accounts)")
        let everything = try FileManager.default.subpathsOfDirectory(atPath: cli.home + "/data")
            .compactMap { try? String(contentsOfFile: cli.home + "/data/" + $0, encoding: .utf8) }.joined()
        #expect(!everything.contains(PebbleServer.eabHMACKey), "the HMAC key is in no file certwiz wrote")
        // The account is the one `submit` uses: the order goes through without registering again.
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let submitted = try cli.run("submit", "--draft", "site", "--http-port", "\(pebble.httpPort)")
        #expect(submitted.status == 0 && submitted.stdout.contains("Issued:"), "\(submitted.stdout)\(submitted.stderr)")
    }
}
