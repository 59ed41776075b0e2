#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore

/// One change an installation makes to the server's files: an edit of an existing file (its
/// bytes before are kept for the diff and the backup), a new file, or a symbolic link (Debian's
/// `sites-enabled`). Applied atomically, in order; undone from the backup.
public struct FileChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case edit(before: [UInt8])
        case create
        case link(target: String)
    }

    public let path: String
    public let kind: Kind
    public let contents: [UInt8]
    public let mode: mode_t

    public init(path: String, kind: Kind, contents: [UInt8], mode: mode_t) {
        self.path = path
        self.kind = kind
        self.contents = contents
        self.mode = mode
    }

    public static func edit(_ path: String, from before: [UInt8], to after: [UInt8]) -> FileChange {
        var info = stat()
        let mode = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        return FileChange(path: path, kind: .edit(before: before), contents: after, mode: mode)
    }

    public static func create(_ path: String, _ contents: [UInt8], mode: mode_t = 0o644) -> FileChange {
        FileChange(path: path, kind: .create, contents: contents, mode: mode)
    }

    public static func link(_ path: String, to target: String) -> FileChange {
        FileChange(path: path, kind: .link(target: target), contents: [], mode: 0o777)
    }

    /// Makes the change. A new file or link never replaces one that is there.
    public func apply() throws(FileError) {
        switch kind {
        case .edit:
            try AtomicFile.write(contents, to: path, mode: mode)
        case .create:
            try AtomicFile.makeDirectories(NginxConfig.directory(of: path), mode: 0o755)
            try AtomicFile.create(contents, at: path, mode: mode)
        case .link(let target):
            guard symlink(target, path) == 0 else { throw FileError("link", path) }
        }
    }

    /// The change as a unified diff (`--dry-run`, the wizard's preview).
    public var diff: String {
        switch kind {
        case .edit(let before):
            return LineDiff.unified(old: String(decoding: before, as: UTF8.self), new: String(decoding: contents, as: UTF8.self), path: path)
        case .create:
            return LineDiff.unified(old: "", new: String(decoding: contents, as: UTF8.self), path: path, isNew: true)
        case .link(let target):
            return "+++ \(path) -> \(target) (symbolic link)\n"
        }
    }
}
