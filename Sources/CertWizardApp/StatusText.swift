import CertWizardCore
import TerminalUI

/// A status report as plain lines, for `certwiz status` and the plain wizard: each step with
/// its mark, state and date, the open steps' details, what to do next, and the key dates.
public enum StatusText {
    public static func lines(_ report: StatusReport, language: Language, ascii: Bool) -> [String] {
        func t(_ l: Localized) -> String { l.text(in: language) }
        let width = report.steps.map { DisplayWidth.of($0.step.label(in: language)) }.max() ?? 0
        var lines: [String] = []
        for step in report.steps {
            let (mark, word) = UIText.stateMark(step.state, ascii: ascii)
            let date = UIText.stepDate(step).map { "  " + t($0) } ?? ""
            lines.append("\(mark) " + DisplayWidth.pad(step.step.label(in: language), to: width + 2) + t(word) + date)
            if UIText.showsDetails(step) {
                if step.state == .toDo, let action = step.action { lines.append((ascii ? "      -> " : "      → ") + t(action)) }
                for detail in step.details { lines.append("      - " + t(detail)) }
            }
        }
        lines.append("")
        lines.append(t(Localized("次にすること: ", "Next: ")) + t(report.nextAction))
        if !report.dates.isEmpty {
            lines.append("")
            for date in report.dates { lines.append(t(date.label) + ": " + t(date.value)) }
        }
        return lines
    }
}
