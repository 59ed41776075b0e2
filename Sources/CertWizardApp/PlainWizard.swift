import CertWizardCore
import Operations
import Screens
import TerminalUI

/// The wizard as line prompts (`--plain`, `TERM=dumb`, or no terminal): the same screens,
/// fields, help and rules, one question per line, for screen readers, serial consoles and logs.
///
/// At each prompt: Enter keeps the current value, `-` clears it, `?` shows help,
/// `<` goes back a screen, `q` quits (the draft is saved after every answer).
public struct PlainWizard {
    let store: DraftStore
    let language: Language
    let today: CalendarDate
    let readLine: () -> String?
    /// Reads an answer that must not be echoed (the EAB HMAC key); `readLine` when not given.
    let readSecret: () -> String?
    let write: (String) -> Void

    public init(store: DraftStore, language: Language, today: CalendarDate,
                readLine: @escaping () -> String?, readSecret: (() -> String?)? = nil, write: @escaping (String) -> Void) {
        self.store = store
        self.language = language
        self.today = today
        self.readLine = readLine
        self.readSecret = readSecret ?? readLine
        self.write = write
    }

    private func t(_ l: Localized) -> String { l.text(in: language) }
    private func say(_ text: String) { write(text + "\n") }
    /// Each answer is saved as it is given; a save that fails is said at once (the answer stays in
    /// this session, the file as it was).
    private func save(_ draft: Draft, to file: DraftFile, holding lock: DraftLock) {
        do { try file.save(draft, holding: lock) } catch { say("  ✗ " + t(error.message)) }
    }

    private enum Answer { case value(String), keep, back, quit }

    /// Runs until the status screen or `q`; returns the exit code.
    public func run(draft option: String?) -> Int32 {
        guard let (file, lock, loaded) = openDraft(option) else { return 1 }
        defer { lock.release() }
        var state = WizardState(language: language, today: today, welcome: WelcomeModel(drafts: [], suggestedName: ""))
        _ = state.update(.opened(loaded, DraftSession(name: file.name, path: file.path)))
        say(t(Localized("下書き: \(file.path)", "Draft: \(file.path)")))
        say(t(Localized("Enter: そのまま  -: 消す  ?: ヘルプ  <: 前の画面  q: 終了 (回答のたびに保存)",
                        "Enter: keep  -: clear  ?: help  <: previous screen  q: quit (saved after every answer)")))
        var index = state.screens.firstIndex { $0.id == state.screenID } ?? 0
        while true {
            let screens = state.screens
            guard screens.indices.contains(index) else { return 0 }
            let screen = screens[index]
            say("")
            say("== \(screen.heading(in: language)) (\(index + 1)/\(screens.count)) ==")
            for line in TextWrap.lines(t(screen.guidance), width: 78) { say(line) }
            if screen.kind == .status {
                // Submit and the demo review's steps, offered again after each until declined.
                printStatus(state.draft)
                while performActions(of: screen, state: &state, file: file, lock: lock) { printStatus(state.draft) }
                return 0
            }
            // Walk the visible fields in order (an answer can reveal the next question),
            // then ask again for any field still in error before going on.
            var lastAsked: String?
            var fixing: [String] = []
            var goBack = false
            while true {
                let visible = screen.visibleFields(for: state.draft).map(\.path)
                let path: String
                if !fixing.isEmpty {
                    path = fixing.removeFirst()
                } else if let next = lastAsked.map({ asked in visible.drop { $0 != asked }.dropFirst().first }) ?? visible.first {
                    path = next
                } else {
                    let blocking = visible.filter { p in state.findings.contains { $0.field == p && $0.severity == .error } }
                    if blocking.isEmpty { break }
                    say(t(Localized("この画面に直すところが \(blocking.count) か所あります (< で戻る、q で終了):",
                                    "This screen has \(blocking.count) field(s) to fix (< to go back, q to quit):")))
                    fixing = blocking
                    continue
                }
                if fixing.isEmpty { lastAsked = path }
                guard let field = screen.fields.first(where: { $0.path == path }) else { continue }
                printNotes(before: field, in: screen, draft: state.draft)
                let answer = ask(field, state: state)
                switch answer {
                case .quit:
                    say(t(Localized("下書きは保存済みです。", "The draft is saved.")))
                    return 0
                case .back:
                    goBack = true
                case .keep:
                    break
                case .value(let text):
                    switch parse(text, for: field, state: state) {
                    case .failure(let problem):
                        say("  ✗ " + t(problem))
                        fixing.insert(path, at: 0)
                        continue
                    case .success(let value):
                        if let updated = try? state.draft.setting(path, to: value).recordingInstallation(on: today) {
                            state.replaceDraft(updated)
                            save(updated, to: file, holding: lock)
                            // An action that acts on this answer (load the CSR file, read the current
                            // certificate) runs now, as its button would.
                            for item in screen.items {
                                if case .action(let action) = item, action.answeredBy == path, action.isVisible(state.draft) {
                                    _ = run(action.id, state: &state, file: file, lock: lock)
                                }
                            }
                        }
                    }
                }
                if goBack { break }
                var answeredWithError = false
                for finding in state.findings where finding.field == path {
                    say("  " + finding.mark(ascii: false) + t(finding.message))
                    if finding.severity == .error { answeredWithError = true }
                }
                // A new answer with an error is asked again at once (Enter keeps it for now).
                if answeredWithError, case .value = answer { fixing.insert(path, at: 0) }
            }
            if !goBack { performActions(of: screen, state: &state, file: file, lock: lock) }
            for item in screen.items { if case .summary(let make) = item { for line in make(state.draft) { say("  \(t(line.label)): \(t(line.value))") } } }
            index = goBack ? max(0, index - 1) : index + 1
        }
    }

