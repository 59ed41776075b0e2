import CertWizardCore
import Operations
import Screens
import TerminalUI

#if canImport(Glibc)
import Glibc
#endif

/// Runs the wizard on a terminal: keys in, `update`, frame out, effects run before the
/// next key is read. Saves go to a `DraftSaver` so the screen never waits for the disk; every
/// accepted edit is on disk within one write, and before the runtime quits. Also feeds an
/// answers file's key presses when one is given.
public final class WizardRuntime {
    public private(set) var state: WizardState
    let terminal: Terminal
    let store: DraftStore
    private var saver: DraftSaver?
    private var lock: DraftLock?
    private var player: AnswersPlayer?
    /// The operation running off this thread, if any; its result comes back through `update`.
    private var running: (operation: ScreenOperation, handle: RunningOperation<AnyChange>)?
    private let replayDelayMilliseconds: Int

    /// How a run ended, for the exit code.
    public enum Outcome: Equatable {
        case quit
        case signal(Int32)
        /// An answers file stopped at a screen that does not validate (without a terminal).
        case answersStopped(Localized)
        case answersFinished
        /// The draft an answers file names could not be opened (open elsewhere, or unreadable):
        /// nothing was typed anywhere, and no other draft was made.
        case answersRefused(Localized, unreadable: Bool)
    }

    /// Why the draft named at start could not be opened (kept to tell "open elsewhere" from "unreadable").
    private var openFailure: DraftStoreError?
    /// Set by `start` when an answers run cannot have its draft: `run` ends with it at once.
    private var refusal: Outcome?

    public init(terminal: Terminal, store: DraftStore, state: WizardState,
                answers: AnswersFile? = nil, replayDelayMilliseconds: Int = 0) {
        self.terminal = terminal
        self.store = store
        self.state = state
        self.state.checksAfterDrawing = true
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
        // Issued drafts, newest first, offered as the start of a renewal.
        let renewable = listings.compactMap { listing -> WelcomeModel.Entry? in
            guard case .success(let draft) = listing.content, let issued = draft.issuance.issuedOn, draft.issuance.certificatePath != nil else { return nil }
            let cn = draft.csr.commonName ?? "—"
            return .init(name: listing.file.name, path: listing.file.path,
                         summary: Localized("\(listing.file.name) を更新する (\(cn)、\(issued) 発行)", "Renew \(listing.file.name) (\(cn), issued \(issued))"),
                         problem: nil)
        }
        let name = WelcomeModel.suggestName(today: today, taken: Set(listings.map(\.file.name)))
        return WelcomeModel(drafts: entries, renewable: renewable, suggestedName: name)
    }

