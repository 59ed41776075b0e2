#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive use of one draft by one certwiz process.
///
/// An flock(2) on a lock file beside the draft (`.NAME.json.lock`): the kernel releases it
/// when the process ends, however it ends, so a crash never leaves a draft stuck. The
/// holder's pid is written into the file only to name it in the refusal message.
public final class DraftLock: @unchecked Sendable {
    public let draftPath: String
    private var fd: Int32

    public static func lockPath(for draftPath: String) -> String {
        let (dir, base) = AtomicFile.split(draftPath)
        return "\(dir)/.\(base).lock"
    }

    /// Takes the lock, or throws `.locked` at once when another process holds it.
    public init(draftPath: String) throws(DraftStoreError) {
        self.draftPath = draftPath
        let path = DraftLock.lockPath(for: draftPath)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .file(FileError("open", path)) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = DraftLock.readPid(fd)
            // deinit still runs for a class whose init throws after setting every
            // property: release() closes the descriptor once, and only once.
            release()
            throw .locked(path: draftPath, holder: holder)
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit { release() }

    /// Gives the lock up (also done when the value goes away or the process ends).
    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    public var isHeld: Bool { fd >= 0 }

    private static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmed)
    }
}
