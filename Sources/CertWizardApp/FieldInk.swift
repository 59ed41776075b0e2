import TerminalUI

/// How a one-line input is inked: what is typed in the terminal's plain attributes, and the
/// empty rest of a focused field underlined to show how far it goes. Typed text in plain ink lets
/// the terminal update for a typed character be that character alone (ncurses ends every update
/// in plain attributes, so underlined text cost an attribute change before and after each key:
/// 16 bytes per character, measured by Benchmarks/run; now 1).
enum FieldInk {
    static func segments(_ shown: String, width: Int, focused: Bool) -> [BodyLine.Segment] {
        let used = DisplayWidth.of(shown)
        let rest = String.repeated(" ", count: max(0, width - used))
        guard focused else { return [.init(text: shown + rest, style: .plain)] }
        return [.init(text: shown, style: .plain), .init(text: rest, style: Style(underline: true))]
    }
}
