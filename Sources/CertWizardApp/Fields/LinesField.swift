import CertWizardCore
import TerminalUI

/// Several lines in a box: one SAN per line, or a pasted PEM.
struct LinesField: FieldWidget {
    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        var editor = Self.editor(field, state)
        if let problem = Self.problem(adding: key, to: editor, field) {
            state.status = StatusMessage(text: UIText.tooMuch(field.field.label, problem), isError: true)
            return []
        }
        // One key empties the whole field (a wrong paste is undone at once).
        if key == .control("x") { editor = TextAreaEditor("") }
        else { guard key != .tab, key != .backTab, editor.handle(key) else { return nil } }
        state.editors[field.path] = .lines(editor)
        return state.set(field.path, FieldText.value(of: editor.text, input: field.input, path: field.path))
    }

    /// Why `key` would take the field past its limit (a list's items, or the characters of a
    /// pasted PEM), nil when it fits. Counted before anything is edited.
    private static func problem(adding key: Key, to editor: TextAreaEditor, _ field: ScreenField) -> Localized? {
        let limit = field.field.limit
        switch key {
        case .paste(let text):
            if limit.items != nil {
                let added = text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
                if let problem = limit.problem(items: editor.lineCount + added) { return problem }
                let longest = text.split(whereSeparator: \.isNewline).reduce(0) { max($0, $1.count) }
                return limit.problem(characters: longest)
            }
            return limit.problem(characters: editor.characterCount + text.count)
        case .enter:
            return limit.items == nil ? nil : limit.problem(items: editor.lineCount + 1)
        case .character:
            return limit.items == nil ? limit.problem(characters: editor.characterCount + 1) : nil
        default:
            return nil
        }
    }

    private static func editor(_ field: ScreenField, _ state: WizardState) -> TextAreaEditor {
        if case .lines(let existing)? = state.editors[field.path] { return existing }
        return TextAreaEditor(FieldText.text(of: state.value(field.path), input: field.input))
    }

    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        guard case .lines(let height) = field.input else { return [] }
        let width = body.inputWidth
        var editor = Self.editor(field, body.state)
        let boxes: BoxCharacters = body.state.ascii ? .ascii : .unicode
        let (shown, cursor) = editor.visible(width: width, height: height)
        var lines = [BodyLine(boxes.topLeft + String.repeated(boxes.horizontal, count: width) + boxes.topRight, style: .muted, indent: 4, focus: focusIndex)]
        for row in 0..<height {
            var line = BodyLine(boxes.vertical, style: .muted, indent: 4, focus: focusIndex)
            line.segments.append(.init(text: DisplayWidth.pad(row < shown.count ? shown[row] : "", to: width), style: .plain))
            line.segments.append(.init(text: boxes.vertical, style: .muted))
            if focused && row == cursor.y { line.cursorX = 5 + cursor.x }
            lines.append(line)
        }
        lines.append(BodyLine(boxes.bottomLeft + String.repeated(boxes.horizontal, count: width) + boxes.bottomRight, style: .muted, indent: 4, focus: focusIndex))
        return lines
    }

    var footerHint: Localized? { UIText.keysLines }

    func plainPrompt(_ field: ScreenField, current: JSONValue?, _ state: WizardState) -> (lines: [String], hint: Localized?) {
        if field.field.kind == .list { return ([], Localized("カンマ区切り", "comma-separated")) }
        return ([], Localized("貼り付け。END の行で終わります", "paste it; the END line ends it"))
    }

    /// A list takes commas for the line breaks a prompt cannot take; a pasted PEM arrives whole
    /// (plain mode reads on to its END line).
    func plainValue(_ text: String, _ field: ScreenField, _ state: WizardState) -> Result<JSONValue, Localized> {
        let lines = field.field.kind == .list ? text.split(separator: ",").joined(separator: "\n") : text
        return FieldText.value(of: lines, input: field.input, path: field.path)
    }

    /// Erase what is there, then paste the answer whole (as a person pastes a PEM).
    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key] {
        let existing = FieldText.text(of: state.value(field.path), input: field.input)
        let text: String = { if case .array(let items) = answer { return items.map(\.displayText).joined(separator: "\n") } else { return answer.displayText } }()
        return (existing.isEmpty ? [] : [Key.control("x")]) + (text.isEmpty ? [] : [.paste(text)])
    }
}
