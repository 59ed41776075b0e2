extension String {
    /// `count` copies of `piece` (none when `count` is not positive), written as bytes at once:
    /// `String(repeating:count:)` appends piece by piece, ~160 instructions each, and the rules,
    /// pads and box lines of a frame made it a tenth of a keystroke's redraw (callgrind).
    public static func repeated(_ piece: String, count: Int) -> String {
        guard count > 0, !piece.isEmpty else { return "" }
        if piece.utf8.count == 1, let byte = piece.utf8.first {
            return String(unsafeUninitializedCapacity: count) { buffer in
                buffer.initialize(repeating: byte)
                return count
            }
        }
        var piece = piece
        return piece.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count * count) { buffer in
                var end = 0
                for _ in 0..<count {
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[end..<end + bytes.count]).initialize(from: bytes)
                    end += bytes.count
                }
                return end
            }
        }
    }
}
