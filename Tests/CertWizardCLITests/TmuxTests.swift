import CertWizardCore
import Foundation
import Testing
import TestSupport

/// The wizard in a real terminal (tmux): typing, Japanese, resizing, quitting, signals.
@Suite(.serialized) struct TmuxTests {
    init() throws {
        try #require(TmuxSession.available, "tmux is required for these tests (bash .ci/run installs it)")
    }

    func draft(_ session: TmuxSession, _ name: String = "honsha") throws -> Draft {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: session.cli.draftsDirectory + "/\(name).json")))
        return try DraftCodec.decode(bytes)
    }

    /// The draft as the saver has written it, once `ready` holds (the saver writes off the key thread).
    func draftOnDisk(_ session: TmuxSession, seconds: Double = 5, until ready: (Draft) -> Bool) throws -> Draft {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try? draft(session)
        while !(last.map(ready) ?? false) && Date() < deadline {
            usleep(20_000)
            last = try? draft(session)
        }
        return try last ?? draft(session)
    }

    /// "icanon echo" means cooked mode is back; "-icanon" or "-echo" would be a broken terminal.
    func expectRestored(_ screen: String, exit: Int, _ session: TmuxSession) {
        #expect(screen.contains("EXIT=\(exit)"), "\(screen)")
        #expect(screen.contains("icanon echo") && !screen.contains("-icanon") && !screen.contains("-echo"), "\(screen)")
        #expect(!session.alternateScreenOn)
    }

    /// Types into the first field, sends `signal`: the wizard ends with 128+N, the terminal
    /// restored and the typed text in the draft.
    func expectSignalSavesAndRestores(_ signal: Int32) throws {
        let tmux = try TmuxSession(["--draft", "honsha"])
        try tmux.waitFor("1-1 Applicant organization")
        try tmux.type("本社")
        try tmux.waitFor("[本社")
        let pid = try #require(try tmux.certwizPid())
        kill(pid, signal)
        expectRestored(try tmux.waitFor("MODES-END"), exit: 128 + Int(signal), tmux)
        #expect(try draft(tmux).organization.nameJa == "本社")
    }

    @Test func typesJapaneseSavesAsItGoesAndQuitsCleanly() throws {
        let tmux = try TmuxSession(["--draft", "honsha", "--today", "2026-11-24"])
        try tmux.waitFor("1-1 Applicant organization (1/9)")
        let applicant = Applicant.sample
        try tmux.type(applicant.nameJa)
        try tmux.press("Tab")
        try tmux.type(applicant.nameEn)
        let screen = try tmux.waitFor("[" + applicant.nameEn)
        #expect(screen.contains("[" + applicant.nameJa))
        // Saved as it goes: the saver thread puts the newest version on disk while the wizard runs
        // (it does not wait for quitting), so both fields arrive within moments, not at exit.
        let saved = try draftOnDisk(tmux) { $0.organization.nameEn == applicant.nameEn }
        #expect(saved.organization.nameJa == applicant.nameJa)
        #expect(saved.organization.nameEn == applicant.nameEn)
        #expect(try tmux.certwizPid() != nil, "the wizard is still running")
        try tmux.press("C-c")
        try tmux.waitFor("Quit certwiz?")
        try tmux.press("y")
        expectRestored(try tmux.waitFor("MODES-END"), exit: 0, tmux)
    }

    /// The paste is read from the terminal in bulk; the keys after it are keys again, in order.
    @Test func aPasteIsTakenWholeAndTheKeysAfterItStillWork() throws {
        let tmux = try TmuxSession(["--draft", "honsha", "--today", "2026-11-24"])
        try tmux.waitFor("1-1 Applicant organization (1/9)")
        let applicant = Applicant.sample
        try tmux.paste(applicant.nameJa + "\r\n")
        try tmux.press("Tab")
        try tmux.paste(String(repeating: "x", count: 5_000))
        try tmux.waitFor("4,096")  // refused past the field's limit, at once, with the limit named
        try tmux.paste(applicant.nameEn)
        try tmux.waitFor("[" + applicant.nameEn)
        let saved = try draftOnDisk(tmux) { $0.organization.nameEn == applicant.nameEn }
        #expect(saved.organization.nameJa == applicant.nameJa, "a pasted line end is not kept in a one-line field")
        try tmux.press("C-c")
        try tmux.waitFor("Quit certwiz?")
        try tmux.press("y")
        expectRestored(try tmux.waitFor("MODES-END"), exit: 0, tmux)
    }

    @Test func resizingBelow80x24ShowsAMessageAndTheFormComesBack() throws {
        let tmux = try TmuxSession(["--draft", "honsha"])
        try tmux.waitFor("1-1 Applicant organization")
        try tmux.resize(width: 70, height: 20)
        try tmux.waitFor("at least 80x24 (now 70x20)")
        try tmux.type("x")  // not typed into a field nobody can see
        try tmux.resize(width: 100, height: 30)
        let screen = try tmux.waitFor("1-1 Applicant organization")
        #expect(!screen.contains("at least 80x24"))
        try tmux.type("y")  // typing works again once the form is back
        try tmux.waitFor("[y")
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
        #expect(try draft(tmux).organization.nameJa == "y")
    }

    @Test func aDroppedLinkSavesTheDraftAndRestoresTheTerminal() throws {
        try expectSignalSavesAndRestores(SIGHUP)
    }

    @Test func japaneseRendersEvenWhenTheJapaneseLocaleIsNotInstalled() throws {
        // ja_JP.UTF-8 is missing on minimal servers: the text must still be UTF-8, not bytes.
        let tmux = try TmuxSession(["--draft", "honsha"], environment: ["LANG": "ja_JP.UTF-8"])
        let screen = try tmux.waitFor("1-1 申請団体の決定 (1/9)")
        #expect(screen.contains("申請団体名 (日本語)"))
        try tmux.type("本社")
        try tmux.waitFor("[本社")
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = try TmuxSession(["--draft", "honsha", "--lang", "ja"])
        try tmux.waitFor("1-1 申請団体の決定")
        let pid = try #require(try tmux.certwizPid())
        kill(pid, SIGTERM)
        expectRestored(try tmux.waitFor("MODES-END"), exit: 143, tmux)
    }

    /// Every signal that would end the process ends the wizard as SIGTERM does: typed text saved,
    /// terminal restored, exit 128+N. SIGPIPE does not end it (a closed pipe is one write's error).
    @Test(arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM, 40])
    func everyEndingSignalRestoresTheTerminal(_ signal: Int32) throws {
        try expectSignalSavesAndRestores(signal)
    }

    @Test func sigpipeDoesNotEndTheWizard() throws {
        let tmux = try TmuxSession(["--draft", "honsha"])
        try tmux.waitFor("1-1 Applicant organization")
        let pid = try #require(try tmux.certwizPid())
        kill(pid, SIGPIPE)
        try tmux.type("still here")
        try tmux.waitFor("[still here")
        try tmux.press("F10")
        try tmux.press("y")
        expectRestored(try tmux.waitFor("MODES-END"), exit: 0, tmux)
    }

    @Test func aDraftOpenInAnotherCertwizIsRefusedOnScreen() throws {
        let tmux = try TmuxSession(["--draft", "honsha"])
        try tmux.waitFor("1-1 Applicant organization")
        let second = try TmuxSession(["--draft", tmux.cli.draftsDirectory + "/honsha.json"])
        try second.waitFor("is open in another certwiz")
        try second.press("F10")
        try second.press("y")
        try second.waitFor("EXIT=0")
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
    }

    @Test func theWelcomeScreenStartsARenewalAndAsciiBordersWork() throws {
        let tmux = try TmuxSession(["--ascii", "--today", "2026-11-24"], environment: ["NO_COLOR": "1"])
        try tmux.waitFor("Welcome to certwiz")
        try tmux.press("Down")
        try tmux.press("Enter")
        try tmux.waitFor("1-1 Applicant organization (1/10)")
        try tmux.press("F2")
        let screen = try tmux.waitFor("Steps (F2)")
        #expect(screen.contains("+- Steps (F2) -"))
        try tmux.press("Escape")
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
        #expect(try draft(tmux, "application-2026-11-24").applicationType == .renewal)
    }

    @Test func answersReplayOnScreenThenTheApplicantTakesOver() throws {
        let answers = try writeAnswers(TmuxSession.answersForANewApplication)
        let tmux = try TmuxSession(["--answers", answers, "--draft", "demo", "--today", "2026-11-24"])
        try tmux.waitFor("Status (9/9)")
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
        let filled = try draft(tmux, "demo")
        #expect(filled.csr.commonName == "www.example.co.jp" && filled.order.express == true)
        #expect(filled.csr.subjectAltNames == ["www.example.co.jp", "example.co.jp"])
    }
}

