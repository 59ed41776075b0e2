import Testing
@testable import TerminalUI
import TestSupport

@Suite struct FrameTests {
    @Test func measuresDisplayWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("ｱｲｳ") == 3)          // half-width katakana
        #expect(DisplayWidth.of("Ａ") == 2)            // full-width Latin
        #expect(DisplayWidth.of("e\u{301}") == 1)      // combining acute accent
        #expect(DisplayWidth.of("\u{200B}") == 0)      // zero-width space
    }

    @Test func theFastWidthsAgreeWithTheUnicodeProperties() {
        let ranges: [ClosedRange<UInt32>] = [0x2000...0x2FFF, 0x3000...0x30FF, 0x4E00...0x9FFF, 0xFF00...0xFFEF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DisplayWidth.of(scalar) == DisplayWidth.byProperties(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test func wideCharactersFillTwoCellsAndTheColumnAfterThem() {
        var frame = Frame(size: Size(width: 10, height: 1))
        let end = frame.put("日本a", x: 1, y: 0)
        #expect(end == 6)
        #expect(frame[1, 0].text == "日" && frame[2, 0].isContinuation)
        #expect(frame[5, 0].text == "a")
        #expect(frame.text == " 日本a")
    }

    @Test func aWideCharacterThatWouldStraddleTheLimitIsNotHalfDrawn() {
        var frame = Frame(size: Size(width: 6, height: 1))
        let end = frame.put("ab日本", x: 0, y: 0, limit: 5)
        #expect(end == 4)
        #expect(frame.text == "ab日")
    }

    @Test func asciiTextIsClippedByTheLimitTheRightEdgeAndALeftOffset() {
        // The ASCII fast path against the rule it must keep: a character is written where its
        // column is inside the frame and before the limit; the column after the text is returned.
        var random = SeededGenerator(seed: 161)
        for _ in 0..<400 {
            let text = String((0..<Int.random(in: 0...14, using: &random)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random))) })
            let x = Int.random(in: -6...12, using: &random)
            let limit: Int? = Bool.random(using: &random) ? nil : Int.random(in: 0...12, using: &random)
            var frame = Frame(size: Size(width: 10, height: 2))
            let end = frame.put(text, x: x, y: 1, limit: limit)
            let stop = min(limit.map { x + $0 } ?? 10, 10)
            var expected = Array(repeating: " ", count: 10), column = x
            for character in text {
                if column + 1 > stop { break }
                if column >= 0 { expected[column] = String(character) }
                column += 1
            }
            #expect(end == column, "\(text) at \(x) limit \(String(describing: limit))")
            #expect((0..<10).map { frame[$0, 1].text } == expected, "\(text) at \(x) limit \(String(describing: limit))")
            #expect((0..<10).allSatisfy { frame[$0, 0].text == " " })
        }
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var frame = Frame(size: Size(width: 5, height: 1))
        frame.put("e\u{301}x", x: 0, y: 0)
        #expect(frame[0, 0].text == "e\u{301}")
        #expect(frame[1, 0].text == "x")
    }

    @Test func controlCharactersAreNotWrittenToTheTerminal() {
        var frame = Frame(size: Size(width: 5, height: 1))
        frame.put("a\u{1B}b\tc", x: 0, y: 0)
        #expect(!frame.text.contains("\u{1B}"))
        // DEL and the C1 controls too (U+009B is CSI to some terminals); each takes its column.
        var wide = Frame(size: Size(width: 8, height: 1))
        let end = wide.put("日\u{7F}x\u{9B}2J\u{85}", x: 0, y: 0)
        #expect(wide.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) })
        #expect((0..<8).map { wide[$0, 0].text } == ["日", "", " ", "x", " ", "2", "J", " "])
        #expect(end == 8)
    }

    @Test func plainASCIIWrapsAsCharactersDo() {
        // Words, runs of spaces and over-long words drawn by a seeded generator (the same texts on
        // every run), at every width from 1 to 40.
        var generator = SeededGenerator(seed: 14)
        let pieces = ["a", "the", "certificate", "CSR", "www.example.co.jp", " ", "  ", "(R", "1-2)", ":", "x" + String(repeating: "y", count: 45)]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...25, using: &generator) { text += pieces.randomElement(using: &generator)! + (Bool.random(using: &generator) ? " " : "") }
            for width in 1...40 {
                #expect(TextWrap.wrapASCII(Array(text.utf8), width: width) == TextWrap.wrapCharacters(text, width: width), "\(width): \(text)")
            }
        }
    }

    @Test func wrapsJapaneseAnywhereAndEnglishAtSpaces() {
        #expect(TextWrap.lines("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWrap.lines("日本語の文章を折り返します。", width: 10) == ["日本語の文", "章を折り返", "します。"])
        // 。 never starts a line.
        #expect(TextWrap.lines("あいうえ。", width: 8).allSatisfy { !$0.hasPrefix("。") })
        #expect(TextWrap.lines("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextWrap.lines("see (example)", width: 12) == ["see", "(example)"])
    }
}

