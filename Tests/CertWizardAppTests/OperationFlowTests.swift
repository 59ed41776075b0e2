import CertWizardCore
@testable import CertWizardApp
import Foundation
import Operations
import Screens
import Testing
import TestSupport
import TerminalUI

/// Operations run off the key-reading thread: what `update` does while one runs and when it ends.
@Suite struct OperationFlowTests {
    @Test func aResultIsAppliedToTheDraftAsItIsNowKeepingWhatWasTypedMeanwhile() throws {
        var draft = sampleDraft(.new)
        draft.csr.keyPath = nil
        var state = openedState(draft)
        show(&state, "csr")
        focus(&state, on: .action(.makeKeyAndCSR))
        let snapshot = state.draft
        #expect(press(&state, .enter) == [.run(.makeKeyAndCSR)])
        // While the key is made the applicant moves on and types elsewhere, and half-types a date.
        show(&state, "contacts")
        focus(&state, on: .field("applicantInCharge.department"))
        type(&state, "Web team")
        show(&state, "application")
        let temporary = TemporaryFolder("certwiz-flow")
        let folder = temporary.path
        let result = TestActions(keysDirectory: folder, today: testToday).change(.makeKeyAndCSR, on: snapshot)
        #expect(state.update(.finished(.makeKeyAndCSR, result)) == [.save])
        #expect(state.draft.applicantInCharge.department == "Web team")
        #expect(state.draft.csr.keyPath?.hasPrefix(folder) == true)
        #expect(state.screenID == "application")
    }

    @Test func escCancelsTheRunningOperationInsteadOfGoingBack() {
        var draft = sampleDraft(.renewal)
        draft.currentCertificate.source = "127.0.0.1:9"
        var state = openedState(draft)
        show(&state, "current-certificate")
        focus(&state, on: .action(.readCurrentCertificate))
        #expect(press(&state, .enter) == [.run(.readCurrentCertificate)])
        _ = state.update(.started(.readCurrentCertificate, title: Localized("読んでいます", "Reading the certificate: 127.0.0.1:9")))
        _ = state.update(.tick(elapsedMilliseconds: 1_234))
        let shown = WizardView.render(state, size: Size(width: 100, height: 30)).text
        #expect(shown.contains("Reading the certificate: 127.0.0.1:9 (1.2 s)  Esc cancels"))
        #expect(press(&state, .escape) == [.cancelRunning])
        #expect(state.screenID == "current-certificate")
        let before = state.draft
        #expect(state.update(.finished(.readCurrentCertificate, .failure(.cancelled))) == [])
        #expect(state.draft == before && state.running == nil)
        #expect(state.status?.text.en == "Cancelled: nothing was changed", "\(String(describing: state.status))")
        #expect(state.status?.isError == false)
        // Without an operation running, Esc goes back a screen as before.
        press(&state, .escape)
        #expect(state.screenID != "current-certificate")
    }

    @Test func aResultTheDraftNoLongerAllowsIsRefusedWithTheReason() {
        var draft = sampleDraft(.new)
        draft.order.orderNumber = "DEMO-1"
        draft.order.submittedOn = testToday
        var state = openedState(draft)
        let submitted = Submitted(issuer: "demo", orderNumber: "DEMO-2", amount: 1, transferAccount: nil,
                                  instructions: Localized("", ""), date: testToday)
        #expect(state.update(.finished(.submit, .success(AnyChange(base: submitted)))) == [])
        #expect(state.draft.order.orderNumber == "DEMO-1")
        #expect(state.status?.isError == true && state.status?.text.en.contains("recorded already") == true)
    }
}

/// A terminal whose user presses keys at given moments, for cancelling while an operation runs.
final class TimedTerminal: Terminal {
    let size = Size(width: 100, height: 30)
    private var script: [(at: Duration, key: Key)]
    private let start = ContinuousClock.now
    private(set) var frames: [(at: Duration, text: String)] = []
    private(set) var restored = false

    init(_ script: [(at: Duration, key: Key)]) { self.script = script }

