import ArgumentParser
import CertWizardCore
import Operations

extension ApplicationType: ExpressibleByArgument {}

/// `certwiz new NAME`: an empty draft of a given application type.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: L("新しい下書きを作る", "Start a new draft"))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("申請種別: new (新規)、renewal (更新)、reissue (再発行)", "Application type: new, renewal or reissue")))
    var type: ApplicationType = .new
    @Option(help: ArgumentHelp(L("更新の元にする発行済みの下書き (--type renewal)", "The issued draft a renewal starts from (--type renewal)"), valueName: "NAME|PATH"))
    var from: String?
    @Argument(help: ArgumentHelp(L("下書きの名前 (日本語も可)", "The draft's name (Japanese is fine)"))) var name: String

    func validate() throws {
        if from != nil && type != .renewal { throw ValidationError(L("--from は --type renewal と使います", "--from goes with --type renewal")) }
    }

    func run() throws {
        let locator = DraftLocator()
        var draft = Draft(applicationType: type)
        if let from {
            let (sourceFile, source) = try locator.read(from)
            do throws(OperationFailure) {
                draft = try StartRenewal.draft(from: source, named: sourceFile.name, today: CalendarDate.today())
            } catch {
                Output.error(error.message.local)
                throw ExitCode(error.isUnreadable ? ExitStatus.unreadable : ExitStatus.failed)
            }
        }
        do {
            let file = try locator.store.create(name, draft)
            print(L("下書き \(name) を作りました: \(file.path)", "Created the draft \(name): \(file.path)"))
        } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
    }
}
