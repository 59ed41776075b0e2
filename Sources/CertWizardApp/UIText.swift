import CertWizardCore

/// The wizard's own words (buttons, hints, markers), in both languages.
enum UIText {
    static let yes = Localized("はい", "Yes")
    static let no = Localized("いいえ", "No")
    static let back = Localized("< 戻る", "< Back")
    static let next = Localized("次へ >", "Next >")
    static let example = Localized("例", "e.g.")
    static let working = Localized("実行中…", "Working…")
    static let escCancels = Localized("Esc で取り消し", "Esc cancels")
    static let unanswered = Localized("(未選択)", "(not chosen)")
    static let needsCommonName = Localized("(先にコモンネームを入力してください)", "(enter the Common Name first)")
    static let draftLabel = Localized("下書き", "draft")

    static func tooSmall(width: Int, height: Int) -> Localized {
        Localized("端末を 80x24 以上に広げてください (いま \(width)x\(height))",
                  "Enlarge the terminal to at least 80x24 (now \(width)x\(height))")
    }

    /// The form's keys, most important first: the footer drops from the end when space is short.
    static let keysForm: [Localized] = [
        Localized("PgDn:次へ", "PgDn:next"), Localized("F10:終了", "F10:quit"), Localized("Tab:次の項目", "Tab:next field"),
        Localized("PgUp:戻る", "PgUp:back"), Localized("F1:ヘルプ", "F1:help"), Localized("F2:一覧", "F2:steps"),
        Localized("^S:保存", "^S:save"),
    ]
    /// The order hints are shown in (by position in `keysForm`).
    static let keysFormDisplayOrder = [2, 0, 3, 4, 5, 6, 1]
    static let keysChoice = Localized("←→/Space:選択", "←→/Space:choose")
    static let keysYesNo = Localized("y/n:はい/いいえ", "y/n:yes/no")
    static let keysChecklist = Localized("↑↓:移動 Space:選択", "↑↓:move Space:toggle")
    static let keysDate = Localized("+/-:1日ずらす", "+/-:a day")
    static let keysLines = Localized("^X:全部消す", "^X:clear all")
    /// A paste or key that would take a field past its limit: nothing is changed.
    static func tooMuch(_ label: Localized, _ problem: Localized) -> Localized {
        Localized("「\(label.ja)」に入りきらないため入れませんでした: \(problem.ja)。入力済みの内容はそのままです",
                  "Not taken: \(label.en) holds \(problem.en); what was there is kept")
    }
    static let firstLineOnly = Localized("この欄は 1 行です。貼り付けの最初の行だけを入れました", "This field holds one line: only the paste's first line was taken")
    static let keysWelcome = Localized("↑↓:選択 Enter:決定 Tab:名前 F1:ヘルプ F10:終了",
                                       "↑↓:choose Enter:open Tab:name F1:help F10:quit")
    static let keysOverlay = Localized("何かキーを押すと閉じます", "Press any key to close")
    static let keysJump = Localized("↑↓:選択 Enter:移動 Esc:閉じる", "↑↓:choose Enter:go Esc:close")

    static let quitTitle = Localized("終了しますか?", "Quit certwiz?")
    static let quitBody = Localized("下書きは保存済みです。次回はここから再開できます。", "The draft is saved; next time you resume here.")
    static let quitKeys = Localized("y:終了する  n/Esc:続ける", "y:quit  n/Esc:stay")
    static let jumpTitle = Localized("手順の一覧 (F2)", "Steps (F2)")

    static let welcomeResume = Localized("続きから再開する", "Resume a draft")
    static let welcomeStart = Localized("新しく始める", "Start a new one")
    static let welcomeNewName = Localized("新しい下書きの名前", "New draft's name")
    static let welcomeNoDrafts = Localized("(下書きはまだありません)", "(no drafts yet)")
    static func start(_ type: ApplicationType) -> Localized {
        switch type {
        case .new: return Localized("新規申請", "New application")
        case .renewal: return Localized("更新", "Renewal")
        case .reissue: return Localized("再発行", "Reissue")
        }
    }

    static let helpKeys = Localized("""
        Tab / ↓ 次の項目、Shift-Tab / ↑ 前の項目、Enter 次の項目 (ボタン上では実行)
        PgDn 次の画面 (エラーがあると進めません)、PgUp / Esc 前の画面
        F1 / ? この項目のヘルプ、F2 手順の一覧、Ctrl-S 保存 (入力のたびに自動保存)
        Ctrl-U / Ctrl-K 行頭・行末まで削除、Home / End 行頭・行末、F10 / Ctrl-C 終了
        """, """
        Tab / ↓ next field, Shift-Tab / ↑ previous field, Enter next field (on a button: press it)
        PgDn next screen (refused while this one has errors), PgUp / Esc previous screen
        F1 / ? help for this field, F2 list of steps, Ctrl-S save (every edit is saved anyway)
        Ctrl-U / Ctrl-K delete to start / end, Home / End move to start / end, F10 / Ctrl-C quit
        """)

    static func stateMark(_ state: StatusReport.State, ascii: Bool) -> (String, Localized) {
        switch state {
        case .done: return (ascii ? "[x]" : "✓", Localized("完了", "done"))
        case .notNeeded: return (ascii ? "[x]" : "✓", Localized("不要", "not needed"))
        case .toDo: return (ascii ? "[ ]" : "•", Localized("あなたの番", "your move"))
        case .waiting(let on): return (ascii ? "[~]" : "…", Localized("\(on.label.ja)待ち", "waiting on \(on.label.en)"))
        case .blocked(let why): return (ascii ? "[-]" : "×", Localized("保留: \(why.ja)", "blocked: \(why.en)"))
        }
    }

    /// "2026-11-25 (見込み)" / "2026-11-25 (expected)": a step's date and what it means.
    static func stepDate(_ line: StatusReport.StepLine) -> Localized? {
        guard let date = line.date else { return nil }
        switch line.dateKind ?? .happened {
        case .happened: return Localized("\(date)", "\(date)")
        case .expected: return Localized("\(date) 見込み", "expected \(date)")
        case .due: return Localized("\(date) 期限", "due \(date)")
        case .reminder: return Localized("\(date) 催促", "remind \(date)")
        }
    }

    /// Whether a step's details are worth showing: the steps that are still open.
    static func showsDetails(_ line: StatusReport.StepLine) -> Bool {
        switch line.state {
        case .done, .notNeeded: return false
        case .blocked: return line.step == .issuance
        case .toDo, .waiting: return true
        }
    }
}