    func nextKey(timeout: Int) -> Key? {
        guard let next = script.first else { return nil }
        let now = ContinuousClock.now - start
        if next.at <= now { return script.removeFirst().key }
        Thread.sleep(forTimeInterval: min(Double(timeout) / 1000, Self.seconds(next.at - now)))
        return nil
    }
    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    func draw(_ frame: Frame) { frames.append((ContinuousClock.now - start, frame.text)) }
    func restore() { restored = true }
    func takeSignal() -> Int32? { nil }
}

@Suite struct RuntimeOperationTests {
    @Test func aSilentHostIsCancelledWithEscAndTheDraftOnDiskIsUnchanged() throws {
        let listener = try SilentTCPPort()
        let temporary = TemporaryFolder("certwiz-cancel")
        let home = temporary.path
        let store = DraftStore(directory: home + "/certwiz/drafts")
        var draft = sampleDraft(.renewal)
        draft.currentCertificate.source = "127.0.0.1:\(listener.port)"
        let file = try store.create("site", draft)
        let onDisk = try file.read()
        let toButton = keys(toReach: .action(.readCurrentCertificate), on: "current-certificate", opening: draft)
        var script: [(at: Duration, key: Key)] = toButton.map { (.zero, $0) }
        script.append((.zero, .enter))                    // read the certificate: the host never answers
        script.append((.milliseconds(600), .function(1)))  // help opens while it runs
        script.append((.milliseconds(700), .escape))       // closes help
        script.append((.milliseconds(900), .escape))       // cancels
        script.append((.milliseconds(1300), .function(10)))
        script.append((.milliseconds(1350), .character("y")))
        let terminal = TimedTerminal(script)
        let runtime = WizardRuntime(terminal: terminal, store: store,
                                    state: WizardState(language: .en, today: testToday, welcome: WelcomeModel(drafts: [], suggestedName: "")))
        runtime.start(draft: "site")
        #expect(runtime.run() == .quit)
        let working = terminal.frames.filter { $0.text.contains("Reading the certificate: 127.0.0.1:\(listener.port)") }
        #expect(working.count >= 3, "the spinner moves while it runs")
        #expect(Set(working.map(\.text)).count >= 2)
        #expect(terminal.frames.contains { $0.text.contains("Help") || $0.text.contains("help") })
        let cancelled = try #require(terminal.frames.first { $0.text.contains("Cancelled: nothing was changed") })
        #expect(cancelled.at < .milliseconds(1500))
        #expect(try file.read() == onDisk)
        #expect(terminal.restored)
    }
}

/// A key is never replaced silently in the wizard either.
@Suite struct NewKeyConfirmationTests {
    @Test func makingASecondKeyAsksFirstNamingTheOldOne() {
        var draft = sampleDraft(.new)
        draft.csr.keyPath = "/home/user/.local/share/certwiz/keys/honsha/www.example.co.jp.key"
        var state = openedState(draft)
        show(&state, "csr")
        focus(&state, on: .action(.makeKeyAndCSR))
        #expect(press(&state, .enter) == [])
        #expect(state.overlay == .confirmNewKey(oldKey: "/home/user/.local/share/certwiz/keys/honsha/www.example.co.jp.key"))
        let shown = WizardView.render(state, size: Size(width: 100, height: 30)).text
        #expect(shown.contains("www.example.co.jp.key") && shown.contains("neither overwritten nor deleted"))
        // Anything but y keeps the key.
        #expect(press(&state, .character("n")) == [])
        #expect(state.overlay == nil && state.running == nil && state.status?.text.en == "The key was left as it is")
        press(&state, .enter)
        #expect(press(&state, .character("y")) == [.run(.makeKeyAndCSR)])
        #expect(state.running?.operation == .makeKeyAndCSR)
    }

