#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore

/// A copy of every file an installation is about to change, taken before it changes any, with a
/// manifest saying what to put back and what to remove (files and links it created). One folder
/// per installation under the draft's backups; the newest is what `install --rollback` restores.
public struct InstallBackup: Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public let path: String
        /// The copy of the file as it was, in the backup folder; nil when the installation created it.
        public let saved: String?
        public let mode: UInt32?
    }

    public struct Manifest: Codable, Equatable, Sendable {
        public let server: String
        public let config: String?
        public let createdAt: String
        public let entries: [Entry]
        /// Folders the installation made (deepest last), removed on restore when empty.
        public var createdDirectories: [String]? = nil
    }

    public let folder: String
    public let manifest: Manifest

    /// Copies what `changes` will replace into a new folder under `root` (0700, copies 0600).
    public static func take(before changes: [FileChange], server: String, config: String?, under root: String, stamp: String) throws(FileError) -> InstallBackup {
        var folder = root + "/" + stamp
        var suffix = 1
        while access(folder, F_OK) == 0 { suffix += 1; folder = root + "/" + stamp + "-\(suffix)" }
        try AtomicFile.makeDirectories(folder, mode: 0o700)
        var entries: [Entry] = []
        for (index, change) in changes.enumerated() {
            switch change.kind {
            case .edit(let before):
                let saved = folder + "/\(index)-" + (change.path.split(separator: "/").last.map(String.init) ?? "file")
                try AtomicFile.create(before, at: saved, mode: 0o600)
                entries.append(Entry(path: change.path, saved: saved, mode: UInt32(change.mode)))
            case .create, .link:
                entries.append(Entry(path: change.path, saved: nil, mode: nil))
            }
        }
        var missing: [String] = []
        for change in changes {
            if case .edit = change.kind { continue }
            var directory = NginxConfig.directory(of: change.path)
            var chain: [String] = []
            while directory != "/", directory != ".", access(directory, F_OK) != 0 {
                chain.insert(directory, at: 0)
                directory = NginxConfig.directory(of: directory)
            }
            for path in chain where !missing.contains(path) { missing.append(path) }
        }
        var manifest = Manifest(server: server, config: config, createdAt: stamp, entries: entries)
        manifest.createdDirectories = missing
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let json = try? encoder.encode(manifest) else { throw FileError("encode", folder, code: EINVAL) }
        try AtomicFile.create(Array(json), at: folder + "/manifest.json", mode: 0o600)
        return InstallBackup(folder: folder, manifest: manifest)
    }

    /// The newest backup under `root`, if any.
    public static func latest(under root: String) -> InstallBackup? {
        guard let directory = opendir(root) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        for name in names.sorted(by: >) {
            let folder = root + "/" + name
            guard let bytes = try? AtomicFile.read(folder + "/manifest.json"),
                  let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)) else { continue }
            return InstallBackup(folder: folder, manifest: manifest)
        }
        return nil
    }

    /// Puts every file back as it was and removes what the installation created. Goes on past a
    /// failure (restoring as much as it can) and reports the paths it could not restore.
    @discardableResult
    public func restore() -> [String] {
        var failed: [String] = []
        for entry in manifest.entries.reversed() {
            if let saved = entry.saved {
                do { try AtomicFile.write(try AtomicFile.read(saved), to: entry.path, mode: mode_t(entry.mode ?? 0o644)) } catch { failed.append(entry.path) }
            } else if unlink(entry.path) != 0, errno != ENOENT {
                failed.append(entry.path)
            }
        }
        for directory in (manifest.createdDirectories ?? []).reversed() { rmdir(directory) }
        return failed
    }

    /// Marks the backup as rolled back (renamed), so the next rollback takes the one before.
    public func retire() {
        _ = rename(folder + "/manifest.json", folder + "/manifest.rolled-back.json")
    }
}
