import Dispatch

/// Where operations run: threads of their own, not Swift's cooperative pool. The CLI, plain mode
/// and tests wait for an operation by blocking a thread; on a two-core machine that pool has
/// two threads, so an operation that needed it could wait for the very thread blocked on it.
final class OperationExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: a dispatch queue is safe to use from any thread.
    static let shared = OperationExecutor()
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // A queue of its own per job: a serial queue gets a thread even when the shared pools are
        // busy (an "overcommit" queue), and one operation waiting on a process never holds up another.
        DispatchQueue(label: "certwiz.operations").async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
