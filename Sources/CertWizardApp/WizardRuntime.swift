import CertWizardCore
import Screens
import TerminalUI

#if canImport(Glibc)
import Glibc
#endif

/// Runs the wizard on a terminal: keys in, `update`, frame out, effects run before the
/// next key is read (so every accepted edit is on disk first). Also feeds an answers
/// file's key presses when one is given.
public final class WizardRuntime {
    public private(set) var state: WizardState
    let terminal: Terminal
    let store: DraftStore
    private var file: DraftFile?
    private var lock: DraftLock?
    private var player: AnswersPlayer?
    private let replayDelayMilliseconds: Int

    /// How a run ended, for the exit code.
    public enum Outcome: Equatable {
        case quit
        case signal(Int32)
        /// An answers file stopped at a screen that does not validate (without a terminal).
        case answersStopped(Localized)
        case answersFinished
    }

    public init(terminal: Terminal, store: DraftStore, state: WizardState,
                answers: AnswersFile? = nil, replayDelayMilliseconds: Int = 0) {
        self.terminal = terminal
        self.store = store
        self.state = state
        self.player = answers.map(AnswersPlayer.init)
        self.replayDelayMilliseconds = replayDelayMilliseconds
    }

    /// The welcome screen's list: every draft in the store, broken ones with the reason.
    public static func welcomeModel(store: DraftStore, today: CalendarDate, language: Language) -> WelcomeModel {
        let listings = (try? store.list()) ?? []
        let entries = listings.map { listing -> WelcomeModel.Entry in
            switch listing.content {
            case .success(let draft):
                let step = ProcedureStep.current(for: draft, findings: Validator.findings(for: draft, today: today))
                let type = draft.applicationType.map { UIText.start($0) } ?? Localized("種別未定", "type not chosen")
                let cn = draft.csr.commonName ?? "—"
                return .init(name: listing.file.name, path: listing.file.path,
                             summary: Localized("\(type.ja)  \(cn)  \(step.label(in: .ja))", "\(type.en)  \(cn)  \(step.label(in: .en))"),
                             problem: nil)
            case .failure(let error):
                return .init(name: listing.file.name, path: listing.file.path,
                             summary: Localized("読めません: \(error.shortReason.ja)", "unreadable: \(error.shortReason.en)"),
                             problem: error.shortReason)
            }
        }
        let name = WelcomeModel.suggestName(today: today, taken: Set(listings.map(\.file.name)))
        return WelcomeModel(drafts: entries, suggestedName: name)
    }

    /// Opens `name` (or a path) at once, creating a new application draft if there is none.
    public func start(draft option: String?) {
        guard let option else { return }
        do {
            let target = try store.locateOrCreate(option, type: player?.applicationType ?? .new)
            run(.open(path: target.path, name: target.name))
        } catch {
            _ = state.update(.failed(error.message))
        }
        // Could not open it: the welcome screen offers the other drafts instead.
        if state.session == nil {
            let message = state.status
            state = WizardState(language: state.language, ascii: state.ascii, today: state.today,
                                welcome: WizardRuntime.welcomeModel(store: store, today: state.today, language: state.language))
            if let message { _ = state.update(.failed(message.text)) }
        }
    }

    public func run() -> Outcome {
        draw()
        while true {
            if let signal = terminal.takeSignal() { return finish(.signal(signal)) }
            var key: Key?
            if player != nil {
                switch player!.nextKey(for: state) {
                case .key(let next):
                    key = next
                    if replayDelayMilliseconds > 0 { usleep(useconds_t(replayDelayMilliseconds * 1000)) }
                case .stopped(let reason):
                    player = nil
                    _ = state.update(.failed(reason))
                    draw()
                    if terminal is HeadlessTerminal { return finish(.answersStopped(reason)) }
                    continue
                case .finished:
                    player = nil
                    if terminal is HeadlessTerminal { return finish(.answersFinished) }
                    continue
                }
            } else {
                key = terminal.nextKey(timeout: 250)
                // A burst of resizes (a window being dragged) is drawn once.
                while key == .resize, let following = terminal.nextKey(timeout: 30) { key = following }
            }
            guard let key else {
                if terminal is HeadlessTerminal { return finish(.quit) }
                continue
            }
            let effects = state.update(.key(key))
            draw()  // before the effects: a slow one (RSA 4096) shows "Working…" first
            for effect in effects {
                if effect == .quit { return finish(.quit) }
                run(effect)
            }
        }
    }

    private func draw() {
        terminal.draw(WizardView.render(state, size: terminal.size))
    }

    private func run(_ effect: WizardEffect) {
        switch effect {
        case .save:
            guard let file, let lock else { return }
            do { try file.save(state.draft, holding: lock) } catch {
                _ = state.update(.failed(Localized("保存できません: \(error.message.ja)", "Could not save: \(error.message.en)")))
                draw()
            }
        case .open(let path, let name):
            do {
                let target = DraftFile(path: path)
                let (draft, newLock) = try target.open()
                lock = newLock
                file = target
                _ = state.update(.opened(draft, DraftSession(name: name, path: path)))
            } catch {
                _ = state.update(.failed(error.message))
            }
            draw()
        case .create(let name, let type):
            do {
                let created = try store.create(name, Draft(applicationType: type))
                run(.open(path: created.path, name: name))
            } catch {
                _ = state.update(.failed(error.message))
                draw()
            }
        case .perform(let id):
            let actions = ScreenActions(keysDirectory: store.keysDirectory(draft: state.session?.name ?? "default"), today: state.today, dataHome: store.dataHome)
            switch actions.perform(id, on: state.draft) {
            case .success(let (updated, message)):
                for effect in state.update(.performed(updated, message)) { run(effect) }
            case .failure(let reason):
                _ = state.update(.failed(reason))
            }
            draw()
        case .quit:
            break
        }
    }

    /// Leaves: the draft saved (again, for a dropped link), the lock released, the terminal restored.
    private func finish(_ outcome: Outcome) -> Outcome {
        if let file, let lock { try? file.save(state.draft, holding: lock) }
        lock?.release()
        terminal.restore()
        return outcome
    }
}
