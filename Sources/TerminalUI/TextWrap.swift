import Synchronization

/// Breaks text into lines of at most `width` columns: at spaces for English, anywhere
/// between Japanese characters (never before 。、) ) as Japanese typesetting allows),
/// and at explicit newlines.
public enum TextWrap {
    /// Characters that may not start a line (。、) 」 and the like). A switch rather than a
    /// `Set<Character>`: making that set's type looks up `Character: Hashable` among every
    /// conformance in the binary (~430,000 instructions before the first frame, callgrind).
    private static func mayNotStartLine(_ character: Character) -> Bool {
        switch character {
        case "。", "、", "）", ")", "」", "』", "，", "．", "！", "？", ":", "：", "ー": return true
        default: return false
        }
    }

    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        // Every frame wraps the same guidance, help and notes again: remember the last few hundred.
        if let known = cache.withLock({ $0[text] }), known.width == width { return known.lines }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrap(String(paragraph), width: width)
        }
        cache.withLock { cache in
            if cache.count > 512 { cache.removeAll(keepingCapacity: true) }
            cache[text] = (width, result)
        }
        return result
    }

    /// Keyed by the text alone (one width is drawn at a time): a key type of its own made the
    /// runtime look up its `Hashable` conformance among all of them before the first frame.
    private static let cache = Mutex<[String: (width: Int, lines: [String])]>([:])

    /// Breaks text at exactly `width` columns wherever that falls: for paths and fingerprints,
    /// which must be shown whole rather than cut or broken at their punctuation.
    public static func hardLines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if lineWidth + w > width, !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            line.append(character)
            lineWidth += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func wrap(_ paragraph: String, width: Int) -> [String] {
        // English guidance and help, byte by byte: Characters cost ~1,500 instructions each here,
        // and the first screen's guidance was 5% of the first frame (callgrind).
        if paragraph.utf8.allSatisfy({ $0.isPrintableASCII }) { return wrapASCII(Array(paragraph.utf8), width: width) }
        return wrapCharacters(paragraph, width: width)
    }

    /// `wrapCharacters` for printable ASCII, where every character is one column and none is wide:
    /// the same lines (a test compares them).
    static func wrapASCII(_ bytes: [UInt8], width: Int) -> [String] {
        func text(_ part: ArraySlice<UInt8>) -> String {
            var end = part.endIndex
            while end > part.startIndex, part[end - 1] == 0x20 { end -= 1 }
            return String(decoding: part[..<end], as: UTF8.self)
        }
        var lines: [String] = []
        var line: [UInt8] = []
        var lastBreak: Int?  // a place in `line` where it may break (after a space)
        for byte in bytes {
            if line.count + 1 > width, !line.isEmpty {
                if let cut = lastBreak, cut > 0 {
                    lines.append(text(line[..<cut]))
                    line = Array(line[cut...].drop(while: { $0 == 0x20 }))
                } else {
                    lines.append(text(line[...]))
                    line = []
                }
                lastBreak = nil
            }
            if byte == 0x20 && line.isEmpty && !lines.isEmpty { continue }
            line.append(byte)
            if byte == 0x20 { lastBreak = line.count }
        }
        lines.append(text(line[...]))
        return lines
    }

    static func wrapCharacters(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var lastBreak: String.Index?  // a place in `line` where it may break (after a space or a wide char)
        for character in paragraph {
            let w = DisplayWidth.of(character)
            if lineWidth + w > width, !line.isEmpty {
                var cut = lastBreak.flatMap { $0 > line.startIndex ? $0 : nil }
                // 追い出し: a character that may not start a line takes the one before it along.
                if mayNotStartLine(character), let previous = line.last, DisplayWidth.of(previous) == 2 {
                    cut = line.count > 1 ? line.index(before: line.endIndex) : nil
                }
                if let cut {
                    lines.append(trimTrailing(String(line[..<cut])))
                    line = String(String(line[cut...]).drop(while: { $0 == " " }))
                } else {
                    lines.append(trimTrailing(line))
                    line = ""
                }
                lineWidth = DisplayWidth.of(line)
                lastBreak = nil
            }
            if character == " " && line.isEmpty && !lines.isEmpty { continue }
            line.append(character)
            lineWidth += w
            if character == " " || w == 2 { lastBreak = line.endIndex }
        }
        lines.append(trimTrailing(line))
        return lines
    }

    private static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

/// Box-drawing characters: Unicode lines, or plain ASCII with `--ascii`.
public struct BoxCharacters: Sendable {
    public let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    public let filled, empty: String

    public static let unicode = BoxCharacters(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                              bottomLeft: "└", bottomRight: "┘", filled: "■", empty: "□")
    public static let ascii = BoxCharacters(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                            bottomLeft: "+", bottomRight: "+", filled: "#", empty: ".")
}

extension Frame {
    /// Draws a box outline.
    public mutating func box(x: Int, y: Int, width: Int, height: Int, style: Style = .plain, chars: BoxCharacters) {
        guard width >= 2, height >= 2 else { return }
        let inner = String.repeated(chars.horizontal, count: width - 2)
        put(chars.topLeft + inner + chars.topRight, x: x, y: y, style: style)
        put(chars.bottomLeft + inner + chars.bottomRight, x: x, y: y + height - 1, style: style)
        for row in (y + 1)..<(y + height - 1) {
            put(chars.vertical, x: x, y: row, style: style)
            put(chars.vertical, x: x + width - 1, y: row, style: style)
        }
    }
}
