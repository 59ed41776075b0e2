import CertWizardCore
import TerminalUI

/// Everything the wizard does with one kind of field, in one place (as huh's `field_input.go`,
/// `field_select.go` ...): the keys it takes, how it is drawn, its footer hint, how plain mode
/// asks for it and reads the answer, and the keys an answers file presses to fill it.
protocol FieldWidget: Sendable {
    /// Lets the focused field take `key`; nil when the key is for navigation instead.
    func handle(_ key: Key, _ field: ScreenField, _ state: inout WizardState) -> [WizardEffect]?
    /// The field's input lines, under its label (the findings are added by the caller).
    func lines(_ field: ScreenField, focused: Bool, focusIndex: Int, _ body: BodyBuilder) -> [BodyLine]
    /// The keys this field adds to the footer while it has the focus.
    var footerHint: Localized? { get }
    /// Plain mode: the options listed before the prompt, and what the prompt says to type.
    func plainPrompt(_ field: ScreenField, current: JSONValue?, _ state: WizardState) -> (lines: [String], hint: Localized?)
    /// Plain mode: the draft value for a typed answer (`-` clears, handled before).
    func plainValue(_ text: String, _ field: ScreenField, _ state: WizardState) -> Result<JSONValue, Localized>
    /// Answers files: the keys a person would press on the focused field to enter `answer`.
    func answerKeys(_ answer: JSONValue, _ field: ScreenField, _ state: WizardState) -> [Key]
}

extension FieldWidget {
    var footerHint: Localized? { nil }

    func plainPrompt(_ field: ScreenField, current: JSONValue?, _ state: WizardState) -> (lines: [String], hint: Localized?) { ([], nil) }

    func plainValue(_ text: String, _ field: ScreenField, _ state: WizardState) -> Result<JSONValue, Localized> {
        FieldText.value(of: text, input: field.input, path: field.path)
    }
}

extension ScreenField {
    /// The widget for this field's kind of answer.
    var widget: any FieldWidget {
        switch input {
        case .text: return TextField()
        case .date: return DateField()
        case .number: return NumberField()
        case .lines: return LinesField()
        case .choice, .derivedChoice: return ChoiceField()
        case .yesNo: return YesNoField()
        case .checklist: return ChecklistField()
        }
    }
}
