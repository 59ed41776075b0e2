/// One cell of the screen. A wide (CJK) character fills its cell and marks the next one
/// as its continuation, so columns always line up with what the terminal shows.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", style: .plain, isContinuation: false)
}

public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A whole screen as cells: what `view` returns and backends draw.
public struct Frame: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (nil hides it).
    public var cursor: Point?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` from (x, y), cutting it at `limit` columns (default: the right edge).
    /// Returns the column after the last character written. A wide character that would
    /// straddle the limit is not written half: the column is left blank.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let end = min(limit.map { x + $0 } ?? size.width, size.width)
        var column = x
        // Most of a frame is printable ASCII: one column a byte, cells from a table of strings.
        // Written through one buffer: per-cell array access and the table's lazy-global check
        // were most of a keystroke's redraw (callgrind).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let table = Frame.ascii, row = y * size.width
            cells.withUnsafeMutableBufferPointer { cells in
                for byte in text.utf8 {
                    if column + 1 > end { break }
                    if column >= 0 { cells[row + column] = Cell(text: table[Int(byte) - 0x20], style: style, isContinuation: false) }
                    column += 1
                }
            }
            return column
        }
        // Scalar by scalar, as terminals count columns (wcwidth): breaking the text into
        // Characters first cost ~500 instructions a character, most of a redraw's box lines.
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A || value == 0x0D { break }
            let isControl = value < 0x20 || (0x7F..<0xA0).contains(value)  // C0, DEL and C1 (0x9B is CSI) show as blanks
            let width = isControl ? 1 : DisplayWidth.of(scalar)
            if width == 0 {
                // A combining mark or zero-width character joins the previous cell.
                if column > x, column - 1 < size.width { cells[y * size.width + column - 1].text.unicodeScalars.append(scalar) }
                continue
            }
            if column + width > end { break }
            if column >= 0 {
                cells[y * size.width + column] = Cell(text: isControl ? " " : String(scalar), style: style, isContinuation: false)
                if width == 2 { cells[y * size.width + column + 1] = Cell(text: "", style: style, isContinuation: true) }
            }
            column += width
        }
        return column
    }

    private static let ascii: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Changes every cell in place (a last pass over a finished frame).
    public mutating func mapCells(_ transform: (inout Cell) -> Void) {
        for index in cells.indices { transform(&cells[index]) }
    }

    /// Fills a rectangle's cells with blanks in `style`.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style = .plain) {
        for row in max(0, y)..<min(size.height, y + height) {
            for column in max(0, x)..<min(size.width, x + width) {
                cells[row * size.width + column] = Cell(text: " ", style: style, isContinuation: false)
            }
        }
    }

    /// The frame as text, one line per row, trailing blanks trimmed: for tests and snapshots.
    public var text: String {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width where !self[column, row].isContinuation { line += self[column, row].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
