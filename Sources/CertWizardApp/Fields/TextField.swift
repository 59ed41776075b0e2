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
            if refusesPast(limit: field, adding: lines.first?.count ?? 0, to: editor, &state) { return [] }
            if lines.count > 1 {
                guard editor.handle(.paste(lines[0])) else { return nil }
                let effects = state.commit(field, text: editor.text, editor: editor)
                state.status = StatusMessage(text: UIText.firstLineOnly, isError: false)
                return effects
            }
        }
        if case .character = key, refusesPast(limit: field, adding: 1, to: editor, &state) { return [] }
        guard editor.handle(key) else { return nil }
        return state.commit(field, text: editor.text, editor: editor)
    }

    /// Whether `adding` characters would take the field past its limit; if so the status says
    /// so and nothing changes (a 1 MB paste is refused at once, not edited in).
    static func refusesPast(limit field: ScreenField, adding count: Int, to editor: TextEditor, _ state: inout WizardState) -> Bool {
        guard let problem = field.field.limit.problem(characters: editor.characters.count + count) else { return false }
        state.status = StatusMessage(text: UIText.tooMuch(field.field.label, problem), isError: true)
        return true
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

    /// Clear the line, then type the answer (pasted when long: typing is one rule run a key).
    static func answerKeys(_ answer: JSONValue) -> [Key] {
        let text = answer.displayText
        return [.end, .control("u")] + (text.count > 64 && !text.contains(where: \.isNewline) ? [.paste(text)] : text.map(Key.character))
    }
}
