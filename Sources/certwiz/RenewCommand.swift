#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import CertWizardCore
import CertWizardPKI
import Installers
import Operations

/// `certwiz renew --auto`: renewals without a person, for cron or a systemd timer.
struct RenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: L("期限の近い ACME の証明書を自動で更新する (cron / systemd タイマー用)", "Renew ACME certificates that are due, unattended (for cron or a systemd timer)"),
        discussion: L("""
            発行元が ACME の発行済みの下書きのうち、有効期間の残りが 3 分の 1 を切ったものを更新します: 更新の下書きを作り、新しい鍵と CSR を作り (acme.reuseKey が yes なら同じ鍵と CSR)、注文し、certwiz でインストールした下書きなら同じ設定でインストール (検査・再読み込み・確認・失敗したら元に戻す) します。何も尋ねません。下書きごとに 1 行を出力します。
            終了コード: 0 すべて問題なし (更新した・まだ不要)、1 更新かインストールに失敗した下書きがある、2 読めない下書きがある。
            """, """
            Renews every issued draft whose issuer is ACME and whose certificate has less than a third of its lifetime left: a renewal draft, a new key and CSR (the same key and CSR when the draft sets acme.reuseKey), the order, and, for a draft that certwiz installed, the same installation (check, reload, verify, restore on failure). Nothing is asked. One line per draft.
            Exit codes: 0 all well (renewed or not due yet), 1 a renewal or installation failed, 2 a draft cannot be read.
            """))

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("尋ねずに実行する (必須)", "Run unattended (required)"))) var auto = false
    @Option(help: ArgumentHelp(L("この下書きだけ", "Only this draft"), valueName: "NAME|PATH")) var draft: String?
    @Flag(help: ArgumentHelp(L("すべての下書き", "Every draft"))) var all = false
    @Option(help: ArgumentHelp(L("今日として扱う日付 (YYYY-MM-DD)", "Judge what is due as of this date (YYYY-MM-DD)"), valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
    @OptionGroup var http01: HTTP01Options
    @OptionGroup var trust: TrustAnchorOptions

    func validate() throws {
        guard auto else { throw ValidationError(L("--auto を付けてください (尋ねずに実行します)", "give --auto (it runs unattended)")) }
        guard (draft == nil) != !all else { throw ValidationError(L("--draft か --all のどちらかを付けてください", "give --draft NAME or --all")) }
    }

    func run() throws {
        let day = today ?? CalendarDate.today()
        let store = DraftStore(environment: processEnvironment)
        let home = DataHome.directory(environment: processEnvironment)
        // Each draft to look at, and whether the listing shows it is one certwiz renews.
        var files: [(file: DraftFile, renewable: Bool)] = []
        var unreadable = false
        if let draft {
            files = [(try DraftLocator().locate(draft), true)]
        } else {
            for listing in (try? store.list()) ?? [] {
                switch listing.content {
                case .failure(let error):
                    print("\(listing.file.name): " + L("読めません: ", "unreadable: ") + error.shortReason.local)
                    unreadable = true
                // The listing has read every draft already: only those issued over ACME are opened (and locked) again.
                case .success(let listed):
                    files.append((listing.file, Self.isIssuedOverACME(listed)))
                }
            }
        }
        var failed = false
        for (file, renewable) in files.sorted(by: { $0.file.name < $1.file.name }) {
            guard renewable else {
                print("\(file.name): " + Self.skipped)
                continue
            }
            do {
                print("\(file.name): " + (try renew(file, day: day, store: store, home: home)))
            } catch let failure as RenewalFailure {
                print("\(file.name): " + L("失敗: ", "FAILED: ") + failure.message)
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.failed) }
        if unreadable { throw ExitCode(ExitStatus.unreadable) }
    }

    struct RenewalFailure: Error { let message: String }

    /// Only certificates certwiz ordered over ACME renew themselves.
    static func isIssuedOverACME(_ draft: Draft) -> Bool {
        draft.order.issuer == "acme" && draft.issuance.issuedOn != nil && draft.issuance.certificatePath != nil
    }

    static var skipped: String { L("対象外 (ACME で発行済みではありません)", "skipped (not issued over ACME)") }

    /// One draft: renewed, not due, or why not; a failure throws `RenewalFailure`.
    private func renew(_ file: DraftFile, day: CalendarDate, store: DraftStore, home: String) throws -> String {
        let source: Draft
        let lock: DraftLock
        do { (source, lock) = try file.open() } catch { throw RenewalFailure(message: error.message.local) }
        defer { lock.release() }
        guard Self.isIssuedOverACME(source), let path = source.issuance.certificatePath else { return Self.skipped }
        if let renewed = source.timeline.last(where: { $0.event == "renewed" }) {
            return L("更新済み (\(renewed.note ?? ""))", "renewed already (\(renewed.note ?? ""))")
        }
        guard let bytes = try? AtomicFile.read(path), let leaf = try? CertificateBundle.certificates(in: bytes).first else {
            throw RenewalFailure(message: L("証明書 \(path) を読めません", "cannot read the certificate \(path)"))
        }
        let fields = CurrentCertificateReader.fields(of: leaf)
        guard let notBefore = fields.notBefore, let notAfter = fields.notAfter else { throw RenewalFailure(message: "no validity period") }
        // Due from the start of the window the CA suggests (ACME Renewal Information, RFC 9773) when it
        // offers one; otherwise when a third of the lifetime is left.
        var due = notAfter.adding(days: -(notAfter.dayNumber - notBefore.dayNumber) / 3)
        var reason = L("残り 3 分の 1", "a third of the lifetime left")
        if let directory = source.acme.directory,
           case .success(let window) = OperationRunner.wait(ReadRenewalWindow(directory: directory, certificate: leaf,
                                                                              trustPEM: try? (trust.caFile ?? source.acme.caFile).map { try InputBytes.read($0) })),
           let start = window.start {
            due = CalendarDate(dayNumber: Int((start.timeIntervalSince1970 / 86_400).rounded(.down)))
            reason = L("CA の提案 (ARI)", "the CA's suggestion (ARI)")
        }
        guard day >= due else { return L("まだ不要 (\(due) から更新: \(reason)、期限 \(notAfter))", "not due (renews from \(due): \(reason); expires \(notAfter))") }

        func fail(_ text: Localized) -> RenewalFailure { RenewalFailure(message: text.local) }
        var renewal: Draft
        do { renewal = try StartRenewal.draft(from: source, named: file.name, today: day) } catch { throw fail(error.message) }
        var name = "\(file.name)-renewal-\(day.iso8601)"
        var suffix = 1
        let created: DraftFile
        // A renewal started today that did not finish (a failed order) is taken up again, key and all.
        if let unfinished = try? store.locate(name), unfinished.exists, let earlier = try? unfinished.read(), earlier.issuance.issuedOn == nil {
            renewal = earlier
            created = unfinished
        } else {
            while (try? store.locate(name)).map({ $0.exists }) == true { suffix += 1; name = "\(file.name)-renewal-\(day.iso8601)-\(suffix)" }
            do { created = try store.create(name, renewal) } catch { throw fail(error.message) }
        }
        let keys = store.keysDirectory(draft: name)
        let (_, renewalLock): (Draft, DraftLock)
        do { (_, renewalLock) = try created.open() } catch { throw fail(error.message) }
        defer { renewalLock.release() }
        func step<Op: Operations.Operation>(_ operation: Op) throws -> Op.Change {
            switch OperationRunner.wait(operation) {
            case .success(let change):
                do { renewal = try change.applied(to: renewal) } catch { throw fail(error.message) }
                created.saveRecording(renewal, holding: renewalLock)
                return change
            case .failure(let failure):
                created.saveRecording(renewal, holding: renewalLock)
                throw fail(failure.message)
            }
        }
        // The key is new unless the draft says to keep it (then the CSR made with it goes again).
        if source.acme.reuseKey == true, renewal.csr.keyPath == nil {
            renewal.csr = source.csr
            created.saveRecording(renewal, holding: renewalLock)
        }
        if renewal.csr.keyPath == nil {
            do { _ = try step(try MakeKeyAndCSR(draft: renewal, directory: keys, today: day)) } catch let error as OperationFailure { throw fail(error.message) }
        }
        let responder = http01.responder(for: renewal)
        let trustPEM = try? trust.caFile.map { try InputBytes.read($0) }
        let ordered = try step(SubmitACMEOrder(draft: renewal, today: day, responder: responder, trustPEM: trustPEM ?? nil,
                                               store: ACMEAccountStore(dataHome: home), fallbackDirectory: keys))
        guard let certificate = ordered.certificatePath else { throw fail(Localized("注文が \(ordered.status) です", "the order is \(ordered.status)")) }
        var result = L("\(name) として更新しました (\(certificate))", "renewed as \(name) (\(certificate))")
        // Installed by certwiz before: installed again the same way.
        if renewal.installation.server != nil {
            let options = InstallCertificate.Options.answered(in: renewal)
            let installed = try step(InstallCertificate(draft: renewal, draftName: name, options: options, anchors: (try? trust.anchors()) ?? [], today: day, dataHome: home))
            guard installed.verified else { throw fail(Localized("インストールしましたが確認が通りません", "installed, but the live check does not pass")) }
            result += L("、インストールして確認しました", "; installed and verified")
        }
        var marked = source
        marked.timeline.append(TimelineEvent(date: day, event: "renewed", note: name))
        file.saveRecording(marked, holding: lock)
        return result
    }
}
