/// Says, in words, why bytes that should be a JSON draft are not JSON: the decoder
/// itself only says "not valid JSON", which does not tell a user what happened.
enum JSONDiagnosis {
    static func describe(_ bytes: [UInt8]) -> Localized {
        if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil {
            return Localized("テキストではありません (バイナリか UTF-8 以外)", "it is not text (binary, or not UTF-8)")
        }
        guard let first = bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            return Localized("空です", "it is empty")
        }
        if first != UInt8(ascii: "{") {
            let shown = String(decoding: [first], as: UTF8.self)
            return Localized("「{」で始まっていません (先頭は「\(shown)」)", "it does not begin with '{' (it begins with '\(shown)')")
        }
        var depth = 0, inString = false, escaped = false, line = 1
        var closedAtLine: Int?
        var trailing = false
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if closedAtLine != nil, ![0x20, 0x0A, 0x0D, 0x09].contains(byte) { trailing = true }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 && closedAtLine == nil { closedAtLine = line }
            default: break
            }
        }
        if depth > 0 || inString {
            return Localized("\(line) 行目で途中で切れています (閉じ括弧が足りません)", "it is cut off at line \(line) (brackets left open)")
        }
        if let closedAtLine, trailing || depth < 0 {
            return Localized("\(closedAtLine) 行目で JSON が閉じた後に余分なものがあります", "there is more after the JSON closes at line \(closedAtLine)")
        }
        return Localized("JSON の書き方に誤りがあります (引用符・カンマ・コロンを確かめてください)",
                         "its JSON syntax is wrong (check the quotes, commas and colons)")
    }
}
