import ArgumentParser
import CertWizardCore

#if canImport(Glibc)
import Glibc
#endif

/// `certwiz set PATH=VALUE ...`: fills draft fields from scripts, with the same checks
/// and the same atomic, locked save as the wizard.
struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: L("下書きの項目を設定する (例: csr.commonName=www.example.co.jp)", "Set draft fields (e.g. csr.commonName=www.example.co.jp)"),
            discussion: L("""
                値の書き方: yes/no、日付は 2026-11-22、リストはカンマ区切り、空にすると項目を消します。
                項目の一覧は README.md にあります。設定した項目の指摘を表示します。
                """, """
                Values: yes/no for flags, 2026-11-22 for dates, commas between list items; an empty value clears the field.
                README.md lists the fields. The findings for the fields set are shown.
                """))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かファイルのパス", "A draft's name or a file path"), valueName: "NAME|PATH")) var draft: String?
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Judge the draft as of this date (YYYY-MM-DD)"), valueName: "YYYY-MM-DD")) var today: CalendarDate?
    @Argument(help: ArgumentHelp(L("設定する項目 PATH=VALUE", "Fields to set, as PATH=VALUE"))) var assignments: [String]

    func validate() throws {
        if assignments.isEmpty { throw ValidationError(L("PATH=VALUE を 1 つ以上指定してください", "give at least one PATH=VALUE")) }
    }

    func run() throws {
        var changes: [(String, JSONValue)] = []
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "=") else {
                Output.error(L("「\(assignment)」は PATH=VALUE の形ではありません", "'\(assignment)' is not of the form PATH=VALUE"))
                throw ExitCode(ExitStatus.failed)
            }
            let path = String(assignment[..<eq]), text = String(assignment[assignment.index(after: eq)...])
            do throws(DraftPathError) {
                guard let field = DraftSchema.field(path) else { throw .unknownPath(path) }
                changes.append((path, try field.parse(text)))
            } catch {
                Output.error(error.message.local)
                throw ExitCode(ExitStatus.failed)
            }
        }

        var (file, edited, lock) = try DraftLocator().openForEditing(draft)
        do {
            for (path, value) in changes { edited = try edited.setting(path, to: value) }
            try file.save(edited, holding: lock, stage: TestFaults.stageHook(environment: processEnvironment))
        } catch let error as DraftPathError {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        } catch let error as DraftStoreError {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
        let fields = Set(changes.map(\.0))
        let findings = Validator.findings(for: edited, fields: fields, today: today ?? CalendarDate.today())
        for finding in findings { print("\(FindingReport.severityLabel(finding.severity))  \(finding.code)  \(finding.field): \(finding.message.local)") }
    }
}

extension DraftStoreError {
    /// Whether the draft exists but cannot be read (exit 2), as opposed to other failures.
    var isUnreadable: Bool {
        switch self {
        case .unreadable, .notFound, .noDrafts: return true
        // A draft that cannot be opened or read (a folder, a FIFO, no permission) is unreadable, as `validate` says.
        case .file(let error): return error.operation == "open" || error.operation == "read"
        default: return false
        }
    }
}

/// Test-only: `CERTWIZ_TEST_CRASH=after-write` kills certwiz with SIGKILL between writing
/// a draft's temporary file and renaming it, so tests can check a real crash at the worst moment.
enum TestFaults {
    static func stageHook(environment: [String: String]) -> (SaveStage) -> Void {
        guard environment["CERTWIZ_TEST_CRASH"] == "after-write" else { return { _ in } }
        return { stage in if stage == .written { kill(getpid(), SIGKILL) } }
    }
}
