/// A one-line text field's editing state: the text, the cursor, and how far it has
/// scrolled sideways. Positions count characters; scrolling counts display columns.
public struct TextEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    private var scroll = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key. Returns false for keys a text field does not handle
    /// (Tab, Enter, Up ...), which the form then uses for navigation.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .paste(let text): insert(text.replacingNewlines(with: " "))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    public mutating func insert(_ text: String) {
        let new = Array(ControlCharacters.removed(from: text))
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        scroll = 0
    }

    /// The part that fits in `width` columns around the cursor, and the cursor's column in it.
    /// Linear in the text's length: a long paste must not slow every keystroke down.
    public mutating func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let widths = characters.map(DisplayWidth.of)
        var prefix = [0]  // prefix[i]: columns of characters[0..<i]
        prefix.reserveCapacity(widths.count + 1)
        for w in widths { prefix.append(prefix.last! + w) }
        func columns(_ from: Int, _ to: Int) -> Int { from >= to ? 0 : prefix[to] - prefix[from] }
        if cursor < scroll { scroll = cursor }
        while columns(scroll, cursor) > width - 1 { scroll += 1 }
        // Use spare room on the left when text was deleted.
        while scroll > 0, columns(scroll - 1, characters.count) <= width - 1 { scroll -= 1 }
        var shown = ""
        var used = 0
        for index in scroll..<characters.count {
            if used + widths[index] > width { break }
            shown.append(characters[index])
            used += widths[index]
        }
        return (shown, columns(scroll, cursor))
    }

    /// Whether text is hidden left or right of the visible part (the field shows ‹ ›).
    public func isScrolled(width: Int) -> (left: Bool, right: Bool) {
        (scroll > 0, characters[scroll...].reduce(0) { $0 + DisplayWidth.of($1) } > width)
    }
}

extension String {
    func replacingNewlines(with replacement: String) -> String {
        var result = ""
        var lastWasNewline = false
        for c in self {
            if c == "\n" || c == "\r" || c == "\r\n" {
                if !lastWasNewline { result += replacement }
                lastWasNewline = true
            } else {
                result.append(c)
                lastWasNewline = false
            }
        }
        return result.hasSuffix(replacement) && !replacement.isEmpty ? String(result.dropLast(replacement.count)) : result
    }
}
