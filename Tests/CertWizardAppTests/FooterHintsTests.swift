@testable import CertWizardApp
import CertWizardCore
import Testing
import TerminalUI

/// The footer keeps as many key hints as fit: the context hint first, then the general hints
/// in their usual order, the least important dropped first.
@Suite struct FooterHintsTests {
    /// What the footer must show, written the plain way: build each candidate line and measure it.
    func reference(_ context: [String], _ general: [String], width: Int) -> String {
        var kept = general.count
        func line(_ count: Int) -> String {
            (context + UIText.keysFormDisplayOrder.filter { $0 < count }.map { general[$0] }).joined(separator: " ")
        }
        while kept > 0, DisplayWidth.of(line(kept)) > width { kept -= 1 }
        return line(kept)
    }

    @Test(arguments: [Language.en, .ja])
    func keepsWhatFitsAtEveryWidth(_ language: Language) {
        let general = UIText.keysForm.map { $0.text(in: language) }
        for context in [[], ["Space: toggle"], ["スペース: 切り替え"]] {
            for width in 0...140 {
                let shown = fitHints(context, general, width: width)
                #expect(shown == reference(context, general, width: width), "\(language) \(context) width \(width)")
                #expect(DisplayWidth.of(shown) <= width || shown == context.joined(separator: " "))
            }
        }
    }
}
