import ArgumentParser
import CertWizardApp
import CertWizardCore
import Operations

/// `certwiz status`: where the application stands, step by step, with dates and what to do next.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: L("申請の進み具合: 各手順の状態、日付、次にすること", "Where the application stands: each step's state, dates, and what to do next"),
        discussion: L("""
            状態: done (完了)、not-needed (不要)、to-do (あなたの番)、waiting (誰かを待っている: waitingOn)、blocked (まだ始められない)。
            日付は営業日 (土日祝・12/29〜1/3 を除く) で数えます。
            終了コード: 0 表示した、2 下書きを読めない。
            """, """
            States: done, not-needed, to-do (your move), waiting (on someone: waitingOn), blocked (cannot start yet).
            Dates count business days (not weekends, Japanese holidays or 12/29-1/3).
            Exit codes: 0 shown, 2 the draft cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かパス (既定: 最後に変更した下書き)", "A draft's name or path (default: the most recently changed draft)"), valueName: "NAME|PATH"))
    var draft: String?
    @Flag(help: ArgumentHelp(L("JSON で出力する", "Print JSON"))) var json = false
    @Flag(help: ArgumentHelp(L("記号を ASCII で表す", "Use ASCII marks"))) var ascii = false
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
    @Flag(help: ArgumentHelp(L("ACME: 注文の状態を CA に尋ねる", "ACME: ask the CA for the order's real state"))) var refresh = false
    @OptionGroup var trust: TrustAnchorOptions

    func run() throws {
        let day = today ?? CalendarDate.today()
        var (file, loaded) = try DraftLocator().read(draft)
        var acme: ReadACMEOrder.OrderState?
        if refresh, loaded.order.issuer == "acme" {
            let (_, current, lock) = try DraftLocator().openForEditing(file.path)
            let state = try ReadACMEOrder(draft: current, trustPEM: try (trust.caFile ?? current.acme.caFile).map { try InputBytes.read($0) },
                                          store: ACMEAccountStore(dataHome: DataHome.directory(environment: processEnvironment))).runForCommand()
            loaded = try state.record(in: current)
            file.saveRecording(loaded, holding: lock)
            lock.release()
            acme = state
        }
        let report = StatusReport(draft: loaded, today: day)
        if json {
            Output.json(StatusJSON(draft: file.path, today: day, loaded, report, acme: acme))
            return
        }
        var heading = "\(L("下書き", "Draft")): \(file.path)"
        if let number = loaded.order.orderNumber { heading += "  " + L("注文番号 \(number)", "order \(number)") }
        print(heading)
        print(StatusText.lines(report, language: cliLanguage, ascii: ascii).joined(separator: "\n"))
        if loaded.order.issuer == "acme" {
            // The CA's side: what ACME shows, beside the steps the CA does once (pre-validation, the phone call).
            print("")
            print(L("ACME の注文: ", "ACME order: ") + (acme?.status ?? loaded.acme.orderStatus ?? L("まだありません", "none yet")) + (loaded.acme.orderURL.map { "  \($0)" } ?? ""))
            for authorization in acme?.authorizations ?? [] {
                print("  \(authorization.name): \(authorization.status)  (\(authorization.challenges.joined(separator: ", ")))")
            }
            if let acme { print(L("次にすること: ", "Next: ") + acme.next.local) }
            print(L("組織の事前審査と電話確認は CA のポータルで一度行います (ACME の注文には含まれません)。",
                    "The organization pre-validation and the phone call happen once at the CA's portal (not part of an ACME order)."))
        }
    }
}

/// `certwiz status --json`: stable names for scripts; texts in both languages.
struct StatusJSON: Encodable {
    struct Step: Encodable {
        let step: String
        let number: String
        let state: String
        let waitingOn: String?
        let blockedBecause: Localized?
        let date: CalendarDate?
        let dateKind: String?
        let details: [Localized]
        let action: Localized?
    }
    struct KeyDate: Encodable {
        let id: String
        let date: CalendarDate
        let daysLeft: Int
        let label: Localized
        let text: Localized
    }
    let draft: String
    let today: CalendarDate
    let applicationType: ApplicationType?
    let issuer: String
    let orderNumber: String?
    let steps: [Step]
    let next: Localized
    let dates: [KeyDate]
    let timeline: [TimelineEvent]
    let acme: ReadACMEOrder.OrderState?

    init(draft path: String, today: CalendarDate, _ draft: Draft, _ report: StatusReport, acme: ReadACMEOrder.OrderState? = nil) {
        self.acme = acme
        self.draft = path
        self.today = today
        applicationType = draft.applicationType
        issuer = draft.order.issuer ?? "demo"
        orderNumber = draft.order.orderNumber
        steps = report.steps.map { line in
            var waitingOn: String?
            var because: Localized?
            switch line.state {
            case .waiting(let party): waitingOn = party.rawValue
            case .blocked(let why): because = why
            default: break
            }
            return Step(step: line.step.rawValue, number: line.step.number, state: line.state.code, waitingOn: waitingOn,
                        blockedBecause: because, date: line.date, dateKind: line.dateKind?.rawValue, details: line.details, action: line.action)
        }
        next = report.nextAction
        dates = report.dates.map { KeyDate(id: $0.id, date: $0.date, daysLeft: $0.daysLeft, label: $0.label, text: $0.value) }
        timeline = draft.timeline
    }
}
