import CertWizardCore
import TerminalUI

/// A date typed as 2026-11-22; on a complete date, + and - move it a day.
struct DateField: FieldWidget {
    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        let (editor, _) = state.lineEditor(field)
        // Typing a date still uses '-': only a complete date with the cursor at its end moves.
        if case .character(let c) = key, c == "+" || c == "-",
           let date = CalendarDate(iso8601: editor.text.trimmed), editor.cursor == editor.characters.count {
            let moved = TextEditor(date.adding(days: c == "+" ? 1 : -1).iso8601)
            return state.commit(field, text: moved.text, editor: moved)
        }
        return LineInput.handle(key, field, &state)
    }

    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        LineInput.lines(field, focused: focused, focusIndex: focusIndex, body)
    }

    var footerHint: Localized? { UIText.keysDate }

    func plainPrompt(_ field: ScreenField, current: JSONValue?, _ state: WizardState) -> (lines: [String], hint: Localized?) {
        ([], Localized("YYYY-MM-DD", "YYYY-MM-DD"))
    }

    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key] { LineInput.answerKeys(answer) }
}
