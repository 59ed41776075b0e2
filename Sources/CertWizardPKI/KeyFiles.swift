#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore

/// Where a new key and its CSR go, and writing the key so that no key is ever lost:
/// created with mode 0600 and O_EXCL, so an existing key file is never replaced.
public enum KeyFiles {
    /// `www.example.co.jp.key` / `.csr` in `directory`, or, when that key exists (a renewal
    /// keeps the key in use), `www.example.co.jp-2026-11-22.key`, then `-2`, `-3` ...
    public static func freshBase(in directory: String, commonName: String, today: CalendarDate) -> String {
        let name = fileName(for: commonName)
        func taken(_ base: String) -> Bool { occupied(path(directory, base + ".key")) || occupied(path(directory, base + ".csr")) }
        if !taken(name) { return name }
        let dated = "\(name)-\(today)"
        if !taken(dated) { return dated }
        var n = 2
        while taken("\(dated)-\(n)") { n += 1 }
        return "\(dated)-\(n)"
    }

    /// Whether anything is at `path`, a dangling symbolic link included (access(2) follows the link
    /// and says "nothing", yet an exclusive create there fails): such a name is taken too.
    static func occupied(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// A file name for a host name: `*.example.jp` becomes `wildcard.example.jp`, and anything but
    /// letters, digits, dots and hyphens becomes `_`.
    public static func fileName(for hostName: String) -> String {
        let safe = hostName.hasPrefix("*.") ? "wildcard" + hostName.dropFirst(1) : hostName
        return String(safe.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    /// What a draft's certificate files are named after: its key (`NAME.key` gives `NAME.crt`,
    /// `NAME.chain.crt`, `NAME.seal.html`), or, for a CSR brought in, the CN in `fallbackDirectory`.
    public static func certificateBase(for draft: Draft, fallbackDirectory: String) -> String {
        draft.csr.keyPath.map(stem) ?? path(draft.csr.keyDirectory ?? fallbackDirectory, fileName(for: draft.csr.commonName ?? "certificate"))
    }

    /// Writes an issued certificate and its chain beside the key as `BASE.crt` and `BASE.chain.crt`,
    /// never over another file: a second certificate for the same key gets `BASE-DATE`, then `-2` ...
    /// Returns both paths.
    public static func writeIssued(leafPEM: String, chainPEM: String, base: String, today: CalendarDate) throws(FileError) -> (certificate: String, chain: String) {
        let (directory, _) = AtomicFile.split(base)
        try AtomicFile.makeDirectories(directory)
        func taken(_ name: String) -> Bool { occupied(name + ".crt") || occupied(name + ".chain.crt") }
        var name = base
        if taken(name) {
            name = base + "-" + today.iso8601
            var n = 2
            while taken(name) { name = base + "-" + today.iso8601 + "-\(n)"; n += 1 }
        }
        try AtomicFile.create(Array(leafPEM.utf8), at: name + ".crt", mode: 0o644)
        try AtomicFile.create(Array(chainPEM.utf8), at: name + ".chain.crt", mode: 0o644)
        return (name + ".crt", name + ".chain.crt")
    }

    /// A key file's path without its `.key` ending: what its certificate and chain are named after.
    public static func stem(_ keyPath: String) -> String {
        keyPath.hasSuffix(".key") ? String(keyPath.dropLast(4)) : keyPath
    }

    public static func path(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// Writes a private key: a new file only (EEXIST otherwise), mode 0600 from the start.
    public static func writeNewKey(_ pem: String, to path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError("create", path) }
        defer { close(fd) }
        let bytes = Array(pem.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw FileError("write", path) }
            offset += n
        }
        guard fsync(fd) == 0 else { throw FileError("sync", path) }
    }
}
