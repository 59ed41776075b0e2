@testable import CertWizardApp
import CertWizardCore
import Testing
import TerminalUI

/// The header, guidance and rule are kept between frames: a frame drawn from the kept rows must
/// be the frame drawn afresh, whatever was drawn in between.
@Suite struct ScreenChromeTests {
    func top(_ frame: Frame) -> [String] { Array(frame.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(7)).map(String.init) }

    @Test func keptRowsFollowTheScreenLanguageWidthAndProgress() {
        let english = openedState(Draft(applicationType: .new))
        let japanese = openedState(Draft(applicationType: .new), language: .ja)
        var next = english
        show(&next, "csr")
        let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30)]
        // Each state and size drawn first after every other one: the top rows never come from another.
        for size in sizes {
            let fresh = [english, japanese, next].map { top(WizardView.render($0, size: size)) }
            for (i, state) in [english, japanese, next].enumerated() {
                for other in [english, japanese, next] {
                    _ = WizardView.render(other, size: sizes[0])
                    _ = WizardView.render(other, size: sizes[1])
                    #expect(top(WizardView.render(state, size: size)) == fresh[i])
                }
            }
            #expect(fresh[0] != fresh[1] && fresh[0] != fresh[2])
        }
        // The draft's name is in the header: another draft on the same screen is drawn afresh.
        var renamed = english
        _ = renamed.update(.opened(Draft(applicationType: .new), DraftSession(name: "branch", path: "/tmp/branch.json")))
        #expect(top(WizardView.render(renamed, size: sizes[0]))[0].contains("branch"))
    }
}
