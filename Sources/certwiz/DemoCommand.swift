import ArgumentParser
import CertWizardCore
import Operations
import Issuers

/// `certwiz demo ...`: the trainer's controls for the embedded demo issuer.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: L("デモ発行元を操作する (訓練用)", "Drive the demo issuer (for training)"),
        subcommands: [DemoAdvanceCommand.self])

    @OptionGroup var global: GlobalOptions
}

/// `certwiz demo advance`: the demo issuer's next review step (approver replied, documents
/// received, payment received, phone call done, issued), or all of them with --all.
struct DemoAdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: L("デモの審査を 1 段階 (--all ですべて) 進める", "Advance the demo review one step (--all: to the end)"),
        discussion: L("""
            発行では CSR に本当に署名し、証明書を鍵と同じフォルダに <CN>.crt と <CN>.chain.crt として書き、発行のお知らせを $XDG_DATA_HOME/certwiz/outbox/ に .eml で置きます。
            終了コード: 0 進めた、1 進められない (未申請・完了済み)、2 下書きかデモ CA を読めない。
            """, """
            Issuance signs the CSR for real, writes <CN>.crt and <CN>.chain.crt beside the key, and puts the issuance notice in $XDG_DATA_HOME/certwiz/outbox/ as an .eml file.
            Exit codes: 0 advanced, 1 nothing to advance (not submitted, or complete), 2 the draft or the demo CA cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Flag(name: [.customLong("all"), .customLong("fast")], help: ArgumentHelp(L("発行まですべて進める (--fast も同じ)", "Advance through issuance (--fast is the same)")))
    var all = false
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    func run() throws {
        let day = today ?? CalendarDate.today()
        let home = DataHome.directory(environment: processEnvironment)
        let (file, loaded, lock) = try DraftLocator().openForEditing(draft)
        let fallback = DraftStore(environment: processEnvironment).keysDirectory(draft: file.name)
        let review = try AdvanceDemoReview(draft: loaded, all: all, today: day, dataHome: home, fallbackDirectory: fallback).runForCommand()
        var current = loaded
        for entry in review.entries {
            current = try EventsRecorded([entry], on: day, summary: review.summary).record(in: current)
            print(stepText(entry.event, current))
        }
        do { try file.save(current, holding: lock) } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
    }

    func stepText(_ step: DemoReview.Step, _ d: Draft) -> String {
        switch step {
        case .approverEmailSent:
            return L("承認者 \(d.domainCheck.approverEmail ?? "") に確認メールを送りました", "Approver e-mail sent to \(d.domainCheck.approverEmail ?? "")")
        case .issued:
            return L("発行しました: \(d.issuance.certificatePath ?? "")、中間証明書: \(d.issuance.chainPath ?? "")",
                     "Issued: \(d.issuance.certificatePath ?? ""), intermediate: \(d.issuance.chainPath ?? "")")
        default:
            return ReviewOrder.label(step).local
        }
    }
}