    /// Opens `name` (or a path) at once, creating a new application draft if there is none.
    public func start(draft option: String?) {
        guard let option else { return }
        openFailure = nil
        do {
            let target = try store.locateOrCreate(option, type: player?.applicationType ?? .new)
            run(.open(path: target.path, name: target.name))
        } catch {
            openFailure = error
            _ = state.update(.failed(error.message))
        }
        // An answers run fills the draft it names or nothing: never the welcome screen's new draft.
        if state.session == nil, player != nil {
            let reason = state.status?.text ?? Localized("下書きを開けません", "cannot open the draft")
            var unreadable = true
            switch openFailure {
            case .locked?, .hardLinked?: unreadable = false
            default: break
            }
            refusal = .answersRefused(reason, unreadable: unreadable)
            player = nil
            return
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
        if let refusal { return finish(refusal) }
        draw()
        while true {
            if let signal = terminal.takeSignal() { return finish(.signal(signal)) }
            collectFinishedOperation()
            reportSaveFailure()
            // A scripted user (tests) waits for each operation to end before the next key.
            if let headless = terminal as? HeadlessTerminal, headless.waitsForOperations, let running {
                _ = running.handle.wait()
                continue
            }
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
                // While an operation runs, wake often enough to move the spinner and see it end.
                key = terminal.nextKey(timeout: running == nil ? 250 : 80)
                // A burst of resizes (a window being dragged) is drawn once.
                while key == .resize, let following = terminal.nextKey(timeout: 30) { key = following }
            }
            guard let key else {
                if let running {
                    _ = state.update(.tick(elapsedMilliseconds: Self.milliseconds(since: running.handle.startedAt)))
                    draw()
                    continue
                }
                if terminal is HeadlessTerminal { return finish(.quit) }
                continue
            }
            // While the terminal is too small nothing is typed into fields the applicant cannot see;
            // resizing and quitting still work.
            if isTooSmall, !(key == .resize || key == .function(10) || key == .control("c") || state.overlay == .confirmQuit) {
                draw()
                continue
            }
            let effects = state.update(.key(key))
            draw()
            // The rules run on the edit once it is on the screen; drawn again only if they found something else.
            if state.refreshStaleFindings() { draw() }
            for effect in effects {
                if effect == .quit { return finish(.quit) }
                run(effect)
            }
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Hands a finished operation's result to `update` (which applies it to the current draft).
    private func collectFinishedOperation() {
        guard let current = running, let result = current.handle.result else { return }
        running = nil
        for effect in state.update(.finished(current.operation, result)) { run(effect) }
        draw()
    }

    private var isTooSmall: Bool {
        terminal.size.width < WizardView.minimumSize.width || terminal.size.height < WizardView.minimumSize.height
    }

    private func draw() {
        terminal.draw(WizardView.render(state, size: terminal.size))
    }

    private func run(_ effect: WizardEffect) {
        switch effect {
        case .save:
            saver?.save(state.draft)
        case .open(let path, let name):
            do {
                let target = DraftFile(path: path)
                let (draft, newLock) = try target.open()
                closeDraft()
                lock = newLock
                saver = DraftSaver(file: target, lock: newLock)
                _ = state.update(.opened(draft, DraftSession(name: name, path: path)))
            } catch {
                openFailure = error
                _ = state.update(.failed(error.message))
            }
            draw()
        case .createRenewal(let path, let name):
            do {
                let source = try DraftFile(path: path).read()
                let renewal = try StartRenewal.draft(from: source, named: DraftFile(path: path).name, today: state.today)
                let created = try store.create(name, renewal)
                run(.open(path: created.path, name: name))
            } catch let error as OperationFailure {
                _ = state.update(.failed(error.message))
                draw()
            } catch let error as DraftStoreError {
                _ = state.update(.failed(error.message))
                draw()
            } catch {
                _ = state.update(.failed(Localized("更新を始められません: \(error)", "Could not start the renewal: \(error)")))
                draw()
            }
        case .create(let name, let type):
            do {
                let created = try store.create(name, Draft(applicationType: type))
                run(.open(path: created.path, name: name))
            } catch {
                _ = state.update(.failed(error.message))
                draw()
            }
        case .run(let operation):
            start(operation, eab: nil)
        case .register(let credentials):
            start(.registerAccount, eab: credentials)
        case .cancelRunning:
            // Refused only while the result is being written: then it arrives and is applied as usual.
            if let running, !running.handle.cancel() {
                _ = state.update(.failed(Localized("書き込み中のため取り消せません。まもなく終わります", "Too late to cancel: the result is being written")))
            }
            collectFinishedOperationSoon()
            draw()
        case .quit:
            break
        }
    }

    /// Starts a screen's operation off the key-reading thread (`eab` only for the registration).
    private func start(_ operation: ScreenOperation, eab: EABCredentials?) {
        var environment = OperationEnvironment(keysDirectory: store.keysDirectory(draft: state.session?.name ?? "default"),
                                               today: state.today, dataHome: store.dataHome,
                                               draftName: state.session?.name ?? "default")
        environment.eab = eab
        do {
            let work = try operation.operation(for: state.draft, in: environment)
            let handle = OperationRunner.start(work)
            running = (operation, handle)
            _ = state.update(.started(operation, title: work.title))
        } catch {
            _ = state.update(.finished(operation, .failure(error)))
        }
        draw()
    }

    /// A cancelled operation ends within moments: wait briefly so its message replaces "Cancelling…".
    private func collectFinishedOperationSoon() {
        guard let running else { return }
        let deadline = ContinuousClock.now + .milliseconds(300)
        while running.handle.result == nil, ContinuousClock.now < deadline { usleep(5_000) }
        collectFinishedOperation()
    }

    /// Leaves: a running operation cancelled (or, when it is already writing, waited for and
    /// recorded), the draft saved (again, for a dropped link), the lock released, the terminal restored.
    private func finish(_ outcome: Outcome) -> Outcome {
        if let running {
            running.handle.cancel()
            _ = running.handle.wait()
            collectFinishedOperation()
        }
        closeDraft()
        terminal.restore()
        return outcome
    }

    /// Saves the draft being edited (again, for a dropped link), waits until it is on disk and
    /// lets the draft go.
    private func closeDraft() {
        guard let saver, let lock else { return }
        saver.save(state.draft)
        saver.flush()
        lock.release()
        self.saver = nil
        self.lock = nil
    }

    /// A save that failed on the saver's thread is shown on the status line.
    private func reportSaveFailure() {
        guard let error = saver?.takeFailure() else { return }
        _ = state.update(.failed(Localized("保存できません: \(error.message.ja)", "Could not save: \(error.message.en)")))
        draw()
    }
}
