import CertWizardCore
@testable import CertWizardApp
import Foundation
import Operations
import Screens
import TerminalUI
import Testing
import TestSupport

/// The installation screen with a real nginx: the diff is shown first, `y` installs, reloads and
/// checks the live server, any other key changes nothing.
@Suite struct InstallFlowTests {
    @Test func theDiffIsShownFirstAndYInstallsChecksAndRecords() async throws {
        let folder = TemporaryFolder("certwiz-install-flow")
        let actions = TestActions(keysDirectory: folder.path + "/keys/site", today: testToday, dataHome: folder.path)
        var draft = sampleDraft(.new)
        draft.domainCheck.whoisMatches = false
        draft.domainCheck.method = .approverEmail
        draft.domainCheck.approverEmail = "admin@example.co.jp"
        var state = openedState(draft)
        #expect(state.update(.finished(.makeKeyAndCSR, actions.change(.makeKeyAndCSR, on: state.draft))) == [.save])
        #expect(state.update(.finished(.submit, actions.change(.submit, on: state.draft))) == [.save])
        #expect(state.update(.finished(.demoAdvanceAll, actions.change(.demoAdvanceAll, on: state.draft))) == [.save])
        #expect(state.draft.issuance.certificatePath != nil)

        let port = try freeLocalPort(), other = try freeLocalPort()
        let nginx = try NginxServer(in: folder.path + "/nginx", http: "    server { listen 127.0.0.1:\(other); return 200 'ok'; }")
        try nginx.start(waitingFor: other)
        defer { nginx.stop() }
        state.draft.installation.server = .nginx
        state.draft.installation.configPath = nginx.configPath
        state.draft.installation.destination = folder.path + "/ssl"
        state.draft.installation.listen = "127.0.0.1:\(port)"

        show(&state, "installation")
        focus(&state, on: .action(.previewInstall))
        #expect(press(&state, .enter) == [.run(.previewInstall)])
        #expect(state.update(.finished(.previewInstall, await actions.changeAwaiting(.previewInstall, on: state.draft))) == [])
        guard case .confirmInstall(let lines)? = state.overlay else { Issue.record("no preview: \(String(describing: state.status))"); return }
        #expect(lines.contains("+    listen 127.0.0.1:\(port) ssl;") && lines.contains("$ nginx -s reload -c \(nginx.configPath)"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/ssl"), "the preview changes nothing")
        let frame = WizardView.render(state, size: Size(width: 100, height: 30))
        #expect(frame.text.contains("Install and reload the server?"))

        // Any other key: nothing changes.
        press(&state, .character("n"))
        #expect(state.overlay == nil && state.status?.text.en == "Nothing was changed")

        press(&state, .enter)
        _ = state.update(.finished(.previewInstall, await actions.changeAwaiting(.previewInstall, on: state.draft)))
        #expect(press(&state, .character("y")) == [.run(.install)])
        #expect(state.update(.finished(.install, await actions.changeAwaiting(.install, on: state.draft))) == [.save])
        #expect(state.status?.text.en.hasPrefix("Installed: 127.0.0.1:\(port) sends this certificate and its chain") == true, "\(String(describing: state.status))")
        #expect(state.draft.installation.certificateInstalled == true && state.draft.timeline.last?.event == "installed")
        #expect(StatusReport(draft: state.draft, today: testToday).line(.installation)?.state == .done)

        // The live check from the screen passes too.
        let verified = await actions.changeAwaiting(.verifyInstallation, on: state.draft)
        guard case .success(let check) = verified else { Issue.record("\(verified)"); return }
        #expect(check.summary.en.contains("sends the right certificate and chain"), "\(check.summary.en)")
    }
}

@Suite struct ACMEStatusScreenTests {
    @Test func theStatusScreenShowsTheACMEOrderAsTheCALastSaidIt() {
        var draft = sampleDraft(.new)
        draft.order.issuer = "acme"
        draft.acme.directory = "https://acme.example-ca.com/v2/OV/directory"
        draft.acme.orderURL = "https://acme.example-ca.com/order/123"
        draft.acme.orderStatus = "ready"
        var state = openedState(draft)
        show(&state, "status")
        let text = WizardView.render(state, size: Size(width: 120, height: 40)).text
        #expect(text.contains("ACME order") && text.contains("ready") && text.contains("https://acme.example-ca.com/order/123"), "\(text)")
        draft.order.issuer = "demo"
        var demo = openedState(draft)
        show(&demo, "status")
        #expect(!WizardView.render(demo, size: Size(width: 120, height: 40)).text.contains("ACME order"))
    }
}