@Suite struct KeyDecoderTests {
    func decode(_ inputs: [KeyDecoder.Input]) -> [Key] {
        var decoder = KeyDecoder()
        return inputs.flatMap { decoder.feed($0) }
    }

    func chars(_ text: String) -> [KeyDecoder.Input] { text.unicodeScalars.map { .character($0.value) } }

    @Test func aBracketedPasteIsOneEventWithNewlinesKept() {
        let pem = "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIB\r\n-----END CERTIFICATE REQUEST-----\r\n"
        let keys = decode([.functionKey(.pasteStart)] + chars(pem) + [.functionKey(.pasteEnd)])
        #expect(keys == [.paste("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n")])
    }

    @Test func lineEndsInAPasteBecomeOneNewlineEach() {
        #expect(decode([.functionKey(.pasteStart)] + chars("a\rb\nc\r\nd") + [.functionKey(.pasteEnd)]) == [.paste("a\nb\nc\nd")])
    }

    @Test func keysInsideAPasteAreNotCommands() {
        // A Ctrl-C byte or a Tab inside pasted text must not quit or move focus.
        let keys = decode([.functionKey(.pasteStart), .character(3), .character(9), .functionKey(.up), .functionKey(.pasteEnd)])
        #expect(keys.count == 1)
        if case .paste = keys[0] {} else { Issue.record("\(keys)") }
    }

    @Test func escAloneIsEscapeAndEscWithAKeyIsAlt() {
        #expect(decode([.character(27), .timeout]) == [.escape])
        #expect(decode([.character(27), .character(UInt32(("x" as Unicode.Scalar).value))]) == [.alt("x")])
        #expect(decode([.character(27), .functionKey(.up)]) == [.escape, .up])
    }

    @Test func controlKeysAndJapaneseText() {
        #expect(decode([.character(19)]) == [.control("s")])
        #expect(decode([.character(3)]) == [.control("c")])
        #expect(decode([.character(13), .character(9), .character(127)]) == [.enter, .tab, .backspace])
        #expect(decode(chars("日本")) == [.character("日"), .character("本")])
        #expect(decode([.functionKey(.function(2)), .functionKey(.backTab)]) == [.function(2), .backTab])
    }

    @Test func anUnfinishedPasteIsDeliveredNotLost() {
        var decoder = KeyDecoder()
        _ = decoder.feed(.functionKey(.pasteStart))
        for input in chars("abc") { _ = decoder.feed(input) }
        #expect(decoder.flushPaste() == [.paste("abc")])
    }
}

@Suite struct EditorTests {
    /// A field never keeps what a terminal would act on: C0 controls, DEL, C1 (U+009B is CSI).
    @Test func typedAndPastedControlCharactersAreDropped() {
        var line = TextEditor()
        line.handle(.paste("a\u{9B}2Jb\u{7F}c\u{1B}[31md\u{85}e\r\nf"))
        line.handle(.character("\u{9B}"))
        #expect(line.text == "a2Jbc[31mde f")  // a pasted line break becomes a space
        #expect(line.cursor == line.characters.count)
        var area = TextAreaEditor()
        area.insert("x\u{9B}y\tz\nw\u{7F}\u{1B}v")
        #expect(area.text == "xy z\nwv")
    }

    @Test func editsALine() {
        var editor = TextEditor("www.example")
        editor.handle(.character("."))
        editor.handle(.home)
        editor.handle(.delete)
        #expect(editor.text == "ww.example.")
        editor.handle(.end)
        editor.handle(.backspace)
        editor.handle(.left)
        editor.handle(.left)
        editor.handle(.control("k"))
        #expect(editor.text == "ww.examp")
        editor.handle(.control("u"))
        #expect(editor.text == "")
        let tabHandled = editor.handle(.tab)
        #expect(!tabHandled)
    }

    @Test func aPasteIntoALineBecomesOneLine() {
        var editor = TextEditor()
        editor.handle(.paste("a.example.jp\nb.example.jp\n"))
        #expect(editor.text == "a.example.jp b.example.jp")
    }

    @Test func scrollsSidewaysByColumnsKeepingTheCursorVisible() {
        var editor = TextEditor(String(repeating: "x", count: 30))
        let (shown, cursor) = editor.visible(width: 10)
        #expect(DisplayWidth.of(shown) <= 10 && cursor == 9)
        #expect(editor.isScrolled(width: 10).left)
        editor.handle(.home)
        let (start, startCursor) = editor.visible(width: 10)
        #expect(startCursor == 0 && start.count == 10)
        #expect(editor.isScrolled(width: 10).right)
    }

