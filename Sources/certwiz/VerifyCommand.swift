import ArgumentParser
import CertWizardCore
import CertWizardPKI
import Operations

/// `certwiz verify HOST[:PORT]`: 5-2's check of the live server, for people, cron and monitoring.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: L("稼働中のサーバが送る証明書とチェーンを確かめる", "Check the certificate and chain a live server sends"),
        discussion: L("""
            本物の TLS ハンドシェイク (TLS 1.2 と 1.3) で、サーバが送る証明書とチェーンを確かめます: 下書きの証明書か (--draft)、チェーンが揃って正しい順か、信頼できるルートまで検証できるか、名前、残り日数、プロトコル。
            --draft の証明書が正しく送られていれば、インストール (5-2) を記録します。
            終了コード (監視プラグインと同じ): 0 問題なし、1 残り --warn-days 日未満、2 違う証明書・チェーンの不備・期限切れ、3 接続できない。
            例 (cron): certwiz verify www.example.co.jp --warn-days 30 || mail -s 証明書 admin@example.co.jp
            """, """
            Makes a real TLS handshake (TLS 1.2 and 1.3) and checks what the server sends: the draft's certificate (--draft), the chain complete and in order, verifying up to a trusted root, the name, the days left, the protocol.
            When the draft's certificate is served correctly, the installation (5-2) is recorded.
            Exit codes (as monitoring plugins use them): 0 ok, 1 fewer than --warn-days days left, 2 a wrong certificate, a broken chain or expired, 3 cannot connect.
            For cron: certwiz verify www.example.co.jp --warn-days 30 || mail -s certificate admin@example.co.jp
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("サーバ (ポートの既定は 443)", "The server (port 443 unless given)"), valueName: "HOST[:PORT]")) var address: String
    @Option(help: ArgumentHelp(L("SNI で名乗る名前 (既定: HOST)", "The name sent in SNI (default: HOST)"), valueName: "NAME")) var servername: String?
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @OptionGroup var trust: TrustAnchorOptions
    @Option(name: .customLong("warn-days"), help: ArgumentHelp(L("残りがこの日数未満なら終了コード 1", "Exit 1 when fewer days than this are left"), valueName: "N"))
    var warnDays: Int = 30
    @Flag(help: ArgumentHelp(L("JSON で出力する", "Print JSON for scripts"))) var json = false

    func validate() throws {
        guard HostPort(address) != nil else { throw ValidationError(L("HOST[:PORT] の形で指定してください: \(address)", "give HOST[:PORT]: \(address)")) }
        if warnDays < 0 { throw ValidationError(L("--warn-days は 0 以上です", "--warn-days cannot be negative")) }
    }

    func run() throws {
        let target = HostPort(address)!
        let anchors = try trust.anchors()
        var opened: (file: DraftFile, draft: Draft, lock: DraftLock)?
        if let draft { opened = try DraftLocator().openForEditing(draft) }
        let name = servername ?? (opened?.draft.csr.commonName.flatMap { target.isAddress ? $0 : nil } ?? target.host)
        let check = try VerifyServer(host: target.host, port: target.port, serverName: name, draft: opened?.draft, anchors: anchors,
                                     warnDays: warnDays, today: CalendarDate.today()).runForCommand()
        if let opened {
            var updated = opened.draft
            do { updated = try check.applied(to: opened.draft) } catch {
                Output.note(L("インストールを下書きに記録できません: ", "could not record the installation in the draft: ") + error.message.local)
            }
            if updated != opened.draft { opened.file.saveRecording(updated, holding: opened.lock) }
        }
        if json {
            Output.json(check)
        } else {
            print(check.summary.local)
            if let version = check.protocolVersion { print(L("  プロトコル: ", "  protocol: ") + version) }
            for (index, subject) in check.sent.enumerated() { print("  [\(index)] \(subject)") }
            if let mine = check.isDraftCertificate { print(L("  下書きの証明書: ", "  the draft's certificate: ") + (mine ? L("はい", "yes") : L("いいえ", "no"))) }
            for problem in check.problems { print("  \(problem.code)  \(problem.message.local)") }
        }
        if check.verdict != .ok { throw ExitCode(check.verdict.exitCode) }
    }
}
