#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ArgumentParser
import CertWizardCore
import Installers
import Operations

extension ServerControl.Kind: ExpressibleByArgument {}

/// `certwiz install`: 5-2, the certificate with its chain and key into the server.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: L("証明書と中間 CA 証明書と鍵をサーバに入れる (5-2)", "Install the certificate, its chain and key into the server (5-2)"),
        discussion: L("""
            始める前に確かめます: チェーンが信頼できるルートまで検証できること、鍵が証明書の鍵であること、サーバの設定が今エラーでないこと。
            ファイル (証明書、チェーン、フルチェーン、鍵 0600) を --dest に書き、nginx では server_name が合う server ブロックの ssl_certificate / ssl_certificate_key の行だけを書き換えます (ほかのバイト、コメント、順序はそのまま)。そのサイトのブロックが --listen で ssl なしに待ち受けていれば、その listen 行に ssl を加えます (Apache では SSLEngine on)。合うブロックがなければ新しいサイトのファイルを作ります。
            変更するファイルはすべて先にバックアップします。サーバ自身の検査 (nginx -t) が通ったときだけ再読み込みし、検査か再読み込みが失敗したらすべて元に戻します (nginx が止まっていれば、検査の通った設定はそのまま置き、起動するよう伝えます)。最後に実際の TLS 接続で確かめ、通ればインストールを記録します。
            --dry-run は差分と実行するコマンドを表示するだけで、何も変えません。--rollback は最後のインストールを元に戻して再読み込みします。
            終了コード: 0 インストールして確認できた、1 断った・失敗して元に戻した・確認が通らない、2 読めない。
            """, """
            Checks before it starts: the chain verifies up to a trusted root, the key is the certificate's key, the server's configuration passes its own check as it is.
            Writes the files (certificate, chain, full chain, key 0600) into --dest and, for nginx, changes only the ssl_certificate / ssl_certificate_key lines of the server blocks whose server_name matches (every other byte, comment and order stays); when the site's block listens on --listen without ssl, that listen line gets ssl (Apache: SSLEngine on). When none matches, writes a new site file.
            Every file it changes is backed up first. The server is reloaded only when its own check (nginx -t) passes; when the check or the reload fails, everything is restored (a stopped nginx keeps the checked configuration and is to be started). Finally a real TLS connection checks the result, and the installation is recorded when it passes.
            --dry-run prints the diff and the commands and changes nothing. --rollback restores the last installation and reloads.
            Exit codes: 0 installed and verified, 1 refused, failed and restored, or not verified, 2 cannot read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Option(help: ArgumentHelp(L("サーバ (既定: 下書きのインストールの答え、なければサーバソフトウェア)", "The server (default: the draft's installation answer, else its server software)"), valueName: "nginx|apache|iis|files"))
    var server: ServerControl.Kind?
    @Option(help: ArgumentHelp(L("サーバの主設定ファイル (既定: 下書きの答え)", "The server's main configuration file (default: the draft's answer)"), valueName: "FILE")) var config: String?
    @Option(help: ArgumentHelp(L("ファイルを書くフォルダ (既定: 下書きの答え、なければ root なら /etc/ssl/certwiz/CN/)", "Where the files go (default: the draft's answer, else as root /etc/ssl/certwiz/CN/)"), valueName: "DIR"))
    var dest: String?
    @Option(help: ArgumentHelp(L("新しいサイトの待ち受け (既定: 下書きの答え、なければ 443)", "Where a new site listens (default: the draft's answer, else 443)"), valueName: "ADDR:PORT")) var listen: String?
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(L("差分とコマンドを表示するだけ", "Print the diff and the commands; change nothing"))) var dryRun = false
    @Flag(help: ArgumentHelp(L("新しいサイトに HSTS を付ける", "Add HSTS to a new site"))) var hsts = false
    @Flag(name: .customLong("legacy-pfx"), help: ArgumentHelp(L("IIS: Windows Server 2016 以前が読める 3DES / SHA-1 の PFX にする", "IIS: the 3DES / SHA-1 PFX that Windows Server 2016 and older import")))
    var legacyPFX = false
    @Option(name: .customLong("pfx-password-file"), help: ArgumentHelp(L("IIS: PFX のパスワード (ファイルの 1 行目)。なければ作って一度だけ表示", "IIS: the PFX password (the file's first line); made up and shown once otherwise"), valueName: "FILE"))
    var pfxPasswordFile: String?
    @Flag(help: ArgumentHelp(L("確認せずに進める", "Do not ask before changing the server"))) var yes = false
    @Flag(help: ArgumentHelp(L("最後のインストールを元に戻す", "Restore the last installation and reload"))) var rollback = false
    @OptionGroup var trust: TrustAnchorOptions
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    func run() throws {
        let home = DataHome.directory(environment: processEnvironment)
        // A path given with a terminal control would be printed and recorded in the draft: refused
        // before anything changes, naming the option (as the draft would refuse to load it).
        if let found = TerminalControls.firstInOptions([("--config", config), ("--dest", dest), ("--listen", listen)]) {
            Output.error(TerminalControls.message(option: found.option, found.control).local)
            throw ExitCode(ExitStatus.failed)
        }
        let (file, loaded, lock) = try DraftLocator().openForEditing(draft)
        if rollback {
            let done = try RollbackInstallation(backupRoot: InstallCertificate.backupRoot(dataHome: home, draftName: file.name),
                                                today: today ?? CalendarDate.today()).runForCommand()
            // Restored already: a draft that refuses the record is said (by `record`), not a failure.
            if let recorded = try? done.record(in: loaded) { file.saveRecording(recorded, holding: lock) }
            print(done.summary.local)
            return
        }
        // Flags first, then what the draft's installation screen answered (as the wizard installs).
        var options = InstallCertificate.Options.answered(in: loaded, server: server, config: config, dest: dest, listen: listen,
                                                          dryRun: dryRun, hsts: hsts)
        options.legacyPFX = legacyPFX
        if let pfxPasswordFile {
            let line = String(decoding: try InputBytes.read(pfxPasswordFile), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !line.isEmpty else {
                Output.error(L("\(pfxPasswordFile) の 1 行目が空です", "the first line of \(pfxPasswordFile) is empty"))
                throw ExitCode(ExitStatus.unreadable)
            }
            options.pfxPassword = line
        }
        let operation = InstallCertificate(draft: loaded, draftName: file.name, options: options, anchors: try trust.anchors(),
                                           today: today ?? CalendarDate.today(), dataHome: home)
        if !dryRun, !yes {
            // A person at a terminal sees the plan first and says yes; a script says --yes.
            let preview = try InstallCertificate(draft: loaded, draftName: file.name, options: { var o = options; o.dryRun = true; return o }(),
                                                 anchors: try trust.anchors(), today: today ?? CalendarDate.today(), dataHome: home).runForCommand()
            print(preview.diff(in: cliLanguage), terminator: "")
            for command in preview.commands { print("$ " + command.joined(separator: " ")) }
            guard isatty(0) != 0 else {
                Output.error(L("確認できません (端末がありません)。--yes を付けて実行してください", "cannot ask (no terminal): run with --yes"))
                throw ExitCode(ExitStatus.failed)
            }
            print(L("この変更を加えてサーバを再読み込みしますか? [y/N] ", "Make these changes and reload the server? [y/N] "), terminator: "")
            guard let answer = readLine(), ["y", "yes", "はい"].contains(answer.trimmed.lowercased()) else {
                print(L("何も変更していません", "Nothing was changed"))
                throw ExitCode(ExitStatus.failed)
            }
        }
        let installed = try operation.runForCommand()
        if dryRun {
            print(installed.summary.local)
            print(installed.diff(in: cliLanguage), terminator: "")
            for command in installed.commands { print("$ " + command.joined(separator: " ")) }
            return
        }
        // The server is changed already: a draft that refuses the record is a warning, not a failure.
        var current = loaded
        do { current = try installed.applied(to: loaded) } catch {
            Output.note(L("インストールを下書きに記録できません: ", "could not record the installation in the draft: ") + error.message.local)
        }
        if current != loaded { file.saveRecording(current, holding: lock) }
        print(installed.summary.local)
        for place in installed.places { print(L("  変更: ", "  changed: ") + place) }
        for line in installed.lines { print("  " + line) }

        if let backup = installed.backup { print(L("  バックアップ: ", "  backup: ") + backup) }
        if let live = installed.live {
            for problem in live.problems { print("  \(problem.code)  \(problem.message.local)") }
            if let reason = live.unreachableReason { print("  " + reason.local) }
            if !installed.verified { throw ExitCode(ExitStatus.failed) }
        }
    }
}
