import ArgumentParser
import CertWizardApp
import CertWizardCore
import Operations
import CertWizardPKI
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

extension ApplicationEvent: ExpressibleByArgument {}
extension DocumentDelivery: ExpressibleByArgument {}

/// `certwiz record EVENT`: the manual path's log. The applicant records each event as it
/// happens (the order number, the approver's reply, the payment, the certificate ...); each
/// sets the draft's fields and is appended to its timeline.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: L("申請の出来事を日付つきで記録する (サイトで申請する発行元向け)", "Record an event of the application with its date (for issuers that take applications on their web site)"),
        discussion: L("""
            出来事:
            \(ApplicationEvent.allCases.map { "  \($0.rawValue): \($0.summary.ja)" }.joined(separator: "\n"))
            例: certwiz record submitted --order 12345678 --amount 88000
                certwiz record issued --certificate www.example.co.jp.crt --chain chain.crt
            終了コード: 0 記録した、1 記録できない (未申請・記録済み・鍵が違う証明書)、2 下書きかファイルを読めない。
            """, """
            Events:
            \(ApplicationEvent.allCases.map { "  \($0.rawValue): \($0.summary.en)" }.joined(separator: "\n"))
            For example: certwiz record submitted --order 12345678 --amount 88000
                         certwiz record issued --certificate www.example.co.jp.crt --chain chain.crt
            Exit codes: 0 recorded, 1 refused (not submitted, recorded already, a certificate for another key), 2 the draft or a file cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("出来事 (下の一覧)", "The event (listed below)"), valueName: "EVENT")) var event: ApplicationEvent
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Option(help: ArgumentHelp(L("出来事の日付 (既定: 今日)", "When it happened (default: today)"), valueName: "YYYY-MM-DD")) var date: CalendarDate?
    @Option(help: ArgumentHelp(L("注文番号 (submitted)", "The order number (submitted)"), valueName: "NUMBER")) var order: String?
    @Option(help: ArgumentHelp(L("金額、税込の円 (submitted)", "The amount in yen, tax included (submitted)"), valueName: "YEN")) var amount: Int?
    @Option(help: ArgumentHelp(L("承認者のアドレス (approver-email-sent)", "The approver's address (approver-email-sent)"), valueName: "ADDRESS")) var to: String?
    @Option(help: ArgumentHelp(L("求められた書類、カンマ区切り (documents-requested)", "The documents asked for, comma-separated (documents-requested)"), valueName: "LIST")) var items: String?
    @Option(help: ArgumentHelp(L("送付方法 (documents-sent)", "How they were sent (documents-sent)"), valueName: "upload|fax|email")) var via: DocumentDelivery?
    @Option(help: ArgumentHelp(L("発行された証明書のファイル (issued)", "The issued certificate's file (issued)"), valueName: "FILE")) var certificate: String?
    @Option(help: ArgumentHelp(L("中間 CA 証明書のファイル (issued)", "The intermediate CA certificate's file (issued)"), valueName: "FILE")) var chain: String?
    @Option(help: ArgumentHelp(L("メモ (タイムラインに残る)", "A note kept in the timeline"), valueName: "TEXT")) var note: String?

    func validate() throws {
        if let to, let problem = EmailAddress.problem(to) {
            throw ValidationError("--to: " + problem.local)
        }
        if let amount, amount < 0 { throw ValidationError(L("--amount は 0 以上です", "--amount cannot be negative")) }
    }

    func run() throws {
        let day = date ?? CalendarDate.today()
        let (file, loaded, lock) = try DraftLocator().openForEditing(draft)
        let details = ApplicationEvent.Details(orderNumber: order, amount: amount, approverAddress: to,
                                               documentItems: items.map { $0.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } },
                                               delivery: via, note: note)
        if event == .issued, certificate == nil {
            Output.note(L("証明書のファイルは --certificate で記録できます", "the certificate's file can be recorded with --certificate"))
        }
        let recorded = try RecordEvent(event, details: details, on: day, draft: loaded,
                                       certificatePath: certificate.map(absolute), chainPath: chain.map(absolute)).runForCommand()
        let current = try recorded.record(in: loaded)
        do { try file.save(current, holding: lock) } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
        print(recorded.summary.local)
        let report = StatusReport(draft: current, today: CalendarDate.today())
        print(L("次にすること: ", "Next: ") + report.nextAction.local)
    }

    /// Paths are recorded absolute, so the draft works from any folder.
    private func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
    }
}
