import ArgumentParser
import CertWizardCore
import Operations
import CertWizardPKI

extension ReissueReason: ExpressibleByArgument {}

/// `certwiz reissue`: starts a reissue application from an issued draft: says whether it is free
/// (within 25 days of the first issuance) or charged, records the reason, and makes a new key and CSR.
struct ReissueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reissue",
        abstract: L("発行済みの下書きから再発行の申請を始める (新しい鍵と CSR)", "Start a reissue from an issued draft (a new key and CSR)"),
        discussion: L("""
            理由: keyLost (秘密鍵の紛失・破損)、serverChange (サーバの変更)、commonNameChange (CN の変更)、organizationChange (組織名などの変更)。
            初回発行から 25 日以内の連絡なら無償、それ以降は新規と同じ料金です。CN・組織の変更では、新しい下書きの識別名を直してから certwiz csr new で鍵を作ります。
            終了コード: 0 作成した、1 まだ発行されていない・同名の下書きがある、2 下書きか証明書を読めない。
            """, """
            Reasons: keyLost (the private key is lost or damaged), serverChange, commonNameChange, organizationChange.
            Free when the issuer is contacted within 25 days of the first issuance; charged as a new certificate after that. For a CN or organization change, edit the new draft's subject first, then make the key with certwiz csr new.
            Exit codes: 0 created, 1 not issued yet or the new draft exists, 2 the draft or its certificate cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("発行済みの下書きの名前かパス", "The issued draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Option(help: ArgumentHelp(L("再発行の理由", "Why the certificate is reissued"), valueName: "keyLost|serverChange|commonNameChange|organizationChange"))
    var reason: ReissueReason
    @Option(help: ArgumentHelp(L("新しい下書きの名前 (既定: 元の名前-reissue-日付)", "The new draft's name (default: NAME-reissue-DATE)"), valueName: "NAME"))
    var name: String?
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    func run() throws {
        let day = today ?? CalendarDate.today()
        let locator = DraftLocator()
        let (sourceFile, source) = try locator.read(draft)
        guard let issuedOn = source.issuance.issuedOn, let certificatePath = source.issuance.certificatePath else {
            Output.error(L("\(sourceFile.name) はまだ発行されていません。再発行は発行済みの下書きから始めます",
                           "\(sourceFile.name) has not been issued: a reissue starts from an issued draft"))
            throw ExitCode(ExitStatus.failed)
        }
        let read = try ReadCertificate(source: certificatePath, replacingCommonName: false).runForCommand()
        let current = read.leaf.certificate
        var reissue = source.reissue(reason: reason, certificate: current, today: day, sourceName: sourceFile.name)
        let terms = ReissueTerms(originalIssuedOn: issuedOn, today: day)

        let newName = name ?? "\(sourceFile.name)-reissue-\(day)"
        let store = locator.store
        // A new key, unless the subject has to change first (CN or organization).
        var keyNote: String
        if !ReissueTerms.changesSubject(reason), let subject = SubjectFields(draft: reissue), let keyType = reissue.csr.keyType {
            let made = try MakeKeyAndCSR(subject: subject, keyType: keyType, directory: store.keysDirectory(draft: newName), today: day).runForCommand()
            reissue = try made.record(in: reissue)
            keyNote = L("新しい鍵: \(made.keyPath) (0600)、CSR: \(made.csrPath)", "New key: \(made.keyPath) (0600), CSR: \(made.csrPath)")
        } else {
            keyNote = L("識別名 (CN・O) を直してから certwiz csr new --draft \(newName) で鍵と CSR を作ってください",
                        "Edit the subject (CN, O) first, then make the key and CSR with certwiz csr new --draft \(newName)")
        }
        do {
            _ = try store.create(newName, reissue)
        } catch {
            Output.error(error.message.local)
            throw ExitCode(error.isUnreadable ? ExitStatus.unreadable : ExitStatus.failed)
        }
        print(L("再発行の下書き \(newName) を作りました (理由: \(reason.name.ja))",
                "Created the reissue draft \(newName) (reason: \(reason.name.en))"))
        print(terms.summary.local)
        if terms.handledOn != day {
            print(L("今日は営業日ではありません。依頼は \(terms.handledOn) に扱われます (営業日 10:00〜18:00)",
                    "Today is not a business day: the request is handled on \(terms.handledOn) (business days 10:00-18:00)"))
        }
        print(keyNote)
        print(L("次: certwiz --draft \(newName) で内容を確かめ、申請してください", "Next: check it with certwiz --draft \(newName), then submit"))
    }
}
