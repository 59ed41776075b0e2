import CertWizardCore
import Operations
@testable import CertWizardApp
import Screens
import TerminalUI
import Testing
import TestSupport

let testToday = CalendarDate(iso8601: "2026-11-24")!

func openedState(_ draft: Draft, language: Language = .en) -> WizardState {
    var state = WizardState(language: language, today: testToday, welcome: WelcomeModel(drafts: [], suggestedName: "application"))
    _ = state.update(.opened(draft, DraftSession(name: "honsha", path: "/home/user/.local/share/certwiz/drafts/honsha.json")))
    return state
}

@discardableResult
func press(_ state: inout WizardState, _ keys: Key...) -> [WizardEffect] {
    keys.flatMap { state.update(.key($0)) }
}

@discardableResult
func type(_ state: inout WizardState, _ text: String) -> [WizardEffect] {
    text.flatMap { state.update(.key(.character($0))) }
}

func show(_ state: inout WizardState, _ id: String) {
    state.show(allScreens.first { $0.id == id }!)
}

/// Runs a screen's operation to the end, as the runtime does, and applies its result to `draft`.
struct TestActions {
    let environment: OperationEnvironment

    init(keysDirectory: String, today: CalendarDate, dataHome: String? = nil) {
        environment = OperationEnvironment(keysDirectory: keysDirectory, today: today, dataHome: dataHome)
    }

    /// The operation's typed result (or why there is none), for `update(.finished(...))`.
    func change(_ operation: ScreenOperation, on draft: Draft) -> Result<AnyChange, OperationFailure> {
        do { return OperationRunner.wait(try operation.operation(for: draft, in: environment)) } catch { return .failure(error) }
    }

    /// The same, awaited without holding a thread of the test process's small pool: operations that
    /// run programs (nginx -t) need that pool, and the blocking CLI suites may hold the rest of it.
    func changeAwaiting(_ operation: ScreenOperation, on draft: Draft) async -> Result<AnyChange, OperationFailure> {
        let work: AnyOperation
        do { work = try operation.operation(for: draft, in: environment) } catch { return .failure(error) }
        let handle = OperationRunner.start(work)
        while handle.result == nil { try? await Task.sleep(for: .milliseconds(20)) }
        return handle.result!
    }

    /// The draft after the operation and what the applicant is told; or why it could not be done.
    func perform(_ operation: ScreenOperation, on draft: Draft) -> Result<(Draft, Localized), Localized> {
        switch change(operation, on: draft) {
        case .success(let change):
            do { return .success((try change.applied(to: draft), change.summary)) } catch { return .failure(error.message) }
        case .failure(let failure):
            return .failure(failure.message)
        }
    }
}

/// Tabs to `stop` (at most 60 presses: a stop that is not on the screen fails instead of looping).
func focus(_ state: inout WizardState, on stop: FocusStop) {
    for _ in 0..<60 where state.focusedStop != stop { press(&state, .tab) }
    #expect(state.focusedStop == stop)
}

/// The keys a person presses to reach `stop` on screen `id` from where the draft opens: F2, the
/// arrows to the screen, Enter, then Tab to the stop.
func keys(toReach stop: FocusStop, on id: String, opening draft: Draft) -> [Key] {
    var probe = openedState(draft)
    let jump = probe.screens.firstIndex { $0.id == id }!
    let start = probe.position.index - 1
    var keys: [Key] = [.function(2)] + Array(repeating: jump > start ? Key.down : Key.up, count: abs(jump - start)) + [.enter]
    show(&probe, id)
    for _ in 0..<60 where probe.focusedStop != stop {
        keys.append(.tab)
        _ = probe.update(.key(.tab))
    }
    #expect(probe.focusedStop == stop)
    return keys
}
