import CertWizardCore
import CertWizardPKI
import Screens
import TerminalUI

/// The draft being edited and where it lives (set once a draft is opened).
public struct DraftSession: Equatable, Sendable {
    public let name: String
    public let path: String
    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}

/// A window over the screen: help, the jump list, or the quit question.
public enum Overlay: Equatable, Sendable {
    case help
    case jumpList(selected: Int)
    case confirmQuit
    /// The draft already has a key: making another asks first, naming the old one.
    case confirmNewKey(oldKey: String)
    /// What installing changes (the diff and the server's commands): `y` installs and reloads.
    case confirmInstall(lines: [String])
    /// The ACME account's EAB key id and HMAC key (in memory only), then `.register`.
    case registerAccount(RegistrationForm)
}

/// A one-line message under the form: what just happened or what is wrong.
public struct StatusMessage: Equatable, Sendable {
    public let text: Localized
    public let isError: Bool
}

/// An operation running off the key-reading thread: which, under what title, for how long.
public struct RunningWork: Equatable, Sendable {
    public let operation: ScreenOperation
    public var title: Localized
    public var elapsedMilliseconds = 0
}

/// Everything the wizard shows and edits. `update` changes it; `WizardView` draws it.
public struct WizardState: Sendable {
    public var language: Language
    public var ascii: Bool
    public var today: CalendarDate
    public internal(set) var draft: Draft
    public internal(set) var session: DraftSession?
    /// The current screen, by id (`welcome`, `csr` ...).
    public internal(set) var screenID: String
    /// Index into the current screen's focus stops.
    public internal(set) var focus = 0
    public internal(set) var overlay: Overlay?
    public internal(set) var status: StatusMessage?
    public internal(set) var welcome: WelcomeModel
    /// The operation running now, if any (one at a time).
    public internal(set) var running: RunningWork?
    /// Fields the applicant has left at least once: their findings are shown.
    var touched: Set<String> = []
    var editors: [String: FieldEditor] = [:]
    public private(set) var findings: [Finding] = []
    /// The runtime draws an edit before the rules run on it (then draws again if that changes
    /// anything), so typing does not wait for every rule; `update` alone keeps findings current.
    public var checksAfterDrawing = false
    /// An edit was made and the rules have not run on it yet (only with `checksAfterDrawing`).
    public private(set) var findingsAreStale = false

    public init(language: Language, ascii: Bool = false, today: CalendarDate, welcome: WelcomeModel) {
        self.language = language
        self.ascii = ascii
        self.today = today
        self.welcome = welcome
        draft = Draft()
        screenID = welcomeScreen.id
    }

    /// The screens that apply to this draft, in order (the welcome screen is not counted).
    public var screens: [ScreenSpec] { allScreens.filter(isInProcedure) }

    /// Whether a screen is one of this draft's steps (the welcome screen never is).
    private func isInProcedure(_ spec: ScreenSpec) -> Bool { spec.kind != .welcome && spec.appliesTo(draft) }

    public var screen: ScreenSpec { allScreens.first { $0.id == screenID } ?? welcomeScreen }

    /// Position of the current screen among `screens`, from 1, and how many there are.
    public var position: (index: Int, count: Int) {
        // Counted in place: the header asks on every frame.
        var index = 0, count = 0
        for spec in allScreens where isInProcedure(spec) {
            count += 1
            if spec.id == screenID { index = count }
        }
        return (index, count)
    }

    func text(_ localized: Localized) -> String { localized.text(in: language) }

    mutating func refreshFindings() {
        findings = DraftCheck.findings(for: draft, today: today)
        findingsAreStale = false
    }

    /// Runs the rules on an edit drawn before they ran. True when that changed what they found
    /// (the frame drawn before is then out of date); false when there was no such edit, or the
    /// findings are the same (most keystrokes: nothing to draw again, ~200,000 instructions saved).
    public mutating func refreshStaleFindings() -> Bool {
        guard findingsAreStale else { return false }
        let before = findings
        refreshFindings()
        return findings != before
    }

    /// Marks the findings as out of date after an edit, or refreshes them at once.
    mutating func findingsChanged() {
        if checksAfterDrawing { findingsAreStale = true } else { refreshFindings() }
    }

    /// The value of a field, nil when empty. (Read per field: a frame needs only the
    /// visible ones, and reading all of them on every edit cost more; measured.)
    public func value(_ path: String) -> JSONValue? { (try? draft.value(at: path)) ?? nil }

    /// Findings for `path` that should show now (after the field was left, or a refused Next).
    public func visibleFindings(for path: String) -> [Finding] {
        guard touched.contains(path) else { return [] }
        var result = findings.filter { $0.field == path }
        if let problem = editors[path]?.problem { result.insert(Finding(.error, "input-invalid", field: path, problem), at: 0) }
        return result
    }

    /// Errors on this screen that keep Next from going on (what is typed but unreadable included).
    func blockingFields() -> [String] {
        screen.visibleFields(for: draft).map(\.path).filter { path in
            editors[path]?.problem != nil || findings.contains { $0.field == path && $0.severity == .error }
        }
    }

    /// Whether a screen is complete: no error on any of its visible fields.
    public func isComplete(_ spec: ScreenSpec) -> Bool {
        let paths = Set(spec.visibleFields(for: draft).map(\.path))
        return !findings.contains { $0.severity == .error && paths.contains($0.field) }
    }

    /// Replaces the draft (plain mode's answers) without moving the screen.
    mutating func replaceDraft(_ updated: Draft) {
        draft = updated
        refreshFindings()
    }

    mutating func loadDraft(_ loaded: Draft, session: DraftSession) {
        draft = loaded
        self.session = session
        editors = [:]
        touched = []
        refreshFindings()
        // Resume at the first screen that still has errors (where the applicant stopped).
        screenID = (screens.first { !isComplete($0) } ?? screens.last ?? organizationScreen).id
        focus = 0
    }
}
