import CertWizardCore
import Operations
import TerminalUI

/// The ACME account registration box on the application screen: the EAB key id, the HMAC key
/// (drawn as dots, never in the draft, the screen or a log) and a contact address. It lives only
/// in memory and is dropped as soon as the registration starts or the box is closed.
public struct RegistrationForm: Equatable, Sendable {
    public enum Line: Int, CaseIterable, Sendable { case keyID, hmacKey, email }

    var keyID = TextEditor()
    var hmacKey = TextEditor()
    var email = TextEditor()
    public internal(set) var focus = Line.keyID
    /// What is wrong with the answers after a refused Enter.
    public internal(set) var problem: Localized?

    public init(email: String = "") { self.email = TextEditor(email) }

    static let labels: [Line: Localized] = [
        .keyID: Localized("EAB 鍵 ID", "EAB key id"),
        .hmacKey: Localized("HMAC 鍵", "HMAC key"),
        .email: Localized("連絡先メール", "Contact email"),
    ]

    enum Outcome: Equatable { case editing, cancelled, submitted(EABCredentials) }

    /// Tab and the arrows move between the lines, Enter goes to the next (and registers on the last), Esc closes.
    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .tab, .down: focus = Line(rawValue: (focus.rawValue + 1) % 3)!
        case .backTab, .up: focus = Line(rawValue: (focus.rawValue + 2) % 3)!
        case .enter:
            guard focus == .email else {
                focus = Line(rawValue: focus.rawValue + 1)!
                return .editing
            }
            return submit()
        default:
            switch focus {
            case .keyID: keyID.handle(key)
            case .hmacKey: hmacKey.handle(key)
            case .email: email.handle(key)
            }
            problem = nil
        }
        return .editing
    }

    private mutating func submit() -> Outcome {
        let id = keyID.text.trimmed
        guard !id.isEmpty else {
            focus = .keyID
            problem = Localized("EAB 鍵 ID を入れてください (CA のポータルにあります)", "Enter the EAB key id (from the CA's portal)")
            return .editing
        }
        switch EABCredentials.hmacKey(fromText: hmacKey.text) {
        case .failure(let reason):
            focus = .hmacKey
            problem = reason
            return .editing
        case .success(let key):
            let address = email.text.trimmed
            return .submitted(EABCredentials(keyID: id, hmacKey: key, email: address.isEmpty ? nil : address))
        }
    }

    /// The box's lines in `width` columns: label, what is shown, the cursor's column, whether focused.
    func rows(width: Int) -> [(label: Localized, shown: String, cursorColumn: Int, focused: Bool)] {
        Line.allCases.map { line in
            var editor: TextEditor
            switch line {
            case .keyID: editor = keyID
            case .hmacKey:
                // One dot per character (the last ones when it is long): a shoulder or a recording sees nothing.
                let dots = min(hmacKey.characters.count, width - 1)
                return (Self.labels[line]!, String.repeated("•", count: dots), min(hmacKey.cursor, dots), line == focus)
            case .email: editor = email
            }
            let (shown, column) = editor.visible(width: width)
            return (Self.labels[line]!, shown, column, line == focus)
        }
    }
}
