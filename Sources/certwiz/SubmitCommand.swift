import ArgumentParser
import CertWizardCore
import CertWizardPKI
import Operations
import Issuers

/// `certwiz submit`: validates the draft, refuses with the findings if there is any error, and
/// otherwise submits it to the draft's issuer (the demo issuer by default), recording the order.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: L("申請する (先に検査し、エラーがあれば申請しません)", "Submit the application (validated first; refused while there are errors)"),
        discussion: L("終了コード: 0 申請した、1 エラーがある・申請済み、2 下書きを読めない。",
                      "Exit codes: 0 submitted, 1 the draft has errors or was submitted already, 2 the draft cannot be read."))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
    @OptionGroup var http01: HTTP01Options
    @OptionGroup var trust: TrustAnchorOptions
    @Flag(name: .customLong("continue"), help: ArgumentHelp(L("ACME dns-01: TXT レコードを作ったので注文を続ける", "ACME dns-01: the TXT records are there; go on with the order")))
    var continueOrder = false

    func run() throws {
        let day = today ?? CalendarDate.today()
        let (file, loaded, lock) = try DraftLocator().openForEditing(draft)
        let findings = continueOrder ? [] : DraftCheck.findings(for: loaded, today: day)
        let errors = findings.filter { $0.severity == .error }
        guard errors.isEmpty else {
            print(FindingReport(findings: errors, draftPath: file.path, step: ProcedureStep.current(for: loaded, findings: findings)).text)
            Output.error(L("エラーがあるため申請しませんでした", "not submitted: the draft has errors"))
            throw ExitCode(ExitStatus.failed)
        }
        if loaded.order.issuer == "acme" {
            let responder = http01.responder(for: loaded)
            let store = ACMEAccountStore(dataHome: DataHome.directory(environment: processEnvironment))
            let fallback = DraftStore(environment: processEnvironment).keysDirectory(draft: file.name)
            let ordered = try SubmitACMEOrder(draft: loaded, today: day, responder: responder, trustPEM: try (trust.caFile ?? loaded.acme.caFile).map { try InputBytes.read($0) },
                                              store: store, fallbackDirectory: fallback, continuing: continueOrder).runForCommand()
            let recorded = try ordered.record(in: loaded)
            do { try file.save(recorded, holding: lock) } catch {
                Output.error(error.message.local)
                throw ExitCode(ExitStatus.failed)
            }
            print(ordered.summary.local)
            if !ordered.dnsRecords.isEmpty { return }  // waiting for the applicant's DNS records
            if ordered.certificatePath == nil { throw ExitCode(ExitStatus.failed) }
            print(L("次にすること: ", "Next: ") + StatusReport(draft: recorded, today: day).nextAction.local)
            return
        }
        let submitted = try SubmitApplication(draft: loaded, today: day).runForCommand()
        let recorded = try submitted.record(in: loaded)
        do { try file.save(recorded, holding: lock) } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
        let issuerName = (try? Issuers.issuer(for: recorded).name) ?? Localized(submitted.issuer, submitted.issuer)
        print(L("申請しました (\(issuerName.ja))", "Submitted (\(issuerName.en))"))
        print(L("注文番号: ", "Order number: ") + submitted.orderNumber)
        print(submitted.instructions.local)
        if let planned = recorded.payment.plannedDate { print(L("振込予定日: ", "Planned transfer date: ") + planned.iso8601) }
    }
}
