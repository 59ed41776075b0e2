#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One draft on disk, by path: read it, lock it, save it atomically.
///
/// Saving needs the lock (`save(_:holding:)`), and the lock is only handed out with a
/// draft that was read successfully (`open()`), so an unreadable draft is never overwritten.
public struct DraftFile: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The draft's name: the file name without `.json`.
    public var name: String {
        let base = AtomicFile.split(path).base
        return base.hasSuffix(".json") ? String(base.dropLast(5)) : base
    }

    public var exists: Bool { access(path, F_OK) == 0 }

    public func read() throws(DraftStoreError) -> Draft {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch {
            if error.code == ENOENT { throw .notFound(path: path) }
            throw .file(error)
        }
        do { return try DraftCodec.decode(bytes) } catch { throw .unreadable(path: path, reason: error) }
    }

    /// Locks the draft for this process and reads it.
    public func open() throws(DraftStoreError) -> (Draft, DraftLock) {
        let lock = try DraftLock(draftPath: path)
        return (try read(), lock)
    }

    /// Writes `draft` over the file, atomically, mode 0600.
    public func save(_ draft: Draft, holding lock: DraftLock,
                     stage: (SaveStage) -> Void = { _ in }) throws(DraftStoreError) {
        precondition(lock.draftPath == path && lock.isHeld, "saving a draft needs its own lock")
        do { try AtomicFile.write(DraftCodec.encode(draft), to: path, stage: stage) } catch { throw .file(error) }
    }

    /// Writes a new draft; refuses if one is already there.
    public func create(_ draft: Draft) throws(DraftStoreError) {
        do { try AtomicFile.create(DraftCodec.encode(draft), at: path) } catch {
            if error.code == EEXIST { throw .alreadyExists(path: path) }
            throw .file(error)
        }
    }

    /// When the file last changed, in seconds since 1970.
    public var modified: Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec)
    }
}
