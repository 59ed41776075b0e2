#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A draft as `certwiz drafts` lists it: readable, or broken with the reason.
public struct DraftListing: Sendable {
    public let file: DraftFile
    public let modified: Int?
    public let content: Result<Draft, DraftStoreError>
}

/// The folder of named drafts: `$XDG_DATA_HOME/certwiz/drafts/NAME.json`, mode 0600,
/// in a folder of mode 0700 (drafts hold names, addresses and phone numbers).
public struct DraftStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public init(environment: [String: String]) {
        self.init(directory: DataHome.draftsDirectory(environment: environment))
    }

    /// Names become file names: no slashes, no leading dot, no control characters.
    /// Japanese names are fine.
    public static func checkName(_ name: String) throws(DraftStoreError) {
        let reason: Localized?
        if name.isEmpty { reason = Localized("空です", "it is empty") }
        else if name.contains("/") { reason = Localized("「/」は使えません", "it contains '/'") }
        else if name.hasPrefix(".") { reason = Localized("「.」で始められません", "it begins with '.'") }
        else if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { reason = Localized("制御文字が入っています", "it contains a control character") }
        else if name.utf8.count > 200 { reason = Localized("長すぎます", "it is too long") }
        else { reason = nil }
        if let reason { throw .invalidName(name, reason: reason) }
    }

    /// certwiz's data folder, the drafts folder's parent (`$XDG_DATA_HOME/certwiz`).
    public var dataHome: String { AtomicFile.split(directory).dir }

    /// Where keys made for draft `name` go: `keys/NAME` beside the drafts folder.
    public func keysDirectory(draft name: String) -> String {
        DataHome.join(dataHome, "keys/" + name)
    }

    /// A draft named on the command line: a path when it contains `/` or ends in `.json`,
    /// otherwise a name in this store.
    public func locate(_ nameOrPath: String) throws(DraftStoreError) -> DraftFile {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") { return DraftFile(path: nameOrPath) }
        return try file(named: nameOrPath)
    }

    /// Like `locate`, but a missing draft given by name (not by path) is created as a new draft of `type`.
    public func locateOrCreate(_ nameOrPath: String, type: ApplicationType) throws(DraftStoreError) -> DraftFile {
        let target = try locate(nameOrPath)
        let isName = target.path != nameOrPath
        if isName, !target.exists { return try create(nameOrPath, Draft(applicationType: type)) }
        return target
    }

    public func file(named name: String) throws(DraftStoreError) -> DraftFile {
        try DraftStore.checkName(name)
        return DraftFile(path: DataHome.join(directory, name + ".json"))
    }

    /// Creates the folder (0700) if needed and a new draft in it.
    public func create(_ name: String, _ draft: Draft) throws(DraftStoreError) -> DraftFile {
        let file = try file(named: name)
        do { try AtomicFile.makeDirectories(directory) } catch { throw .file(error) }
        try file.create(draft)
        return file
    }

    /// Every `*.json` in the folder, newest first. Broken drafts are listed, not skipped.
    public func list() throws(DraftStoreError) -> [DraftListing] {
        guard let dir = opendir(directory) else {
            if errno == ENOENT { return [] }
            throw .file(FileError("open", directory))
        }
        defer { closedir(dir) }
        var files: [DraftFile] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
            files.append(DraftFile(path: DataHome.join(directory, name)))
        }
        // Read and decoded on every core: each draft is independent of the others.
        let listings = files.concurrentMap { file -> DraftListing in
            let content: Result<Draft, DraftStoreError>
            do throws(DraftStoreError) { content = .success(try file.read()) } catch { content = .failure(error) }
            return DraftListing(file: file, modified: file.modified, content: content)
        }
        // Newest first, then by name. The order is found on small keys and the listings (whole
        // drafts) moved once: sorting the listings themselves copied every draft again and again,
        // a third of `certwiz drafts` over 10,000 drafts (perf).
        let keys = listings.map { ($0.modified ?? 0, $0.file.name) }
        let order = keys.indices.sorted { (keys[$0].0, keys[$1].1) > (keys[$1].0, keys[$0].1) }
        return order.map { listings[$0] }
    }

    /// Deletes a draft; refused while another certwiz has it open.
    public func remove(_ name: String) throws(DraftStoreError) {
        let file = try file(named: name)
        guard file.exists else { throw .notFound(path: file.path) }
        let lock = try DraftLock(draftPath: file.path)
        guard unlink(file.path) == 0 else { throw .file(FileError("delete", file.path)) }
        // The lock file older versions kept beside the draft (unlink removes a link, never its target).
        let (dir, base) = AtomicFile.split(file.path)
        unlink("\(dir)/.\(base).lock")
        lock.release()
    }
}
