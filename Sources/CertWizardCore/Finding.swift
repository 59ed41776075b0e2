public enum Severity: String, Codable, Sendable, Comparable {
    case error, warning, info

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One thing a rule says about a draft: what (`code`, stable for scripts), how bad,
/// where (`field`, a draft path), and why (in Japanese and English).
public struct Finding: Codable, Equatable, Sendable {
    public let severity: Severity
    public let code: String
    public let field: String
    public let message: Localized

    public init(_ severity: Severity, _ code: String, field: String, _ message: Localized) {
        self.severity = severity
        self.code = code
        self.field = field
        self.message = message
    }
}
