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
        var probe = openedState(draft)
        show(&probe, "csr")
        var keys: [Key] = []
        while probe.focusedStop != .action(.makeKeyAndCSR) { keys.append(.tab); _ = probe.update(.key(.tab)) }
        let jump = probe.screens.firstIndex { $0.id == "csr" }!
        let start = openedState(draft).position.index - 1
        let toCSR: [Key] = [.function(2)] + Array(repeating: jump > start ? Key.down : Key.up, count: abs(jump - start)) + [.enter]
        let terminal = HeadlessTerminal(size: Size(width: 100, height: 30), keys: toCSR + keys + [.enter, .function(10), .character("y")])
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
