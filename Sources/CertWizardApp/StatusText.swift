import CertWizardCore
import TerminalUI

/// A status report as text: the rows the status screen styles, and the plain lines of
/// `certwiz status` and the plain wizard, both from the same words.
public enum StatusText {
    /// One step as shown: "✓ 1-1 Applicant organization  done  2026-11-24", and under an open
    /// step what to do and what to know.
    struct Row {
        let line: StatusReport.StepLine
        /// The mark and the step's label, padded so the states line up.
        let head: String
        /// The state and its date.
        let state: String
        let action: String?
        let details: [String]
    }

    static func rows(_ report: StatusReport, language: Language, ascii: Bool) -> [Row] {
        func t(_ l: Localized) -> String { l.text(in: language) }
        let width = report.steps.map { DisplayWidth.of($0.step.label(in: language)) }.max() ?? 0
        return report.steps.map { step in
            let (mark, word) = UIText.stateMark(step.state, ascii: ascii)
            let open = UIText.showsDetails(step)
            return Row(line: step,
                       head: "\(mark) " + DisplayWidth.pad(step.step.label(in: language), to: width + 2),
                       state: t(word) + (UIText.stepDate(step).map { "  " + t($0) } ?? ""),
                       action: open && step.state == .toDo ? step.action.map { (ascii ? "-> " : "→ ") + t($0) } : nil,
                       details: open ? step.details.map { "- " + t($0) } : [])
        }
    }

    public static func lines(_ report: StatusReport, language: Language, ascii: Bool) -> [String] {
        func t(_ l: Localized) -> String { l.text(in: language) }
        var lines: [String] = []
        for row in rows(report, language: language, ascii: ascii) {
            lines.append(row.head + row.state)
            lines += ([row.action].compactMap { $0 } + row.details).map { "      " + $0 }
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
