/// What a cell looks like, by meaning rather than by colour: the backend maps roles to
/// colours, or to bold/reverse alone when colour is off (`NO_COLOR`, monochrome terminals).
public struct Style: Hashable, Sendable {
    public enum Role: UInt8, Hashable, Sendable { case normal, accent, error, warning, ok, muted }

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

    /// The style in the low 16 bits of a word: the role's number, then bold, reverse, underline
    /// (how a `Cell` keeps it).
    var bits: UInt64 {
        UInt64(role.rawValue) | (bold ? 1 << 8 : 0) | (reverse ? 1 << 9 : 0) | (underline ? 1 << 10 : 0)
    }

    init(bits: UInt64) {
        self.init(Role(rawValue: UInt8(truncatingIfNeeded: bits)) ?? .normal,
                  bold: bits & 1 << 8 != 0, reverse: bits & 1 << 9 != 0, underline: bits & 1 << 10 != 0)
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
