import CertWizardCore
import Operations
import Screens
import TerminalUI

extension WizardState {
    var focusStops: [FocusStop] {
        switch screen.kind {
        case .welcome: return [.welcomeList, .welcomeName]
        case .status: return itemStops + [.back]
        case .form: return itemStops + [.back, .next]
        }
    }

    /// The screen's visible fields and actions, in order.
    private var itemStops: [FocusStop] {
        let items = screen.items
        var stops: [FocusStop] = []
        stops.reserveCapacity(items.count + 2)  // and Back, Next
        for item in items {
            switch item {
            case .field(let field) where field.isVisible(draft): stops.append(.field(field.path))
            case .action(let action) where action.isVisible(draft): stops.append(.action(action.id))
            default: break
            }
        }
        return stops
    }

    var focusedStop: FocusStop? {
        let stops = focusStops
        return stops.indices.contains(focus) ? stops[focus] : stops.last
    }

    var focusedField: ScreenField? {
        guard case .field(let path)? = focusedStop else { return nil }
        return screen.fields.first { $0.path == path }
    }

    /// The pure heart of the wizard: the new state is `self`, side effects are returned.
    public mutating func update(_ message: WizardMessage) -> [WizardEffect] {
        // Every decision (Next, validation, marks) sees the rules run on the latest edit.
        _ = refreshStaleFindings()
        switch message {
        case .opened(let loaded, let session):
            loadDraft(loaded, session: session)
            status = StatusMessage(text: Localized("下書き \(session.name) を開きました (\(session.path))", "Opened the draft \(session.name) (\(session.path))"), isError: false)
            return []
        case .failed(let reason):
            status = StatusMessage(text: reason, isError: true)
            return []
        case .started(let operation, let title):
            running = RunningWork(operation: operation, title: title)
            return []
        case .tick(let elapsed):
            running?.elapsedMilliseconds = elapsed
            return []
        case .finished(let operation, let result):
            running = nil
            // A preview is not recorded: it is shown, and the applicant decides.
            if operation == .previewInstall, case .success(let change) = result, let preview = change.base as? Installed {
                overlay = .confirmInstall(lines: preview.diff(in: language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                                          + preview.commands.map { "$ " + $0.joined(separator: " ") })
                status = nil
                return []
            }
            return finish(result)
        case .key(let key):
            return handle(key)
        }
    }

    private mutating func handle(_ key: Key) -> [WizardEffect] {
        if let overlay { return handleOverlay(overlay, key) }
        if running != nil, key == .escape {
            status = StatusMessage(text: Localized("取り消しています…", "Cancelling…"), isError: false)
            return [.cancelRunning]
        }
        switch key {
        case .resize: return []
        case .function(10), .control("c"):
            overlay = .confirmQuit
            return []
        case .control("s"):
            guard let session else { return [] }
            status = StatusMessage(text: Localized("保存しました: \(session.path)", "Saved: \(session.path)"), isError: false)
            return [.save]
        case .function(1):
            overlay = .help
            return []
        case .function(2):
            guard session != nil else { return [] }
            overlay = .jumpList(selected: max(0, position.index - 1))
            return []
        default: break
        }
        if screen.kind == .welcome { return handleWelcome(key) }
        if let field = focusedField, let effects = handleField(field, key) { return effects }
        if case .action(let id)? = focusedStop, key == .enter || key == .character(" ") {
            return start(id)
        }
        return handleNavigation(key)
    }

    // MARK: Operations

    /// Asks the runtime to start an operation, one at a time: a second press while it runs does not start it twice.
    private mutating func start(_ operation: ScreenOperation) -> [WizardEffect] {
        if let running {
            status = StatusMessage(text: Localized("実行中です: \(running.title.ja) (Esc で取り消し)", "Already running: \(running.title.en) (Esc cancels)"),
                                   isError: false)
            return []
        }
        // A key is never replaced silently: the applicant is asked first, told what happens to the old one.
        if operation == .makeKeyAndCSR, let oldKey = draft.csr.keyPath, overlay == nil {
            overlay = .confirmNewKey(oldKey: oldKey)
            return []
        }
        // The HMAC key is asked for in a box of its own, never a draft field.
        if operation == .registerAccount {
            guard draft.acme.httpsDirectory != nil else {
                status = StatusMessage(text: ACMESettings.directoryNeeded, isError: true)
                return []
            }
            overlay = .registerAccount(RegistrationForm(email: draft.technicalContact.email ?? ""))
            return []
        }
        return begin(operation)
    }

    /// Marks the operation as running (its title comes with `.started`) and asks the runtime for it.
    private mutating func begin(_ operation: ScreenOperation) -> [WizardEffect] {
        markRunning(operation)
        return [.run(operation)]
    }

    private mutating func markRunning(_ operation: ScreenOperation) {
        running = RunningWork(operation: operation, title: UIText.working)
        status = nil
    }

    /// A yes/no box: `y` starts `yes`, a resize keeps the box, any other key closes it with `declined`.
    private mutating func confirm(_ key: Key, yes: ScreenOperation, declined: Localized) -> [WizardEffect] {
        switch key {
        case .character("y"), .character("Y"):
            overlay = nil
            return begin(yes)
        case .resize:
            return []
        default:
            overlay = nil
            status = StatusMessage(text: declined, isError: false)
            return []
        }
    }

    /// Applies an operation's result to the draft as it is now: fields typed meanwhile are kept,
    /// and only the editors of the fields the result changed are reset.
    private mutating func finish(_ result: Result<AnyChange, OperationFailure>) -> [WizardEffect] {
        switch result {
        case .success(let change):
            let before = draft
            do {
                draft = try change.applied(to: draft)
            } catch {
                status = StatusMessage(text: error.message, isError: true)
                return []
            }
            for field in DraftFields.all where field.value(in: before) != field.value(in: draft) { editors[field.path] = nil }
            refreshFindings()
            status = StatusMessage(text: change.summary, isError: false)
            return session == nil ? [] : [.save]
        case .failure(let failure):
            status = StatusMessage(text: failure.message, isError: failure != .cancelled)
            return []
        }
    }

    // MARK: Overlays

    private mutating func handleOverlay(_ current: Overlay, _ key: Key) -> [WizardEffect] {
        switch current {
        case .help:
            if key != .resize { overlay = nil }
            return []
        case .confirmNewKey:
            return confirm(key, yes: .makeKeyAndCSR, declined: Localized("鍵はそのままです", "The key was left as it is"))
        case .confirmInstall:
            return confirm(key, yes: .install, declined: Localized("何も変更していません", "Nothing was changed"))
        case .registerAccount(var form):
            switch form.handle(key) {
            case .editing:
                overlay = .registerAccount(form)
                return []
            case .cancelled:
                overlay = nil
                status = StatusMessage(text: Localized("登録しませんでした (入力は捨てました)", "Nothing was registered (what was typed is gone)"), isError: false)
                return []
            case .submitted(let credentials):
                overlay = nil
                markRunning(.registerAccount)
                return [.register(credentials)]
            }
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .enter, .function(10), .control("c"):
                return session == nil ? [.quit] : [.save, .quit]
            case .resize: return []
            default:
                overlay = nil
                return []
            }
        case .jumpList(let selected):
            let list = screens
            switch key {
            case .up, .backTab: overlay = .jumpList(selected: max(0, selected - 1))
            case .down, .tab: overlay = .jumpList(selected: min(list.count - 1, selected + 1))
            case .enter:
                overlay = nil
                if list.indices.contains(selected) { show(list[selected]) }
            case .resize: break
            default: overlay = nil
            }
            return []
        }
    }

