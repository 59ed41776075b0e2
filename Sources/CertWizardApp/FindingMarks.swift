import CertWizardCore
import TerminalUI

/// How a finding is marked wherever the wizard shows one (under a field, in plain mode).
extension Finding {
    func mark(ascii: Bool) -> String {
        switch severity {
        case .error: return ascii ? "x " : "✗ "
        case .warning: return "! "
        case .info: return "i "
        }
    }
}

extension Severity {
    var style: Style {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .info: return .muted
        }
    }
}
