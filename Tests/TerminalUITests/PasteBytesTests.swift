import Testing
import TestSupport
@testable import TerminalUI

/// The bulk paste path (bytes read 64 KB at a time) must give what the character path gives,
/// wherever the reads happen to split the text, its UTF-8 sequences or the closing marker.
@Suite struct PasteBytesTests {
    static let samples = [
        "Mihon Shoji Co., Ltd.", "見本商事株式会社\r\nwww.example.co.jp\r\n", "a\rb\nc\r\nd\r", "O'Reilly Japan, Inc.\n\n",
        "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----\r\n", "tab\there ctrl\u{3} esc\u{1B}[31m",
        "", "\u{1B}[201", "絵文字 🎌 and ü",
    ]

    func byCharacters(_ text: String) -> [Key] {
        var decoder = KeyDecoder()
        var keys = decoder.feed(.functionKey(.pasteStart))
        for scalar in text.unicodeScalars { keys += decoder.feed(.character(scalar.value)) }
        return keys + decoder.feed(.functionKey(.pasteEnd))
    }

    @Test func everySplitOfTheBytesGivesWhatTheCharacterPathGives() {
        var random = SeededGenerator(seed: 22)
        for text in Self.samples {
            let expected = byCharacters(text)
            let after = Array("\u{1B}[Bxy".utf8)
            let bytes = Array(text.utf8) + PasteBytes.endMarker + after
            for _ in 0..<200 {
                var decoder = KeyDecoder()
                _ = decoder.feed(.functionKey(.pasteStart))
                var keys: [Key] = []
                var rest: [UInt8] = []
                var start = 0
                while start < bytes.count, keys.isEmpty {
                    let end = min(bytes.count, start + Int.random(in: 1...9, using: &random))
                    let fed = decoder.feedPaste(bytes: bytes[start..<end])
                    keys = fed.keys
                    rest = fed.after + bytes[end...]
                    start = end
                }
                #expect(keys == expected, "\(text.debugDescription)")
                #expect(rest == after, "the bytes after the marker are keys again, in order")
                #expect(!decoder.inPaste)
            }
        }
    }

    @Test func aPasteWithoutItsMarkerIsDeliveredByTheFlush() {
        var decoder = KeyDecoder()
        _ = decoder.feed(.functionKey(.pasteStart))
        #expect(decoder.feedPaste(bytes: Array("見本\r\n\u{1B}[20".utf8)).keys.isEmpty)
        #expect(decoder.flushPaste() == [.paste("見本\n\u{1B}[20")])
    }

    @Test func aMegabyteIsTakenInOnePass() {
        var decoder = KeyDecoder()
        _ = decoder.feed(.functionKey(.pasteStart))
        let line = Array(String(repeating: "Mihon Shoji Co., Ltd. ", count: 50_000).utf8)
        var keys: [Key] = []
        var index = 0
        while index < line.count {
            keys += decoder.feedPaste(bytes: line[index..<min(line.count, index + 65536)]).keys
            index += 65536
        }
        keys += decoder.feedPaste(bytes: PasteBytes.endMarker).keys
        #expect(keys == [.paste(String(decoding: line, as: UTF8.self))])
    }
}
