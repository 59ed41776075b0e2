import ArgumentParser
import CertWizardCore
import Operations
import CertWizardPKI
import X509

/// `certwiz cert ...`: certificates in files or on servers.
struct CertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert", abstract: L("証明書を読む", "Read certificates"), subcommands: [CertShowCommand.self])

    @OptionGroup var global: GlobalOptions
}

/// `certwiz cert show FILE|host:port`: the chain and what is wrong with it; with --draft,
/// fills the draft's current certificate (for a renewal) and applies the renewal rules.
struct CertShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: L("証明書 (ファイルか稼働中のサーバ) を表示する", "Show a certificate, from a file or a running server"),
        discussion: L("""
            host:port (例 www.example.co.jp:443) ではサーバが送るチェーンを読みます (SNI 付き、TLS 1.2)。検証の失敗は表示するだけで、止まりません。
            終了コード: 0 読めた、2 読めない・接続できない。
            """, """
            With host:port (e.g. www.example.co.jp:443) the chain the server sends is read (with SNI, over TLS 1.2); failed checks are reported, not fatal.
            Exit codes: 0 read, 2 cannot read or connect.
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("証明書ファイル (PEM か DER) か host:port", "A certificate file (PEM or DER) or host:port"))) var source: String
    @Option(help: ArgumentHelp(L("現在の証明書として記録する下書き", "A draft to record it in as the current certificate"), valueName: "NAME|PATH"))
    var draft: String?
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
    @Flag(help: ArgumentHelp(L("JSON で出力する", "Print JSON for scripts"))) var json = false

    func run() throws {
        let day = today ?? CalendarDate.today()
        let read = try ReadCertificate(source: source, replacingCommonName: false).runForCommand()
        let chain = read.chain
        let hostname = read.hostname
        var report = CertificateReport(chain: chain, source: source, hostname: hostname, today: day)
        var findings = report.findings
        if let draft {
            let (file, loaded, lock) = try DraftLocator().openForEditing(draft)
            let updated = try read.record(in: loaded)
            do { try file.save(updated, holding: lock) } catch {
                Output.error(error.message.local)
                throw ExitCode(ExitStatus.failed)
            }
            findings += Validator.findings(for: updated, fields: ["csr.commonName", "currentCertificate.notBefore", "currentCertificate.notAfter"], today: day)
            report = CertificateReport(copying: report, findings: findings)
        }
        if json { Output.json(report); return }
        for (index, entry) in report.chain.enumerated() {
            print("[\(index)] \(entry.subject)")
            // Each value as it is (the line above escapes , + " for RFC 4514).
            for name in DistinguishedNameText.fieldOrder { if let value = entry.subjectFields[name] { print("    \(name): \(value)") } }
            print(L("    発行者: ", "    issuer: ") + entry.issuer)
            print(L("    有効期間: ", "    valid: ") + "\(entry.notBefore) – \(entry.notAfter)")
            if !entry.subjectAltNames.isEmpty { print("    SANs: " + entry.subjectAltNames.joined(separator: ", ")) }
            print(L("    鍵: ", "    key: ") + entry.keyType.uppercased() + (entry.keyBits.map { " \($0)" } ?? ""))
        }
        for finding in report.findings {
            print("\(FindingReport.severityLabel(finding.severity))  \(finding.code)  \(finding.message.local)")
        }
    }
}
