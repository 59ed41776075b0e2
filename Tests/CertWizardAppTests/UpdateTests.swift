import CertWizardCore
import CertWizardPKI
import Operations
import Foundation
@testable import CertWizardApp
import Screens
import Testing
import TestSupport
import TerminalUI

@Suite struct UpdateTests {
    @Test func resumesAtTheFirstScreenWithErrors() {
        var draft = sampleDraft()
        draft.applicantInCharge.email = nil
        let state = openedState(draft)
        #expect(state.screenID == "contacts")
        #expect(state.position.count == 10)  // a renewal adds the current-certificate screen
        #expect(openedState(Draft(applicationType: .new)).screenID == "organization")
        #expect(openedState(Draft(applicationType: .new)).position == (1, 9))
    }

    @Test func typingEditsTheDraftAndEveryChangeIsSaved() {
        var state = openedState(Draft(applicationType: .new))
        let effects = type(&state, "サンプル")
        #expect(state.draft.organization.nameJa == "サンプル")
        #expect(effects == [.save, .save, .save, .save])
        press(&state, .backspace)
        #expect(state.draft.organization.nameJa == "サンプ")
        press(&state, .control("u"))
        #expect(state.draft.organization.nameJa == nil)
        // A paste arrives as one event: one change, one save.
        #expect(press(&state, .paste(Applicant.sample.nameEn)) == [.save])
    }

    @Test func errorsShowOnceTheFieldIsLeft() {
        var state = openedState(Draft(applicationType: .new))
        press(&state, .tab, .tab)
        type(&state, "03-1234")
        #expect(state.visibleFindings(for: "organization.phone").isEmpty)
        press(&state, .tab)
        #expect(state.visibleFindings(for: "organization.phone").map(\.code) == ["phone-invalid"])
    }

    @Test func nextIsRefusedWhileThePageHasErrorsAndFocusGoesToTheFirst() {
        var draft = sampleDraft(.new)
        draft.organization.phone = "3-1234"
        var state = openedState(draft)
        show(&state, "organization")
        press(&state, .pageDown)
        #expect(state.screenID == "organization")
        #expect(state.status?.isError == true)
        #expect(state.focusedField?.path == "organization.phone")
        press(&state, .control("u"))
        type(&state, "03-1234-5678")
        press(&state, .pageDown)
        #expect(state.screenID == "csr")
        press(&state, .pageUp)
        #expect(state.screenID == "organization")
    }

    @Test func choicesAndYesNoAreAnsweredWithKeys() {
        var state = openedState(Draft(applicationType: .new))
        show(&state, "csr")
        #expect(state.focusedField?.path == "csr.serverSoftware")
        press(&state, .right)
        #expect(state.draft.csr.serverSoftware == .apacheOpenSSL)
        press(&state, .right, .right)
        #expect(state.draft.csr.serverSoftware == .iis10)
        press(&state, .left)
        #expect(state.draft.csr.serverSoftware == .nginx)
        press(&state, .character("6"))
        #expect(state.draft.csr.serverSoftware == .other)
        show(&state, "organization")
        press(&state, .tab, .tab, .tab)
        #expect(state.focusedField?.path == "organization.listedInDuns")
        press(&state, .character("n"))
        #expect(state.draft.organization.listedInDuns == false)
        press(&state, .character(" "))
        #expect(state.draft.organization.listedInDuns == true)
    }

    @Test func datesAreCheckedAndMovedByADay() {
        var state = openedState(Draft(applicationType: .renewal))
        show(&state, "current-certificate")
        while state.focusedField?.path != "currentCertificate.notBefore" { press(&state, .tab) }
        type(&state, "2026-01-1")
        #expect(state.draft.currentCertificate.notBefore == nil)
        press(&state, .tab)
        #expect(state.visibleFindings(for: "currentCertificate.notBefore").first?.code == "input-invalid")
        press(&state, .backTab)
        type(&state, "0")
        #expect(state.draft.currentCertificate.notBefore == CalendarDate(iso8601: "2026-01-10"))
        press(&state, .character("+"))
        #expect(state.draft.currentCertificate.notBefore == CalendarDate(iso8601: "2026-01-11"))
        press(&state, .character("-"), .character("-"))
        #expect(state.draft.currentCertificate.notBefore == CalendarDate(iso8601: "2026-01-09"))
    }

