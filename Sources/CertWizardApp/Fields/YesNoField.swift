import CertWizardCore
import TerminalUI

/// Yes or no: `y` / `n`, or Space and ←→ to flip.
struct YesNoField: FieldWidget {
    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        let current = state.value(field.path)
        let value: Bool
        switch key {
        case .character("y"), .character("Y"): value = true
        case .character("n"), .character("N"): value = false
        case .character(" "), .left, .right: value = !(current == .bool(true))
        default: return nil
        }
        return state.set(field.path, .success(.bool(value)))
    }

    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        let state = body.state
        let value = state.value(field.path)
        let yes = value == .bool(true), no = value == .bool(false)
        var line = BodyLine((yes ? "(•) " : "( ) ") + state.text(UIText.yes), style: yes ? (focused ? .reverse : .bold) : .plain, indent: 4, focus: focusIndex)
        line.segments.append(.init(text: "   ", style: .plain))
        line.segments.append(.init(text: (no ? "(•) " : "( ) ") + state.text(UIText.no), style: no ? (focused ? .reverse : .bold) : .plain))
        if focused && !yes && !no { line.segments.append(.init(text: "   " + state.text(UIText.unanswered), style: .muted)) }
        return [line]
    }

    var footerHint: Localized? { UIText.keysYesNo }

    func plainPrompt(_ field: ScreenField, current: JSONValue?, _ state: WizardState) -> (lines: [String], hint: Localized?) {
        ([], Localized("y/n", "y/n"))
    }

    func plainValue(_ text: String, _ field: ScreenField, _ state: WizardState) -> Result<JSONValue, Localized> {
        switch text.lowercased() {
        case "y", "yes", "はい": return .success(.bool(true))
        case "n", "no", "いいえ": return .success(.bool(false))
        default: return .failure(Localized("y か n で答えてください", "Answer y or n"))
        }
    }

    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key] {
        [.character(answer == .bool(true) ? "y" : "n")]
    }
}
