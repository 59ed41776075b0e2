import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import Operations
import CertWizardPKI
import X509
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
        subcommands: [CSRNewCommand.self, CSRCheckCommand.self])

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
    @Flag(help: ArgumentHelp(L("鍵をパスフレーズで暗号化する (Web サーバが起動のたびに尋ねます)", "Encrypt the key with a passphrase (the web server asks for it at every start)")))
    var encrypt = false
    @Option(name: .customLong("passphrase-file"), help: ArgumentHelp(L("パスフレーズを 1 行目から読むファイル (--encrypt 用)", "File whose first line is the passphrase (with --encrypt)"), valueName: "FILE"))
    var passphraseFile: String?

    @Flag(name: .customLong("new-key"), help: ArgumentHelp(L("下書きに鍵があっても新しい鍵を作る (古い鍵は残ります)", "Make a new key even though the draft has one (the old key stays on disk)")))
    var newKey = false

    func validate() throws {
        if passphraseFile != nil && !encrypt { throw ValidationError(L("--passphrase-file は --encrypt と使います", "--passphrase-file goes with --encrypt")) }
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
            let opened = try DraftLocator().openForEditing(draft)
            (file, base, lock) = (opened.file, opened.draft, opened.lock)
        } else {
            base.csr.commonName = cn
            base.csr.organization = o
            base.csr.organizationalUnit = ou
            base.csr.locality = l
            base.csr.state = st
            base.csr.country = c
            base.csr.subjectAltNames = san.isEmpty ? nil : san
        }
        // A key is never replaced silently: the draft's key is named, and --new-key asked for.
        if let oldKey = base.csr.keyPath, !newKey {
            Output.error(L("この下書きには鍵があります: \(oldKey)。新しい鍵を作るには --new-key を付けてください (古い鍵はそのまま残ります)",
                           "the draft has a key already: \(oldKey); add --new-key to make a new one (the old key stays on disk)"))
            throw ExitCode(ExitStatus.failed)
        }
        let type = keyType ?? base.csr.keyType ?? .rsa2048
        base.csr.keyType = type
        // The CSR always asks for the CN first: judge the names it will really carry.
        if let subject = SubjectFields(draft: base) { base.csr.subjectAltNames = subject.requestedNames }

        // The subject must pass the rules before a key is made for it.
        let findings = Validator.findings(for: base, fields: CSRRequest.subjectPaths, today: day)
        for finding in findings {
            Output.note("\(FindingReport.severityLabel(finding.severity))  \(finding.code)  \(finding.field): \(finding.message.local)")
        }
        guard !findings.contains(where: { $0.severity == .error }), let subject = SubjectFields(draft: base) else {
            Output.error(L("識別名にエラーがあるため、鍵と CSR は作りませんでした", "the subject has errors: no key or CSR was made"))
            throw ExitCode(ExitStatus.failed)
        }
        let directory = out ?? base.csr.keyDirectory
            ?? DraftStore(environment: processEnvironment).keysDirectory(draft: file?.name ?? "default")
        let passphrase = encrypt ? try readPassphrase() : nil
        if type == .rsa4096 && !json { Output.note(L("RSA 4096 ビットの鍵を作っています…", "Making an RSA 4096-bit key…")) }
        let made = try MakeKeyAndCSR(subject: subject, keyType: type, directory: directory, today: day, passphrase: passphrase).runForCommand()
        if let file, let lock {
            do { try file.save(try made.record(in: base), holding: lock) } catch let error as DraftStoreError {
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
        if encrypt {
            print(L("鍵は暗号化されています。Web サーバは起動のたびにパスフレーズを尋ねます (Apache: SSLPassPhraseDialog、nginx: ssl_password_file)",
                    "The key is encrypted: the web server asks for the passphrase at every start (Apache: SSLPassPhraseDialog; nginx: ssl_password_file)"))
        }
        print(L("公開鍵 SHA-256: \(made.publicKeyFingerprint)", "Public key SHA-256: \(made.publicKeyFingerprint)"))
        if file != nil { print(L("下書きに記録しました", "Recorded in the draft")) }
    }
}

