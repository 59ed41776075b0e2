/// Characters a terminal acts on rather than shows (C0 controls, DEL, C1 controls: U+009B is CSI
/// to terminals that take 8-bit controls). A draft value never holds one: printed by `certwiz
/// sheet` or `status` it would drive the reader's terminal. Line breaks and tabs are text (a
/// pasted PEM, an address on two lines).
public enum TerminalControls {
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x0D && v != 0x09) || (0x7F..<0xA0).contains(v)
    }

    /// The first such character in `text`, if any.
    public static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isControl)
    }

    /// Whether a draft file's bytes may hold one (an escaped C0 control or DEL, or raw DEL or C1):
    /// a fast scan, so the fields are only checked one by one when it finds something.
    static func mayBeIn(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x7F || (byte == 0xC2 && index + 1 < bytes.count && (0x80..<0xA0).contains(bytes[index + 1])) { return true }
            // \u00XX escapes: JSON writes every control this way (\n, \r and \t may be short).
            if byte == UInt8(ascii: "\\"), index + 5 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
               bytes[index + 2] == UInt8(ascii: "0"), bytes[index + 3] == UInt8(ascii: "0") { return true }
            index += byte == UInt8(ascii: "\\") ? 2 : 1
        }
        return false
    }

    /// The first of a command's option values that holds one, with the option's name: such a
    /// value is refused before anything is done or recorded, as the draft would refuse to load it.
    public static func firstInOptions(_ values: [(option: String, value: String?)]) -> (option: String, control: Unicode.Scalar)? {
        for (option, value) in values {
            if let value, let control = first(in: value) { return (option, control) }
        }
        return nil
    }

    /// "--dest: terminal control characters (U+001B) are not allowed".
    public static func message(option: String, _ scalar: Unicode.Scalar) -> Localized {
        let refusal = message(scalar)
        return Localized("\(option): \(refusal.ja)", "\(option): \(refusal.en)")
    }

    static func message(_ scalar: Unicode.Scalar) -> Localized {
        Localized("端末の制御文字 (\(code(scalar))) は入れられません", "terminal control characters (\(code(scalar))) are not allowed")
    }

    /// `text` safe to print: each control written as <U+001B>.
    public static func visible(_ text: String) -> String {
        guard first(in: text) != nil else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { shown += "<" + code(scalar) + ">" } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }

    private static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
