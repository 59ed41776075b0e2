#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore
import Installers

/// What an installation did (or, for `--dry-run`, would do). As a change it records 5-2 as
/// installed only when the live server was seen sending the draft's certificate.
public struct Installed: DraftChange {
    public let dryRun: Bool
    public let server: ServerControl.Kind
    public let files: InstalledFiles
    public let changes: [FileChange]
    /// The server blocks or virtual hosts changed ("file:line"), or the new site file.
    public let places: [String]
    /// The server's own check and reload, as run (or to be run).
    public let commands: [[String]]
    /// For `files`: the lines to put in the server's configuration.
    public let lines: [String]
    public let backup: String?
    public let live: LiveCheck?
    /// IIS: the PFX password certwiz made up, to be shown once (it is kept nowhere).
    public let pfxPassword: String?
    /// What was asked (`--config`, `--dest`, `--listen`), kept in the draft so a renewal installs the same way.
    var asked: InstallCertificate.Options? = nil
    let today: CalendarDate

    /// The changes as a diff: configuration in full; certificate files by name; a key's contents never.
    public func diff(in language: Language) -> String {
        // The server's configuration first (what a person reads), then the files.
        let ordered = changes.filter { !isFile($0.path) } + changes.filter { isFile($0.path) }
        return ordered.map { change in
            let state = change.kind == .create ? Localized("新規", "new") : Localized("置き換え、元のファイルはバックアップに", "replaced, the old one kept in the backup")
            let note: Localized
            if change.path.hasSuffix(".pfx") {
                note = Localized("\(state.ja)、鍵を含む PKCS#12、モード 0600", "\(state.en); PKCS#12 with the key, mode 0600")
            } else if change.path == files.key {
                note = Localized("\(state.ja)、鍵、モード 0600、内容は表示しません", "\(state.en); the key, mode 0600, contents not shown")
            } else if [files.certificate, files.chain, files.fullChain].contains(change.path) {
                let count = String(decoding: change.contents, as: UTF8.self).components(separatedBy: "-----BEGIN CERTIFICATE-----").count - 1
                note = Localized("\(state.ja)、証明書 \(count) 枚", "\(state.en); \(count) certificate(s)")
            } else {
                return change.diff
            }
            return "+++ \(change.path) (\(note.text(in: language)))\n"
        }.joined()
    }

    private func isFile(_ path: String) -> Bool {
        [files.certificate, files.chain, files.fullChain, files.key].contains(path) || path.hasSuffix(".pfx")
    }

    public var verified: Bool { live?.verdict == .ok || live?.verdict == .expiring }

    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var draft = draft
        if !dryRun, let asked {
            draft.installation.server = InstallServer(rawValue: asked.server.kind.rawValue)
            draft.installation.configPath = asked.server.config ?? draft.installation.configPath
            draft.installation.destination = asked.dest ?? AtomicFile.split(files.certificate).dir
            draft.installation.listen = asked.listen ?? draft.installation.listen
        }
        guard !dryRun, verified, ApplicationEvent.installed.recordedDate(in: draft) == nil, draft.issuance.issuedOn != nil else { return draft }
        do { return try ApplicationEvent.installed.apply(to: draft, on: today, .init(note: "\(server.rawValue): \(places.joined(separator: ", "))")) } catch {
            throw ChangeRefused(error.message)
        }
    }

    public var summary: Localized {
        if dryRun { return Localized("変更の予定 (まだ何も変えていません)", "What would change (nothing was changed)") }
        if let pfxPassword {
            return Localized("PFX を \(places.first ?? "") に書きました。パスワード (一度だけ表示、どこにも保存していません): \(pfxPassword)",
                             "Wrote the PFX to \(places.first ?? ""). Its password (shown once, kept nowhere): \(pfxPassword)")
        }
        guard let live else {
            return Localized("ファイルを \(files.fullChain) などに書きました", "Wrote the files (\(files.fullChain) and the rest)")
        }
        if verified {
            return Localized("インストールしました。\(live.address) がこの証明書とチェーンを送っています (\(live.protocolVersion ?? ""))",
                             "Installed: \(live.address) sends this certificate and its chain (\(live.protocolVersion ?? ""))")
        }
        return Localized("設定を変えて再読み込みしましたが、\(live.address) の確認が通りません。certwiz install --rollback で戻せます",
                         "The configuration was changed and reloaded, but \(live.address) does not pass the check; certwiz install --rollback undoes it")
    }
}

