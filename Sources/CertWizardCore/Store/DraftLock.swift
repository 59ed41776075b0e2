#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive use of one draft by one certwiz process.
///
/// An flock(2) on the draft file itself, so every path to it (its name, a symbolic link, a hard
/// link) meets the same lock; the kernel releases it when the process ends, however it ends, so
/// a crash never leaves a draft stuck. A save replaces the file, so the new file is locked before
/// it takes the draft's name (`replaceLockedFile`): there is no moment when the draft is free.
/// No lock file is created, so nothing at a predictable name can be turned against the user
/// (a symbolic link there once made certwiz overwrite its target). The holder is named from
/// the kernel's own table of locks (`/proc/locks`).
public final class DraftLock: @unchecked Sendable {
    /// The draft's path as given.
    public let draftPath: String
    /// The file itself, every symbolic link resolved: where saves go, so a link stays a link.
    public private(set) var filePath: String
    private var fd: Int32

    /// Takes the lock, or throws `.locked` at once (naming the holder's pid) when another process holds it.
    ///
    /// A save replaces the file: a process that opened the old file just before another's save
    /// would win its lock after the save let it go, and hold a lock on a file that is no longer
    /// the draft. So once locked, the name must still lead to the locked file; if not, the lock
    /// is let go and taken again on what the name leads to now.
    public convenience init(draftPath: String) throws(DraftStoreError) {
        try self.init(draftPath: draftPath, beforeLocking: {})
    }

    /// `beforeLocking` runs between opening the file and locking it: where another process's
    /// save can come (the tests put one there).
    init(draftPath: String, beforeLocking: () -> Void) throws(DraftStoreError) {
        self.draftPath = draftPath
        fd = -1
        filePath = draftPath
        for _ in 0..<DraftLock.attempts {
            let (path, descriptor, info) = try DraftLock.openRegular(draftPath)
            filePath = path
            fd = descriptor
            beforeLocking()
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let holder = DraftLock.holder(device: info.st_dev, inode: info.st_ino)
                // deinit still runs for a class whose init throws after setting every
                // property: release() closes the descriptor once, and only once.
                release()
                throw .locked(path: draftPath, holder: holder)
            }
            var now = stat(), locked = stat()
            if stat(path, &now) == 0, fstat(fd, &locked) == 0, now.st_dev == locked.st_dev, now.st_ino == locked.st_ino {
                if locked.st_nlink > 1 {
                    release()
                    throw .hardLinked(path: draftPath, links: Int(locked.st_nlink))
                }
                return
            }
            release()  // replaced meanwhile: lock what the name holds now
        }
        // Replaced on every attempt: another process saves without pause.
        throw .locked(path: draftPath, holder: nil)
    }

    static let attempts = 50

    /// The draft's file, every symbolic link resolved, opened (not locked) and checked to be a regular file.
    private static func openRegular(_ draftPath: String) throws(DraftStoreError) -> (String, Int32, stat) {
        guard let resolved = realpath(draftPath, nil) else {
            if errno == ENOENT { throw .notFound(path: draftPath) }
            throw .file(FileError("open", draftPath))
        }
        let path = String(cString: resolved)
        free(resolved)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            // Renamed away between realpath and open: the caller's next attempt finds the new one.
            if errno == ENOENT { throw .notFound(path: draftPath) }
            throw .file(FileError("open", draftPath))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            let mode = info.st_mode
            close(fd)
            throw .file(FileError.notRegular(draftPath, mode: mode))
        }
        return (path, fd, info)
    }

    deinit { release() }

    /// Gives the lock up (also done when the value goes away or the process ends).
    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    public var isHeld: Bool { fd >= 0 }

    /// How many names (hard links) the locked file has now.
    var linkCount: Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_nlink) : 1
    }

    /// Locks `replacement` (a complete new version beside the draft), lets `rename` put it in the
    /// draft's place, then lets the old file go. When `rename` fails, the old file stays locked.
    func replaceLockedFile(with replacement: String, rename: () throws(FileError) -> Void) throws(FileError) {
        let newFD = open(replacement, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard newFD >= 0 else { throw FileError("open", replacement) }
        guard flock(newFD, LOCK_EX | LOCK_NB) == 0 else {
            let error = FileError("lock", replacement)
            close(newFD)
            throw error
        }
        do { try rename() } catch {
            close(newFD)
            throw error
        }
        close(fd)
        fd = newFD
    }

    /// The pid holding an flock on the file (device, inode), from /proc/locks
    /// ("1: FLOCK  ADVISORY  WRITE 1234 08:01:56789 0 EOF"); nil when it cannot be told.
    static func holder(device: dev_t, inode: ino_t) -> Int32? {
        guard let bytes = try? AtomicFile.read("/proc/locks") else { return nil }
        let major = UInt64((device >> 8) & 0xfff) | UInt64((device >> 32) & ~0xfff)
        let minor = UInt64(device & 0xff) | UInt64((device >> 12) & ~0xff)
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.contains("FLOCK") && !line.contains("->") {
            let fields = line.split(separator: " ")
            guard let place = fields.firstIndex(where: { $0.split(separator: ":").count == 3 }), place > 0 else { continue }
            let parts = fields[place].split(separator: ":")
            guard UInt64(parts[0], radix: 16) == major, UInt64(parts[1], radix: 16) == minor, UInt64(parts[2]) == UInt64(inode) else { continue }
            return Int32(fields[place - 1])
        }
        return nil
    }
}
