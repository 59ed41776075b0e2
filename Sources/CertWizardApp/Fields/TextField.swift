import CertWizardCore
import TerminalUI

/// One line of text. Dates and numbers are lines too (`DateField`, `NumberField`): they share
/// the editing, drawing and replay here and add their own keys and reading.
struct TextField: FieldWidget {
    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        LineInput.handle(key, field, &state)
    }

    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        LineInput.lines(field, focused: focused, focusIndex: focusIndex, body)
    }

    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key] { LineInput.answerKeys(answer) }
}

/// What every one-line field does: edit in a `TextEditor`, commit what reads as a value.
enum LineInput {
    static func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        var (editor, _) = state.lineEditor(field)
        // A paste of several lines into a one-line field: its first line, and say so.
        if case .paste(let text) = key {
            let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed.isEmpty }
            if lines.count > 1 {
                guard editor.handle(.paste(lines[0])) else { return nil }
                let effects = state.commit(field, text: editor.text, editor: editor)
                state.status = StatusMessage(text: UIText.firstLineOnly, isError: false)
                return effects
            }
        }
        guard editor.handle(key) else { return nil }
        return state.commit(field, text: editor.text, editor: editor)
    }

    static func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        let state = body.state, width = body.inputWidth
        var (editor, _) = state.lineEditor(field)
        let (shown, cursor) = editor.visible(width: width)
        let scrolled = editor.isScrolled(width: width)
        var line = BodyLine(scrolled.left ? "‹" : "[", style: .muted, indent: 4, focus: focusIndex)
        if shown.isEmpty && !focused, let example = field.example {
            line.segments.append(.init(text: DisplayWidth.pad("\(state.text(UIText.example)) \(example)", to: width), style: .muted))
        } else {
            line.segments += FieldInk.segments(shown, width: width, focused: focused)
        }
        line.segments.append(.init(text: scrolled.right ? "›" : "]", style: .muted))
        if focused { line.cursorX = 5 + cursor }
        return [line]
    }

    /// Clear the line, then type the answer.
    static func answerKeys(_ answer: JSONValue) -> [Key] {
        [.end, .control("u")] + answer.displayText.map(Key.character)
    }
}
