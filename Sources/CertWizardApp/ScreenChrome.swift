import CertWizardCore
import Screens
import TerminalUI

/// The rows above a screen's body: the header (title, step, progress, draft), the guidance and
/// the rule under it. They change only with the screen, language, width or progress, not as the
/// applicant types, so the last ones drawn are kept and copied (~50,000 instructions a frame).
enum ScreenChrome {
    private struct Key: Equatable {
        let screen: String
        let language: Language
        let width: Int
        let ascii: Bool
        let index: Int
        let count: Int
        let draftName: String?
    }

    private static let kept = KeptLast<Key, (cells: [Cell], rule: Int)>()

    /// Draws the chrome into the top rows of `frame`; returns the row of the rule.
    static func draw(_ state: WizardState, into frame: inout Frame, boxes: BoxCharacters) -> Int {
        let (index, count) = state.position
        let key = Key(screen: state.screen.id, language: state.language, width: frame.size.width, ascii: state.ascii,
                      index: index, count: count, draftName: state.session?.name)
        let chrome = kept.value(for: key) {
            header(state, &frame, boxes, position: (index, count))
            var row = 2
            for line in TextWrap.lines(state.text(state.screen.guidance), width: frame.size.width - 4).prefix(4) {
                frame.put(line, x: 2, y: row, style: .plain)
                row += 1
            }
            frame.put(String.repeated(boxes.horizontal, count: frame.size.width), x: 0, y: row, style: .muted)
            return (frame.cells(rows: 0..<row + 1), row)
        }
        frame.replaceRows(from: 0, with: chrome.cells)  // already there when just drawn: a copy of the same
        return chrome.rule
    }

    private static func header(_ state: WizardState, _ frame: inout Frame, _ boxes: BoxCharacters, position: (index: Int, count: Int)) {
        let width = frame.size.width
        frame.fill(x: 0, y: 0, width: width, height: 1, style: .reverse)
        var title = " certwiz  " + state.screen.heading(in: state.language)
        let (index, count) = position
        if index > 0 { title += " (\(index)/\(count))" }
        let end = frame.put(title, x: 0, y: 0, style: Style(bold: true, reverse: true), limit: width - 2)
        guard index > 0 else { return }
        let bar = String.repeated(boxes.filled, count: index) + String.repeated(boxes.empty, count: count - index)
        var right = bar
        if let session = state.session { right += "  " + session.name }
        right += " "
        let rightWidth = DisplayWidth.of(right)
        if rightWidth < width - end - 2 { frame.put(right, x: width - rightWidth, y: 0, style: .reverse) }
        else if DisplayWidth.of(bar) + 1 < width - end - 2 { frame.put(bar + " ", x: width - DisplayWidth.of(bar) - 1, y: 0, style: .reverse) }
    }
}
