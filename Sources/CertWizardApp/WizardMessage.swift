import CertWizardCore
import TerminalUI

/// What happens to the wizard: a key, or the result of an effect the runtime ran.
public enum WizardMessage: Sendable {
    case key(Key)
    case opened(Draft, DraftSession)
    case failed(Localized)
    /// A screen action finished: the draft it produced, and what to tell the applicant.
    case performed(Draft, Localized)
}

/// What `update` asks the runtime to do; `update` itself never touches disk or terminal.
public enum WizardEffect: Equatable, Sendable {
    /// Write the draft (atomically, under its lock).
    case save
    case open(path: String, name: String)
    case create(name: String, type: ApplicationType)
    /// Run a screen action (make the key and CSR, read a certificate).
    case perform(String)
    case quit
}

/// Where the focus can be on a screen.
enum FocusStop: Equatable {
    case field(String)
    case action(String)
    case welcomeList
    case welcomeName
    case back
    case next
}
