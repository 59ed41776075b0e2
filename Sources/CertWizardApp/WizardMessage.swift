import CertWizardCore
import Operations
import TerminalUI

/// What happens to the wizard: a key, or the result of an effect the runtime ran.
public enum WizardMessage: Sendable {
    case key(Key)
    case opened(Draft, DraftSession)
    case failed(Localized)
    /// An operation started off the key-reading thread, under this title.
    case started(ScreenOperation, title: Localized)
    /// Time passed while an operation runs (for the spinner and the elapsed time).
    case tick(elapsedMilliseconds: Int)
    /// An operation ended: its typed result, applied to the draft as it is now, or why not.
    case finished(ScreenOperation, Result<AnyChange, OperationFailure>)
}

/// What `update` asks the runtime to do; `update` itself never touches disk or terminal.
public enum WizardEffect: Equatable, Sendable {
    /// Write the draft (atomically, under its lock).
    case save
    case open(path: String, name: String)
    case create(name: String, type: ApplicationType)
    /// A renewal of the issued draft at `path`, carrying everything over.
    case createRenewal(from: String, name: String)
    /// Start an operation (make the key and CSR, read a certificate) off the key-reading thread.
    case run(ScreenOperation)
    /// Register the ACME account with the credentials typed into the registration box (never saved).
    case register(EABCredentials)
    /// Cancel the running operation (Esc).
    case cancelRunning
    case quit
}

/// Where the focus can be on a screen.
enum FocusStop: Equatable {
    case field(String)
    case action(ScreenOperation)
    case welcomeList
    case welcomeName
    case back
    case next
}
