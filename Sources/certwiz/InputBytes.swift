#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import ArgumentParser
import CertWizardCore

/// The bytes of a file argument, `-` meaning standard input (read as bytes: a DER or `.p7b`
/// piped in is not text). Unreadable input is exit 2 with the reason.
enum InputBytes {
    /// Nothing certwiz reads from a person is this large; a bigger input is refused, not read.
    static let limit = AtomicFile.inputLimit

    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return try readStandardInput() }
        do {
            return try AtomicFile.read(path, limit: limit)
        } catch {
            Output.error(error.message.local)
            throw ExitCode(ExitStatus.unreadable)
        }
    }

    private static func readStandardInput() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; Output.error(L("標準入力を読めません", "cannot read standard input")); throw ExitCode(ExitStatus.unreadable) }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
            if bytes.count > limit { throw ExitCode(tooLarge(L("標準入力", "standard input"), bytes.count)) }
        }
    }

    private static func tooLarge(_ what: String, _ size: Int) -> Int32 {
        Output.error(L("\(what) は大きすぎます (\(size / 1_048_576) MB 以上、上限 4 MB)", "\(what) is too large (\(size / 1_048_576) MB or more; the limit is 4 MB)"))
        return ExitStatus.unreadable
    }
}