    /// Offers the screen's actions (make the key and CSR, read the certificate, submit) as yes/no
    /// questions; true when one was done.
    @discardableResult
    private func performActions(of screen: ScreenSpec, state: inout WizardState, file: DraftFile, lock: DraftLock) -> Bool {
        var performed = false
        for item in screen.items {
            guard case .action(let action) = item, action.isVisible(state.draft) else { continue }
            say("")
            say(t(action.label(for: state.draft)) + "? " + t(action.help))
            if action.id == .makeKeyAndCSR, let oldKey = state.draft.csr.keyPath {
                say(t(Localized("この下書きには鍵があります: \(oldKey)。新しい鍵を作ると下書きは新しい鍵を使い、古い鍵はそのまま残ります",
                                "This draft has a key already: \(oldKey). A new key makes the draft use it; the old key stays on disk")))
            }
            write("> (y/n) ")
            guard let answer = readLine()?.trimmed.lowercased(), ["y", "yes", "はい"].contains(answer) else { continue }
            if action.id == .registerAccount {
                if let credentials = askCredentials(state.draft), run(action.id, state: &state, file: file, lock: lock, eab: credentials) { performed = true }
                continue
            }
            if run(action.id, state: &state, file: file, lock: lock) { performed = true }
        }
        return performed
    }

    /// The EAB key id, the HMAC key (not echoed, not kept) and a contact address; nil when not given.
    private func askCredentials(_ draft: Draft) -> EABCredentials? {
        write(t(Localized("EAB 鍵 ID> ", "EAB key id> ")))
        guard let keyID = readLine()?.trimmed, !keyID.isEmpty else { return nil }
        write(t(Localized("HMAC 鍵 (表示しません)> ", "HMAC key (not shown)> ")))
        guard let text = readSecret() else { return nil }
        write("\n")
        let key: [UInt8]
        switch EABCredentials.hmacKey(fromText: text) {
        case .success(let bytes): key = bytes
        case .failure(let problem):
            say("  ✗ " + t(problem))
            return nil
        }
        let suggested = draft.technicalContact.email ?? ""
        write(t(Localized("連絡先メール", "Contact email")) + (suggested.isEmpty ? "" : " [\(suggested)]") + "> ")
        let typed = readLine()?.trimmed ?? ""
        let email = typed.isEmpty ? suggested : typed
        return EABCredentials(keyID: keyID, hmacKey: key, email: email.isEmpty ? nil : email)
    }

    /// Runs a screen's operation to the end and applies its result to the draft through the core,
    /// as the full-screen wizard does; true when it was applied.
    private func run(_ operation: ScreenOperation, state: inout WizardState, file: DraftFile, lock: DraftLock, eab: EABCredentials? = nil) -> Bool {
        do {
            var environment = OperationEnvironment(keysDirectory: store.keysDirectory(draft: file.name), today: today, dataHome: store.dataHome, draftName: file.name)
            environment.eab = eab
            let work = try operation.operation(for: state.draft, in: environment)
            say("  … " + t(work.title))
            let change = try OperationRunner.wait(work).get()
            let updated: Draft
            do { updated = try change.applied(to: state.draft) } catch { throw OperationFailure.failed(error.message) }
            state.replaceDraft(updated)
            save(updated, to: file, holding: lock)
            say("  " + t(change.summary))
            return true
        } catch let failure as OperationFailure {
            say("  ✗ " + t(failure.message))
        } catch {
            say("  ✗ \(error)")
        }
        return false
    }

