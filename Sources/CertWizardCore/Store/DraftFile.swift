#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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

    /// Locks the draft for this process, removes what a crashed save left beside it, and reads it.
    public func open() throws(DraftStoreError) -> (Draft, DraftLock) {
        let lock = try DraftLock(draftPath: path)
        DraftFile.removeLeftovers(of: lock.filePath)
        return (try read(), lock)
    }

    /// Temporary files of saves that never finished (`.NAME.json.tmp-PID-N`, written by a process
    /// that is gone): they hold a whole copy of a draft, personal data included. Only files whose
    /// process is gone are removed (a live save's file has a live pid), so this is safe for every
    /// draft in the folder at once; it is done once per folder per process, so opening each of
    /// 10,000 drafts (`renew --auto --all`) does not read the folder 10,000 times.
    static func removeLeftovers(of filePath: String) {
        let dir = AtomicFile.split(filePath).dir
        guard cleanedFolders.withLock({ $0.insert(dir).inserted }) else { return }
        guard let folder = opendir(dir) else { return }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = savingProcess(ofTemporary: name) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    /// The process that was writing a save's temporary file, `.<draft>.json.tmp-<pid>-<n>`; nil for
    /// any other name. A byte search: this runs before the wizard's first frame, and the generic
    /// `firstRange(of:)` cost a quarter million instructions and pages of the string library.
    static func savingProcess(ofTemporary name: String) -> Int32? {
        let bytes = Array(name.utf8), marker = Array(".json.tmp-".utf8)
        guard bytes.first == UInt8(ascii: "."), bytes.count > marker.count else { return nil }
        for start in 1...(bytes.count - marker.count) where bytes[start..<start + marker.count].elementsEqual(marker) {
            let digits = bytes[(start + marker.count)...].prefix { $0 != UInt8(ascii: "-") }
            return Int32(String(decoding: digits, as: UTF8.self))
        }
        return nil
    }

    private static let cleanedFolders = Mutex<Set<String>>([])

    /// Writes `draft` over the file (through any symbolic link to it), atomically, mode 0600; the
    /// new file is locked before it takes the draft's place, so the lock never lapses.
    public func save(_ draft: Draft, holding lock: DraftLock,
                     stage: (SaveStage) -> Void = { _ in }) throws(DraftStoreError) {
        precondition(lock.draftPath == path && lock.isHeld, "saving a draft needs its own lock")
        let target = lock.filePath
        // A hard link made while the draft was open would keep the old version under its name.
        if lock.linkCount > 1 { throw .hardLinked(path: path, links: lock.linkCount) }
        let bytes = try DraftFile.encodeReadable(draft, path: path)
        do throws(FileError) {
            let temp = try AtomicFile.writeTemporary(bytes, beside: target, mode: 0o600)
            stage(.written)
            do throws(FileError) {
                try lock.replaceLockedFile(with: temp) { () throws(FileError) in
                    guard rename(temp, target) == 0 else { throw FileError("rename", target) }
                }
            } catch {
                unlink(temp)
                throw error
            }
            try AtomicFile.syncDirectory(of: target)
            stage(.renamed)
        } catch {
            throw .file(error)
        }
    }

    /// Writes a new draft; refuses if one is already there.
    public func create(_ draft: Draft) throws(DraftStoreError) {
        let bytes = try DraftFile.encodeReadable(draft, path: path)
        do { try AtomicFile.create(bytes, at: path) } catch {
            if error.code == EEXIST { throw .alreadyExists(path: path) }
            throw .file(error)
        }
    }

    /// The draft's bytes, or a refusal when the next load would refuse them: a save never turns a
    /// readable draft into one that `open` refuses (and so can no longer edit).
    private static func encodeReadable(_ draft: Draft, path: String) throws(DraftStoreError) -> [UInt8] {
        let bytes = DraftCodec.encode(draft)
        if let reason = DraftCodec.refusal(ofEncoded: bytes) { throw .unsavable(path: path, reason: reason) }
        return bytes
    }

    /// When the file last changed, in seconds since 1970.
    public var modified: Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec)
    }
}
