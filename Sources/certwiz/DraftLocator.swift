import ArgumentParser
import CertWizardCore

/// Finds the draft a command is about: `--draft NAME` in the store, `--draft PATH`
/// (anything with a `/` or ending in `.json`) anywhere, or, with no option, the most
/// recently changed draft in the store.
struct DraftLocator {
    let store: DraftStore

    init(environment: [String: String] = processEnvironment) {
        store = DraftStore(environment: environment)
    }

    /// A draft opened for editing (locked), or the reason on stderr and the exit code scripts
    /// expect: 2 when it cannot be read, 1 when it is open elsewhere or otherwise refused.
    func openForEditing(_ option: String?) throws -> (file: DraftFile, draft: Draft, lock: DraftLock) {
        do {
            let file = try locate(option)
            let (draft, lock) = try file.open()
            return (file, draft, lock)
        } catch {
            Output.error(error.message.local)
            throw ExitCode(error.isUnreadable ? ExitStatus.unreadable : ExitStatus.failed)
        }
    }

    /// A draft read without locking (for commands that only look), or the reason on stderr and exit 2.
    func read(_ option: String?) throws -> (file: DraftFile, draft: Draft) {
        do {
            let file = try locate(option)
            return (file, try file.read())
        } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.unreadable)
        }
    }

    func locate(_ option: String?) throws(DraftStoreError) -> DraftFile {
        if let option { return try store.locate(option) }
        let listings = try store.list()
        guard let newest = listings.first else { throw .noDrafts(directory: store.directory) }
        if listings.count > 1 {
            Output.note(L("下書き \(newest.file.name) を使います (最後に変更されたもの。--draft で指定できます)",
                          "using the draft \(newest.file.name), the most recently changed (choose another with --draft)"))
        }
        return newest.file
    }
}
