import CertWizardCore
import Foundation
import Testing
import TestSupport

/// The wizard without a terminal: answers files replayed headless, and plain line prompts.
@Suite struct HeadlessWizardTests {
    let cli = CertWizProcess()

    func draft(_ name: String) throws -> Draft {
        try DraftCodec.decode(Array(try cli.read(name + ".json").utf8))
    }

    @Test func anAnswersFileFillsEveryScreenWithoutATerminal() throws {
        let answers = try writeAnswers(TmuxSession.answersForANewApplication)
        let result = try cli.run("--answers", answers, "--draft", "demo", "--today", "2026-11-24")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Filled the draft demo"))
        let filled = try draft("demo")
        #expect(filled.applicationType == .new)
        #expect(filled.organization.nameJa == Applicant.sample.nameJa && filled.csr.organization == Applicant.sample.nameEn)
        #expect(filled.domainCheck.approverEmail == "admin@example.co.jp")
        #expect(filled.payment.plannedDate == CalendarDate(iso8601: "2026-11-30"))
        // Everything answered; the key and CSR are made by their button, not by answers.
        #expect(Validator.findings(for: filled, today: CalendarDate(iso8601: "2026-11-24")!).filter { $0.severity == .error }.map(\.code) == ["csr-missing"])
        // Without --draft, the welcome screen's choice is pressed too.
        let fresh = try cli.run("--answers", answers, "--today", "2026-11-24")
        #expect(fresh.status == 0 && fresh.stdout.contains("application-2026-11-24"), "\(fresh.stderr)")
    }

