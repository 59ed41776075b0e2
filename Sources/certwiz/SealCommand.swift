import ArgumentParser
import CertWizardCore
import Issuers
import Operations

/// `certwiz seal`: 5-3, the site seal's HTML, and a check that a page shows it.
struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: L("サイトシールの HTML を用意し、ページにあるか確かめる (5-3)", "Prepare the site seal's HTML and check that a page shows it (5-3)"),
        discussion: L("""
            デモ発行元ではデモのシールを作ります。ほかの発行元では、発行元のページで作った HTML を --snippet で渡します。HTML は証明書の隣に NAME.seal.html として書きます。
            --check URL ではそのページを読み、シールがあれば設置を日付つきで記録します。
            終了コード: 0 書いた (--check ではページにあった)、1 ページにない・HTML がない、2 ページを読めない。
            """, """
            The demo issuer makes a demo seal; for other issuers give the HTML made on the issuer's page with --snippet. The HTML is written beside the certificate as NAME.seal.html.
            With --check URL the page is read and, when the seal is there, its placing is recorded with the date.
            Exit codes: 0 written (with --check: found on the page), 1 not on the page or no HTML, 2 the page cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Option(help: ArgumentHelp(L("シールを貼ったページ", "The page the seal is on"), valueName: "URL")) var check: String?
    @Option(help: ArgumentHelp(L("発行元のページで作ったシールの HTML", "The seal's HTML made on the issuer's page"), valueName: "FILE")) var snippet: String?
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Treat this date as today (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    func run() throws {
        let (file, loaded, lock) = try DraftLocator().openForEditing(draft)
        guard loaded.issuance.issuedOn != nil else {
            Output.error(L("まだ発行されていません", "the certificate has not been issued yet"))
            throw ExitCode(ExitStatus.failed)
        }
        let seal: SiteSeal.Snippet
        if let snippet {
            guard let copied = SiteSeal.snippet(copied: String(decoding: try InputBytes.read(snippet), as: UTF8.self)) else {
                Output.error(L("\(snippet) は空です", "\(snippet) is empty"))
                throw ExitCode(ExitStatus.unreadable)
            }
            seal = copied
        } else if let demo = SiteSeal.demoSnippet(for: loaded) {
            seal = demo
        } else {
            Output.error(SiteSeal.whereToGet.local)
            throw ExitCode(ExitStatus.failed)
        }
        let fallback = DraftStore(environment: processEnvironment).keysDirectory(draft: file.name)
        let placed = try PlaceSeal(draft: loaded, snippet: seal, checkURL: check, today: today ?? CalendarDate.today(), fallbackDirectory: fallback).runForCommand()
        let current = try placed.record(in: loaded)
        if current != loaded { file.saveRecording(current, holding: lock) }
        if check == nil { print(placed.html, terminator: "") }
        print(placed.summary.local)
        if placed.found == false { throw ExitCode(ExitStatus.failed) }
    }
}
