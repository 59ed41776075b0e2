/// The two languages every user-visible text exists in.
public enum Language: String, Codable, Sendable, CaseIterable {
    case ja, en

    /// Picks the language the way gettext does: `LC_ALL`, then `LC_MESSAGES`, then `LANG`;
    /// Japanese for `ja*` locales, English for everything else.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("ja") ? .ja : .en
            }
        }
        return .en
    }
}

/// A text in Japanese and English. Every message, label and hint is one of these,
/// so a text that exists in only one language cannot be written.
public struct Localized: Hashable, Sendable, Codable, Error {
    public let ja: String
    public let en: String

    public init(_ ja: String, _ en: String) {
        self.ja = ja
        self.en = en
    }

    public func text(in language: Language) -> String { language == .ja ? ja : en }
}
