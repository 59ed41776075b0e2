import CertWizardCore
import Screens
import TerminalUI

/// Lays out a screen's items as lines: labels, inputs, findings, notes, buttons.
struct BodyBuilder {
    let state: WizardState
    let width: Int
    var inputWidth: Int { min(64, width - 8) }

    func lines() -> [BodyLine] {
        switch state.screen.kind {
        case .welcome: return welcome()
        case .status: return status() + buttons()
        case .form: return form() + buttons()
        }
    }

    private func t(_ l: Localized) -> String { state.text(l) }

    private func wrapped(_ text: String, style: Style, indent: Int, focus: Int? = nil) -> [BodyLine] {
        TextWrap.lines(text, width: width - indent - 2).map { BodyLine($0, style: style, indent: indent, focus: focus) }
    }

    // MARK: Form

    private func form() -> [BodyLine] {
        var lines: [BodyLine] = []
        let stops = state.focusStops
        for item in state.screen.items {
            switch item {
            case .note(let text, let when):
                guard when(state.draft) else { continue }
                lines += wrapped("※ " + t(text), style: Style(.accent), indent: 2)
                lines.append(BodyLine())
            case .summary(let make):
                lines += summaryLines(make(state.draft))
            case .action(let action):
                lines += actionLines(action, stops: stops)
            case .field(let field):
                guard field.isVisible(state.draft), let index = stops.firstIndex(of: .field(field.path)) else { continue }
                lines += fieldLines(field, focused: index == state.focus, focusIndex: index)
                lines.append(BodyLine(focus: index))
            }
        }
        return lines
    }

    private func fieldLines(_ field: ScreenField, focused: Bool, focusIndex: Int) -> [BodyLine] {
        var lines: [BodyLine] = []
        let marker = focused ? "▶ " : "  "
        var label = BodyLine(marker + t(field.label), style: focused ? .accent : .bold, indent: 0, focus: focusIndex)
        if state.findings.contains(where: { $0.field == field.path && $0.severity == .error }) && !state.touched.contains(field.path) {
            label.segments.append(.init(text: " *", style: .muted))
        }
        lines.append(label)
        lines += field.widget.lines(field, focused: focused, focusIndex: focusIndex, self)
        for finding in state.visibleFindings(for: field.path) {
            lines += wrapped(finding.mark(ascii: state.ascii) + t(finding.message), style: finding.severity.style, indent: 4, focus: focusIndex)
        }
        return lines
    }

    private func buttons() -> [BodyLine] {
        let stops = state.focusStops
        var line = BodyLine(indent: 2)
        for (stop, label) in [(FocusStop.back, UIText.back), (FocusStop.next, UIText.next)] {
            guard let index = stops.firstIndex(of: stop) else { continue }
            line.segments.append(.init(text: "[ \(t(label)) ]", style: index == state.focus ? Style(bold: true, reverse: true) : .bold))
            line.segments.append(.init(text: "  ", style: .plain))
            if index == state.focus { line.focus = index }
        }
        return [line]
    }

    // MARK: Welcome

    private func welcome() -> [BodyLine] {
        var lines: [BodyLine] = [BodyLine(t(UIText.welcomeResume), style: .bold, indent: 2, focus: 0)]
        let model = state.welcome
        let listFocused = state.focus == 0
        if model.drafts.isEmpty { lines.append(BodyLine(t(UIText.welcomeNoDrafts), style: .muted, indent: 4, focus: 0)) }
        func entry(_ text: String, index: Int, style: Style) -> BodyLine {
            let selected = model.selected == index
            var line = BodyLine((selected ? "▶ " : "  ") + text, style: selected && listFocused ? .reverse : style, indent: 2, focus: 0)
            if selected && listFocused { line.highlight = .reverse }
            return line
        }
        for (i, draft) in model.drafts.enumerated() {
            lines.append(entry("\(draft.name)  \(t(draft.summary))", index: i, style: draft.problem == nil ? .plain : .error))
        }
        lines.append(BodyLine(focus: 0))
        lines.append(BodyLine(t(UIText.welcomeStart), style: .bold, indent: 2, focus: 0))
        for (i, source) in model.renewable.enumerated() {
            lines.append(entry(t(source.summary), index: model.drafts.count + i, style: .plain))
        }
        for (i, type) in WelcomeModel.newTypes.enumerated() {
            lines.append(entry(t(UIText.start(type)), index: model.firstNewType + i, style: .plain))
        }
        lines.append(BodyLine(focus: 1))
        lines.append(BodyLine(t(UIText.welcomeNewName), style: state.focus == 1 ? .accent : .bold, indent: 2, focus: 1))
        var editor = model.newName.editor
        let (shown, cursor) = editor.visible(width: 40)
        var line = BodyLine("[", style: .muted, indent: 4, focus: 1)
        line.segments += FieldInk.segments(shown, width: 40, focused: state.focus == 1)
        line.segments.append(.init(text: "]", style: .muted))
        if state.focus == 1 { line.cursorX = 5 + cursor }
        lines.append(line)
        return lines
    }

