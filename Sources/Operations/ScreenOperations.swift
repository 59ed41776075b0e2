import CertWizardCore
import CertWizardPKI
import Installers
import Issuers
import X509

/// Where an operation started from a screen works: the draft's key folder, the day, the data folder.
public struct OperationEnvironment: Sendable {
    public let keysDirectory: String
    public let today: CalendarDate
    public let dataHome: String?
    /// The draft's name (its installations' backups are kept under it).
    public let draftName: String
    /// The EAB credentials typed for `registerAccount` (only for that operation; never stored).
    public var eab: EABCredentials?

    public init(keysDirectory: String, today: CalendarDate, dataHome: String?, draftName: String = "default") {
        self.keysDirectory = keysDirectory
        self.today = today
        self.dataHome = dataHome
        self.draftName = draftName
    }

    /// The data folder, for operations that keep files there (accounts, the demo CA, backups).
    func requiredDataHome() throws(OperationFailure) -> String {
        guard let dataHome else { throw .failed(Localized("データフォルダがありません (XDG_DATA_HOME か HOME)", "No data folder (XDG_DATA_HOME or HOME)")) }
        return dataHome
    }

    /// The demo issuer's root, when this data folder has one: demo certificates verify against it.
    var demoAnchors: [Certificate] {
        guard let dataHome, let bytes = try? AtomicFile.read(DataHome.join(dataHome, "demo-ca/root.crt")) else { return [] }
        return (try? CertificateBundle.certificates(in: bytes)) ?? []
    }
}

/// Any operation whose change is applied to the draft, for the wizard's single runner.
public struct AnyChange: DraftChange {
    public let base: any DraftChange
    public init(base: any DraftChange) { self.base = base }
    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft { try base.applied(to: draft) }
    public var summary: Localized { base.summary }
}

public struct AnyOperation: Operation {
    public let title: Localized
    public let timeLimit: Duration
    public let timeLimitMessage: Localized
    private let body: @Sendable (OperationContext) async throws -> AnyChange

    public init<Op: Operation>(_ operation: Op) {
        title = operation.title
        timeLimit = operation.timeLimit
        timeLimitMessage = operation.timeLimitMessage
        body = { AnyChange(base: try await operation.run($0)) }
    }

    public func run(_ context: OperationContext) async throws -> AnyChange { try await body(context) }
}

extension ScreenOperation {
    /// The operation a screen's button starts for `draft` as it is now, or why it cannot start.
    public func operation(for draft: Draft, in environment: OperationEnvironment) throws(OperationFailure) -> AnyOperation {
        let today = environment.today
        switch self {
        case .registerAccount:
            let dataHome = try environment.requiredDataHome()
            guard let directory = draft.acme.httpsDirectory else { throw .failed(ACMESettings.directoryNeeded) }
            guard let eab = environment.eab else {
                throw .failed(Localized("EAB の鍵 ID と HMAC 鍵が要ります", "The EAB key id and HMAC key are needed"))
            }
            return AnyOperation(RegisterACMEAccount(directory: directory, email: eab.email.nonBlank, eab: (eab.keyID, eab.hmacKey),
                                                    trustPEM: try draft.acme.trustPEM(), store: ACMEAccountStore(dataHome: dataHome)))
        case .makeKeyAndCSR: return AnyOperation(try MakeKeyAndCSR(draft: draft, directory: environment.keysDirectory, today: today))
        case .readCurrentCertificate: return AnyOperation(try ReadCertificate(draft: draft))
        case .loadCSRFile: return AnyOperation(try LoadCSRFile(draft: draft))
        case .continueOrder:
            let dataHome = try environment.requiredDataHome()
            return AnyOperation(SubmitACMEOrder(draft: draft, today: today, responder: .chosen(httpPort: nil, webroot: nil, for: draft),
                                                trustPEM: try draft.acme.trustPEM(), store: ACMEAccountStore(dataHome: dataHome),
                                                fallbackDirectory: environment.keysDirectory, continuing: true))
        case .submit:
            if draft.order.issuer == "acme" {
                let dataHome = try environment.requiredDataHome()
                if let refusal = SubmitApplication.refusal(SubmitApplication(draft: draft, today: today).errors) { throw .failed(refusal) }
                return AnyOperation(SubmitACMEOrder(draft: draft, today: today, responder: .chosen(httpPort: nil, webroot: nil, for: draft),
                                                    trustPEM: try draft.acme.trustPEM(),
                                                    store: ACMEAccountStore(dataHome: dataHome), fallbackDirectory: environment.keysDirectory))
            }
            return AnyOperation(SubmitApplication(draft: draft, today: today))
        case .demoAdvance, .demoAdvanceAll:
            let dataHome = try environment.requiredDataHome()
            return AnyOperation(AdvanceDemoReview(draft: draft, all: self == .demoAdvanceAll, today: today, dataHome: dataHome,
                                                  fallbackDirectory: environment.keysDirectory))
        case .importCertificate:
            guard let path = draft.issuance.importFrom?.trimmed, !path.isEmpty else {
                throw .failed(Localized("受け取るファイル (通知メールか証明書) のパスを入れてください", "Enter the path of the file to receive (the notice mail or the certificate)"))
            }
            let bytes: [UInt8]
            do { bytes = try AtomicFile.read(path) } catch { throw .unreadable(error.message) }
            guard bytes.count <= 4 << 20 else { throw .unreadable(Localized("\(path) は大きすぎます", "\(path) is too large")) }
            return AnyOperation(ImportCertificate(input: bytes, source: path, draft: draft, today: today, anchors: environment.demoAnchors,
                                                  fallbackDirectory: environment.keysDirectory))
        case .previewInstall, .install:
            let dataHome = try environment.requiredDataHome()
            let options = InstallCertificate.Options.answered(in: draft, dryRun: self == .previewInstall)
            return AnyOperation(InstallCertificate(draft: draft, draftName: environment.draftName, options: options, anchors: environment.demoAnchors,
                                                   today: today, dataHome: dataHome))
        case .verifyInstallation:
            let cn = draft.csr.commonName ?? ""
            let address = draft.installation.listen.nonBlank.flatMap(InstallCertificate.localAddress) ?? (cn, 443)
            let name = cn.hasPrefix("*.") ? "www." + cn.dropFirst(2) : cn
            return AnyOperation(VerifyServer(host: address.host, port: address.port, serverName: name, draft: draft, anchors: environment.demoAnchors, today: today))
        case .placeSeal:
            guard let snippet = SiteSeal.demoSnippet(for: draft) else { throw .failed(SiteSeal.whereToGet) }
            return AnyOperation(PlaceSeal(draft: draft, snippet: snippet, checkURL: nil, today: today, fallbackDirectory: environment.keysDirectory))
        }
    }
}

extension ACMESettings {
    /// The roots named by `caFile`, nil for the system store.
    func trustPEM() throws(OperationFailure) -> [UInt8]? {
        guard let path = caFile.nonBlank else { return nil }
        do { return try AtomicFile.read(path) } catch { throw .unreadable(error.message) }
    }
}
