/// What a cell looks like, by meaning rather than by colour: the backend maps roles to
/// colours, or to bold/reverse alone when colour is off (`NO_COLOR`, monochrome terminals).
public struct Style: Hashable, Sendable {
    public enum Role: Hashable, Sendable { case normal, accent, error, warning, ok, muted }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let error = Style(.error, bold: true)
    public static let warning = Style(.warning, bold: true)
    public static let muted = Style(.muted)
    public static let accent = Style(.accent, bold: true)
    public static let ok = Style(.ok, bold: true)
}
