/// Small text helpers the rules share.
extension String {
    /// Without leading and trailing white space (ASCII and the full-width space U+3000).
    public var trimmed: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }

    /// Nil when empty or only white space, so "  " counts as not entered.
    public var nonBlank: String? {
        let t = trimmed
        return t.isEmpty ? nil : t
    }

    /// The first character outside printable ASCII, to name it in a message.
    var firstNonASCII: Character? { first { !($0.isASCII && ($0.asciiValue! >= 0x20 && $0.asciiValue! < 0x7F)) } }
}

extension Optional where Wrapped == String {
    public var nonBlank: String? { self?.nonBlank }
}