extension CSRNewCommand {
    /// The passphrase from --passphrase-file, or typed twice at the terminal (not echoed).
    func readPassphrase() throws -> [UInt8] {
        let passphrase: String
        if let passphraseFile {
            guard let bytes = try? AtomicFile.read(passphraseFile) else {
                Output.error(L("\(passphraseFile) を読めません", "cannot read \(passphraseFile)"))
                throw ExitCode(ExitStatus.unreadable)
            }
            passphrase = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        } else {
            guard isatty(0) != 0, let first = getpass(L("パスフレーズ: ", "Passphrase: ")).map({ String(cString: $0) }),
                  let second = getpass(L("もう一度: ", "Again: ")).map({ String(cString: $0) }) else {
                Output.error(L("端末がないため尋ねられません。--passphrase-file を使ってください", "no terminal to ask on: use --passphrase-file"))
                throw ExitCode(ExitStatus.failed)
            }
            guard first == second else {
                Output.error(L("2 回の入力が違います", "the two passphrases differ"))
                throw ExitCode(ExitStatus.failed)
            }
            passphrase = first
        }
        guard passphrase.utf8.count >= 8 else {
            Output.error(L("パスフレーズは 8 バイト以上にしてください", "the passphrase must be at least 8 bytes"))
            throw ExitCode(ExitStatus.failed)
        }
        return Array(passphrase.utf8)
    }
}

/// `certwiz csr check FILE`: what a CSR says and everything wrong with it, before the CA sees it.
struct CSRCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: L("CSR を検査する", "Check a CSR"),
        discussion: L("""
            PEM (改行コードや引用符 "> " が混じっていても可) か DER を読みます。
            終了コード: 0 エラーなし、1 エラーあり、2 CSR ではない (何だったかを表示) か、壊れていて使えない (csr-unusable)。
            """, """
            Reads PEM (any line endings, mail quoting "> ", surrounding text) or DER.
            Exit codes: 0 no errors, 1 the CSR has errors, 2 the input is not a CSR (says what it is instead) or is damaged beyond use (csr-unusable).
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("CSR のファイル (- で標準入力)", "The CSR file (- for standard input)"))) var file: String
    @Option(help: ArgumentHelp(L("この CSR を作った鍵のファイル", "The key file the CSR should come from"), valueName: "KEYFILE")) var key: String?
    @Option(name: .customLong("renewal-of"), help: ArgumentHelp(L("更新する現在の証明書 (ファイルか host:port)", "The current certificate this CSR renews (a file or host:port)"), valueName: "CERT|host:port"))
    var renewalOf: String?
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
    @Flag(help: ArgumentHelp(L("JSON で出力する", "Print JSON for scripts"))) var json = false

    func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(AnyIterator { readLine(strippingNewline: false) }.joined().utf8) }
        do { return try AtomicFile.read(path) } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.unreadable)
        }
    }

    func run() throws {
        let bytes = try read(file)
        var privateKey: Certificate.PrivateKey?
        if let key {
            let text = String(decoding: try read(key), as: UTF8.self)
            guard let parsed = try? Certificate.PrivateKey(pemEncoded: text) else {
                Output.error(L("\(key) は読める秘密鍵 (PEM) ではありません", "\(key) is not a private key certwiz can read (PEM)"))
                throw ExitCode(ExitStatus.unreadable)
            }
            privateKey = parsed
        }
        var current: Certificate?
        if let renewalOf {
            current = try ReadCertificate(source: renewalOf, replacingCommonName: false).runForCommand().chain.first
        }
        let report: CSRReport
        do {
            report = try CSRInspector.inspect(bytes, key: privateKey, renewing: current, today: today ?? CalendarDate.today())
        } catch {
            Output.error("\(file): " + error.message.local)
            throw ExitCode(ExitStatus.unreadable)
        }
        if json {
            Output.json(report)
        } else {
            for name in DistinguishedNameText.fieldOrder { if let value = report.subject[name] { print("\(name): \(value)") } }
            print("SANs: " + report.subjectAltNames.joined(separator: ", "))
            print(L("鍵: ", "Key: ") + report.keyType.uppercased() + (report.keyBits.map { " \($0)" } ?? ""))
            print(L("署名: ", "Signature: ") + report.signatureAlgorithm
                  + (report.signatureValid.map { $0 ? L(" (正しい)", " (valid)") : L(" (不正)", " (invalid)") } ?? ""))
            if let fingerprint = report.publicKeyFingerprint { print(L("公開鍵 SHA-256: ", "Public key SHA-256: ") + fingerprint) }
            for finding in report.findings {
                print("\(FindingReport.severityLabel(finding.severity))  \(finding.code)  \(finding.field): \(finding.message.local)")
            }
        }
        // A CSR the parser cannot read is unreadable input (2), not a CSR with defects (1).
        if report.findings.contains(where: { $0.code == "csr-unusable" }) { throw ExitCode(ExitStatus.unreadable) }
        if report.findings.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.failed) }
    }
}
