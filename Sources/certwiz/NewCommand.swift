import ArgumentParser
import CertWizardCore

extension ApplicationType: ExpressibleByArgument {}

/// `certwiz new NAME`: an empty draft of a given application type.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: L("新しい下書きを作る", "Start a new draft"))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("申請種別: new (新規)、renewal (更新)、reissue (再発行)", "Application type: new, renewal or reissue")))
    var type: ApplicationType = .new
    @Argument(help: ArgumentHelp(L("下書きの名前 (日本語も可)", "The draft's name (Japanese is fine)"))) var name: String

    func run() throws {
        do {
            let file = try DraftLocator().store.create(name, Draft(applicationType: type))
            print(L("下書き \(name) を作りました: \(file.path)", "Created the draft \(name): \(file.path)"))
        } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
    }
}
