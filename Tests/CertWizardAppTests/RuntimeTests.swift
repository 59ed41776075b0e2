import CertWizardCore
@testable import CertWizardApp
import Foundation
import Screens
import Testing
import TestSupport
import TerminalUI

/// The runtime with a headless terminal: keys in, effects run for real (disk, keys).
@Suite struct RuntimeTests {
    @Test func pressingMakeKeyAndCSRWritesTheKeyAndRecordsItInTheDraftOnDisk() throws {
        let home = NSTemporaryDirectory() + "certwiz-runtime-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = DraftStore(directory: home + "/certwiz/drafts")
        var draft = sampleDraft(.new)
        draft.csr.keyPath = nil
        let file = try store.create("site", draft)
        // Resume lands on the first incomplete screen; jump to the CSR screen's button and press it.
        let toButton = keys(toReach: .action(.makeKeyAndCSR), on: "csr", opening: draft)
        let terminal = HeadlessTerminal(size: Size(width: 100, height: 30), keys: toButton + [.enter, .function(10), .character("y")])
        let runtime = WizardRuntime(terminal: terminal, store: store,
                                    state: WizardState(language: .en, today: testToday, welcome: WelcomeModel(drafts: [], suggestedName: "")))
        runtime.start(draft: "site")
        #expect(runtime.run() == .quit)
        let saved = try file.read()
        let keyPath = try #require(saved.csr.keyPath)
        #expect(keyPath.hasPrefix(home + "/certwiz/keys/site/"))
        #expect(FileManager.default.fileExists(atPath: keyPath))
        #expect(saved.csr.publicKeyFingerprint?.count == 64)
        #expect(terminal.restored)
    }
}
