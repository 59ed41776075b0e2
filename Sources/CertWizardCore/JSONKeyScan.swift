/// One pass over a JSON text's object keys, before it is decoded: a key written twice in one
/// object (JSON decoders keep one of the two silently, so a hand-edited draft or answers file
/// could lose what its author meant without a word: certwiz refuses it, naming the key, where it
/// is and the line), and whether any key is one the caller does not know (so unknown members are
/// looked for only in the drafts that have some). No recursion: a deeply nested hostile file
/// cannot exhaust the stack. Malformed JSON is left to the decoder's message.
public enum JSONKeyScan {
    public struct Duplicate: Equatable, Sendable {
        /// Where the key is, as a draft path (`csr.commonName`), or the key alone at the top.
        public let path: String
        public let line: Int

        public var message: Localized {
            Localized("「\(path)」が 2 回書かれています (\(line) 行目)。どちらか一つにしてください",
                      "\"\(path)\" is written twice (line \(line)): keep only one")
        }
    }

    private struct Container {
        let isObject: Bool
        let path: String
        var keys: Set<String> = []
        var expectingKey = true
        var pendingKey: String?
        var index = 0
    }

    public struct Result: Equatable, Sendable {
        public var duplicate: Duplicate?
        public var sawUnknownKey = false
    }

    /// The first duplicate key. `isKnown` is asked about each key outside arrays, by its path.
    public static func scan(_ bytes: [UInt8], isKnown: (String) -> Bool = { _ in true }) -> Result {
        var result = Result()
        var stack: [Container] = []
        var line = 1
        var i = 0
        // Paths stop growing past a depth no draft has, so a hostile nesting costs linear time.
        let deepest = 16
        func childPath(_ container: Container) -> String {
            if stack.count > deepest { return container.path }
            if container.isObject { return container.path.isEmpty ? (container.pendingKey ?? "") : container.path + "." + (container.pendingKey ?? "") }
            return container.path + "[\(container.index)]"
        }
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x0A:
                line += 1
            case UInt8(ascii: "\""):
                // Read the string; a key with escapes is compared by what it says (`common\u004eame`
                // is `commonName`, as the decoder will read it).
                var j = i + 1
                var escaped = false
                var hasEscape = false
                while j < bytes.count {
                    if escaped { escaped = false } else if bytes[j] == UInt8(ascii: "\\") { escaped = true; hasEscape = true } else if bytes[j] == UInt8(ascii: "\"") { break }
                    if bytes[j] == 0x0A { line += 1 }
                    j += 1
                }
                guard j < bytes.count else { return result }
                if var top = stack.popLast() {
                    if top.isObject && top.expectingKey {
                        let key = hasEscape ? unescaped(bytes[(i + 1)..<j]) : String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                        let path = top.path.isEmpty ? key : top.path + "." + key
                        if top.keys.contains(key) {
                            result.duplicate = Duplicate(path: path, line: line)
                            return result
                        }
                        if !result.sawUnknownKey, stack.count >= deepest || (!path.contains("[") && !isKnown(path)) { result.sawUnknownKey = true }
                        top.keys.insert(key)
                        top.pendingKey = key
                        top.expectingKey = false
                    }
                    stack.append(top)
                }
                i = j
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let path = stack.last.map(childPath) ?? ""
                stack.append(Container(isObject: byte == UInt8(ascii: "{"), path: path))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard stack.popLast() != nil else { return result }
            case UInt8(ascii: ","):
                if var top = stack.popLast() {
                    if top.isObject { top.expectingKey = true } else { top.index += 1 }
                    stack.append(top)
                }
            default:
                break
            }
            i += 1
        }
        return result
    }

    /// A JSON string's content with its escapes resolved (RFC 8259 §7, surrogate pairs joined).
    /// A malformed escape is kept as written: the decoder reports it.
    static func unescaped(_ raw: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        var i = raw.startIndex
        func hex(_ at: Int) -> UInt16? {
            guard at + 4 <= raw.endIndex, let text = String(validating: raw[at..<at + 4], as: UTF8.self) else { return nil }
            return UInt16(text, radix: 16)
        }
        let simple: [UInt8: UInt16] = [UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
                                       UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09]
        while i < raw.endIndex {
            if raw[i] == UInt8(ascii: "\\"), i + 1 < raw.endIndex {
                if let unit = simple[raw[i + 1]] { units.append(unit); i += 2; continue }
                if raw[i + 1] == UInt8(ascii: "u"), let unit = hex(i + 2) { units.append(unit); i += 6; continue }
            }
            // Plain UTF-8 up to the next backslash.
            var end = i + 1
            while end < raw.endIndex && raw[end] != UInt8(ascii: "\\") { end += 1 }
            units.append(contentsOf: String(decoding: raw[i..<end], as: UTF8.self).utf16)
            i = end
        }
        return String(decoding: units, as: UTF16.self)
    }
}