extension TmuxTests {
    /// The README's promise: from a prepared draft to an issued certificate in the wizard, with
    /// the status screen's buttons only (submit, then the trainer's demo review).
    /// Home and End work from the sequences terminals send, whatever TERM's entry says.
    @Test func homeAndEndWorkFromEveryCommonSequence() throws {
        let tmux = try TmuxSession(["--draft", "honsha", "--lang", "en"])
        try tmux.waitFor("1-1 Applicant organization")
        try tmux.type("abc")
        try tmux.waitFor("[abc")
        let pairs: [(home: [String], end: [String])] = [
            (["1b", "5b", "31", "7e"], ["1b", "5b", "34", "7e"]),   // ESC[1~ / ESC[4~
            (["1b", "5b", "37", "7e"], ["1b", "5b", "38", "7e"]),   // ESC[7~ / ESC[8~
            (["1b", "5b", "48"], ["1b", "5b", "46"]),               // ESC[H / ESC[F
            (["1b", "4f", "48"], ["1b", "4f", "46"]),               // ESC O H / ESC O F
        ]
        var text = "abc"
        for (index, pair) in pairs.enumerated() {
            try tmux.tmux(["send-keys", "-t", "main", "-H"] + pair.home)
            try tmux.type("\(index)")
            text = "\(index)" + text
            try tmux.waitFor("[\(text)")
            try tmux.tmux(["send-keys", "-t", "main", "-H"] + pair.end)
            try tmux.type("z")
            text += "z"
            try tmux.waitFor("[\(text)")
        }
        try tmux.press("F10")
        try tmux.press("y")
        try tmux.waitFor("EXIT=0")
        #expect(try draft(tmux).organization.nameJa == text)
    }

