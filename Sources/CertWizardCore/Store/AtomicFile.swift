#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The points of an atomic save, named so a test can stop a real process between them.
public enum SaveStage: Sendable {
    /// The new contents are in a temporary file and on disk; the old file is untouched.
    case written
    /// The new file has replaced the old one.
    case renamed
}

/// Whole-file writes that are all or nothing, even across a crash or power loss:
/// write a temporary file beside the target, fsync it, rename it over the target,
/// fsync the folder. Readers see the old file or the new one, never a mix.
public enum AtomicFile {
    /// Nothing certwiz reads (a draft, an answers file, a CSR, a certificate, a mail) is near this.
    public static let inputLimit = 4 << 20

    /// The whole of a regular file of at most `limit` bytes. A FIFO, device, socket or folder is
    /// refused at once (opened without blocking, checked before any read), and a larger file is
    /// refused without being read, so `/dev/zero` or a 2 GB file cannot hang or exhaust memory.
    public static func read(_ path: String, limit: Int = inputLimit) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw FileError("open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError("read", path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular(path, mode: info.st_mode) }
        guard info.st_size <= limit else { throw .tooLarge(path, size: Int(info.st_size), limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        // Sized to the file (one more byte sees the end, or that it grew) and not zeroed: a
        // draft is read before the first frame, and a zeroed 64 KB buffer cost 16 page faults.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(Int(info.st_size) + 1, 65_536), alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw FileError("read", path) }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
            // A file that grows while it is read is held to the same limit.
            if bytes.count > limit { throw .tooLarge(path, size: bytes.count, limit: limit) }
        }
    }

    /// Replaces (or creates) `path` with `bytes`, file mode `mode`.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600,
                             stage: (SaveStage) -> Void = { _ in }) throws(FileError) {
        let temp = try writeTemporary(bytes, beside: path, mode: mode)
        stage(.written)
        guard rename(temp, path) == 0 else {
            let error = FileError("rename", path)
            unlink(temp)
            throw error
        }
        try syncDirectory(of: path)
        stage(.renamed)
    }

    /// Creates `path` with `bytes` only if nothing is there yet; never replaces a file.
    /// (link(2) of a complete temporary file fails with EEXIST where rename would overwrite.)
    public static func create(_ bytes: [UInt8], at path: String, mode: mode_t = 0o600) throws(FileError) {
        let temp = try writeTemporary(bytes, beside: path, mode: mode)
        defer { unlink(temp) }
        guard link(temp, path) == 0 else { throw FileError("create", path) }
        try syncDirectory(of: path)
    }

    /// Makes `path` and its missing parents, new ones with `mode`.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o700) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, mode) != 0 && errno != EEXIST { throw FileError("create the folder", current) }
        }
    }

    static func writeTemporary(_ bytes: [UInt8], beside path: String, mode: mode_t) throws(FileError) -> String {
        let (dir, base) = split(path)
        let temp = "\(dir)/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileError("create", temp) }
        var failure: FileError?
        var offset = 0
        while offset < bytes.count, failure == nil {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno != EINTR { failure = FileError("write", temp) } } else { offset += n }
        }
        if failure == nil, fsync(fd) != 0 { failure = FileError("sync", temp) }
        close(fd)
        if let failure { unlink(temp); throw failure }
        return temp
    }

    static func syncDirectory(of path: String) throws(FileError) {
        let dir = split(path).dir
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("open", dir) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileError("sync", dir) }
    }

    public static func split(_ path: String) -> (dir: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }
}
