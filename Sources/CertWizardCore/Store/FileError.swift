#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call on a file failed: which operation, on which path, and the system's reason.
public struct FileError: Error, Equatable, Sendable {
    public let operation: String
    public let path: String
    public let code: Int32

    /// What certwiz itself found wrong (not a regular file, too large), when the system did not say.
    public let problem: Localized?

    public init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
        problem = nil
    }

    init(_ operation: String, _ path: String, code: Int32, problem: Localized) {
        self.operation = operation
        self.path = path
        self.code = code
        self.problem = problem
    }

    /// A FIFO, a device, a socket or a directory where a file to read was expected: refused before
    /// reading, since reading one could wait forever or never end (`/dev/zero`).
    static func notRegular(_ path: String, mode: mode_t) -> FileError {
        let kind: Localized
        switch mode & S_IFMT {
        case S_IFDIR: kind = Localized("フォルダ", "a folder")
        case S_IFIFO: kind = Localized("名前付きパイプ (FIFO)", "a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: kind = Localized("デバイス", "a device")
        case S_IFSOCK: kind = Localized("ソケット", "a socket")
        default: kind = Localized("特殊なファイル", "a special file")
        }
        return FileError("read", path, code: EINVAL, problem: Localized("\(path) は\(kind.ja)で、普通のファイルではありません",
                                                                    "\(path) is \(kind.en), not a regular file"))
    }

    static func tooLarge(_ path: String, size: Int, limit: Int) -> FileError {
        FileError("read", path, code: EFBIG, problem: Localized(
            "\(path) は大きすぎます (\(megabytes(size)) MB、上限 \(limit >> 20) MB)", "\(path) is too large (\(megabytes(size)) MB; the limit is \(limit >> 20) MB)"))
    }

    private static func megabytes(_ size: Int) -> String {
        let tenths = (size * 10 + 1_048_575) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    public var reason: String { problem?.en ?? String(cString: strerror(code)) }

    public var message: Localized {
        problem ?? Localized("\(path) を\(operation)できません: \(reason)", "cannot \(operation) \(path): \(reason)")
    }
}
