import CertWizardCore
import Dispatch
import Synchronization

/// What a running operation is given: the gate its writes pass through, and a way to run
/// blocking work that a cancel or time-out does not have to wait for.
public final class OperationContext: Sendable {
    enum Stage: Equatable, Sendable {
        case running
        case committing
        case stopped(timedOut: Bool)
    }

    private let stage = Mutex(Stage.running)

    init() {}

    /// Stops the operation unless it is already writing its result: a write that has begun is
    /// finished and its result applied, so disk and draft never disagree. True when stopped.
    func stop(timedOut: Bool) -> Bool {
        stage.withLock { stage in
            switch stage {
            case .running:
                stage = .stopped(timedOut: timedOut)
                return true
            case .stopped: return true
            case .committing: return false
            }
        }
    }

    var stopReason: Stage { stage.withLock { $0 } }

    /// Runs `write` (files to disk) unless the operation was stopped; once it has begun, a cancel
    /// or a time-out no longer stops the operation.
    public func commit<T>(_ write: () throws -> T) throws -> T {
        let allowed = stage.withLock { stage -> Bool in
            guard stage == .running else { return false }
            stage = .committing
            return true
        }
        guard allowed else { throw CancellationError() }
        return try write()
    }

    /// Runs blocking work (a socket read, RSA key generation) on another thread. A cancel returns
    /// at once; the abandoned work finishes on its own and its result is dropped.
    public func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let once = ResumeOnce<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                once.set(continuation)
                // A queue of its own: a thread even when every pooled one is blocked waiting.
                DispatchQueue(label: "certwiz.blocking").async { once.resume(Result { try work() }) }
            }
        } onCancel: {
            once.resume(.failure(CancellationError()))
        }
    }
}

/// Resumes a continuation exactly once, whichever comes first: the work's result or a cancel
/// (which may arrive before the continuation exists).
private final class ResumeOnce<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var done = false
    }
    private let state = Mutex(State())

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state -> Result<T, any Error>? in
            if let early = state.early { state.done = true; state.early = nil; return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func resume(_ result: Result<T, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard !state.done else { return nil }
            guard let continuation = state.continuation else {
                if state.early == nil { state.early = result }
                return nil
            }
            state.done = true
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }
}
