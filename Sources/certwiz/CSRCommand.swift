import ArgumentParser
import CertWizardCore
import CertWizardPKI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `certwiz csr ...`: keys and CSRs made on this server.
struct CSRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csr",
        abstract: L("鍵と CSR をこのサーバで作る", "Make keys and CSRs on this server"),
        subcommands: [CSRNewCommand.self])

    @OptionGroup var global: GlobalOptions
}

extension KeyType: ExpressibleByArgument {}

/// `certwiz csr new`: a new key (PKCS#8, 0600, never over an existing file) and its CSR,
/// from a draft or from the subject given as options.
struct CSRNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: L("新しい鍵と CSR を作る", "Make a new key and CSR"),
        discussion: L("""
            --draft では下書きの CSR 欄から作り、鍵のパスと公開鍵のフィンガープリントと CSR を下書きに記録します (鍵そのものは記録しません)。
            --cn などで指定するときは --out が必要です。既存の鍵は上書きせず、新しい鍵には日付付きの名前を付けます。
            終了コード: 0 作成した、1 識別名にエラーがある・作れなかった、2 下書きを読めない。
            """, """
            With --draft the subject comes from the draft's CSR fields, and the key's path, its public-key fingerprint and the CSR are recorded in the draft (never the key itself).
            With --cn and the other subject options, --out is required. An existing key is never overwritten: a new key gets a dated name beside it.
            Exit codes: 0 made, 1 the subject has errors or the files could not be written, 2 the draft cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Option(help: ArgumentHelp(L("コモンネーム (FQDN)", "Common Name (FQDN)"))) var cn: String?
    @Option(help: ArgumentHelp(L("組織名 (英語、法人格を含む)", "Organization (English, legal form included)"))) var o: String?
    @Option(help: ArgumentHelp(L("部署名 (非推奨)", "Organizational unit (deprecated)"))) var ou: String?
    @Option(help: ArgumentHelp(L("市区町村", "Locality"))) var l: String?
    @Option(help: ArgumentHelp(L("都道府県", "State or prefecture"))) var st: String?
    @Option(help: ArgumentHelp(L("国コード (JP)", "Country code (JP)"))) var c: String?
    @Option(help: ArgumentHelp(L("サブジェクト代替名 (繰り返し可)", "Subject alternative name (repeatable)"))) var san: [String] = []
    @Option(name: .customLong("key-type"), help: ArgumentHelp(L("鍵の種類 (既定: 下書きの値か rsa2048)", "Key type (default: the draft's, or rsa2048)")))
    var keyType: KeyType?
    @Option(help: ArgumentHelp(L("鍵と CSR を書くフォルダ", "Folder for the key and CSR"), valueName: "DIR")) var out: String?
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
    @Flag(help: ArgumentHelp(L("JSON で出力する", "Print JSON for scripts"))) var json = false

    func validate() throws {
        if draft == nil && cn == nil { throw ValidationError(L("--draft か --cn を指定してください", "give --draft, or --cn and the subject")) }
        if draft != nil && cn != nil { throw ValidationError(L("--draft と --cn は同時に使えません", "--draft and --cn cannot be combined")) }
        if draft == nil && out == nil { throw ValidationError(L("--cn で作るときは --out が必要です", "--out is required with --cn")) }
    }

    func run() throws {
        let day = today ?? CalendarDate.today()
        var file: DraftFile?
        var lock: DraftLock?
        var base = Draft(applicationType: .new)
        if let draft {
            do {
                let located = try DraftLocator().locate(draft)
                (base, lock) = try located.open()
                file = located
            } catch {
                Output.error(error.message.local)
                throw ExitCode(error.isUnreadable ? ExitStatus.unreadable : ExitStatus.failed)
            }
        } else {
            base.csr.commonName = cn
            base.csr.organization = o
            base.csr.organizationalUnit = ou
            base.csr.locality = l
            base.csr.state = st
            base.csr.country = c
            base.csr.subjectAltNames = san.isEmpty ? nil : san
        }
        let type = keyType ?? base.csr.keyType ?? .rsa2048
        base.csr.keyType = type
        // The CSR always asks for the CN first: judge the names it will really carry.
        if let subject = SubjectFields(draft: base) { base.csr.subjectAltNames = subject.requestedNames }

        // The subject must pass the rules before a key is made for it.
        let subjectFields: Set<String> = ["csr.commonName", "csr.organization", "csr.organizationalUnit", "csr.locality",
                                          "csr.state", "csr.country", "csr.subjectAltNames"]
        let findings = Validator.findings(for: base, fields: subjectFields, today: day)
        for finding in findings {
            Output.note("\(FindingReport.severityLabel(finding.severity))  \(finding.code)  \(finding.field): \(finding.message.local)")
        }
        guard !findings.contains(where: { $0.severity == .error }), let subject = SubjectFields(draft: base) else {
            Output.error(L("識別名にエラーがあるため、鍵と CSR は作りませんでした", "the subject has errors: no key or CSR was made"))
            throw ExitCode(ExitStatus.failed)
        }
        let directory = out ?? base.csr.keyPath.map { String($0[..<($0.lastIndex(of: "/") ?? $0.endIndex)]) }
            ?? DataHome.keysDirectory(environment: processEnvironment, draft: file?.name ?? "default")
        let made: KeyAndCSR
        do {
            if type == .rsa4096 && !json { Output.note(L("RSA 4096 ビットの鍵を作っています…", "Making an RSA 4096-bit key…")) }
            made = try KeyAndCSR.make(subject, keyType: type, in: directory, today: day)
        } catch let error as FileError {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
        if let file, let lock {
            do { try file.save(made.recorded(in: base), holding: lock) } catch {
                Output.error(error.message.local)
                throw ExitCode(ExitStatus.failed)
            }
        }
        if json {
            struct Made: Encodable { let keyPath, csrPath, publicKeyFingerprint, keyType, csr: String }
            Output.json(Made(keyPath: made.keyPath, csrPath: made.csrPath, publicKeyFingerprint: made.publicKeyFingerprint,
                             keyType: type.rawValue, csr: made.csrPEM))
            return
        }
        print(L("鍵: \(made.keyPath) (0600。このサーバから出さず、安全な場所にバックアップしてください)",
                "Key: \(made.keyPath) (0600; keep it on this server and back it up somewhere safe)"))
        print("CSR: \(made.csrPath)")
        print(L("公開鍵 SHA-256: \(made.publicKeyFingerprint)", "Public key SHA-256: \(made.publicKeyFingerprint)"))
        if file != nil { print(L("下書きに記録しました", "Recorded in the draft")) }
    }
}
