import ArgumentParser
import CertWizardCore
import CertWizardPKI

/// `certwiz validate`: every finding for a draft; exit 0 without errors, 1 with, 2 unreadable.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: L("下書きをすべての規則で検査する", "Check a draft against every rule of the procedure"),
            discussion: L("終了コード: 0 エラーなし、1 エラーあり、2 下書きを読めない (理由は標準エラーへ)",
                          "Exit codes: 0 no errors, 1 errors, 2 the draft cannot be read (the reason goes to stderr)"))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("下書きの名前かファイルのパス (既定: 最後に変更した下書き)", "A draft's name or a file path (default: the most recently changed draft)"),
                               valueName: "NAME|PATH"))
    var draft: String?
    @Flag(help: ArgumentHelp(L("{\"findings\":[...]} の JSON で出力する", "Print {\"findings\":[...]} as JSON"))) var json = false
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Judge the draft as of this date (YYYY-MM-DD)"), valueName: "YYYY-MM-DD")) var today: CalendarDate?

    func run() throws {
        let (file, loaded) = try DraftLocator().read(draft)
        let findings = DraftCheck.findings(for: loaded, today: today ?? CalendarDate.today())
        let step = ProcedureStep.current(for: loaded, findings: findings)
        if json {
            struct Report: Encodable { let draft: String; let step: String; let findings: [Finding] }
            Output.json(Report(draft: file.path, step: step.rawValue, findings: findings))
        } else {
            print(FindingReport(findings: findings, draftPath: file.path, step: step).text)
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.failed) }
    }
}

/// Findings as people read them: one per line, errors first, and a count.
struct FindingReport {
    let findings: [Finding]
    let draftPath: String
    let step: ProcedureStep

    var text: String {
        var lines = ["\(L("下書き", "Draft")): \(draftPath)  [\(step.label(in: cliLanguage))]"]
        let sorted = findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
        let rows = sorted.map { [FindingReport.severityLabel($0.severity), $0.code, "\($0.field): \($0.message.local)"] }
        if !rows.isEmpty { lines.append(Output.table(rows)) }
        let count = { (s: Severity) in findings.filter { $0.severity == s }.count }
        lines.append(L("エラー \(count(.error)) 件、警告 \(count(.warning)) 件、情報 \(count(.info)) 件",
                       "\(count(.error)) errors, \(count(.warning)) warnings, \(count(.info)) notes"))
        return lines.joined(separator: "\n")
    }

    static func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .error: return L("エラー", "error")
        case .warning: return L("警告", "warning")
        case .info: return L("情報", "info")
        }
    }
}
