/// Turns what the terminal library reads (characters, function-key codes, timeouts) into
/// `Key`s: bracketed paste (`ESC [200~ ... ESC [201~`) becomes one `.paste`, Esc followed
/// at once by a character is Alt, a lone Esc is Escape. Pure, so it is tested without a tty.
public struct KeyDecoder: Sendable {
    /// What one read returned.
    public enum Input: Equatable, Sendable {
        case character(UInt32)
        case functionKey(FunctionKey)
        /// Nothing arrived within the Esc delay.
        case timeout
    }

    /// Function keys, as the backend names them.
    public enum FunctionKey: Equatable, Sendable {
        case up, down, left, right, home, end, pageUp, pageDown, backTab, delete, backspace, enter, resize
        case function(Int)
        case pasteStart, pasteEnd
    }

    private var pendingEscape = false
    private var paste: String?

    public init() {}

    /// Whether the decoder is waiting to see if an Esc starts an Alt combination; the
    /// backend then reads the next input with a short timeout.
    public var awaitsMore: Bool { pendingEscape }
    public var inPaste: Bool { paste != nil }

    public mutating func feed(_ input: Input) -> [Key] {
        if paste != nil {
            // Appended in place (`paste!`): a copy taken out and put back doubled the text at
            // every character, and a 1 MB paste took most of a minute.
            switch input {
            case .functionKey(.pasteEnd):
                let text = paste!
                paste = nil
                return [.paste(text)]
            case .character(let code):
                // Line ends arrive as CR, LF or CR LF depending on the terminal: each is one "\n".
                if code == 13 { paste!.append("\n") }
                else if code == 10 { if !lastWasCR { paste!.append("\n") } }
                else if let scalar = Unicode.Scalar(code) { paste!.unicodeScalars.append(scalar) }
                lastWasCR = code == 13
                return []
            case .functionKey(.enter):
                if !lastWasCR { paste!.append("\n") }
                lastWasCR = false
                return []
            default:
                return []  // keys inside a paste are not commands
            }
        }
        lastWasCR = false
        if pendingEscape {
            pendingEscape = false
            switch input {
            case .timeout: return [.escape]
            case .character(27): pendingEscape = true; return [.escape]
            case .character(let code) where code >= 0x20 && code != 127:
                if let scalar = Unicode.Scalar(code) { return [.alt(Character(scalar))] }
                return [.escape]
            default:
                return [.escape] + feed(input)
            }
        }
        switch input {
        case .timeout: return []
        case .functionKey(let key): return decode(key)
        case .character(let code): return decode(code)
        }
    }

    private var lastWasCR = false

    /// Ends a paste whose closing marker never came (a terminal that lost it): what
    /// arrived so far is delivered rather than lost.
    public mutating func flushPaste() -> [Key] {
        guard var text = paste else { return [] }
        if !pasteBytes.isEmpty { text += PasteBytes.text(pasteBytes[...]) }
        paste = nil
        pasteBytes.removeAll()
        return [.paste(text)]
    }

    private var pasteBytes: [UInt8] = []

    /// Takes a paste's raw bytes as the terminal sent them, read in bulk rather than a
    /// character per read (a read and a poll per byte made a 1 MB paste take seconds). The
    /// closing marker may be split across calls, and so may a UTF-8 sequence. Returns the
    /// `.paste` key once the marker has come, and the bytes that followed it, which are keys
    /// again and go back to the terminal library.
    public mutating func feedPaste(bytes: some Sequence<UInt8>) -> (keys: [Key], after: [UInt8]) {
        guard paste != nil else { return ([], Array(bytes)) }
        let searchFrom = max(0, pasteBytes.count - PasteBytes.endMarker.count + 1)
        pasteBytes.append(contentsOf: bytes)
        guard let end = PasteBytes.firstEndMarker(in: pasteBytes, from: searchFrom) else { return ([], []) }
        let after = Array(pasteBytes[(end + PasteBytes.endMarker.count)...])
        let text = paste! + PasteBytes.text(pasteBytes[..<end])
        paste = nil
        pasteBytes.removeAll()
        return ([.paste(text)], after)
    }

    private mutating func decode(_ key: FunctionKey) -> [Key] {
        switch key {
        case .up: return [.up]
        case .down: return [.down]
        case .left: return [.left]
        case .right: return [.right]
        case .home: return [.home]
        case .end: return [.end]
        case .pageUp: return [.pageUp]
        case .pageDown: return [.pageDown]
        case .backTab: return [.backTab]
        case .delete: return [.delete]
        case .backspace: return [.backspace]
        case .enter: return [.enter]
        case .resize: return [.resize]
        case .function(let n): return [.function(n)]
        case .pasteStart: paste = ""; return []
        case .pasteEnd: return []
        }
    }

    private mutating func decode(_ code: UInt32) -> [Key] {
        switch code {
        case 27: pendingEscape = true; return []
        case 9: return [.tab]
        case 10, 13: return [.enter]
        case 8, 127: return [.backspace]
        case 1...26: return [.control(Character(Unicode.Scalar(code + 96)!))]
        case 0..<32: return []
        default:
            guard let scalar = Unicode.Scalar(code) else { return [] }
            return [.character(Character(scalar))]
        }
    }
}

/// A paste's bytes: where the closing marker is, and the text they carry.
enum PasteBytes {
    static let endMarker: [UInt8] = Array("\u{1B}[201~".utf8)

    static func firstEndMarker(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while let escape = bytes[index...].firstIndex(of: 0x1B) {
            if bytes[escape...].starts(with: endMarker) { return escape }
            index = escape + 1
        }
        return nil
    }

    /// UTF-8 (invalid sequences as U+FFFD); CR LF, CR and LF each become one "\n", as the
    /// character-by-character path makes them.
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var lastWasCR = false
        for byte in bytes {
            if byte == 13 { normalized.append(10) }
            else if byte != 10 || !lastWasCR { normalized.append(byte) }
            lastWasCR = byte == 13
        }
        return String(decoding: normalized, as: UTF8.self)
    }
}
