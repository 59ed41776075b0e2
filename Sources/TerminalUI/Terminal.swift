/// What the program loop needs from a terminal: its size, keys, and a way to show frames.
/// The ncurses adapter implements it for people, `HeadlessTerminal` for tests.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// The next key, or nil when `timeout` milliseconds passed (or a signal arrived) with none.
    func nextKey(timeout: Int) -> Key?
    /// Shows `frame`, drawing only what differs from the frame shown before.
    func draw(_ frame: Frame)
    /// Puts the terminal back as it was. Safe to call more than once.
    func restore()
    /// A quit signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) that arrived, taken once.
    func takeSignal() -> Int32?
}

/// A terminal in memory: keys come from a queue, frames are kept for inspection.
public final class HeadlessTerminal: Terminal {
    public var size: Size
    public private(set) var frames: [Frame] = []
    public var keys: [Key]
    public private(set) var restored = false
    /// A scripted user waits for each operation to end before the next key, as a person reading
    /// the screen would; tests of cancelling turn this off.
    public var waitsForOperations = true

    public init(size: Size, keys: [Key] = []) {
        self.size = size
        self.keys = keys
    }

    public func nextKey(timeout: Int) -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    public func draw(_ frame: Frame) { frames.append(frame) }
    public func restore() { restored = true }
    public var pendingSignal: Int32?
    public func takeSignal() -> Int32? {
        defer { pendingSignal = nil }
        return pendingSignal
    }
}