@Suite struct ACMEContinueButtonTests {
    @Test func aDNSOrderWaitingForItsRecordsOffersContinueWhichOrdersOverACME() throws {
        var draft = sampleDraft(.new)
        draft.order.issuer = "acme"
        draft.acme.directory = "https://acme.example-ca.com/v2/OV/directory"
        draft.acme.challenge = .dns01
        var state = openedState(draft)
        show(&state, "status")
        #expect(!state.focusStops.contains(.action(.continueOrder)), "no order yet: Submit, not Continue")
        draft.acme.orderURL = "https://acme.example-ca.com/order/123"
        draft.order.orderNumber = "123"
        state = openedState(draft)
        show(&state, "status")
        focus(&state, on: .action(.continueOrder))
        #expect(press(&state, .enter) == [.run(.continueOrder)])
        let environment = OperationEnvironment(keysDirectory: "/nonexistent", today: testToday, dataHome: "/nonexistent")
        let operation = try ScreenOperation.continueOrder.operation(for: draft, in: environment)
        #expect(operation.title.en == "Ordering over ACME")
    }
}

/// The application screen's registration box: the HMAC key goes from the keyboard to the
/// registration effect and nowhere else (not the draft, not the screen, not a saved field).
@Suite struct ACMERegistrationBoxTests {
    let hmacText = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W"

    func acmeState(directory: String? = "https://acme.example-ca.com/v2/OV/directory") -> WizardState {
        var draft = sampleDraft(.new)
        draft.order.issuer = "acme"
        draft.acme.directory = directory
        var state = openedState(draft)
        show(&state, "application")
        focus(&state, on: .action(.registerAccount))
        return state
    }

    @Test func theKeyIsTypedIntoABoxShownAsDotsAndHandedOnlyToTheRegistration() throws {
        var state = acmeState()
        let before = state.draft
        #expect(press(&state, .enter).isEmpty)
        guard case .registerAccount? = state.overlay else { Issue.record("no box: \(String(describing: state.overlay))"); return }
        type(&state, "kid-1")
        press(&state, .enter)
        type(&state, hmacText)
        let screen = WizardView.render(state, size: Size(width: 100, height: 30)).text
        #expect(screen.contains("Register the ACME account") && screen.contains("kid-1"), "\(screen)")
        #expect(!screen.contains(hmacText) && !screen.contains("zWNDZM6"), "the key is never drawn")
        #expect(screen.contains(String(repeating: "•", count: 20)))
        press(&state, .enter)  // to the email line, filled from the technical contact
        let effects = press(&state, .enter)
        let expectedKey = Array(try #require(Data(base64Encoded: hmacText)))  // no - or _, length 64: plain base64 too
        #expect(effects == [.register(EABCredentials(keyID: "kid-1", hmacKey: expectedKey, email: before.technicalContact.email))])
        #expect(state.overlay == nil && state.running?.operation == .registerAccount)
        #expect(state.draft == before, "nothing typed into the box is a draft field")
        let saved = try DraftCodec.encode(state.draft)
        #expect(!String(decoding: saved, as: UTF8.self).contains("zWNDZM6"))
    }

    @Test func aBadKeyKeepsTheBoxOpenWithTheReasonAndEscDropsEverything() {
        var state = acmeState()
        press(&state, .enter)
        type(&state, "kid-1")
        press(&state, .enter)
        type(&state, "not base64url!!")
        press(&state, .enter, .enter)
        guard case .registerAccount(let form)? = state.overlay else { Issue.record("the box closed"); return }
        #expect(form.problem?.en == "the HMAC key is a base64url string" && form.focus == .hmacKey)
        #expect(WizardView.render(state, size: Size(width: 100, height: 30)).text.contains("the HMAC key is a base64url string"))
        #expect(press(&state, .escape).isEmpty)
        #expect(state.overlay == nil && state.running == nil)
        #expect(state.status?.text.en == "Nothing was registered (what was typed is gone)")
        // Opening it again starts empty: nothing typed was kept.
        press(&state, .enter)
        guard case .registerAccount(let again)? = state.overlay else { Issue.record("no box"); return }
        #expect(again == RegistrationForm(email: state.draft.technicalContact.email ?? ""))
    }

    @Test func withoutADirectoryURLTheBoxDoesNotOpen() {
        var state = acmeState(directory: nil)
        #expect(press(&state, .enter).isEmpty)
        #expect(state.overlay == nil && state.status?.isError == true && state.status?.text.en == "Enter the ACME directory URL (https://…) first")
    }
}
