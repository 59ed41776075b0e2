@testable import CertWizardApp
import CertWizardCore
import Testing
import TerminalUI

/// The runtime draws an edit at once, runs the rules, and draws again only when the rules found
/// something else: when they found the same, the frame drawn before them is the frame after.
@Suite struct RedrawAfterChecksTests {
    let size = Size(width: 80, height: 24)

    @Test func aKeystrokeIsDrawnAgainOnlyWhenTheChecksFoundSomethingElse() {
        var state = openedState(Draft(applicationType: .new))
        state.checksAfterDrawing = true
        // The first character in an empty required field: its "required" finding goes.
        press(&state, .character("S"))
        let first = state.refreshStaleFindings()
        #expect(first)
        for character in "ample" {
            press(&state, .character(character))
            let drawn = WizardView.render(state, size: size)
            let changed = state.refreshStaleFindings()
            #expect(!changed, "\(character)")
            #expect(WizardView.render(state, size: size) == drawn)
        }
        // Emptying the field brings its finding back: drawn again.
        press(&state, .control("u"))
        let emptied = state.refreshStaleFindings()
        #expect(emptied)
        // No edit since: nothing to run, nothing to draw.
        let again = state.refreshStaleFindings()
        #expect(!again)
    }
}
