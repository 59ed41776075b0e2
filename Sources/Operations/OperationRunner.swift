import CertWizardCore
import Dispatch
import Synchronization

/// An operation that has been started: ask whether it is done, cancel it, or wait for it.
public final class RunningOperation<Change: DraftChange>: Sendable {
    public let title: Localized
    public let startedAt: ContinuousClock.Instant
    private let context: OperationContext
    private let task = Mutex<Task<Void, Never>?>(nil)
    private let outcome = Mutex<Result<Change, OperationFailure>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(title: Localized, context: OperationContext) {
        self.title = title
        self.context = context
        startedAt = .now
    }

    /// The result, once there is one.
    public var result: Result<Change, OperationFailure>? { outcome.withLock { $0 } }

    /// Cancels it, unless it is already writing its result (then the result comes as usual).
    /// True when it was cancelled: it changes nothing on disk, and its result is `.cancelled`.
    @discardableResult
    public func cancel() -> Bool { stop(timedOut: false) }

    /// Blocks the calling thread until the result is there (the CLI and plain mode).
    public func wait() -> Result<Change, OperationFailure> {
        done.wait()
        done.signal()
        return result!
    }

    func stop(timedOut: Bool) -> Bool {
        guard context.stop(timedOut: timedOut) else { return false }
        task.withLock { $0?.cancel() }
        return true
    }

    func start(_ body: Task<Void, Never>) { task.withLock { $0 = body } }

    private let finished = Mutex<(@Sendable () -> Void)?>(nil)

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let already = outcome.withLock { $0 != nil }
        if already { action() } else { finished.withLock { $0 = action } }
    }

    func finish(_ result: Result<Change, OperationFailure>) {
        outcome.withLock { $0 = result }
        done.signal()
        finished.withLock { $0 }?()
    }
}

/// Starts operations with their time limits, and maps what they throw to `OperationFailure`.
public enum OperationRunner {
    /// Starts `operation` on the cooperative pool and returns at once.
    public static func start<Op: Operation>(_ operation: Op) -> RunningOperation<Op.Change> {
        let context = OperationContext()
        let running = RunningOperation<Op.Change>(title: operation.title, context: context)
        running.start(Task.detached(executorPreference: OperationExecutor.shared) {
            let result: Result<Op.Change, OperationFailure>
            do {
                result = .success(try await operation.run(context))
            } catch let failure as OperationFailure {
                result = .failure(failure)
            } catch is CancellationError {
                result = .failure(.cancelled)
            } catch {
                result = .failure(.failed(Localized("失敗しました: \(error)", "Failed: \(error)")))
            }
            // A stopped operation reports why it stopped, whatever its work threw on the way out.
            switch context.stopReason {
            case .stopped(timedOut: true): running.finish(.failure(.timedOut(operation.timeLimitMessage)))
            case .stopped: running.finish(.failure(.cancelled))
            default: running.finish(result)
            }
        })
        // A dispatch timer: the limit holds even when every executor is busy.
        let timer = DeadlineTimer(after: operation.timeLimit) { if running.result == nil { _ = running.stop(timedOut: true) } }
        running.onFinish { _ = timer.cancel() }
        return running
    }

    /// Runs `operation` to the end, blocking the calling thread (not for use inside async code).
    public static func wait<Op: Operation>(_ operation: Op) -> Result<Op.Change, OperationFailure> {
        start(operation).wait()
    }
}