    @Test func theInstallationScreenNamesTheKeyWholeEvenWhenItIsLong() {
        var draft = sampleDraft(.new)
        let key = "/home/a-rather-long-user-name/.local/share/certwiz/keys/honsha-site-renewal/www.example.co.jp-2026-11-30.key"
        draft.csr.keyPath = key
        var state = openedState(draft)
        show(&state, "installation")
        let shown = WizardView.render(state, size: Size(width: 80, height: 24)).text
        let joined = shown.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(shown.contains("Private key (0600)") && joined.contains(key), "\(shown)")
    }
}

@Suite struct PasteAndClearTests {
    @Test func aOneLineFieldTakesOnlyThePastesFirstLineAndSaysSo() {
        var state = openedState(sampleDraft(.new))
        show(&state, "csr")
        focus(&state, on: .field("csr.commonName"))
        press(&state, .end, .control("u"))
        press(&state, .paste("shop.example.co.jp\nwww.example.co.jp\n"))
        #expect(state.draft.csr.commonName == "shop.example.co.jp")
        #expect(state.status?.text.en == "This field holds one line: only the paste's first line was taken")
    }

    @Test func aMultiLineFieldIsClearedWithOneKeyShownInTheFooter() {
        var state = openedState(sampleDraft(.new))
        show(&state, "csr")
        focus(&state, on: .field("csr.subjectAltNames"))
        #expect(WizardView.render(state, size: Size(width: 120, height: 40)).text.contains("^X:clear all"))
        press(&state, .control("x"))
        #expect(state.draft.csr.subjectAltNames == nil)
        type(&state, "www.example.co.jp")
        #expect(state.draft.csr.subjectAltNames == ["www.example.co.jp"])
    }
}

@Suite struct MadeHereCSRTests {
    /// A CSR made here belongs to its key: shown with it, never offered for editing by hand.
    @Test func aCSRMadeHereIsShownWithItsKeyNotEditable() {
        var draft = sampleDraft(.new)
        draft.csr.keyPath = "/k/www.example.co.jp.key"
        draft.csr.publicKeyFingerprint = String(repeating: "ab", count: 32)
        draft.csr.pem = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----"
        var state = openedState(draft)
        show(&state, "csr")
        #expect(!state.screen.visibleFields(for: state.draft).map(\.path).contains("csr.pem"))
        let shown = WizardView.render(state, size: Size(width: 120, height: 60)).text
        #expect(shown.contains("/k/www.example.co.jp.key") && shown.contains("made with this key"), "\(shown)")
        // A pasted CSR (no key of ours) stays editable.
        draft.csr.keyPath = nil
        draft.csr.origin = .existing
        #expect(state.screen.visibleFields(for: draft).map(\.path).contains("csr.pem"))
    }
}

@Suite struct AsciiAndStepMarkTests {
    /// A draft with only ASCII in it, so that anything non-ASCII on screen is the wizard's own.
    func asciiDraft() -> Draft {
        var d = sampleDraft(.renewal)
        d.organization.nameJa = "Sample"
        d.applicantInCharge.name = "Taro Yamada"
        d.technicalContact.company = "Sample"
        d.technicalContact.name = "Hanako Suzuki"
        return d
    }

    @Test func asciiModeDrawsNoNonASCIIMarkOnAnyScreen() {
        for spec in allScreens where spec.kind != .welcome {
            var state = openedState(asciiDraft())
            state.ascii = true
            state.show(spec)
            var frames = [WizardView.render(state, size: Size(width: 100, height: 30))]
            press(&state, .function(2))
            frames.append(WizardView.render(state, size: Size(width: 100, height: 30)))
            press(&state, .escape, .function(1))
            frames.append(WizardView.render(state, size: Size(width: 100, height: 30)))
            for frame in frames {
                // Japanese words the English text quotes (先行納入手配, examples) are text, not marks.
                let odd = frame.text.unicodeScalars.filter { scalar in
                    guard scalar.value >= 0x80, !(0x3000...0x30FF).contains(scalar.value), !(0xFF00...0xFFEF).contains(scalar.value) else { return false }
                    switch scalar.properties.generalCategory {
                    case .uppercaseLetter, .lowercaseLetter, .otherLetter, .modifierLetter, .decimalNumber: return false
                    default: return true
                    }
                }
                #expect(odd.isEmpty, "\(spec.id): \(String(String.UnicodeScalarView(odd)))\n\(frame.text)")
            }
        }
    }

