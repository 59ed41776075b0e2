import CertWizardCore
import Operations
@testable import CertWizardApp
import Foundation
import Screens
import Testing
import TestSupport

/// The status screen's buttons: submit, and the trainer's demo review, up to a real certificate.
@Suite struct StatusActionTests {
    func visibleLabels(_ draft: Draft) -> [String] {
        statusScreen.items.compactMap { item in
            guard case .action(let action) = item, action.isVisible(draft) else { return nil }
            return action.label(for: draft).en
        }
    }

    @Test func theStatusScreenSubmitsAndTheTrainerAdvancesTheDemoReviewToIssuance() throws {
        let folder = NSTemporaryDirectory() + "certwiz-status-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let actions = TestActions(keysDirectory: folder + "/keys/site", today: testToday, dataHome: folder)

        // Without a CSR the issuer refuses, and nothing changes.
        var draft = sampleDraft(.new)
        draft.domainCheck.whoisMatches = false
        draft.domainCheck.method = .approverEmail
        draft.domainCheck.approverEmail = "admin@example.co.jp"
        var state = openedState(draft)
        show(&state, "status")
        #expect(state.focusedStop == .action(.submit))
        #expect(press(&state, .enter) == [.run(.submit)])
        guard case .failure(let noCSR) = actions.perform(.submit, on: state.draft) else { Issue.record("submitted without a CSR"); return }
        #expect(noCSR.en.contains("Not submitted: 1 error(s) left") && noCSR.en.contains("[csr-missing]"), "\(noCSR.en)")

        #expect(state.update(.finished(.makeKeyAndCSR, actions.change(.makeKeyAndCSR, on: state.draft))) == [.save])
        let (_, message) = try actions.perform(.submit, on: state.draft).get()
        #expect(message.en.contains("Submitted: order DEMO-20261124-") && message.en.contains("¥"))
        #expect(state.update(.finished(.submit, actions.change(.submit, on: state.draft))) == [.save])
        #expect(state.draft.order.orderNumber != nil)
        // The trainer's button names the review's next step.
        #expect(visibleLabels(state.draft) == ["Demo: Send the approver e-mail", "Demo: run the review to issuance"])
        #expect(state.focusedStop == .action(.demoAdvance))

        let (sent, _) = try actions.perform(.demoAdvance, on: state.draft).get()
        #expect(sent.domainCheck.approverEmailSentOn == testToday)
        #expect(visibleLabels(sent).first == "Demo: The approver replied")
        let (issued, done) = try actions.perform(.demoAdvanceAll, on: sent).get()
        let certificate = try #require(issued.issuance.certificatePath)
        #expect(FileManager.default.fileExists(atPath: certificate) && certificate.hasPrefix(folder + "/keys/site/"))
        #expect(done.en.contains("Issue the certificate") && done.en.contains(folder + "/outbox"))
        #expect(issued.timeline.map(\.event) == ["submitted", "approver-email-sent", "approver-replied", "organization-confirmed",
                                                  "payment-received", "phone-verified", "issued"])
        #expect(visibleLabels(issued).isEmpty)
        #expect(StatusReport(draft: issued, today: testToday).line(.installation)?.state == .toDo)
    }

    @Test func aDraftWithErrorsIsNotSubmittedAndTheManualIssuerHasNoButtons() {
        var draft = sampleDraft(.new)
        draft.csr.commonName = "not a host"
        let actions = TestActions(keysDirectory: "/nonexistent", today: testToday, dataHome: "/nonexistent")
        guard case .failure(let reason) = actions.perform(.submit, on: draft) else { Issue.record("submitted with errors"); return }
        #expect(reason.en.contains("error(s) left"))
        draft.order.issuer = "manual"
        #expect(visibleLabels(draft).isEmpty)
    }
}
