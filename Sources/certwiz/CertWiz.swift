import ArgumentParser
import CertWizardApp
import CertWizardCore
import TerminalUI

#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `certwiz`: the wizard (the default subcommand), and the commands around it.
struct CertWiz: ParsableCommand {
    static let configuration = CommandConfiguration(
            commandName: "certwiz",
            abstract: L("OV サーバ証明書 (サーバ ID) の申請・更新を順に案内するウィザード",
                        "A terminal wizard for applying for and renewing an OV server certificate (Server ID)"),
            discussion: L("""
                引数なしで起動するとウィザードが開きます (端末がないときや --plain、TERM=dumb では 1 行ずつの質問)。下書きは $XDG_DATA_HOME/certwiz/drafts/ (既定 ~/.local/share/certwiz/drafts/) に保存されます。
                終了コード: 0 成功、1 エラーあり・拒否・回答ファイルが途中で停止、2 読めない入力、64 引数の誤り、128+N シグナル N で終了。
                """, """
                With no arguments the wizard opens (as line prompts with --plain, with TERM=dumb, or without a terminal). Drafts live in $XDG_DATA_HOME/certwiz/drafts/ (default ~/.local/share/certwiz/drafts/).
                Exit codes: 0 success, 1 errors found, refused, or answers stopped, 2 unreadable input, 64 bad arguments, 128+N ended by signal N.
                """),
            version: certwizVersion,
            subcommands: [WizardCommand.self, DraftsCommand.self, ValidateCommand.self, NewCommand.self, SetCommand.self, RemoveCommand.self,
                          CSRCommand.self, CertCommand.self, SubmitCommand.self, StatusCommand.self, SheetCommand.self, RecordCommand.self, ImportCommand.self, InstallCommand.self, VerifyCommand.self, SealCommand.self, ACMECommand.self, RenewCommand.self, ReissueCommand.self, DemoCommand.self],
            defaultSubcommand: WizardCommand.self
        )

    // Also accepted before the subcommand (`certwiz --lang en validate`); the language
    // itself is read from the arguments before parsing (CLILanguage.swift).
    @OptionGroup var global: GlobalOptions
}

/// `certwiz [wizard]`: the full-screen wizard, plain prompts, or an answers file's replay.
struct WizardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wizard",
                             abstract: L("ウィザードを開く (既定のコマンド)", "Open the wizard (the default command)"))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("開く下書きの名前かパス (なければ新規に作成)", "The draft to open, by name or path (created if missing)"), valueName: "NAME|PATH"))
    var draft: String?
    @Flag(help: ArgumentHelp(L("1 行ずつの質問で進める (画面読み上げ、シリアル端末、ログ向け)", "Ask line by line (for screen readers, serial consoles, logs)")))
    var plain = false
    @Flag(help: ArgumentHelp(L("罫線を ASCII 文字で描く", "Draw borders with ASCII characters")))
    var ascii = false
    @Option(help: ArgumentHelp(L("回答ファイル (下書きのパスと値の JSON) で画面を埋める", "Fill the screens from an answers file (a JSON map of draft paths to values)"), valueName: "FILE.json"))
    var answers: String?
    @Option(name: .customLong("replay-delay"), help: ArgumentHelp(L("回答を入力するキーごとの待ち時間 (ミリ秒、デモ用)", "Delay between the answers' key presses, in milliseconds (for demos)"), valueName: "MS"))
    var replayDelay = 0
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    var options: WizardOptions {
        WizardOptions(draft: draft, plain: plain, ascii: ascii, answers: answers, replayDelay: replayDelay, today: today, lang: global.lang)
    }

    func run() throws { try WizardLauncher(options: options).run() }
}

/// What the wizard was asked to do, however the arguments were parsed.
struct WizardOptions: Equatable {
    var draft: String?
    var plain = false
    var ascii = false
    var answers: String?
    var replayDelay = 0
    var today: CalendarDate?
    var lang: Language?

