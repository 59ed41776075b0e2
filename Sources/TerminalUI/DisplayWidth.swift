/// Display widths follow Unicode East Asian Width as terminals apply it (wcwidth), kept
/// here rather than asked of the C library so that headless tests agree with any locale.
/// How many terminal columns text takes: East Asian wide and full-width characters
/// take two, combining marks and zero-width characters none, the rest one.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var total = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return text.unicodeScalars.reduce(0) { $0 + of($1) } }
            if byte >= 0x20 && byte != 0x7F { total += 1 }
        }
        return total
    }

    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        return character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable Latin text before any combining mark: one column, without the property tables.
        if v >= 0x20 && v < 0x7F || v >= 0xA0 && v < 0x300 && v != 0xAD { return 1 }
        // The wizard's own marks (punctuation, arrows, box lines, shapes, the spinner's braille)
        // and the common Japanese scripts, without the property lookup (~300 instructions a
        // character: the rule under the guidance alone was a tenth of a keystroke's redraw).
        if v >= 0x2010 && v <= 0x2027 || v >= 0x2030 && v <= 0x205E || v >= 0x2190 && v <= 0x21FF
            || v >= 0x2500 && v <= 0x25FC || v >= 0x2800 && v <= 0x28FF { return 1 }
        if v >= 0x3041 && v <= 0x3096 || v >= 0x30A1 && v <= 0x30FA || v >= 0x4E00 && v <= 0x9FFF || v >= 0xFF01 && v <= 0xFF60 { return 2 }
        return byProperties(scalar)
    }

    /// The width from the scalar's Unicode properties and the wide ranges (what the fast
    /// paths of `of(_:)` must agree with).
    static func byProperties(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || v == 0x200B || (0x200C...0x200F).contains(v) || v == 0xFEFF { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v < 0x1100 { return 1 }
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// East Asian Wide and Full-width ranges (built once, not per character).
    private static let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
            0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
            0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
            0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
            0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
            0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]

    /// `text` padded with spaces to `width` columns (never cut).
    public static func pad(_ text: String, to width: Int) -> String {
        text + String.repeated(" ", count: max(0, width - of(text)))
    }
}