    // MARK: Welcome

    private mutating func handleWelcome(_ key: Key) -> [WizardEffect] {
        let onName = focusedStop == .welcomeName
        switch key {
        case .tab, .backTab:
            focus = onName ? 0 : 1
            return []
        case .up where !onName:
            welcome.selected = max(0, welcome.selected - 1)
            return []
        case .down where !onName:
            welcome.selected = min(welcome.choiceCount - 1, welcome.selected + 1)
            return []
        case .enter:
            return chooseWelcomeEntry()
        case .character("?") where !onName:
            overlay = .help
            return []
        case .character("q") where !onName, .escape:
            overlay = .confirmQuit
            return []
        default:
            if onName { welcome.newName.editor.handle(key) }
            return []
        }
    }

    private mutating func chooseWelcomeEntry() -> [WizardEffect] {
        if welcome.selected < welcome.drafts.count {
            let entry = welcome.drafts[welcome.selected]
            if let problem = entry.problem {
                status = StatusMessage(text: Localized("この下書きは開けません: \(problem.ja)。新しい下書きを始めてください",
                                                       "This draft cannot be opened: \(problem.en). Start a new draft instead"), isError: true)
                return []
            }
            return [.open(path: entry.path, name: entry.name)]
        }
        let name = welcome.newName.editor.text.trimmed
        do {
            try DraftStore.checkName(name)
        } catch {
            focus = 1
            status = StatusMessage(text: error.message, isError: true)
            return []
        }
        if welcome.selected < welcome.firstNewType {
            return [.createRenewal(from: welcome.renewable[welcome.selected - welcome.drafts.count].path, name: name)]
        }
        let type = WelcomeModel.newTypes[welcome.selected - welcome.firstNewType]
        return [.create(name: name, type: type)]
    }