    @Test func numbersTakeDigitsOnly() {
        var state = openedState(Draft(applicationType: .new))
        show(&state, "application")
        press(&state, .tab, .tab, .tab)
        #expect(state.focusedField?.path == "order.licenses")
        type(&state, "2x")
        #expect(state.draft.order.licenses == 2)
    }

    @Test func sansAreEnteredOnePerLine() {
        var state = openedState(Draft(applicationType: .new))
        show(&state, "csr")
        while state.focusedField?.path != "csr.subjectAltNames" { press(&state, .tab) }
        press(&state, .paste("www.example.co.jp\r\nexample.co.jp\n"))
        #expect(state.draft.csr.subjectAltNames == ["www.example.co.jp", "example.co.jp"])
    }

    @Test func answersRevealTheQuestionsTheyLeadTo() {
        var state = openedState(sampleDraft(.new))
        show(&state, "domain-check")
        #expect(!state.focusStops.contains(.field("domainCheck.method")))
        press(&state, .character("n"))
        #expect(state.focusStops.contains(.field("domainCheck.method")))
        press(&state, .tab, .character("2"))
        #expect(state.draft.domainCheck.method == .approverEmail)
        press(&state, .tab)
        #expect(state.focusedField?.path == "domainCheck.approverEmail")
        #expect(state.options(for: state.focusedField!).first?.value == "admin@www.example.co.jp")
        press(&state, .character("6"))
        #expect(state.draft.domainCheck.approverEmail == "admin@example.co.jp")
    }

    @Test func helpJumpListSaveAndQuit() {
        var state = openedState(sampleDraft())
        press(&state, .function(1))
        #expect(state.overlay == .help)
        press(&state, .escape)
        #expect(state.overlay == nil)
        press(&state, .function(2))
        #expect(state.overlay == .jumpList(selected: state.position.index - 1))
        press(&state, .down, .enter)
        #expect(state.overlay == nil)
        #expect(press(&state, .control("s")) == [.save])
        press(&state, .control("c"))
        #expect(state.overlay == .confirmQuit)
        #expect(press(&state, .character("n")).isEmpty && state.overlay == nil)
        press(&state, .function(10))
        #expect(press(&state, .character("y")) == [.save, .quit])
    }

    @Test func qOnlyQuitsFromAButton() {
        var state = openedState(Draft(applicationType: .new))
        type(&state, "q")
        #expect(state.overlay == nil && state.draft.organization.nameJa == "q")
        while state.focusedStopIsField { press(&state, .tab) }
        press(&state, .character("q"))
        #expect(state.overlay == .confirmQuit)
    }

    @Test func theWelcomeScreenStartsOrResumesADraft() {
        let welcome = WelcomeModel(drafts: [.init(name: "old", path: "/d/old.json", summary: Localized("a", "a"), problem: nil),
                                            .init(name: "bad", path: "/d/bad.json", summary: Localized("b", "b"), problem: Localized("壊れています", "corrupt"))],
                                   suggestedName: "application-2026-11-24")
        var state = WizardState(language: .en, today: testToday, welcome: welcome)
        #expect(press(&state, .enter) == [.open(path: "/d/old.json", name: "old")])
        press(&state, .down)
        #expect(press(&state, .enter).isEmpty && state.status?.isError == true)
        press(&state, .down, .down)
        #expect(press(&state, .enter) == [.create(name: "application-2026-11-24", type: .renewal)])
        press(&state, .tab, .control("u"))
        type(&state, "a/b")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.status?.text.en.contains("'/'") == true)
    }
}

extension WizardState {
    var focusedStopIsField: Bool { if case .field? = focusedStop { return true } else { return false } }
}