    /// A draft filled part-way (a run killed after the first answers) resumes at a later screen;
    /// the answers are still walked from the first screen, so none on an earlier one is skipped.
    @Test func answersForAPartlyFilledDraftStartFromTheFirstScreen() throws {
        try cli.write(#"{"applicationType": "new", "organization": {"nameJa": "\#(Applicant.sample.nameJa)", "nameEn": "\#(Applicant.sample.nameEn)", "phone": "03-1234-5678"}}"#,
                      to: "partial.json")
        let answers = try writeAnswers(TmuxSession.answersForANewApplication)
        let result = try cli.run("--answers", answers, "--draft", "partial", "--today", "2026-11-24")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try draft("partial").organization.listedInDuns == true, "the first screen's last answer was entered")
    }

    @Test func answersStopAtTheFirstScreenThatDoesNotValidateAndSayWhy() throws {
        let answers = try writeAnswers(#"{"organization.nameJa": "サンプル", "organization.nameEn": "\#(Applicant.sample.nameEn)", "organization.phone": "3-1234", "organization.listedInDuns": true}"#)
        let result = try cli.run("--answers", answers, "--draft", "partial")
        #expect(result.status == 1)
        #expect(result.stderr.contains("1-1 Applicant organization") && result.stderr.contains("phone"), "\(result.stderr)")
        // What was entered before the stop is kept.
        #expect(try draft("partial").organization.nameJa == "サンプル")
    }

    /// An answers run fills the draft it names or nothing: a draft open elsewhere is exit 1, an
    /// unreadable or newer one exit 2, each with the reason, and no other draft is made or touched.
    @Test func answersForADraftThatCannotBeOpenedStopWithoutMakingAnother() throws {
        let answers = try writeAnswers(TmuxSession.answersForANewApplication)
        try cli.write(validDraftJSON, to: "held.json")
        let lock = try DraftLock(draftPath: cli.draftsDirectory + "/held.json")
        let held = try cli.runBounded(seconds: 20, "--answers", answers, "--draft", "held", "--today", "2026-11-24")
        lock.release()
        #expect(held.status == 1 && held.stderr.contains("pid \(getpid())"), "\(held.status) \(held.stderr)")
        let corrupt = #"{"csr": {"commonName": "www.exa"#
        try cli.write(corrupt, to: "corrupt.json")
        try cli.write(#"{"schemaVersion": 999}"#, to: "newer.json")
        for (name, words) in [("corrupt", "left as it is"), ("newer", "schemaVersion 999")] {
            let result = try cli.runBounded(seconds: 20, "--answers", answers, "--draft", name, "--today", "2026-11-24")
            #expect(result.status == 2 && result.stderr.contains(words), "\(name): \(result.status) \(result.stderr)")
        }
        #expect(try cli.read("held.json") == validDraftJSON)
        #expect(try cli.read("corrupt.json") == corrupt)
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.draftsDirectory).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == ["corrupt.json", "held.json", "newer.json"], "no other draft was filled: \(names)")
    }

    @Test func aBadAnswersFileIsRefusedBeforeAnythingIsTyped() throws {
        let unknown = try writeAnswers(#"{"csr.cn": "www.example.co.jp"}"#)
        let result = try cli.run("--answers", unknown, "--draft", "x")
        #expect(result.status == 2 && result.stderr.contains("no screen asks for \"csr.cn\""))
        let wrongType = try writeAnswers(#"{"order.express": "maybe"}"#)
        #expect(try cli.run("--answers", wrongType).stderr.contains("order.express"))
        let twice = try writeAnswers("{\"csr.commonName\": \"a.example.jp\",\n \"csr.commonName\": \"b.example.jp\"}")
        let duplicate = try cli.run("--answers", twice, "--draft", "x")
        #expect(duplicate.status == 2 && duplicate.stderr.contains("\"csr.commonName\" is written twice (line 2)"), "\(duplicate.stderr)")
        let notJSON = try writeAnswers("csr.commonName: x")
        #expect(try cli.run("--answers", notJSON).status == 2)
        #expect(try cli.run("--answers", "/nonexistent.json").status == 2)
        #expect(!FileManager.default.fileExists(atPath: cli.draftsDirectory + "/x.json"))
    }

    @Test func plainModeAsksTheSameQuestionsLineByLine() throws {
        let input = [
            Applicant.sample.nameJa, Applicant.sample.nameEn, "03-1234", "03-1234-5678",  // a bad phone is asked again at once
            "maybe", "y", "", "", "",                                      // y/n checked; DUNS yes; keep the rest
            "7",                                                           // 1-2: server software has 6 choices
            "q",
        ].joined(separator: "\n") + "\n"
        let result = try cli.run("--plain", "--draft", "plain", "--today", "2026-11-24", stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("== 1-1 Applicant organization (1/9) =="))
        #expect(result.stdout.contains("has 6 digits"))
        #expect(result.stdout.contains("Answer y or n"))
        #expect(result.stdout.contains("== 1-2 Prepare the CSR (2/9) ==") && result.stdout.contains("Choose a number from 1 to 6"))
        let saved = try draft("plain")
        #expect(saved.organization.nameJa == Applicant.sample.nameJa && saved.organization.nameEn == Applicant.sample.nameEn)
        #expect(saved.organization.phone == "03-1234-5678")
        #expect(saved.organization.listedInDuns == true)
    }

    /// Plain mode takes an existing CSR pasted whole: its lines are read on to the END line.
    @Test func plainModeTakesAPastedCSRToItsEndLine() throws {
        try cli.openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "p.key", "-out", "p.csr",
                         "-subj", Applicant.sample.opensslSubject])
        let pem = try String(contentsOfFile: cli.home + "/p.csr", encoding: .utf8)
        try cli.write(validDraftJSON.replacingOccurrences(of: #""origin": "generateHere", "keyType": "p256""#, with: #""origin": "existing""#), to: "p.json")
        // Keep the ten answers before the CSR (server software ... CSR file), paste, then quit.
        let input = Array(repeating: "", count: 10).joined(separator: "\n") + "\n" + pem + "q\n"
        let result = try cli.run("--plain", "--draft", "p", "--today", "2026-11-24", "--lang", "en", stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("paste it; the END line ends it"), "\(result.stdout)")
        let saved = try draft("p")
        #expect(saved.csr.pem == pem.trimmingCharacters(in: .whitespacesAndNewlines), "\(result.stdout)")
        let findings = try cli.run("validate", "--draft", "p", "--json", "--today", "2026-11-24").stdout
        #expect(!findings.contains("csr-pem-missing") && !findings.contains("csr-subject-mismatch") && !findings.contains("csr-unusable"))
    }

    /// Plain mode loads (and checks) an existing CSR as soon as its file is named.
    @Test func plainModeLoadsACSRFromItsPath() throws {
        try cli.openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "f.key", "-out", "f.csr",
                         "-subj", Applicant.sample.opensslSubject])
        try cli.write(validDraftJSON.replacingOccurrences(of: #""origin": "generateHere", "keyType": "p256""#, with: #""origin": "existing""#), to: "f.json")
        let input = Array(repeating: "", count: 9).joined(separator: "\n") + "\n" + cli.home + "/f.csr\nq\n"
        let result = try cli.run("--plain", "--draft", "f", "--today", "2026-11-24", "--lang", "en", stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Loaded the CSR: " + cli.home + "/f.csr"), "\(result.stdout)")
        let pem = try String(contentsOfFile: cli.home + "/f.csr", encoding: .utf8)
        #expect(try draft("f").csr.pem == pem.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Plain mode reads the current certificate as soon as its place is named (a file here; a
    /// host:port goes through the same operation).
    @Test func plainModeReadsTheCurrentCertificateFromWhereItIs() throws {
        try cli.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "cur.key", "-out", "cur.pem",
                         "-subj", Applicant.sample.opensslSubject, "-days", "200"])
        try cli.write(#"{"applicationType": "renewal", "organization": {"nameJa": "\#(Applicant.sample.nameJa)", "nameEn": "\#(Applicant.sample.nameEn)", "phone": "03-1234-5678", "listedInDuns": true}}"#,
                      to: "cur.json")
        let result = try cli.run("--plain", "--draft", "cur", "--today", "2026-11-24", "--lang", "en", stdin: cli.home + "/cur.pem\nq\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Read: www.example.co.jp"), "\(result.stdout)")
        let saved = try draft("cur")
        #expect(saved.currentCertificate.commonName == "www.example.co.jp" && saved.currentCertificate.publicKeyFingerprint?.count == 64)
        #expect(saved.csr.commonName == "www.example.co.jp" && saved.csr.organization == Applicant.sample.nameEn && saved.csr.locality == "Chuo-ku")
    }

    @Test func plainModeIsUsedWithoutATerminalAndInJapanese() throws {
        let result = try cli.run("--draft", "p", "--lang", "ja", stdin: "q\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("== 1-1 申請団体の決定 (1/9) =="))
    }
}
