import ArgumentParser
import CertWizardCore

#if canImport(Glibc)
import Glibc
#endif

/// `certwiz rm NAME`: deletes a draft after asking (or with `--yes`).
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: L("下書きを削除する (確認あり)", "Delete a draft (asks first)"))

    @OptionGroup var global: GlobalOptions
    @Flag(name: [.long, .customShort("y")], help: ArgumentHelp(L("確認せずに削除する", "Delete without asking"))) var yes = false
    @Argument(help: ArgumentHelp(L("下書きの名前", "The draft's name"))) var name: String

    func run() throws {
        let store = DraftLocator().store
        do {
            let file = try store.file(named: name)
            guard file.exists else { throw DraftStoreError.notFound(path: file.path) }
            if !yes {
                guard isatty(0) != 0 else {
                    Output.error(L("確認できないため削除しません。--yes を付けてください", "not deleting without confirmation: add --yes"))
                    throw ExitCode(ExitStatus.failed)
                }
                print(L("下書き \(name) (\(file.path)) を削除しますか? [y/N] ", "Delete the draft \(name) (\(file.path))? [y/N] "),
                      terminator: "")
                let answer = readLine()?.trimmed.lowercased() ?? ""
                guard ["y", "yes", "はい"].contains(answer) else {
                    print(L("削除しませんでした", "Not deleted"))
                    throw ExitCode(ExitStatus.failed)
                }
            }
            try store.remove(name)
            print(L("下書き \(name) を削除しました", "Deleted the draft \(name)"))
        } catch let error as DraftStoreError {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
    }
}
