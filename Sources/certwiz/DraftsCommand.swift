import ArgumentParser
import CertWizardCore

/// `certwiz drafts`: every draft with its type, CN, step and last change.
struct DraftsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drafts",
                             abstract: L("下書きの一覧 (名前・種別・CN・手順・最終変更)", "List the drafts: name, type, CN, step, last change"))

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("JSON で出力する", "Print JSON for scripts"))) var json = false
    @Option(help: ArgumentHelp(L("手順の判定に使う日付 (YYYY-MM-DD)", "The date to judge the step on (YYYY-MM-DD)"), valueName: "YYYY-MM-DD")) var today: CalendarDate?

    struct Row: Encodable {
        let name: String
        let path: String
        let type: String?
        let commonName: String?
        let step: String?
        let modified: String?
        let error: String?
    }

    func run() throws {
        let locator = DraftLocator()
        let listings: [DraftListing]
        do { listings = try locator.store.list() } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.unreadable)
        }
        let day = today ?? CalendarDate.today()
        let language = cliLanguage
        let rows = listings.concurrentMap { listing -> Row in
            let modified = listing.modified.map(Output.localTime)
            switch listing.content {
            case .success(let draft):
                let step = ProcedureStep.current(for: draft, findings: Validator.findings(for: draft, today: day))
                return Row(name: listing.file.name, path: listing.file.path, type: draft.applicationType?.rawValue,
                           commonName: draft.csr.commonName, step: step.label(in: language), modified: modified, error: nil)
            case .failure(let error):
                return Row(name: listing.file.name, path: listing.file.path, type: nil, commonName: nil, step: nil,
                           modified: modified, error: error.shortReason.text(in: language))
            }
        }
        if json {
            struct Listing: Encodable { let directory: String; let drafts: [Row] }
            Output.json(Listing(directory: locator.store.directory, drafts: rows))
            return
        }
        guard !rows.isEmpty else {
            print(L("下書きはありません (\(locator.store.directory))。certwiz new NAME で作成できます",
                    "No drafts yet (in \(locator.store.directory)). Create one with: certwiz new NAME"))
            return
        }
        var table = [[L("名前", "NAME"), L("種別", "TYPE"), "CN", L("手順", "STEP"), L("最終変更", "LAST CHANGE")]]
        for row in rows {
            if let error = row.error {
                table.append([row.name, "-", "-", L("読めません: ", "unreadable: ") + error, row.modified ?? "-"])
            } else {
                table.append([row.name, row.type.map(typeLabel) ?? "-", row.commonName ?? "-", row.step ?? "-", row.modified ?? "-"])
            }
        }
        print(Output.table(table))
    }

    func typeLabel(_ raw: String) -> String {
        switch ApplicationType(rawValue: raw) {
        case .new: return L("新規", "new")
        case .renewal: return L("更新", "renewal")
        case .reissue: return L("再発行", "reissue")
        case nil: return raw
        }
    }
}
