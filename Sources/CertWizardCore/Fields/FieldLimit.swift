/// How much one field takes: what no real application comes near, so that a stray paste (a
/// whole file into a one-line field, a list of every host in a network) is refused at once
/// with a message instead of making every keystroke slow. The same limits hold for the wizard,
/// plain mode, answers files and `certwiz set`.
public struct FieldLimit: Equatable, Sendable {
    /// Characters in a text field, or in each item of a list.
    public let characters: Int
    /// Items in a list (nil for other kinds).
    public let items: Int?

    /// A one-line text: the longest path the system takes (PATH_MAX) is the longest real value.
    public static let text = FieldLimit(characters: 4_096, items: nil)
    /// A pasted PEM: a CSR with a thousand names is about 50,000 characters.
    public static let pem = FieldLimit(characters: 131_072, items: nil)
    /// A list (SANs, documents): a certificate with more than a thousand names is not issued by
    /// any public CA (most stop at 100 or 250).
    public static let list = FieldLimit(characters: 4_096, items: 1_000)

    static func of(path: String, kind: FieldKind) -> FieldLimit {
        if path == "csr.pem" { return .pem }
        return kind == .list ? .list : .text
    }

    /// Why `text` is too long for one value, nil when it fits.
    public func problem(characters count: Int) -> Localized? {
        guard count > characters else { return nil }
        return Localized("\(Self.number(characters)) 文字までです (この値は \(Self.number(count)) 文字)",
                         "at most \(Self.number(characters)) characters (this one has \(Self.number(count)))")
    }

    /// Why a list of `count` items is too long, nil when it fits.
    public func problem(items count: Int) -> Localized? {
        guard let items, count > items else { return nil }
        return Localized("\(Self.number(items)) 件までです (\(Self.number(count)) 件あります)",
                         "at most \(Self.number(items)) items (there are \(Self.number(count)))")
    }

    private static func number(_ n: Int) -> String { GroupedNumber.text(n) }
}
