import ArgumentParser
import CertWizardCore
import CertWizardPKI
import Operations

/// `certwiz import FILE|-`: 5-1, the issued certificate received from the issuer's mail or files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: L("発行された証明書を受け取る (通知メール、PEM、DER、PKCS#7)", "Receive the issued certificate (notice mail, PEM, DER, PKCS#7)"),
        discussion: L("""
            発行通知メール (.eml、本文か添付の証明書)、貼り付けたメール本文、PEM / DER / PKCS#7 (.p7b) を読みます。サーバ証明書と中間 CA 証明書を見つけてサーバ証明書から順に並べ、下書きの鍵と CSR の名前に合うことを確かめ、鍵の隣に NAME.crt と NAME.chain.crt として書き、発行を記録します (certwiz record issued と同じ)。
            チェーンの問題 (中間 CA 証明書の不足、信頼できないルート) は表示します。インストールはそれを直すまで断ります。
            例: certwiz import notice.eml
                cat www.example.co.jp.p7b | certwiz import -
            終了コード: 0 受け取った (受け取り済みを含む)、1 断った (別の鍵・名前が違う・未申請)、2 読めない。
            """, """
            Reads the issuance notice (.eml, the certificate in the body or attached), a pasted mail text, or PEM / DER / PKCS#7 (.p7b). Finds the server certificate and the intermediates, puts them leaf first, checks them against the draft's key and the CSR's names, writes NAME.crt and NAME.chain.crt beside the key and records the issuance (as certwiz record issued does).
            Problems with the chain (a missing intermediate, an untrusted root) are shown; installing refuses until they are fixed.
            For example: certwiz import notice.eml
                         cat www.example.co.jp.p7b | certwiz import -
            Exit codes: 0 received (or received already), 1 refused (another key, other names, not submitted), 2 cannot read.
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("通知メールか証明書のファイル (- で標準入力)", "The notice mail or certificate file (- for standard input)"), valueName: "FILE|-"))
    var file: String
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @OptionGroup var trust: TrustAnchorOptions
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    func run() throws {
        let day = today ?? CalendarDate.today()
        let input = try InputBytes.read(file)
        let anchors = try trust.anchors()
        let (draftFile, loaded, lock) = try DraftLocator().openForEditing(draft)
        let fallback = DraftStore(environment: processEnvironment).keysDirectory(draft: draftFile.name)
        let imported = try ImportCertificate(input: input, source: file == "-" ? L("標準入力", "standard input") : file, draft: loaded, today: day,
                                             anchors: anchors, fallbackDirectory: fallback).runForCommand()
        let current = try imported.record(in: loaded)
        if current != loaded {
            do { try draftFile.save(current, holding: lock) } catch {
                Output.error(error.message.local)
                throw ExitCode(ExitStatus.failed)
            }
        }
        print(imported.summary.local)
        for problem in imported.problems { print(L("注意", "warning") + "  \(problem.code)  \(problem.message.local)") }
        print(L("次にすること: ", "Next: ") + StatusReport(draft: current, today: day).nextAction.local)
    }
}
