extension UInt8 {
    /// A byte that is a printable ASCII character (0x20-0x7E): one column, one byte, one cell.
    /// The fast paths of drawing and wrapping take text made only of these.
    var isPrintableASCII: Bool { self >= 0x20 && self < 0x7F }
}
