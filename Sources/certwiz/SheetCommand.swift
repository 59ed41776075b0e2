import ArgumentParser
import CertWizardCore
import CertWizardPKI

/// `certwiz sheet`: the application as the storefront asks for it, to copy from.
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: L("申請シート: ストアフロントの入力順に全項目、CSR、連絡先", "The application sheet: every field in the storefront's order, the CSR, the contacts"),
        discussion: L("""
            サイトで申請する発行元向けです。未入力やエラーがあれば標準エラーに書きます。
            終了コード: 0 表示した (エラーがあっても)、2 下書きを読めない。
            """, """
            For issuers that take applications on their web site. Missing fields and errors are reported on stderr.
            Exit codes: 0 shown (even with errors), 2 the draft cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かパス", "A draft's name or path"), valueName: "NAME|PATH")) var draft: String?
    @Flag(help: ArgumentHelp(L("JSON で出力する", "Print JSON"))) var json = false

    func run() throws {
        let (file, loaded) = try DraftLocator().read(draft)
        let sheet = ApplicationSheet(draft: loaded)
        if json {
            struct Entry: Encodable { let path: String; let label: Localized; let value: Localized? }
            struct Section: Encodable { let title: Localized; let entries: [Entry] }
            struct Sheet: Encodable { let draft: String; let sections: [Section]; let csr: String?; let missing: [String] }
            Output.json(Sheet(draft: file.path, sections: sheet.sections.map { section in
                Section(title: section.title, entries: section.entries.map { Entry(path: $0.path, label: $0.label, value: $0.value) })
            }, csr: sheet.csr, missing: sheet.missing))
        } else {
            print(sheet.text(in: cliLanguage))
        }
        let errors = DraftCheck.findings(for: loaded, today: CalendarDate.today()).filter { $0.severity == .error }
        if !sheet.missing.isEmpty {
            Output.note(L("未入力: ", "Not entered: ") + sheet.missing.joined(separator: ", "))
        }
        if !errors.isEmpty {
            Output.note(L("エラーが \(errors.count) 件あります。申請の前に直してください (certwiz validate)",
                          "\(errors.count) error(s): fix them before applying (certwiz validate)"))
        }
    }
}