    // MARK: Fields

    /// Lets the focused field take the key (its kind's widget decides); nil when the key is for navigation.
    private mutating func handleField(_ field: ScreenField, _ key: Key) -> [WizardEffect]? {
        field.widget.handle(key, field, &self)
    }

    func lineEditor(_ field: ScreenField) -> (TextEditor, Localized?) {
        if case .line(let editor, let problem)? = editors[field.path] { return (editor, problem) }
        return (TextEditor(FieldText.text(of: value(field.path), input: field.input)), nil)
    }

    /// Puts typed text into the draft when it reads as a value; otherwise keeps it with the problem.
    mutating func commit(_ field: ScreenField, text: String, editor: TextEditor) -> [WizardEffect] {
        let parsed = FieldText.value(of: text, input: field.input, path: field.path)
        if case .failure(let problem) = parsed {
            editors[field.path] = .line(editor, problem: problem)
            return []
        }
        editors[field.path] = .line(editor, problem: nil)
        return set(field.path, parsed)
    }

    func options(for field: ScreenField) -> [ChoiceOption] {
        switch field.input {
        case .choice(let options), .checklist(let options): return options
        case .derivedChoice(let make): return make(draft)
        default: return []
        }
    }

    /// Puts a value into the draft; a change is saved (the runtime hands it to its saver at once).
    mutating func set(_ path: String, _ parsed: Result<JSONValue, Localized>) -> [WizardEffect] {
        guard case .success(let newValue) = parsed else { return [] }
        let before = value(path)
        if before == newValue || (before == nil && newValue == .null) { return [] }
        guard let updated = try? draft.setting(path, to: newValue) else { return [] }
        draft = path.hasPrefix("installation.") ? updated.recordingInstallation(on: today) : updated
        findingsChanged()
        status = nil
        return session == nil ? [] : [.save]
    }

    // MARK: Navigation

    private mutating func handleNavigation(_ key: Key) -> [WizardEffect] {
        let stops = focusStops
        switch key {
        case .tab, .down:
            moveFocus(to: min(stops.count - 1, focus + 1))
        case .backTab, .up:
            moveFocus(to: max(0, focus - 1))
        case .pageDown:
            goNext()
        case .pageUp, .escape:
            goBack()
        case .enter:
            switch focusedStop {
            case .next: goNext()
            case .back: goBack()
            default: moveFocus(to: min(stops.count - 1, focus + 1))
            }
        case .character("?"):
            overlay = .help
        case .character("q") where focusedStop == .back || focusedStop == .next:
            overlay = .confirmQuit
        case .left where focusedStop == .next:
            moveFocus(to: max(0, focus - 1))
        case .right where focusedStop == .back:
            moveFocus(to: min(stops.count - 1, focus + 1))
        default:
            break
        }
        return []
    }

    mutating func moveFocus(to index: Int) {
        if case .field(let path)? = focusedStop, index != focus { touched.insert(path) }
        focus = index
    }

    mutating func goNext() {
        if case .field(let path)? = focusedStop { touched.insert(path) }
        let blocking = blockingFields()
        if let first = blocking.first {
            touched.formUnion(screen.visibleFields(for: draft).map(\.path))
            focus = focusStops.firstIndex(of: .field(first)) ?? focus
            status = StatusMessage(text: Localized("この画面に直すところが \(blocking.count) か所あります", "This screen has \(blocking.count) field(s) to fix before going on"), isError: true)
            return
        }
        let list = screens
        guard let index = list.firstIndex(where: { $0.id == screenID }), index + 1 < list.count else {
            status = StatusMessage(text: Localized("最後の画面です", "This is the last screen"), isError: false)
            return
        }
        show(list[index + 1])
    }

    mutating func goBack() {
        let list = screens
        guard let index = list.firstIndex(where: { $0.id == screenID }), index > 0 else {
            status = StatusMessage(text: Localized("最初の画面です", "This is the first screen"), isError: false)
            return
        }
        show(list[index - 1])
    }

    mutating func show(_ spec: ScreenSpec) {
        if case .field(let path)? = focusedStop { touched.insert(path) }
        screenID = spec.id
        focus = 0
        status = nil
    }
}