@Suite struct CSRChoiceTests {
    @Test func aPastedCSRArrivesWholeAndReplacesTheKeyTypeQuestion() {
        var state = openedState(Draft(applicationType: .new))
        show(&state, "csr")
        while state.focusedField?.path != "csr.origin" { press(&state, .tab) }
        press(&state, .character("2"))
        #expect(state.draft.csr.origin == .existing)
        #expect(!state.focusStops.contains(.field("csr.keyType")))
        press(&state, .tab)
        #expect(state.focusedField?.path == "csr.file")  // load a file, or paste below
        press(&state, .tab)
        #expect(state.focusedField?.path == "csr.pem")
        let pem = "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIBIjCByAIBADBm\r\n-----END CERTIFICATE REQUEST-----\r\n"
        #expect(press(&state, .paste(pem)) == [.save])
        #expect(state.draft.csr.pem == "-----BEGIN CERTIFICATE REQUEST-----\nMIIBIjCByAIBADBm\n-----END CERTIFICATE REQUEST-----")
        #expect(!state.findings.contains { $0.code == "key-type-missing" || $0.code == "csr-pem-missing" })
    }
}

@Suite struct ScreenActionTests {
    @Test func theMakeButtonAsksTheRuntimeAndTheResultLandsInTheDraft() throws {
        var draft = sampleDraft(.new)
        draft.csr.keyPath = nil
        var state = openedState(draft)
        show(&state, "csr")
        while state.focusedStop != .action(.makeKeyAndCSR) { press(&state, .tab) }
        #expect(press(&state, .enter) == [.run(.makeKeyAndCSR)])
        #expect(state.running?.operation == .makeKeyAndCSR)
        // A second press while it runs does not start it twice.
        #expect(press(&state, .enter) == [])
        #expect(state.status?.text.en.hasPrefix("Already running") == true)
        let folder = NSTemporaryDirectory() + "certwiz-actions-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = TestActions(keysDirectory: folder, today: testToday).change(.makeKeyAndCSR, on: state.draft)
        #expect(state.update(.finished(.makeKeyAndCSR, result)) == [.save])
        #expect(state.running == nil)
        #expect(state.draft.csr.keyPath?.hasPrefix(folder) == true)
        #expect(state.draft.csr.pem?.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----") == true)
        #expect(FileManager.default.fileExists(atPath: state.draft.csr.keyPath!))
    }

    @Test func aSubjectWithErrorsMakesNoKey() {
        var draft = sampleDraft(.new)
        draft.csr.commonName = "www example"
        let result = TestActions(keysDirectory: "/nonexistent/never", today: testToday).perform(.makeKeyAndCSR, on: draft)
        guard case .failure(let reason) = result else { Issue.record("a key was made"); return }
        #expect(reason.en.contains("Fix the Distinguished Name first"))
    }

    @Test func aPastedCSRIsCheckedUnderItsField() {
        var draft = sampleDraft(.new)
        draft.csr.origin = .existing
        draft.csr.pem = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----"
        let state = openedState(draft)
        let finding = state.findings.first { $0.field == "csr.pem" }
        #expect(finding?.code == "csr-unreadable" && finding?.message.en.contains("private key") == true)
    }
}

@Suite struct LoadCSRTests {
    @Test func aCSRFileIsLoadedIntoTheDraft() throws {
        let folder = NSTemporaryDirectory() + "certwiz-load-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let made = try TestActions(keysDirectory: folder, today: testToday).perform(.makeKeyAndCSR, on: sampleDraft(.new)).get().0
        var draft = sampleDraft(.new)
        draft.csr.origin = .existing
        draft.csr.file = try #require(made.csr.keyPath).replacingOccurrences(of: ".key", with: ".csr")
        // Empty DN fields are filled from the CSR; a typed one is kept (and the rules name it if it differs).
        draft.csr.organization = nil
        draft.csr.locality = nil
        draft.csr.state = "Typed"
        let loaded = try TestActions(keysDirectory: folder, today: testToday).perform(.loadCSRFile, on: draft).get().0
        #expect(loaded.csr.pem == made.csr.pem)
        #expect(loaded.csr.organization == Applicant.sample.nameEn && loaded.csr.locality == Applicant.sample.locality && loaded.csr.state == "Typed")
        let mismatch = DraftCheck.findings(for: loaded, today: testToday).filter { $0.code == "csr-subject-mismatch" }
        #expect(mismatch.map(\.field) == ["csr.state"], "\(mismatch)")
        draft.csr.file = made.csr.keyPath  // a key, not a CSR
        guard case .failure(let reason) = TestActions(keysDirectory: folder, today: testToday).perform(.loadCSRFile, on: draft) else {
            Issue.record("a key file was loaded as a CSR"); return
        }
        #expect(reason.en.contains("private key"))
    }
}
