import CertWizardCore
import TerminalUI

/// A whole number: keys other than ASCII digits are not typed.
struct NumberField: FieldWidget {
    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]? {
        if case .character(let c) = key, !c.isASCII || !c.isNumber { return [] }
        return LineInput.handle(key, field, &state)
    }

    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine] {
        LineInput.lines(field, focused: focused, focusIndex: focusIndex, body)
    }

    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key] { LineInput.answerKeys(answer) }
}
