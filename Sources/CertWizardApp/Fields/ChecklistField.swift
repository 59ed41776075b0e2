import CertWizardCore
import TerminalUI

/// Several of a fixed set (documents requested): ↑↓ move, Space ticks.
struct ChecklistField: FieldWidget {
    private static func options(_ field: ScreenField) -> [ChoiceOption] {
        if case .checklist(let options) = field.input { return options }
        return []
    }

    private static func chosen(_ value: JSONValue?) -> [String] {
        if case .array(let items)? = value { return items.map(\.displayText) }
        return []
    }

    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        let options = Self.options(field)
        var cursor = 0
        if case .checklist(let c)? = state.editors[field.path] { cursor = c }
        var chosen = Set(Self.chosen(state.value(field.path)))
        switch key {
        case .up where cursor > 0: cursor -= 1
        case .down where cursor < options.count - 1: cursor += 1
        case .character(" "):
            let value = options[cursor].value
            if chosen.contains(value) { chosen.remove(value) } else { chosen.insert(value) }
            state.editors[field.path] = .checklist(cursor: cursor)
            let ordered = options.map(\.value).filter(chosen.contains)
            return state.set(field.path, .success(ordered.isEmpty ? .null : .array(ordered.map(JSONValue.string))))
        default: return nil
        }
        state.editors[field.path] = .checklist(cursor: cursor)
        return []
    }

    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        let state = body.state
        var cursor = 0
        if case .checklist(let c)? = state.editors[field.path] { cursor = c }
        let chosen = Self.chosen(state.value(field.path))
        return Self.options(field).enumerated().map { i, option in
            var line = BodyLine((chosen.contains(option.value) ? "[x] " : "[ ] ") + state.text(option.label), style: .plain, indent: 4, focus: focusIndex)
            if focused && i == cursor { line.highlight = .reverse; line.segments = line.segments.map { .init(text: $0.text, style: .reverse) } }
            return line
        }
    }

    var footerHint: Localized? { UIText.keysChecklist }

    func plainPrompt(_ field: ScreenField, current: JSONValue?, _ state: WizardState) -> (lines: [String], hint: Localized?) {
        let chosen = Self.chosen(current)
        let lines = Self.options(field).enumerated().map { i, option in
            "  \(i + 1)) \(state.text(option.label))\(chosen.contains(option.value) ? " *" : "")"
        }
        return (lines, Localized("番号をカンマ区切りで", "numbers, comma-separated"))
    }

    func plainValue(_ text: String, _ field: ScreenField, _ state: WizardState) -> Result<JSONValue, Localized> {
        let options = Self.options(field)
        var chosen: [JSONValue] = []
        for part in text.split(separator: ",") {
            guard let n = Int(String(part).trimmed), options.indices.contains(n - 1) else {
                return .failure(Localized("番号をカンマ区切りで入力してください", "Enter numbers separated by commas"))
            }
            chosen.append(.string(options[n - 1].value))
        }
        return .success(.array(chosen))
    }

    /// Down to each option whose tick differs, and Space.
    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key] {
        let wanted = Set(Self.chosen(answer))
        let have = Set(Self.chosen(state.value(field.path)))
        var keys: [Key] = []
        var cursor = 0
        for (i, option) in Self.options(field).enumerated() where wanted.contains(option.value) != have.contains(option.value) {
            keys += Array(repeating: .down, count: i - cursor) + [.character(" ")]
            cursor = i
        }
        return keys
    }
}