    @Test func theStepListDoesNotMarkAnUntouchedStepComplete() {
        var state = openedState(Draft(applicationType: .renewal))
        press(&state, .function(2))
        let list = WizardView.render(state, size: Size(width: 100, height: 30)).text
        let phone = list.split(separator: "\n").first { $0.contains("4 Phone verification") }.map(String.init) ?? ""
        #expect(!phone.contains("✓") && phone.contains("·"), "\(list)")
    }
}

@Suite struct InstallationRecordTests {
    /// The installation screen's answers record the installed event, dated, as certwiz record does.
    @Test func answeringBothInstalledRecordsTheEventOnTheTimeline() {
        var draft = sampleDraft(.new)
        draft = (try? ApplicationEvent.submitted.apply(to: draft, on: testToday, .init(orderNumber: "DEMO-1"))) ?? draft
        draft = (try? ApplicationEvent.issued.apply(to: draft, on: testToday)) ?? draft
        var state = openedState(draft)
        show(&state, "installation")
        focus(&state, on: .field("installation.certificateInstalled"))
        press(&state, .character("y"))
        #expect(state.draft.installation.installedOn == nil)  // the intermediate is not in yet
        focus(&state, on: .field("installation.intermediateInstalled"))
        press(&state, .character("y"))
        #expect(state.draft.installation.installedOn == testToday)
        #expect(state.draft.timeline.last?.event == "installed")
        // Once recorded, answering again adds nothing.
        press(&state, .character("n"), .character("y"))
        #expect(state.draft.timeline.filter { $0.event == "installed" }.count == 1)
    }
}

@Suite struct RenewalFromWelcomeTests {
    /// The welcome screen offers issued drafts first among the new ones; choosing one starts a
    /// renewal with nothing to type again.
    @Test func aRenewalStartsFromAnIssuedDraftOnTheWelcomeScreen() throws {
        let home = TemporaryFolder("certwiz-renew")
        let actions = TestActions(keysDirectory: home.path + "/certwiz/keys/site", today: testToday, dataHome: home.path + "/certwiz")
        var draft = sampleDraft(.new)
        draft.domainCheck.whoisMatches = false
        draft.domainCheck.method = .approverEmail
        draft.domainCheck.approverEmail = "admin@example.co.jp"
        draft = try actions.perform(.makeKeyAndCSR, on: draft).get().0
        draft = try actions.perform(.submit, on: draft).get().0
        draft = try actions.perform(.demoAdvanceAll, on: draft).get().0
        let issued = draft
        #expect(issued.issuance.certificatePath != nil)
        let store = DraftStore(directory: home.path + "/certwiz/drafts")
        _ = try store.create("site", issued)

        let welcome = WizardRuntime.welcomeModel(store: store, today: testToday, language: .en)
        #expect(welcome.renewable.map(\.name) == ["site"])
        #expect(welcome.renewable.first?.summary.en.hasPrefix("Renew site (www.example.co.jp, issued") == true)
        // The list: site (resume), Renew site, then the new types.
        let terminal = HeadlessTerminal(size: Size(width: 100, height: 30), keys: [.down, .enter, .function(10), .character("y")])
        let runtime = WizardRuntime(terminal: terminal, store: store, state: WizardState(language: .en, today: testToday, welcome: welcome))
        #expect(runtime.run() == .quit)
        let renewal = try DraftFile(path: store.directory + "/" + welcome.newName.editor.text + ".json").read()
        #expect(renewal.applicationType == .renewal)
        #expect(renewal.organization == issued.organization && renewal.technicalContact == issued.technicalContact)
        #expect(renewal.csr.commonName == issued.csr.commonName && renewal.csr.organization == issued.csr.organization)
        #expect(renewal.currentCertificate.serialNumber == issued.issuance.serialNumber && renewal.csr.keyPath == nil)
    }
}
