import CertWizardCore
import TerminalUI

/// The editing state of a field whose typed text is not yet a draft value: a text line
/// (text, dates, numbers) or several lines, plus the cursor in a checklist.
enum FieldEditor: Sendable {
    case line(TextEditor, problem: Localized?)
    case lines(TextAreaEditor)
    case checklist(cursor: Int)

    var problem: Localized? {
        if case .line(_, let problem) = self { return problem }
        return nil
    }
}

/// How a field's draft value is shown in an editor and read back from it.
enum FieldText {
    static func text(of value: JSONValue?, input: InputKind) -> String {
        guard let value else { return "" }
        switch (input, value) {
        case (.lines, .array(let items)): return items.map(\.displayText).joined(separator: "\n")
        case (.lines, .string(let text)): return text
        default: return value.displayText
        }
    }

    /// The draft value for typed text, or why it cannot be one.
    static func value(of text: String, input: InputKind, path: String) -> Result<JSONValue, Localized> {
        let trimmed = text.trimmed
        switch input {
        case .lines where DraftSchema.field(path)?.kind == .list:
            // One item per line (SANs).
            let items = text.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
            return .success(items.isEmpty ? .null : .array(items.map(JSONValue.string)))
        case .lines:
            // Text kept as lines (a PEM), without the blank lines a paste ends with.
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let body = kept.reversed().drop { $0.trimmed.isEmpty }.reversed().joined(separator: "\n")
            return .success(body.trimmed.isEmpty ? .null : .string(body))
        case .date:
            if trimmed.isEmpty { return .success(.null) }
            guard CalendarDate(iso8601: trimmed) != nil else {
                return .failure(Localized("日付は 2026-11-22 の形で入力してください", "Enter the date as 2026-11-22"))
            }
            return .success(.string(trimmed))
        case .number:
            if trimmed.isEmpty { return .success(.null) }
            guard let n = Int(trimmed) else { return .failure(Localized("半角数字で入力してください", "Enter a whole number")) }
            return .success(.int(n))
        default:
            return .success(text.isEmpty ? .null : .string(text))
        }
    }
}
