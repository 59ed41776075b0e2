/// A multi-line text area's editing state (a pasted PEM, a list of SANs): lines, the
/// cursor's line and column, and the first line shown.
public struct TextAreaEditor: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    private var top = 0

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public var isAtFirstLine: Bool { row == 0 }
    public var isAtLastLine: Bool { row == lines.count - 1 }

    /// Applies an editing key; false for keys the area leaves to the form (Tab, Up on the
    /// first line, Down on the last).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .paste(let text): insert(text)
        case .enter: insert("\n")
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row < lines.count - 1 { row += 1; column = 0 }
        case .up:
            guard row > 0 else { return false }
            row -= 1; column = min(column, lines[row].count)
        case .down:
            guard row < lines.count - 1 else { return false }
            row += 1; column = min(column, lines[row].count)
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count
        case .backspace:
            if column > 0 { lines[row].remove(at: column - 1); column -= 1 }
            else if row > 0 { column = lines[row - 1].count; lines[row - 1] += lines[row]; lines.remove(at: row); row -= 1 }
        case .delete:
            if column < lines[row].count { lines[row].remove(at: column) }
            else if row < lines.count - 1 { lines[row] += lines[row + 1]; lines.remove(at: row + 1) }
        case .control("k"): lines[row].removeSubrange(column...)
        case .control("u"): lines[row].removeSubrange(0..<column); column = 0
        default: return false
        }
        return true
    }

    /// Inserts `text` at the cursor: its lines are made first and spliced in once, so a paste
    /// of thousands of lines is linear (a line inserted at a time moved every line after it).
    public mutating func insert(_ text: String) {
        var pieces: [[Character]] = [[]]
        for c in text {
            if c == "\n" || c == "\r\n" || c == "\r" {
                pieces.append([])
            } else if c == "\t" {
                pieces[pieces.count - 1].append(" ")
            } else if !c.unicodeScalars.contains(where: ControlCharacters.contains) {
                pieces[pieces.count - 1].append(c)
            } else {
                pieces[pieces.count - 1] += ControlCharacters.removed(from: String(c))
            }
        }
        let tail = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        lines[row] += pieces[0]
        if pieces.count > 1 {
            lines.insert(contentsOf: pieces.dropFirst(), at: row + 1)
            row += pieces.count - 1
            column = pieces[pieces.count - 1].count
        } else {
            column += pieces[0].count
        }
        lines[row] += tail
    }

    public mutating func setText(_ text: String) { self = TextAreaEditor(text) }

    /// The lines shown in a box `height` high and `width` wide (long lines cut), and
    /// the cursor's place in it.
    public mutating func visible(width: Int, height: Int) -> (lines: [String], cursor: Point) {
        if row < top { top = row }
        if row >= top + height { top = row - height + 1 }
        let shown = lines[top..<min(lines.count, top + height)].map { line -> String in
            var s = "", used = 0
            for c in line {
                let w = DisplayWidth.of(String(c))
                if used + w > width { break }
                s.append(c); used += w
            }
            return s
        }
        let cursorColumn = min(width - 1, lines[row][0..<column].reduce(0) { $0 + DisplayWidth.of(String($1)) })
        return (shown, Point(x: cursorColumn, y: row - top))
    }

    public var lineCount: Int { lines.count }

    /// Characters in all lines, line breaks counted.
    public var characterCount: Int { lines.reduce(lines.count - 1) { $0 + $1.count } }
}
