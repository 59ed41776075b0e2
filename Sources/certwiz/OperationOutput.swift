import ArgumentParser
import CertWizardCore
import Operations

extension Operation {
    /// Runs the operation to the end for a command: its result, or its message on stderr and the
    /// exit code scripts rely on (2 for what cannot be read, 1 otherwise).
    func runForCommand() throws -> Change {
        switch OperationRunner.wait(self) {
        case .success(let change):
            return change
        case .failure(let failure):
            Output.error(failure.message.local)
            throw ExitCode(failure.isUnreadable ? ExitStatus.unreadable : ExitStatus.failed)
        }
    }
}

extension DraftChange {
    /// The draft with this result recorded, or the refusal on stderr and exit 1.
    func record(in draft: Draft) throws -> Draft {
        do { return try applied(to: draft) } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.failed)
        }
    }
}
