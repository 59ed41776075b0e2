import CertWizardCore
@testable import CertWizardApp
import Foundation
import Screens
import Testing
import TestSupport
import TerminalUI

/// Every screen rendered headless at 80x24 and 120x40 in both languages, compared with the
/// text files in Golden/. `CERTWIZ_UPDATE_GOLDEN=1 swift test` rewrites them: review the diff.
@Suite struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["CERTWIZ_UPDATE_GOLDEN"] == "1"

    static var formScreenIDs: [String] { allScreens.filter { $0.kind != .welcome }.map(\.id) }

    func snapshot(_ state: WizardState, size: Size) -> String {
        let frame = WizardView.render(state, size: size)
        let cursor = frame.cursor.map { "\($0.x),\($0.y)" } ?? "hidden"
        return frame.text + "\n-- cursor: \(cursor)\n"
    }

    func check(_ name: String, _ text: String) throws {
        let file = Self.golden.appendingPathComponent(name + ".txt")
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(name).txt: run CERTWIZ_UPDATE_GOLDEN=1 swift test and review it")
            return
        }
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("""
                \(name) differs from Golden/\(name).txt at line \(line + 1):
                expected: \(line < a.count ? String(a[line]) : "<end>")
                actual:   \(line < b.count ? String(b[line]) : "<end>")
                """)
        }
    }

    @Test(arguments: formScreenIDs)
    func everyScreenInBothLanguagesAndSizes(_ id: String) throws {
        for language in Language.allCases {
            var state = openedState(sampleDraft(), language: language)
            show(&state, id)
            for size in Self.sizes {
                try check("\(id)-\(language.rawValue)-\(size.width)x\(size.height)", snapshot(state, size: size))
            }
        }
    }

    @Test func errorsUnderTheirFields() throws {
        for language in Language.allCases {
            var draft = sampleDraft()
            draft.csr.commonName = "www example.co.jp"
            draft.csr.organization = "サンプル株式会社"
            draft.csr.organizationalUnit = "Web"
            var state = openedState(draft, language: language)
            show(&state, "csr")
            press(&state, .pageDown)
            try check("csr-errors-\(language.rawValue)-80x24", snapshot(state, size: Self.sizes[0]))
        }
    }

    @Test func aPastedCSRInItsTextArea() throws {
        for language in Language.allCases {
            var draft = sampleDraft()
            draft.csr.origin = .existing
            draft.csr.keyType = nil
            draft.csr.pem = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBIjCByAIBADBmMQswCQYDVQQGEwJKUDEOMAwGA1UECAwFVG9reW8xEDAOBgNV\nBAcMB0NodW8ta3UxFDASBgNVBAoMC1NhbXBsZSBLLksuMRowGAYDVQQDDBF3d3cu\n-----END CERTIFICATE REQUEST-----"
            var state = openedState(draft, language: language)
            show(&state, "csr")
            while state.focusedField?.path != "csr.pem" { press(&state, .tab) }
            try check("csr-paste-\(language.rawValue)-80x24", snapshot(state, size: Self.sizes[0]))
        }
    }

    @Test func welcomeHelpJumpListQuitAndTooSmall() throws {
        let welcome = WelcomeModel(drafts: [
            .init(name: "honsha", path: "/d/honsha.json", summary: Localized("更新  www.example.co.jp  1-3 申請責任者・技術担当者", "Renewal  www.example.co.jp  1-3 Applicant-in-charge and technical contact"), problem: nil),
            .init(name: "broken", path: "/d/broken.json", summary: Localized("読めません: 空です", "unreadable: it is empty"), problem: Localized("空です", "it is empty")),
        ], suggestedName: "application-2026-11-24")
        for language in Language.allCases {
            let lang = language.rawValue
            let start = WizardState(language: language, today: testToday, welcome: welcome)
            try check("welcome-\(lang)-80x24", snapshot(start, size: Self.sizes[0]))
            var state = openedState(sampleDraft(), language: language)
            show(&state, "csr")
            press(&state, .tab)
            press(&state, .function(1))
            try check("help-\(lang)-80x24", snapshot(state, size: Self.sizes[0]))
            press(&state, .escape, .function(2))
            try check("jump-\(lang)-80x24", snapshot(state, size: Self.sizes[0]))
            press(&state, .escape, .control("c"))
            try check("quit-\(lang)-80x24", snapshot(state, size: Self.sizes[0]))
            try check("too-small-\(lang)-79x24", snapshot(state, size: Size(width: 79, height: 24)))
        }
        var ascii = openedState(sampleDraft())
        ascii.ascii = true
        show(&ascii, "csr")
        press(&ascii, .function(2))
        try check("jump-ascii-80x24", snapshot(ascii, size: Self.sizes[0]))
    }
}
