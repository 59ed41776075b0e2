#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One cell of the screen. A wide (CJK) character fills its cell and marks the next one
/// as its continuation, so columns always line up with what the terminal shows.
///
/// Plain data: the text's UTF-8 bytes are kept inline (up to 15: a character and its combining
/// marks), so a frame is made, compared and freed without reference counting; with a `String`
/// here, releasing and comparing cells was a third of a keystroke's redraw (callgrind). Marks
/// past 15 bytes are dropped (no terminal draws a stack that high in one cell anyway).
public struct Cell: Equatable, Sendable {
    /// Bytes 0-7 and 8-14 of the text, byte 15 the count (little-endian order in both words).
    private var low: UInt64
    private var high: UInt64
    /// The style and the continuation flag in one word (`Style.bits`, bit 16): three whole
    /// words and no padding, so a row of cells compares as bytes.
    private var attributes: UInt64

    static let capacity = 15
    private static let continuationBit: UInt64 = 1 << 16

    public var style: Style {
        get { Style(bits: attributes) }
        set { attributes = attributes & Cell.continuationBit | newValue.bits }
    }

    public var isContinuation: Bool {
        get { attributes & Cell.continuationBit != 0 }
        set { attributes = newValue ? attributes | Cell.continuationBit : attributes & ~Cell.continuationBit }
    }

    public init(text: String, style: Style, isContinuation: Bool) {
        (low, high) = (0, 0)
        attributes = style.bits | (isContinuation ? Cell.continuationBit : 0)
        for scalar in text.unicodeScalars where !append(scalar) { break }
    }

    /// A printable ASCII character (a byte 0x20-0x7E), the common case, without a `String`.
    init(ascii: UInt8, style: Style) {
        self.init(ascii: ascii, styleBits: style.bits)
    }

    /// The same with the style already in `Style.bits` form (once for a whole run of text).
    init(ascii: UInt8, styleBits: UInt64) {
        (low, high) = (UInt64(ascii), 1 << 56)
        attributes = styleBits
    }

    init(scalar: Unicode.Scalar, style: Style) {
        (low, high) = (0, 0)
        attributes = style.bits
        append(scalar)
    }

    public static let blank = Cell(ascii: 0x20, style: .plain)

