import CertWizardCore
import Dispatch
import Synchronization

/// Writes the draft being edited on a thread of its own, so a keystroke's screen update
/// never waits for a file to be written, renamed and synced.
///
/// The newest draft handed over wins: a burst of keys written in one save, never an older
/// version after a newer one. A save starts as soon as one is asked for (there is no
/// debounce), so an edit is on disk within the time of one write. `flush()` waits until
/// the last draft handed over is on disk; the runtime calls it before anything that needs
/// the file current (quitting, a signal, opening another draft, starting an operation).
final class DraftSaver: Sendable {
    private struct Queue {
        /// The newest draft not yet being written.
        var pending: Draft?
        /// Whether the writer thread has work queued or running.
        var writing = false
        /// The first failure since it was last taken, for the status line.
        var failure: DraftStoreError?
    }

    let file: DraftFile
    private let lock: DraftLock
    private let state = Mutex(Queue())
    private let writer = DispatchQueue(label: "certwiz.draft-saver", qos: .userInitiated)

    init(file: DraftFile, lock: DraftLock) {
        self.file = file
        self.lock = lock
    }

    /// Hands `draft` over to be written; returns at once.
    func save(_ draft: Draft) {
        let start = state.withLock { queue -> Bool in
            queue.pending = draft
            if queue.writing { return false }
            queue.writing = true
            return true
        }
        if start { writer.async { self.drain() } }
    }

    /// Waits until every draft handed over is on disk; returns the failure, if any.
    @discardableResult
    func flush() -> DraftStoreError? {
        writer.sync {}
        return takeFailure()
    }

    /// A save that failed since the last call (reported once).
    func takeFailure() -> DraftStoreError? {
        state.withLock { queue in
            defer { queue.failure = nil }
            return queue.failure
        }
    }

    private func drain() {
        while let draft = state.withLock({ queue -> Draft? in
            defer { queue.pending = nil }
            if queue.pending == nil { queue.writing = false }
            return queue.pending
        }) {
            do { try file.save(draft, holding: lock) } catch {
                state.withLock { queue in if queue.failure == nil { queue.failure = error } }
            }
        }
    }
}
