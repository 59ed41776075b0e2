import CertWizardCore
import Screens
import TerminalUI

/// Draws the wizard: a pure function of the state and the terminal size.
public enum WizardView {
    public static let minimumSize = Size(width: 80, height: 24)

    public static func render(_ state: WizardState, size: Size) -> Frame {
        var frame = Frame(size: size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            let message = UIText.tooSmall(width: size.width, height: size.height).text(in: state.language)
            let lines = TextWrap.lines(message, width: max(1, size.width - 2))
            for (i, line) in lines.enumerated() {
                let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
                frame.put(line, x: x, y: max(0, size.height / 2 - lines.count / 2) + i, style: .bold)
            }
            return frame
        }
        let boxes: BoxCharacters = state.ascii ? .ascii : .unicode
        let row = ScreenChrome.draw(state, into: &frame, boxes: boxes)
        let body = BodyBuilder(state: state, width: size.width).lines()
        place(body, in: &frame, top: row + 1, bottom: size.height - 3, state: state)
        footer(state, &frame)
        if let overlay = state.overlay { OverlayView.draw(overlay, state: state, into: &frame, boxes: boxes) }
        if state.ascii { AsciiMarks.apply(to: &frame) }
        return frame
    }

    /// Shows the body lines that fit, scrolled so the focused stop is in view.
    private static func place(_ body: [BodyLine], in frame: inout Frame, top: Int, bottom: Int, state: WizardState) {
        let height = bottom - top + 1
        var first = 0
        if let focusStart = body.firstIndex(where: { $0.focus == state.focus }) {
            let focusEnd = body.lastIndex(where: { $0.focus == state.focus }) ?? focusStart
            // Keep the focused field and its messages in view, with its label at the top if need be.
            if focusEnd - first >= height { first = max(0, min(focusStart, focusEnd - height + 1)) }
            if let cursorLine = body.firstIndex(where: { $0.focus == state.focus && $0.cursorX != nil }), cursorLine >= first + height {
                first = cursorLine - height + 1
            }
        }
        for (offset, line) in body[first...].prefix(height).enumerated() {
            let y = top + offset
            if let highlight = line.highlight { frame.fill(x: 0, y: y, width: frame.size.width, height: 1, style: highlight) }
            var x = line.indent
            for segment in line.segments { x = frame.put(segment.text, x: x, y: y, style: segment.style, limit: frame.size.width - 1 - x) }
            if let cursorX = line.cursorX { frame.cursor = Point(x: min(frame.size.width - 1, cursorX), y: y) }
        }
        if first > 0 { frame.put("↑", x: frame.size.width - 1, y: top, style: .muted) }
        if first + height < body.count { frame.put("↓", x: frame.size.width - 1, y: bottom, style: .muted) }
    }

    private static func footer(_ state: WizardState, _ frame: inout Frame) {
        let width = frame.size.width
        let y = frame.size.height - 2
        let focusedField = state.focusedField  // asked once: it walks the screen's stops
        if let running = state.running {
            // What runs, a spinner that moves while it does, the time so far, and how to stop it.
            let frames = state.ascii ? ["|", "/", "-", "\\"] : ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
            let spinner = frames[(running.elapsedMilliseconds / 100) % frames.count]
            let seconds = Double(running.elapsedMilliseconds / 100) / 10
            let line = "\(spinner) \(state.text(running.title)) (\(seconds) s)  \(state.text(UIText.escCancels))"
            frame.fill(x: 0, y: y, width: width, height: 1)
            frame.put(line, x: 1, y: y, style: .ok, limit: width - 2)
        } else if let status = state.status {
            // A long message (a path, a lock holder) takes the line above too rather than being cut.
            // A message naming a path may take up to four lines: a path is shown whole, never cut.
            let lines = TextWrap.lines(state.text(status.text), width: width - 2).prefix(4)
            for (i, line) in lines.enumerated() {
                let row = y - lines.count + 1 + i
                frame.fill(x: 0, y: row, width: width, height: 1)
                frame.put(line, x: 1, y: row, style: status.isError ? .error : .ok, limit: width - 2)
            }
        } else if let field = focusedField, let example = field.example {
            frame.put("\(state.text(UIText.example)): \(example)", x: 1, y: y, style: .muted, limit: width - 2)
        }
        let keys: String
        if state.screen.kind == .welcome {
            keys = state.text(UIText.keysWelcome)
        } else {
            let context = focusedField.flatMap { $0.widget.footerHint.map(state.text) }
            keys = formKeys(context: context, language: state.language, width: width - 2)
        }
        frame.fill(x: 0, y: frame.size.height - 1, width: width, height: 1, style: .reverse)
        frame.put(" " + keys, x: 0, y: frame.size.height - 1, style: .reverse, limit: width)
    }
}

/// The form's key line for a context hint, language and width: the same on nearly every frame,
/// so the last one is kept (fitting the hints was ~14,000 instructions a frame).
private struct FormKeysKey: Equatable, Sendable {
    let context: String?
    let language: Language
    let width: Int
}

private let lastFormKeys = KeptLast<FormKeysKey, String>()

func formKeys(context: String?, language: Language, width: Int) -> String {
    lastFormKeys.value(for: FormKeysKey(context: context, language: language, width: width)) {
        fitHints(context.map { [$0] } ?? [], UIText.keysForm.map { $0.text(in: language) }, width: width)
    }
}

/// The context hint, then as many of the general hints as fit, most important kept,
/// shown in their usual order.
func fitHints(_ context: [String], _ general: [String], width: Int) -> String {
    // Columns add up (a space between hints): measured once each, rather than building and
    // measuring the line for every count tried (twice a frame, ~9,000 instructions each).
    let order = UIText.keysFormDisplayOrder
    let contextWidth = context.reduce(0) { $0 + DisplayWidth.of($1) }
    let widths = general.map(DisplayWidth.of)
    func lineWidth(_ count: Int) -> Int {
        let chosen = order.filter { $0 < count }
        let parts = context.count + chosen.count
        return contextWidth + chosen.reduce(0) { $0 + widths[$1] } + max(0, parts - 1)
    }
    var kept = general.count
    while kept > 0, lineWidth(kept) > width { kept -= 1 }
    var text = ""
    var first = true
    // Appended by hand: the generic joined(separator:) resolved its associated types at run
    // time on the first frame (~430,000 instructions, callgrind).
    for part in context + order.filter({ $0 < kept }).map({ general[$0] }) {
        if !first { text += " " }
        text += part
        first = false
    }
    return text
}

/// One line of the scrolling body.
struct BodyLine {
    struct Segment {
        let text: String
        let style: Style
    }
    var indent = 2
    var segments: [Segment] = []
    /// The focus stop this line belongs to (for scrolling to it).
    var focus: Int?
    var cursorX: Int?
    var highlight: Style?

    init(_ text: String = "", style: Style = .plain, indent: Int = 2, focus: Int? = nil) {
        self.indent = indent
        segments = text.isEmpty ? [] : [Segment(text: text, style: style)]
        self.focus = focus
    }
}
