import Synchronization

/// The last value made for a key, kept for the next frame: parts of a frame that change only with
/// a few inputs (the screen's header, the key line) are made once and copied while those stay
/// the same. One entry: frames ask for the same key again and again, then move on.
public final class KeptLast<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline let last = Mutex<(key: Key, value: Value)?>(nil)

    public init() {}

    /// The kept value when `key` is the last one asked for, else `make()`'s, kept. Inlinable, so
    /// it is specialised for each use (generic, it cost a frame ~9,000 instructions more).
    @inlinable
    public func value(for key: Key, make: () -> Value) -> Value {
        if let kept = last.withLock({ $0 }), kept.key == key { return kept.value }
        let value = make()
        last.withLock { $0 = (key, value) }
        return value
    }
}
