import CertWizardCore
import Installers

/// `install --rollback`: the newest installation's backup put back (files restored, files it
/// created removed), then the server's check and reload, so the server serves what it did.
public struct RollbackInstallation: Operation {
    public let backupRoot: String
    public let today: CalendarDate

    public init(backupRoot: String, today: CalendarDate) {
        self.backupRoot = backupRoot
        self.today = today
    }

    public var title: Localized { Localized("インストールを元に戻しています", "Rolling back the installation") }

    public struct RolledBack: DraftChange {
        public let backup: String
        public let restored: [String]
        public let serverMessage: String?
        public let date: CalendarDate

        /// The installation is no longer what the server has: 5-2 is open again, and the timeline says why.
        public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
            var updated = draft
            updated.installation.certificateInstalled = nil
            updated.installation.intermediateInstalled = nil
            updated.installation.installedOn = nil
            updated.timeline.append(TimelineEvent(date: date, event: "installation-rolled-back", note: backup))
            return updated
        }
        public var summary: Localized {
            Localized("元に戻しました (\(restored.count) 件、バックアップ \(backup))", "Rolled back (\(restored.count) file(s), from \(backup))")
        }
    }

    public func run(_ context: OperationContext) async throws -> RolledBack {
        guard let backup = InstallBackup.latest(under: backupRoot) else {
            throw OperationFailure.failed(Localized("戻せるインストールがありません (\(backupRoot))", "there is no installation to roll back (\(backupRoot))"))
        }
        let control = ServerControl(kind: ServerControl.Kind(rawValue: backup.manifest.server) ?? .files,
                                    config: backup.manifest.config)
        let failed = try context.commit { backup.restore() }
        guard failed.isEmpty else {
            throw OperationFailure.failed(Localized("次のファイルを戻せません: \(failed.joined(separator: ", "))", "could not restore: \(failed.joined(separator: ", "))"))
        }
        backup.retire()
        var message: String?
        if let check = control.check {
            let checked = try await InstallCertificate.runServer(check)
            guard checked.succeeded else {
                throw OperationFailure.failed(Localized("ファイルは戻しましたが、設定をサーバが受け付けません (その後の手作業の変更?)。再読み込みはしていません:\n\(checked.message)",
                                                        "the files are restored, but the server refuses the configuration (changed by hand since?); not reloaded:\n\(checked.message)"))
            }
            if let reload = control.reload {
                let reloaded = try await InstallCertificate.runServer(reload)
                guard reloaded.succeeded else {
                    throw OperationFailure.failed(Localized("ファイルは戻しましたが、再読み込みに失敗しました:\n\(reloaded.message)",
                                                            "the files are restored, but the reload failed:\n\(reloaded.message)"))
                }
                message = reloaded.message
            }
        }
        return RolledBack(backup: backup.folder, restored: backup.manifest.entries.map(\.path), serverMessage: message, date: today)
    }
}
