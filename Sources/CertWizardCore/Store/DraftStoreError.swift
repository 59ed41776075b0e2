/// Why a draft could not be found, read, locked or written. Every case names the draft's
/// path, and the messages say what the user can do.
public enum DraftStoreError: Error, Equatable, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: DraftReadError)
    /// Not written: the draft holds a value its next load would refuse (`reason`).
    case unsavable(path: String, reason: DraftReadError)
    case file(FileError)
    case locked(path: String, holder: Int32?)
    /// The draft's file has other hard links: a save replaces the file, so they would keep the
    /// old version and be edited apart from this one without anyone noticing.
    case hardLinked(path: String, links: Int)
    case alreadyExists(path: String)
    case invalidName(String, reason: Localized)
    case noDrafts(directory: String)

    /// The reason alone, without the path and advice: for one-line listings.
    public var shortReason: Localized {
        if case .unreadable(_, let reason) = self { return reason.message }
        return message
    }

    public var message: Localized {
        switch self {
        case .notFound(let path):
            return Localized("下書き \(path) がありません", "no draft at \(path)")
        case .unreadable(let path, let reason):
            return Localized(
                "下書き \(path) を読めません: \(reason.message.ja)。このファイルはそのまま残します。別の名前で新しい下書きを始められます",
                "cannot read the draft \(path): \(reason.message.en). The file is left as it is; you can start a new draft under another name")
        case .unsavable(let path, let reason):
            return Localized("下書き \(path) に保存しません: \(reason.message.ja)。ファイルは前のままです",
                             "not saving the draft \(path): \(reason.message.en). The file is as it was before")
        case .file(let error):
            return error.message
        case .locked(let path, let holder):
            let pid = holder.map { " (pid \($0))" } ?? ""
            return Localized("下書き \(path) は別の certwiz\(pid) で開かれています。そちらを終了してから開いてください",
                             "the draft \(path) is open in another certwiz\(pid); close that one first")
        case .hardLinked(let path, let links):
            return Localized("下書き \(path) には別の名前 (ハードリンク) が \(links - 1) 個あります。保存するとそれらは古い版のまま分かれてしまうので開きません。別名はシンボリックリンク (ln -s) にしてください",
                             "the draft \(path) has \(links - 1) other name(s) (hard links); a save would leave them behind with the old version, so it is not opened: make other names symbolic links (ln -s)")
        case .alreadyExists(let path):
            return Localized("下書き \(path) は既にあります。別の名前を指定してください",
                             "a draft already exists at \(path); choose another name")
        case .invalidName(let name, let reason):
            return Localized("下書き名「\(name)」は使えません: \(reason.ja)", "the draft name '\(name)' cannot be used: \(reason.en)")
        case .noDrafts(let directory):
            return Localized("下書きがありません (\(directory))。certwiz new NAME で作成できます",
                             "there are no drafts (in \(directory)); create one with: certwiz new NAME")
        }
    }
}