    /// Reads exactly the wizard's own options (`--draft NAME`, `--draft=NAME`, flags ...);
    /// nil for anything else, which then goes to ArgumentParser for its help and messages.
    /// Kept in step with `WizardCommand` by CLIParsingTests.
    static func quickParse(_ arguments: [String]) -> WizardOptions? {
        var options = WizardOptions()
        var index = 0
        while index < arguments.count {
            var name = arguments[index]
            var value: String?
            if let eq = name.firstIndex(of: "="), name.hasPrefix("--") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            func takeValue() -> String? {
                if let value { return value }
                index += 1
                return index < arguments.count ? arguments[index] : nil
            }
            switch name {
            case "--plain" where value == nil: options.plain = true
            case "--ascii" where value == nil: options.ascii = true
            case "--draft": guard let v = takeValue() else { return nil }; options.draft = v
            case "--answers": guard let v = takeValue() else { return nil }; options.answers = v
            case "--replay-delay": guard let v = takeValue().flatMap({ Int($0) }) else { return nil }; options.replayDelay = v
            case "--today": guard let v = takeValue().flatMap(CalendarDate.init(iso8601:)) else { return nil }; options.today = v
            case "--lang": guard let v = takeValue().flatMap(Language.init(rawValue:)) else { return nil }; options.lang = v
            default: return nil
            }
            index += 1
        }
        return options
    }
}

/// Starts the wizard in the form the situation calls for: full screen on a terminal,
/// line prompts with --plain / TERM=dumb / no terminal, or an answers file's replay.
struct WizardLauncher {
    let options: WizardOptions

    func run() throws {
        let draft = options.draft, plain = options.plain, ascii = options.ascii, answers = options.answers
        let replayDelay = options.replayDelay, today = options.today
        let store = DraftStore(environment: processEnvironment)
        let day = today ?? CalendarDate.today()
        var answersFile: AnswersFile?
        if let answers {
            do {
                answersFile = try AnswersFile(bytes: try AtomicFile.read(answers), source: answers)
            } catch let error as FileError {
                Output.error(error.message.local)
                throw ExitCode(ExitStatus.unreadable)
            } catch let error as Localized {
                Output.error(error.local)
                throw ExitCode(ExitStatus.unreadable)
            }
        }
        let hasTerminal = isatty(0) != 0 && isatty(1) != 0
        let term = processEnvironment["TERM"] ?? ""
        // Listing (and checking) every draft is only needed when no draft is named.
        let welcome = draft == nil
            ? WizardRuntime.welcomeModel(store: store, today: day, language: cliLanguage)
            : WelcomeModel(drafts: [], suggestedName: "")
        let state = WizardState(language: cliLanguage, ascii: ascii, today: day, welcome: welcome)

        if let answersFile, !hasTerminal || plain {
            throw ExitCode(replayWithoutTerminal(answersFile, store: store, state: state))
        }
        if plain || term == "dumb" || term.isEmpty || !hasTerminal {
            let wizard = PlainWizard(store: store, language: cliLanguage, today: day,
                                     readLine: { Swift.readLine() },
                                     readSecret: { isatty(0) != 0 ? getpass("").map { String(cString: $0) } : Swift.readLine() }, write: { fputs($0, stdout); fflush(stdout) })
            throw ExitCode(wizard.run(draft: draft))
        }
        let noColor = !(processEnvironment["NO_COLOR"] ?? "").isEmpty
        let terminal = CursesTerminal(color: !noColor)
        let runtime = WizardRuntime(terminal: terminal, store: store, state: state, answers: answersFile,
                                    replayDelayMilliseconds: replayDelay)
        runtime.start(draft: draft)
        switch runtime.run() {
        case .signal(let signal): throw ExitCode(128 + signal)
        case .answersStopped: throw ExitCode(ExitStatus.failed)
        case .answersRefused(let reason, let unreadable):
            Output.error(reason.local)
            throw ExitCode(unreadable ? ExitStatus.unreadable : ExitStatus.failed)
        case .quit, .answersFinished: return
        }
    }

    /// Answers without a terminal: the same screens and keys, headless; says where it stopped.
    private func replayWithoutTerminal(_ file: AnswersFile, store: DraftStore, state: WizardState) -> Int32 {
        let runtime = WizardRuntime(terminal: HeadlessTerminal(size: Size(width: 100, height: 30)), store: store,
                                    state: state, answers: file)
        runtime.start(draft: options.draft)
        let session = runtime.state.session
        switch runtime.run() {
        case .answersStopped(let reason):
            Output.error(reason.local)
            return ExitStatus.failed
        case .answersRefused(let reason, let unreadable):
            Output.error(reason.local)
            return unreadable ? ExitStatus.unreadable : ExitStatus.failed
        case .answersFinished:
            let name = runtime.state.session?.name ?? session?.name ?? "?"
            print(L("回答を下書き \(name) に入れました: \(runtime.state.session?.path ?? "")", "Filled the draft \(name) from the answers: \(runtime.state.session?.path ?? "")"))
            return ExitStatus.ok
        case .quit, .signal:
            Output.error(runtime.state.status.map { $0.text.local } ?? L("回答の途中で終了しました", "ended before the answers were all entered"))
            return ExitStatus.failed
        }
    }
}
