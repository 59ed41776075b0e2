/// Characters a terminal acts on rather than shows: the C0 controls, DEL, and the C1 controls
/// (U+009B is CSI to terminals that take 8-bit controls). Typed or pasted text drops them and a
/// frame shows them as blanks, so nothing typed, pasted or loaded ever reaches the terminal as one.
public enum ControlCharacters {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// `text` without them (line breaks and tabs too: an editor that keeps lines splits first).
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(where: contains) else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !contains(scalar) { kept.append(scalar) }
        return String(kept)
    }
}