    public var text: String {
        get {
            var bytes: [UInt8] = []
            appendUTF8(to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        set {
            (low, high) = (0, 0)
            for scalar in newValue.unicodeScalars where !append(scalar) { break }
        }
    }

    var utf8Count: Int { Int(high >> 56) }

    /// Appends the text's UTF-8 bytes (the `text` of a cell): no closure, no String.
    func appendUTF8(to bytes: inout [UInt8]) {
        var word = low
        for index in 0..<utf8Count {
            if index == 8 { word = high }
            bytes.append(UInt8(truncatingIfNeeded: word))
            word >>= 8
        }
    }

    /// Appends the text's code points (a character, then its combining marks) for a backend that
    /// hands the C library wide characters; returns how many.
    @inline(__always)
    func appendScalars(to values: inout [UInt32]) -> Int {
        let count = utf8Count
        if count == 1 && low < 0x80 {
            values.append(UInt32(truncatingIfNeeded: low))
            return 1
        }
        func byte(_ index: Int) -> UInt32 {
            UInt32(truncatingIfNeeded: index < 8 ? low >> (8 * index) : high >> (8 * (index - 8))) & 0xFF
        }
        var index = 0, added = 0
        while index < count {
            // The bytes are whole scalars (`append` adds one or nothing), so the lead byte says how many
            // follow. (The standard UTF8 decoder over the bytes works as well, but the buffer
            // specializations it needs were linked from an object without function sections, and
            // the start-up order then had to take that object's whole 77 KB .text.)
            let lead = byte(index)
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = length == 1 ? lead : lead & (0xFF >> (length + 1))
            for next in 1..<length { value = value << 6 | byte(index + next) & 0x3F }
            values.append(value)
            added += 1
            index += length
        }
        return added
    }

    /// Adds a scalar's bytes if they fit (a combining mark joining the character); false if not.
    @discardableResult
    mutating func append(_ scalar: Unicode.Scalar) -> Bool {
        var count = utf8Count
        let encoded = UTF8.encode(scalar)!
        guard count + encoded.count <= Cell.capacity else { return false }
        for byte in encoded {
            if count < 8 { low |= UInt64(byte) << (8 * count) } else { high |= UInt64(byte) << (8 * (count - 8)) }
            count += 1
        }
        high = high & ~(0xFF << 56) | UInt64(count) << 56
        return true
    }
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

    /// The cells of whole rows, to put back later with `replaceRows` (a part drawn once, kept).
    public func cells(rows: Range<Int>) -> [Cell] {
        Array(cells[rows.lowerBound * size.width..<min(rows.upperBound, size.height) * size.width])
    }

    /// Puts whole rows of cells from `row` down (as `cells(rows:)` gave them, same width).
    public mutating func replaceRows(from row: Int, with rows: [Cell]) {
        let start = row * size.width
        let count = min(rows.count, cells.count - start)
        cells.replaceSubrange(start..<start + count, with: rows[..<count])
    }

    /// Whether row `y` holds the same cells as the same row of `other` (a frame of the same size).
    public func row(_ y: Int, equals other: Frame) -> Bool {
        let stride = MemoryLayout<Cell>.stride, start = y * size.width * stride, count = size.width * stride
        // Cells are three words with no padding: equal bytes are equal cells and the other way round.
        return cells.withUnsafeBytes { mine in
            other.cells.withUnsafeBytes { theirs in
                memcmp(mine.baseAddress! + start, theirs.baseAddress! + start, count) == 0
            }
        }
    }

    /// Writes `text` from (x, y), cutting it at `limit` columns (default: the right edge).
    /// Returns the column after the last character written. A wide character that would
    /// straddle the limit is not written half: the column is left blank.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let end = min(limit.map { x + $0 } ?? size.width, size.width)
        var column = x
        // Most of a frame is printable ASCII: one column and one cell a byte, written through
        // one buffer (per-cell array access was most of a keystroke's redraw, callgrind).
        // Over the string's bytes in place: iterating `text.utf8` twice was a closure call and
        // an index check a byte.
        let row = y * size.width, bits = style.bits
        let asciiEnd: Int? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0.isPrintableASCII }) else { return nil }
            let count = max(0, min(bytes.count, end - x))
            cells.withUnsafeMutableBufferPointer { cells in
                for offset in max(0, -x)..<max(max(0, -x), count) {
                    cells[row + x + offset] = Cell(ascii: bytes[offset], styleBits: bits)
                }
            }
            return x + count
        } ?? nil
        if let asciiEnd { return asciiEnd }
        // Scalar by scalar, as terminals count columns (wcwidth): breaking the text into
        // Characters first cost ~500 instructions a character, most of a redraw's box lines.
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A || value == 0x0D { break }
            let isControl = ControlCharacters.contains(scalar)  // shown as blanks
            let width = isControl ? 1 : DisplayWidth.of(scalar)
            if width == 0 {
                // A combining mark or zero-width character joins the previous cell.
                if column > x, column - 1 < size.width { cells[y * size.width + column - 1].append(scalar) }
                continue
            }
            if column + width > end { break }
            if column >= 0 {
                cells[y * size.width + column] = isControl ? Cell(ascii: 0x20, style: style) : Cell(scalar: scalar, style: style)
                if width == 2 { cells[y * size.width + column + 1] = Cell(text: "", style: style, isContinuation: true) }
            }
            column += width
        }
        return column
    }


    /// Changes every cell in place (a last pass over a finished frame).
    public mutating func mapCells(_ transform: (inout Cell) -> Void) {
        for index in cells.indices { transform(&cells[index]) }
    }

    /// Fills a rectangle's cells with blanks in `style`.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style = .plain) {
        for row in max(0, y)..<min(size.height, y + height) {
            for column in max(0, x)..<min(size.width, x + width) {
                cells[row * size.width + column] = Cell(ascii: 0x20, style: style)
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
