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

    public init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var reason: String { String(cString: strerror(code)) }

    public var message: Localized {
        Localized("\(path) を\(operation)できません: \(reason)", "cannot \(operation) \(path): \(reason)")
    }
}