    /// An action's button with its help under it (nothing when the action does not apply).
    private func actionLines(_ action: ScreenAction, stops: [FocusStop]) -> [BodyLine] {
        guard let index = stops.firstIndex(of: .action(action.id)) else { return [] }
        let focused = index == state.focus
        var line = BodyLine((focused ? "▶ " : "  "), style: .accent, indent: 0, focus: index)
        line.segments.append(.init(text: "[ \(t(action.label(for: state.draft))) ]", style: focused ? Style(bold: true, reverse: true) : .bold))
        return [line] + wrapped(t(action.help), style: .muted, indent: 4, focus: index) + [BodyLine(focus: index)]
    }

    // MARK: Status

    private func status() -> [BodyLine] {
        let report = StatusReport(draft: state.draft, today: state.today)
        var lines: [BodyLine] = []
        for row in StatusText.rows(report, language: state.language, ascii: state.ascii) {
            let style: Style = switch row.line.state {
            case .done, .notNeeded: .ok
            case .blocked: .muted
            case .toDo: .bold
            case .waiting: .plain
            }
            var line = BodyLine(row.head, style: style, indent: 2)
            line.segments.append(.init(text: row.state, style: style))
            lines.append(line)
            if let action = row.action { lines += wrapped(action, style: .accent, indent: 6) }
            for detail in row.details { lines += wrapped(detail, style: .muted, indent: 6) }
        }
        lines.append(BodyLine())
        lines += wrapped(t(Localized("次にすること: ", "Next: ")) + t(report.nextAction), style: .accent, indent: 2)
        lines.append(BodyLine())
        for date in report.dates {
            lines += wrapped(t(date.label) + ": " + t(date.value), style: .plain, indent: 2)
        }
        lines.append(BodyLine())
        for item in state.screen.items {
            if case .summary(let make) = item { lines += summaryLines(make(state.draft)) }
        }
        let stops = state.focusStops
        for item in state.screen.items {
            if case .action(let action) = item { lines += actionLines(action, stops: stops) }
        }
        return lines
    }

    /// Label and value pairs read from the draft, followed by a blank line; nothing when there are none.
    private func summaryLines(_ entries: [SummaryLine]) -> [BodyLine] {
        if entries.isEmpty { return [] }
        var lines: [BodyLine] = []
        let labelWidth = min(28, entries.map { DisplayWidth.of(t($0.label)) }.max() ?? 0)
        for entry in entries {
            var line = BodyLine(DisplayWidth.pad(t(entry.label), to: labelWidth) + "  ", style: .muted, indent: 4)
            let value = t(entry.value)
            if DisplayWidth.of(value) <= width - 4 - labelWidth - 4 {
                line.segments.append(.init(text: value, style: .plain))
                lines.append(line)
            } else {
                // A path or fingerprint that does not fit goes whole on the lines below, never cut.
                lines.append(line)
                lines += TextWrap.hardLines(value, width: width - 8).map { BodyLine($0, style: .plain, indent: 6) }
            }
        }
        lines.append(BodyLine())
        return lines
    }
}
