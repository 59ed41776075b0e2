import CertWizardCore
@testable import CertWizardApp
import Testing
import TestSupport
import TerminalUI

/// What does not fit is refused at once, by what it is, with a message naming the field and the
/// limit; what was already entered stays, and the screen goes on taking keys.
@Suite struct FieldLimitTests {
    @Test func aMegabytePasteIntoALineIsRefusedAndWhatWasTypedStays() {
        var state = openedState(Draft(applicationType: .new))
        type(&state, "見本商事")
        let effects = press(&state, .paste(String(repeating: "a", count: 1 << 20)))
        #expect(effects.isEmpty)
        #expect(state.draft.organization.nameJa == "見本商事")
        let status = state.status
        #expect(status?.isError == true)
        #expect(status?.text.en.contains("Organization name (Japanese)") == true && status?.text.en.contains("at most 4,096 characters") == true,
                "\(String(describing: status))")
        #expect(status?.text.ja.contains("4,096 文字まで") == true)
        // Still live: the next key types.
        type(&state, "株式会社")
        #expect(state.draft.organization.nameJa == "見本商事株式会社")
    }

    @Test func typingPastTheLimitIsRefusedAtTheLimit() {
        var state = openedState(Draft(applicationType: .new))
        press(&state, .paste(String(repeating: "a", count: FieldLimit.text.characters - 1)))
        type(&state, "bc")
        #expect(state.draft.organization.nameJa?.count == FieldLimit.text.characters)
        #expect(state.status?.isError == true)
    }

    @Test func aThousandNamesAreTakenOneMoreIsNot() {
        var state = openedState(sampleDraft(.new))
        show(&state, "csr")
        focus(&state, on: .field("csr.subjectAltNames"))
        press(&state, .control("x"))
        let names = (0..<1_001).map { "host\($0).example.co.jp" }
        press(&state, .paste(names.joined(separator: "\n")))
        #expect(state.draft.csr.subjectAltNames == nil, "nothing of the refused paste is taken")
        #expect(state.status?.text.en.contains("at most 1,000 items (there are 1,001)") == true, "\(String(describing: state.status))")
        press(&state, .paste(names.dropLast().joined(separator: "\n")))
        #expect(state.draft.csr.subjectAltNames?.count == 1_000)
        // A line break more would be the 1,001st line.
        press(&state, .enter)
        #expect(state.status?.isError == true)
    }

    @Test func aPastedPEMPastItsLimitIsRefused() {
        var draft = sampleDraft(.new)
        draft.csr.origin = .existing
        var state = openedState(draft)
        show(&state, "csr")
        focus(&state, on: .field("csr.pem"))
        press(&state, .paste(String(repeating: "QUJD\n", count: FieldLimit.pem.characters / 5 + 1)))
        #expect(state.draft.csr.pem == nil)
        #expect(state.status?.text.en.contains("Existing CSR (PEM)") == true)
    }
}

/// The same limits where no screen is: `set`, answers files, anything that sets a path.
@Suite struct FieldLimitCoreTests {
    @Test func setRefusesWhatAFieldCannotHoldNamingIt() {
        let draft = Draft(applicationType: .new)
        let long = String(repeating: "x", count: 5_000)
        #expect(throws: DraftPathError.self) { try draft.setting("organization.address", to: .string(long)) }
        do {
            _ = try draft.setting("csr.subjectAltNames", to: .array((0..<100_000).map { .string("h\($0).example.jp") }))
            Issue.record("100,000 SANs were taken")
        } catch {
            #expect(error.message.en.contains("csr.subjectAltNames") && error.message.en.contains("at most 1,000 items (there are 100,000)"))
            #expect(error.message.en.count < 300, "the refused value is not printed back whole")
        }
        #expect((try? draft.setting("csr.subjectAltNames", to: .array((0..<1_000).map { .string("h\($0).example.jp") }))) != nil)
    }
}
