import CertWizardCore
import TerminalUI

/// Boxes drawn over the form: field help, the jump list, the quit question.
enum OverlayView {
    static func draw(_ overlay: Overlay, state: WizardState, into frame: inout Frame, boxes: BoxCharacters) {
        let width = min(frame.size.width - 8, 72)
        var title = ""
        var lines: [(String, Style)] = []
        var keys = state.text(UIText.keysOverlay)
        /// The line and column (inside the box) where the cursor goes, for a box that is typed into.
        var cursorRow: (line: Int, column: Int)?
        switch overlay {
        case .help:
            if let field = state.focusedField {
                title = state.text(field.label)
                lines = TextWrap.lines(state.text(field.help), width: width - 4).map { ($0, .plain) }
                if let example = field.example { lines += [("", .plain), ("\(state.text(UIText.example)): \(example)", .muted)] }
                for finding in state.findings where finding.field == field.path {
                    lines.append(("", .plain))
                    lines += TextWrap.lines("[\(finding.code)] " + state.text(finding.message), width: width - 4)
                        .map { ($0, finding.severity == .error ? .error : .warning) }
                }
            } else {
                title = state.screen.heading(in: state.language)
                lines = TextWrap.lines(state.text(state.screen.guidance), width: width - 4).map { ($0, .plain) }
            }
            lines.append(("", .plain))
            lines += TextWrap.lines(state.text(UIText.helpKeys), width: width - 4).map { ($0, .muted) }
        case .confirmQuit:
            title = state.text(UIText.quitTitle)
            lines = TextWrap.lines(state.text(UIText.quitBody), width: width - 4).map { ($0, .plain) }
            keys = state.text(UIText.quitKeys)
        case .confirmNewKey(let oldKey):
            title = state.text(Localized("新しい鍵を作りますか", "Make a new key?"))
            let body = Localized(
                "この下書きには鍵があります:\n\(oldKey)\n新しい鍵と CSR を作ると、下書きは新しい鍵を使います。古い鍵はそのまま残り、上書きも削除もされません。",
                "This draft has a key already:\n\(oldKey)\nA new key and CSR make the draft use the new key. The old key stays on disk: it is neither overwritten nor deleted.")
            lines = TextWrap.lines(state.text(body), width: width - 4).map { ($0, .plain) }
            keys = state.text(Localized("y: 新しい鍵を作る  ほかのキー: やめる", "y: make a new key  any other key: keep the key"))
        case .confirmInstall(let diff):
            title = state.text(Localized("サーバに入れて再読み込みしますか", "Install and reload the server?"))
            lines = diff.map { line in
                let style: Style = line.hasPrefix("+") ? .accent : line.hasPrefix("-") ? .error : line.hasPrefix("$") ? .plain : .muted
                return (line, style)
            }
            keys = state.text(Localized("y: 変更して再読み込み (失敗したら元に戻す)  ほかのキー: 何も変えない", "y: change and reload (undone if it fails)  any other key: change nothing"))
        case .registerAccount(let form):
            title = state.text(Localized("ACME アカウントを登録", "Register the ACME account"))
            lines = TextWrap.lines(state.text(Localized(
                "CA のポータルにある EAB の鍵 ID と HMAC 鍵を入れます。HMAC 鍵は登録に一度使うだけで、下書きにも画面にも残りません。",
                "Enter the EAB key id and HMAC key from the CA's portal. The HMAC key is used once to register and kept neither in the draft nor on the screen.")),
                width: width - 4).map { ($0, .plain) }
            lines.append((state.text(Localized("ディレクトリ: ", "Directory: ")) + (state.draft.acme.directory ?? ""), .muted))
            lines.append(("", .plain))
            let labelWidth = 16
            let inputWidth = width - 4 - labelWidth - 2
            for row in form.rows(width: inputWidth) {
                let label = state.text(row.label)
                let pad = String.repeated(" ", count: max(1, labelWidth - DisplayWidth.of(label)))
                lines.append((label + pad + "[" + row.shown, row.focused ? .reverse : .plain))
                if row.focused { cursorRow = (lines.count - 1, labelWidth + 1 + row.cursorColumn) }
            }
            if let problem = form.problem {
                lines.append(("", .plain))
                lines += TextWrap.lines(state.text(problem), width: width - 4).map { ($0, .error) }
            }
            keys = state.text(Localized("Tab: 次の欄  Enter: 次へ (最後の欄で登録)  Esc: やめる", "Tab: next line  Enter: next (registers on the last line)  Esc: cancel"))
        case .jumpList(let selected):
            title = state.text(UIText.jumpTitle)
            for (i, spec) in state.screens.enumerated() {
                // A step nothing has been answered on yet is not "complete", whatever its rules say.
                let untouched = !spec.visibleFields(for: state.draft).contains { state.value($0.path) != nil }
                let mark = spec.kind == .status ? " " : untouched ? "·" : state.isComplete(spec) ? "✓" : "✗"
                let current = spec.id == state.screenID ? " ◀" : ""
                lines.append(("\(i == selected ? "▶" : " ") \(mark) \(spec.heading(in: state.language))\(current)", i == selected ? .reverse : .plain))
            }
            keys = state.text(UIText.keysJump)
        }
        let maxBody = frame.size.height - 6
        if lines.count > maxBody { lines = Array(lines.prefix(maxBody - 1)) + [("…", .muted)] }
        let height = lines.count + 4
        let x = (frame.size.width - width) / 2
        let y = max(1, (frame.size.height - height) / 2)
        frame.fill(x: x, y: y, width: width, height: height)
        frame.box(x: x, y: y, width: width, height: height, style: .accent, chars: boxes)
        frame.put(" \(title) ", x: x + 2, y: y, style: .accent, limit: width - 4)
        for (i, line) in lines.enumerated() { frame.put(line.0, x: x + 2, y: y + 1 + i, style: line.1, limit: width - 4) }
        frame.put(keys, x: x + 2, y: y + height - 2, style: .muted, limit: width - 4)
        frame.cursor = cursorRow.flatMap { $0.line < lines.count ? Point(x: x + 2 + $0.column, y: y + 1 + $0.line) : nil }
    }
}