    @Test func theStatusScreenSubmitsAndRunsTheDemoReviewToACertificate() throws {
        let cli = CertWizProcess()
        try cli.write(validDraftJSON, to: "site.json")
        #expect(try cli.run("csr", "new", "--draft", "site").status == 0)
        let tmux = try TmuxSession(["--draft", "site", "--today", "2026-11-24"], cli: cli)
        var screen = try tmux.waitFor("certwiz")
        for _ in 0..<12 where !screen.contains("Status (") {
            try tmux.press("NPage")
            usleep(300_000)
            screen = try tmux.screen()
        }
        #expect(screen.contains("[ Submit the application ]"), "\(screen)")
        try tmux.press("Enter")
        screen = try tmux.waitFor("Submitted: order DEMO-20261124-")
        #expect(screen.contains("[ Demo: Domain right of use confirmed ]"), "\(screen)")
        try tmux.press("Tab")
        try tmux.press("Enter")
        screen = try tmux.waitFor("Demo review:")
        #expect(screen.contains("5-1 Issuance") && screen.contains("✓ 5-1 Issuance"), "\(screen)")
        try tmux.press("F10")
        try tmux.press("y")
        expectRestored(try tmux.waitFor("MODES-END"), exit: 0, tmux)
        let issued = try draft(tmux, "site")
        let certificate = try #require(issued.issuance.certificatePath)
        #expect(FileManager.default.fileExists(atPath: certificate) && issued.issuance.issuedOn == CalendarDate(iso8601: "2026-11-24"))
        #expect(FileManager.default.fileExists(atPath: cli.home + "/data/certwiz/outbox/\(try #require(issued.order.orderNumber)).eml"))
    }
}

func writeAnswers(_ json: String) throws -> String {
    let path = NSTemporaryDirectory() + "answers-" + UUID().uuidString + ".json"
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

extension TmuxSession {
    static let answersForANewApplication = #"""
    {
      "applicationType": "new",
      "organization.nameJa": "\#(Applicant.sample.nameJa)", "organization.nameEn": "\#(Applicant.sample.nameEn)",
      "organization.phone": "03-1234-5678", "organization.listedInDuns": true,
      "csr.serverSoftware": "nginx", "csr.commonName": "www.example.co.jp", "csr.organization": "\#(Applicant.sample.nameEn)",
      "csr.locality": "Chuo-ku", "csr.state": "Tokyo", "csr.country": "JP",
      "csr.subjectAltNames": ["www.example.co.jp", "example.co.jp"], "csr.origin": "generateHere", "csr.keyType": "p256",
      "applicantInCharge.name": "山田 太郎", "applicantInCharge.email": "yamada@example.co.jp",
      "applicantInCharge.phone": "03-1234-5679", "applicantInCharge.fullTimeEmployee": true,
      "technicalContact.company": "\#(Applicant.sample.nameJa)", "technicalContact.name": "鈴木 花子",
      "technicalContact.email": "suzuki@example.co.jp", "technicalContact.phone": "090-1234-5678",
      "technicalContact.belongsToApplicant": true,
      "order.product": "secure", "order.express": true, "order.licenses": 1,
      "domainCheck.whoisMatches": false, "domainCheck.method": "approverEmail",
      "domainCheck.approverEmail": "admin@example.co.jp",
      "payment.method": "bankTransfer", "payment.plannedDate": "2026-11-30"
    }
    """#
}
