import CertWizardCore
import TerminalUI

/// One of a list (fixed, or derived from the draft such as approver addresses): ←→ or Space
/// step through it, a digit picks one.
struct ChoiceField: FieldWidget {
    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        let options = state.options(for: field)
        guard !options.isEmpty else { return nil }
        let current: String? = { if case .string(let s)? = state.value(field.path) { return s } else { return nil } }()
        let index = current.flatMap { value in options.firstIndex { $0.value == value } }
        var target: Int
        switch key {
        case .right, .character(" "): target = index.map { ($0 + 1) % options.count } ?? 0
        case .left: target = index.map { ($0 + options.count - 1) % options.count } ?? options.count - 1
        case .character(let c) where c.isASCII && c.isNumber && c != "0":
            target = Int(String(c))! - 1
            guard target < options.count else { return [] }
        default: return nil
        }
        return state.set(field.path, .success(.string(options[target].value)))
    }

    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        let state = body.state
        let options = state.options(for: field)
        let value = state.value(field.path)
        var lines: [BodyLine] = []
        if options.isEmpty { lines.append(BodyLine(state.text(UIText.needsCommonName), style: .muted, indent: 4, focus: focusIndex)) }
        for (i, option) in options.enumerated() {
            let selected = value == .string(option.value)
            let mark = selected ? "(•)" : "( )"
            var line = BodyLine("\(mark) \(i < 9 ? "\(i + 1). " : "   ")\(state.text(option.label))", style: selected ? .bold : .plain, indent: 4, focus: focusIndex)
            if focused && selected { line.highlight = .reverse; line.segments = line.segments.map { .init(text: $0.text, style: .reverse) } }
            lines.append(line)
        }
        return lines
    }

    var footerHint: Localized? { UIText.keysChoice }

    func plainPrompt(_ field: ScreenField, current: JSONValue?, _ state: WizardState) -> (lines: [String], hint: Localized?) {
        let options = state.options(for: field)
        var lines = options.isEmpty ? ["  " + state.text(UIText.needsCommonName)] : []
        for (i, option) in options.enumerated() {
            lines.append("  \(i + 1)) \(state.text(option.label))\(current == .string(option.value) ? " *" : "")")
        }
        return (lines, Localized("番号", "number"))
    }

    func plainValue(_ text: String, _ field: ScreenField, _ state: WizardState) -> Result<JSONValue, Localized> {
        let options = state.options(for: field)
        if let n = Int(text), options.indices.contains(n - 1) { return .success(.string(options[n - 1].value)) }
        if let option = options.first(where: { $0.value == text }) { return .success(.string(option.value)) }
        return .failure(Localized("1 から \(options.count) の番号で選んでください", "Choose a number from 1 to \(options.count)"))
    }

    /// A digit for the first nine options; → presses beyond that. An answer not offered types 0,
    /// which picks nothing, so the screen's rule says why.
    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key] {
        let options = state.options(for: field)
        let current = state.value(field.path)
        guard let target = options.firstIndex(where: { .string($0.value) == answer }) else { return [.character("0")] }
        if target < 9 { return [.character(Character(String(target + 1)))] }
        let from = options.firstIndex { .string($0.value) == current }.map { $0 + 1 } ?? 0
        return Array(repeating: .right, count: (target - from + options.count) % options.count + (from == 0 ? 1 : 0))
    }
}