    @Test func theCursorLandsAfterWideText() {
        var editor = TextEditor("日本")
        let column = editor.visible(width: 20).cursorColumn
        #expect(column == 4)
    }

    @Test func editsSeveralLines() {
        var area = TextAreaEditor()
        area.handle(.paste("www.example.co.jp\nexample.co.jp"))
        #expect(area.lineCount == 2)
        let downHandled = area.handle(.down)
        #expect(!downHandled)                 // the last line: Down leaves the field
        area.handle(.up)
        area.handle(.end)
        area.handle(.enter)
        area.insert("shop.example.co.jp")
        #expect(area.text == "www.example.co.jp\nshop.example.co.jp\nexample.co.jp")
        area.handle(.home)
        area.handle(.backspace)               // joins with the line above
        #expect(area.text == "www.example.co.jpshop.example.co.jp\nexample.co.jp")
    }
}

@Suite struct CellTests {
    @Test func aCellKeepsItsTextAsWrittenWideOrCombined() {
        for text in [" ", "a", "~", "日", "─", "e\u{301}", "👍🏽", ""] {
            #expect(Cell(text: text, style: .plain, isContinuation: false).text == text)
        }
        var cell = Cell.blank
        cell.text = "あ"
        #expect(cell.text == "あ" && cell != Cell.blank && cell == Cell(text: "あ", style: .plain, isContinuation: false))
        #expect(Cell(text: "a", style: .bold, isContinuation: false) != Cell(text: "a", style: .plain, isContinuation: false))
    }

    @Test func aCellGivesItsBytesAndItsCodePoints() {
        for text in [" ", "a", "日", "e\u{301}", "e" + String(repeating: "\u{301}", count: 7), "👍🏽"] {
            let cell = Cell(text: text, style: .plain, isContinuation: false)
            var bytes: [UInt8] = []
            cell.appendUTF8(to: &bytes)
            #expect(bytes == Array(text.utf8), "\(text)")
            var values: [UInt32] = []
            #expect(cell.appendScalars(to: &values) == values.count && values == text.unicodeScalars.map(\.value), "\(text)")
        }
    }

    @Test func marksPastFifteenBytesAreDroppedWholeNeverCut() {
        // "e" and ten combining acute accents (2 bytes each): the e and seven accents fit.
        let piled = "e" + String(repeating: "\u{301}", count: 10)
        let kept = Cell(text: piled, style: .plain, isContinuation: false).text
        #expect(kept == "e" + String(repeating: "\u{301}", count: 7))
        var frame = Frame(size: Size(width: 3, height: 1))
        frame.put(piled + "x", x: 0, y: 0)
        #expect(frame[0, 0].text == kept && frame[1, 0].text == "x")
    }

    @Test func aCellKeepsEveryStyleAndItsContinuationMarkWithoutPadding() {
        // Rows compare as bytes: that is only right while a cell has no padding.
        #expect(MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride)
        let roles: [Style.Role] = [.normal, .accent, .error, .warning, .ok, .muted]
        for role in roles {
            for flags in 0..<16 {
                let style = Style(role, bold: flags & 1 != 0, reverse: flags & 2 != 0, underline: flags & 4 != 0)
                var cell = Cell(text: "日", style: style, isContinuation: flags & 8 != 0)
                #expect(cell.style == style && cell.isContinuation == (flags & 8 != 0) && cell.text == "日")
                cell.isContinuation.toggle()
                cell.style = .plain
                #expect(cell.style == .plain && cell.isContinuation == (flags & 8 == 0) && cell.text == "日")
            }
        }
    }

    @Test func rowsCompareByTheirCells() {
        var a = Frame(size: Size(width: 4, height: 2)), b = Frame(size: Size(width: 4, height: 2))
        a.put("ab", x: 0, y: 0)
        b.put("ab", x: 0, y: 0)
        b.put("c", x: 3, y: 1)
        #expect(a.row(0, equals: b) && !a.row(1, equals: b))
        b.put("c", x: 3, y: 1, style: .bold)
        a.put("c", x: 3, y: 1)
        #expect(!a.row(1, equals: b))
    }

    @Test func repeatedTextIsCountCopiesOfThePiece() {
        #expect(String.repeated("─", count: 3) == "───")
        #expect(String.repeated(" ", count: 80) == String(repeating: " ", count: 80))
        #expect(String.repeated("ab", count: 2) == "abab")
        #expect(String.repeated("x", count: 0) == "" && String.repeated("x", count: -2) == "" && String.repeated("", count: 5) == "")
    }
}
