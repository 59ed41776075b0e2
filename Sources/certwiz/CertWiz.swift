import ArgumentParser
import CertWizardCore

/// `certwiz`: the wizard, and the commands around it.
struct CertWiz: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "certwiz",
            abstract: L("OV サーバ証明書 (サーバ ID) の申請・更新を順に案内するウィザード",
                        "A terminal wizard for applying for and renewing an OV server certificate (Server ID)"),
            discussion: L("""
                引数なしで起動するとウィザードが開きます。下書きは $XDG_DATA_HOME/certwiz/drafts/ (既定 ~/.local/share/certwiz/drafts/) に保存されます。
                終了コード: 0 成功、1 エラーあり・拒否、2 下書きを読めない、64 引数の誤り。
                """, """
                With no arguments the wizard opens. Drafts live in $XDG_DATA_HOME/certwiz/drafts/ (default ~/.local/share/certwiz/drafts/).
                Exit codes: 0 success, 1 errors found or refused, 2 the draft cannot be read, 64 bad arguments.
                """),
            subcommands: [DraftsCommand.self, ValidateCommand.self, NewCommand.self, SetCommand.self, RemoveCommand.self]
        )
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Output.error(L("対話型ウィザードはまだ組み込まれていません。いまは certwiz new / set / validate / drafts で下書きを作成・検証できます (certwiz --help)",
                       "the interactive wizard is not built in yet; for now create and check drafts with certwiz new / set / validate / drafts (see certwiz --help)"))
        throw ExitCode(ExitStatus.failed)
    }
}
