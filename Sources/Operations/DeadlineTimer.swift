import Dispatch
import Synchronization

/// Runs an action once after a delay, on a dispatch queue of its own, unless cancelled first.
/// Time limits use it rather than a sleeping task, so a busy executor cannot delay them.
final class DeadlineTimer: Sendable {
    private let state = Mutex<(fired: Bool, cancelled: Bool)>((false, false))
    private static let queue = DispatchQueue(label: "certwiz.deadlines")

    init(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        Self.queue.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [self] in
            let fire = state.withLock { state -> Bool in
                guard !state.cancelled else { return false }
                state.fired = true
                return true
            }
            if fire { action() }
        }
    }

    /// Stops it if it has not fired; returns whether it had fired.
    func cancel() -> Bool {
        state.withLock { state in
            if !state.fired { state.cancelled = true }
            return state.fired
        }
    }
}
