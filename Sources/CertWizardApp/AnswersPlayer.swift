import CertWizardCore
import Screens
import TerminalUI

/// Turns an answers file into the key presses a person would make: Tab to each field
/// the current screen shows, type or choose the answer, PgDn to the next screen. Planned
/// one field at a time, because answers reveal fields (a renewal shows its current
/// certificate; WHOIS not matching shows the check method).
struct AnswersPlayer {
    enum Step: Equatable {
        case key(Key)
        case stopped(Localized)
        case finished
    }

    let file: AnswersFile
    private var queue: [Key] = []
    private var entered: Set<String> = []
    private var pressedNextOn: String?
    /// Whether the walk has been taken back to the first screen (a reopened draft resumes later).
    private var rewound = false

    init(_ file: AnswersFile) { self.file = file }

    var applicationType: ApplicationType { file.applicationType }

    mutating func nextKey(for state: WizardState) -> Step {
        if !queue.isEmpty { return .key(queue.removeFirst()) }
        if let screen = pressedNextOn {
            pressedNextOn = nil
            if state.screenID == screen { return .stopped(whyStopped(state)) }
        }
        switch state.screen.kind {
        case .status:
            return .finished
        case .welcome:
            if pressedNextOn == nil, state.session == nil, !entered.contains("welcome") {
                entered.insert("welcome")
                return play(welcomeKeys(state), then: state.screenID)
            }
            return .stopped(whyStopped(state))
        case .form:
            // A draft opened again (after a crash, or to finish it) resumes at its first screen
            // with an error; the answers are walked from the first screen all the same, or an
            // answer on an earlier screen that shows no error yet would never be entered.
            if !rewound {
                rewound = true
                let back = state.position.index - 1
                if back > 0 {
                    queue = Array(repeating: .pageUp, count: back)
                    return .key(queue.removeFirst())
                }
            }
            for field in state.screen.visibleFields(for: state.draft) where !entered.contains(field.path) {
                guard let answer = file.answers[field.path] else { continue }
                entered.insert(field.path)
                let keys = valueKeys(field, answer, state)
                if keys.isEmpty { continue }
                queue = focusKeys(to: field.path, state) + keys
                return .key(queue.removeFirst())
            }
            return play([.pageDown], then: state.screenID)
        }
    }

    private mutating func play(_ keys: [Key], then screen: String) -> Step {
        queue = keys
        pressedNextOn = screen
        return .key(queue.removeFirst())
    }

    private func welcomeKeys(_ state: WizardState) -> [Key] {
        let target = state.welcome.firstNewType + (WelcomeModel.newTypes.firstIndex(of: file.applicationType) ?? 0)
        var keys: [Key] = state.focus == 0 ? [] : [.backTab]
        let moves = target - state.welcome.selected
        keys += Array(repeating: moves > 0 ? Key.down : Key.up, count: abs(moves))
        return keys + [.enter]
    }

    private func focusKeys(to path: String, _ state: WizardState) -> [Key] {
        guard let target = state.focusStops.firstIndex(of: .field(path)) else { return [] }
        let moves = target - state.focus
        return Array(repeating: moves > 0 ? Key.tab : Key.backTab, count: abs(moves))
    }

    private func valueKeys(_ field: ScreenField, _ answer: JSONValue, _ state: WizardState) -> [Key] {
        let current = state.value(field.path)
        if current == answer || (current == nil && answer == .null) { return [] }
        return field.widget.answerKeys(answer, field, state)
    }

    /// The screen and the errors that kept it from going on.
    private func whyStopped(_ state: WizardState) -> Localized {
        let fields = state.blockingFields()
        let messages = fields.flatMap { path -> [Localized] in
            var list = state.findings.filter { $0.field == path && $0.severity == .error }.map(\.message)
            if let problem = state.editors[path]?.problem { list.insert(problem, at: 0) }
            return list
        }
        let heading = state.screen.heading(in: .ja) + " / " + state.screen.heading(in: .en)
        let reasons = messages.isEmpty ? [state.status?.text ?? Localized("先に進めません", "cannot go on")] : messages
        return Localized("回答ファイルは「\(state.screen.heading(in: .ja))」で止まりました: " + reasons.map(\.ja).joined(separator: " / "),
                         "the answers stopped at \"\(heading)\": " + reasons.map(\.en).joined(separator: " / "))
    }
}
