#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ACME
import ArgumentParser
import CertWizardCore
import Operations

/// `certwiz acme ...`: the ACME issuer's account.
struct ACMECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acme", abstract: L("ACME の発行元 (アカウント)", "The ACME issuer (its account)"), subcommands: [ACMERegisterCommand.self])

    @OptionGroup var global: GlobalOptions
}

/// `certwiz acme register --directory URL [--eab-kid KID --eab-hmac-key-file FILE] [--email ADDR] [--ca-file FILE]`
struct ACMERegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: L("CA に ACME アカウントを登録する (外部アカウント連携 EAB 付き)", "Register an ACME account at the CA (with External Account Binding)"),
        discussion: L("""
            CA のポータルで発行された EAB の鍵 ID と HMAC 鍵で、このサーバの ACME アカウントを CA の契約に結び付けます。アカウントの鍵 (P-256) は $XDG_DATA_HOME/certwiz/acme/ に 0600 で作られ、同じディレクトリ URL では使い回します。HMAC 鍵は登録に一度使うだけで、どこにも書きません。
            HMAC 鍵は --eab-hmac-key-file のファイル (1 行目) か、端末で表示せずに尋ねます。
            終了コード: 0 登録した、1 CA が断った、2 ファイルを読めない。
            """, """
            Binds this server's ACME account to your contract at the CA with the EAB key id and HMAC key from the CA's portal. The account key (P-256) is made 0600 under $XDG_DATA_HOME/certwiz/acme/ and reused for the same directory URL. The HMAC key is used once to register and written nowhere.
            The HMAC key comes from --eab-hmac-key-file (its first line), or is asked for on the terminal without echo.
            Exit codes: 0 registered, 1 the CA refused, 2 a file cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("CA の ACME ディレクトリ URL", "The CA's ACME directory URL"), valueName: "URL")) var directory: String
    @Option(name: .customLong("eab-kid"), help: ArgumentHelp(L("EAB の鍵 ID", "The EAB key id"), valueName: "KID")) var eabKid: String?
    @Option(name: .customLong("eab-hmac-key-file"), help: ArgumentHelp(L("EAB の HMAC 鍵 (base64url) のファイル", "A file holding the EAB HMAC key (base64url)"), valueName: "FILE"))
    var eabHMACKeyFile: String?
    @Option(help: ArgumentHelp(L("CA からの連絡先", "The contact address for the CA"), valueName: "ADDR")) var email: String?
    @OptionGroup var trust: TrustAnchorOptions

    func validate() throws {
        guard ACMESettings.isHTTPS(directory) else { throw ValidationError(L("--directory は https:// で始まる URL です", "--directory is an https:// URL")) }
        if eabHMACKeyFile != nil, eabKid == nil { throw ValidationError(L("--eab-hmac-key-file には --eab-kid が要ります", "--eab-hmac-key-file needs --eab-kid")) }
    }

    func run() throws {
        var eab: (keyID: String, hmacKey: [UInt8])?
        if let eabKid {
            let text: String
            if let eabHMACKeyFile {
                text = String(decoding: try InputBytes.read(eabHMACKeyFile), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            } else {
                guard isatty(0) != 0, let typed = getpass(L("EAB の HMAC 鍵: ", "EAB HMAC key: ")).map({ String(cString: $0) }) else {
                    Output.error(L("HMAC 鍵を尋ねられません (端末がありません)。--eab-hmac-key-file を使ってください", "cannot ask for the HMAC key (no terminal): use --eab-hmac-key-file"))
                    throw ExitCode(ExitStatus.unreadable)
                }
                text = typed
            }
            switch EABCredentials.hmacKey(fromText: text) {
            case .success(let key): eab = (eabKid, key)
            case .failure(let problem):
                Output.error(problem.local)
                throw ExitCode(ExitStatus.unreadable)
            }
        }
        let trustPEM = try trust.caFile.map { try InputBytes.read($0) }
        let store = ACMEAccountStore(dataHome: DataHome.directory(environment: processEnvironment))
        let registered = try RegisterACMEAccount(directory: directory, email: email, eab: eab, trustPEM: trustPEM, store: store).runForCommand()
        print(registered.summary.local)
    }
}
