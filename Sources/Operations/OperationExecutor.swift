import Dispatch

/// Where operations run: threads of their own, not Swift's cooperative pool. The CLI, plain mode
/// and tests wait for an operation by blocking a thread; on a two-core machine that pool has
/// two threads, so an operation that needed it could wait for the very thread blocked on it.
final class OperationExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: a dispatch queue is safe to use from any thread.
    static let shared = OperationExecutor()
    // A serial queue gets a thread of its own (an "overcommit" queue); the global and concurrent
    // queues share a pool of one thread per core with the blocked waiters. Operations only pass
    // through here between their awaits; their slow work runs on threads of `blocking`.
    private let queue = DispatchQueue(label: "certwiz.operations")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
