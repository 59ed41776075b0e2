import CertWizardCore
import TerminalUI

/// The welcome screen's choices: drafts to resume, then new application types, and the
/// name a new draft gets.
public struct WelcomeModel: Sendable {
    public struct Entry: Equatable, Sendable {
        public let name: String
        public let path: String
        public let summary: Localized
        /// Why it cannot be opened, for a broken draft.
        public let problem: Localized?
        public init(name: String, path: String, summary: Localized, problem: Localized?) {
            self.name = name
            self.path = path
            self.summary = summary
            self.problem = problem
        }
    }

    public var drafts: [Entry]
    /// Issued drafts a renewal can start from, listed first among the new ones.
    public var renewable: [Entry]
    public var selected = 0
    public var newName: TextEditorBox

    public init(drafts: [Entry], renewable: [Entry] = [], suggestedName: String) {
        self.drafts = drafts
        self.renewable = renewable
        newName = TextEditorBox(suggestedName)
    }

    public static let newTypes: [ApplicationType] = [.new, .renewal, .reissue]

    public var choiceCount: Int { drafts.count + renewable.count + WelcomeModel.newTypes.count }

    /// Where the new application types start in the list of choices.
    public var firstNewType: Int { drafts.count + renewable.count }

    /// A free name like `application-2026-11-22` (then `-2`, `-3` ...).
    public static func suggestName(today: CalendarDate, taken: Set<String>) -> String {
        let base = "application-\(today)"
        if !taken.contains(base) { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}

/// A `TextEditor` the welcome model can hold (kept in its own type so the core never sees it).
public struct TextEditorBox: Sendable {
    public var editor: TextEditor
    public init(_ text: String) { editor = TextEditor(text) }
}
