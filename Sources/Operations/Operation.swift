import CertWizardCore

/// One thing certwiz does to the world (make a key, read a certificate, submit ...), with typed
/// inputs and a typed result that the core applies to the draft. The wizard runs it off the
/// key-reading thread; the CLI and plain mode wait for it. Nothing here knows of a terminal.
public protocol Operation: Sendable {
    associatedtype Change: DraftChange
    /// What is running, for the progress line ("Reading the certificate from host:443").
    var title: Localized { get }
    /// How long it may run before it is stopped.
    var timeLimit: Duration { get }
    /// What to say when the time limit is reached ("no answer from host:443 in 10 s").
    var timeLimitMessage: Localized { get }
    /// Does the work. Every write to disk goes through `context.commit`, so a cancelled
    /// operation changes nothing; slow blocking work goes through `context.blocking`.
    func run(_ context: OperationContext) async throws -> Change
}

extension Operation {
    public var timeLimit: Duration { .seconds(60) }
    public var timeLimitMessage: Localized {
        let seconds = timeLimit.components.seconds
        return Localized("\(title.ja): \(seconds) 秒で終わりませんでした", "\(title.en): not done in \(seconds) s")
    }
}

/// Why an operation produced no result.
public enum OperationFailure: Error, Equatable, Sendable {
    /// It could not be done; the message says why and where.
    case failed(Localized)
    /// What it was to read (a file, a server's certificate, the demo CA) cannot be read.
    case unreadable(Localized)
    /// The applicant cancelled it before it changed anything.
    case cancelled
    /// It ran past its time limit and was stopped before it changed anything.
    case timedOut(Localized)

    /// What could not be read (exit code 2 for the command line).
    public var isUnreadable: Bool { if case .unreadable = self { return true } else { return false } }

    public var message: Localized {
        switch self {
        case .failed(let why), .unreadable(let why), .timedOut(let why): return why
        case .cancelled: return Localized("取り消しました。何も変わっていません", "Cancelled: nothing was changed")
        }
    }
}