    private func printNotes(before field: ScreenField, in screen: ScreenSpec, draft: Draft) {
        var pendingNotes: [Localized] = []
        for item in screen.items {
            switch item {
            case .note(let text, let when): if when(draft) { pendingNotes.append(text) }
            case .field(let f) where f.path == field.path:
                for note in pendingNotes { for line in TextWrap.lines("※ " + t(note), width: 78) { say(line) } }
                return
            case .field: pendingNotes = []
            default: break
            }
        }
    }

    private func ask(_ field: ScreenField, state: WizardState) -> Answer {
        let current = state.value(field.path)
        let widget = field.widget
        while true {
            say("")
            say(t(field.label) + (field.example.map { "  (\(t(UIText.example)): \($0))" } ?? ""))
            let (optionLines, hintText) = widget.plainPrompt(field, current: current, state)
            for line in optionLines { say(line) }
            let hint = hintText.map(t) ?? ""
            let shown = current.map { " [\(FieldText.text(of: $0, input: .text))]" } ?? ""
            write("> " + (hint.isEmpty ? "" : "(\(hint))") + shown + " ")
            guard var line = readLine() else { return .quit }
            // A pasted PEM goes on to its END line, newlines kept.
            if line.trimmed.hasPrefix("-----BEGIN ") {
                while let next = readLine() {
                    line += "\n" + next
                    if next.trimmed.hasPrefix("-----END ") { break }
                }
                return .value(line)
            }
            switch line.trimmed {
            case "": return .keep
            case "?":
                for text in TextWrap.lines(t(field.help), width: 76) { say("  " + text) }
                for finding in state.findings where finding.field == field.path { say("  [\(finding.code)] " + t(finding.message)) }
            case "<": return .back
            case "q": return .quit
            default: return .value(line.trimmed)
            }
        }
    }

    private func parse(_ text: String, for field: ScreenField, state: WizardState) -> Result<JSONValue, Localized> {
        if text == "-" { return .success(.null) }
        return field.widget.plainValue(text, field, state)
    }

    private func printStatus(_ draft: Draft) {
        for line in StatusText.lines(StatusReport(draft: draft, today: today), language: language, ascii: true) { say(line) }
    }

    private func openDraft(_ option: String?) -> (DraftFile, DraftLock, Draft)? {
        do {
            let file: DraftFile
            if let option {
                file = try store.locateOrCreate(option, type: .new)
            } else {
                guard let chosen = try chooseDraft() else { return nil }
                file = chosen
            }
            let (draft, lock) = try file.open()
            return (file, lock, draft)
        } catch {
            say("certwiz: " + t(error.message))
            return nil
        }
    }

    private func chooseDraft() throws(DraftStoreError) -> DraftFile? {
        let welcome = WizardRuntime.welcomeModel(store: store, today: today, language: language)
        say("== " + t(welcomeScreen.title) + " ==")
        for line in TextWrap.lines(t(welcomeScreen.guidance), width: 78) { say(line) }
        for (i, entry) in welcome.drafts.enumerated() { say("  \(i + 1)) \(entry.name)  \(t(entry.summary))") }
        let letters = ["n", "r", "i"]
        for (letter, type) in zip(letters, WelcomeModel.newTypes) { say("  \(letter)) \(t(UIText.start(type)))") }
        while true {
            write("> ")
            guard let line = readLine()?.trimmed else { return nil }
            if line == "q" { return nil }
            if let n = Int(line), welcome.drafts.indices.contains(n - 1) {
                let entry = welcome.drafts[n - 1]
                if let problem = entry.problem { say("  ✗ " + t(problem)); continue }
                return DraftFile(path: entry.path)
            }
            if let i = letters.firstIndex(of: line) {
                let suggested = welcome.newName.editor.text
                write(t(UIText.welcomeNewName) + " [\(suggested)] ")
                let typed = readLine()?.trimmed ?? ""
                return try store.create(typed.isEmpty ? suggested : typed, Draft(applicationType: WelcomeModel.newTypes[i]))
            }
            say(t(Localized("番号か n / r / i を入力してください", "Enter a number, or n / r / i")))
        }
    }
}
