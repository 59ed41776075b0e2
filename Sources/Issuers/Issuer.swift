import CertWizardCore
import CertWizardPKI

/// What an issuer gives back when an application is submitted.
public struct Submission: Equatable, Sendable {
    public let orderNumber: String
    /// Yen, tax included.
    public let amount: Int
    public let transferAccount: String?
    public let instructions: Localized

    /// What the draft records of it: the order, amount and account, dated, through the core.
    public func submitted(to issuer: String, on date: CalendarDate) -> Submitted {
        Submitted(issuer: issuer, orderNumber: orderNumber, amount: amount, transferAccount: transferAccount, instructions: instructions, date: date)
    }
}

/// A certificate issuer. The demo issuer is the default; an ACME or manual issuer fits the same
/// shape, so screens and commands never depend on which one a draft uses (`order.issuer`).
public protocol Issuer: Sendable {
    var id: String { get }
    var name: Localized { get }
    /// Takes an application that passed validation.
    func submit(_ draft: Draft, today: CalendarDate) throws -> Submission
    /// The order's status per step (domain check, documents, payment, organization check,
    /// phone verification, issuance). An issuer that can be asked (ACME) folds its answer into
    /// the draft's events first; the demo and manual issuers read the draft as it is.
    func status(of draft: Draft, today: CalendarDate) -> StatusReport
    /// The issued certificate and its intermediate chain, once there, checked against the draft.
    func issuedCertificate(for draft: Draft) throws(IssuerError) -> IssuedCertificate?
}

/// What an issuer hands over: the certificate and the intermediate chain, as PEM.
public struct IssuedCertificate: Equatable, Sendable {
    public let certificatePEM: String
    public let chainPEM: String
}

extension Issuer {
    public func status(of draft: Draft, today: CalendarDate) -> StatusReport {
        StatusReport(draft: draft, today: today)
    }

    /// Reads the files the draft records (`issuance.certificatePath`, `.chainPath`) and checks that
    /// the certificate carries the CSR's key and that the chain signed it.
    public func issuedCertificate(for draft: Draft) throws(IssuerError) -> IssuedCertificate? {
        guard draft.issuance.issuedOn != nil, let path = draft.issuance.certificatePath else { return nil }
        guard let bytes = try? AtomicFile.read(path), let certificate = CurrentCertificateReader.certificate(from: bytes) else {
            throw .handover(Localized("\(path) を証明書として読めません", "\(path) is not a readable certificate"))
        }
        if let problem = IssuedCertificateCheck.problem(certificate, for: draft) { throw .handover(problem) }
        var chainPEM = ""
        if let chainPath = draft.issuance.chainPath {
            guard let chainBytes = try? AtomicFile.read(chainPath) else {
                throw .handover(Localized("\(chainPath) を読めません", "cannot read \(chainPath)"))
            }
            if let problem = IssuedCertificateCheck.chainProblem(certificate, chain: IssuedCertificateCheck.certificates(from: chainBytes)) {
                throw .handover(problem)
            }
            chainPEM = String(decoding: chainBytes, as: UTF8.self)
        }
        return IssuedCertificate(certificatePEM: String(decoding: bytes, as: UTF8.self), chainPEM: chainPEM)
    }
}

public enum IssuerError: Error, Equatable, Sendable {
    case alreadySubmitted(orderNumber: String)
    case unknownIssuer(String)
    /// The manual issuer's applications are made on the CA's web site, not by certwiz.
    case appliedOnTheWebSite
    /// An application carries its CSR.
    case noCSR
    /// The issuer failed for a reason of its own.
    case submissionFailed(Localized)
    /// The issued certificate cannot be handed over: unreadable, or not this application's.
    case handover(Localized)

    public var message: Localized {
        switch self {
        case .alreadySubmitted(let number):
            return Localized("この下書きは申請済みです (注文番号 \(number))", "this draft has been submitted already (order \(number))")
        case .unknownIssuer(let id):
            return Localized("発行元「\(id)」は使えません (使えるのは demo と manual)", "the issuer \"\(id)\" is not available (available: demo, manual)")
        case .handover(let why), .submissionFailed(let why):
            return why
        case .noCSR:
            return Localized("CSR がまだありません。1-2 の画面で鍵と CSR を作るか (certwiz csr new)、既存の CSR を貼ってください",
                             "there is no CSR yet: make the key and CSR on the 1-2 screen (certwiz csr new), or paste an existing one")
        case .appliedOnTheWebSite:
            return Localized("この発行元にはサイトで申請します: certwiz sheet の内容を写して申請し、certwiz record submitted --order 注文番号 で記録してください",
                             "this issuer takes applications on its web site: apply there copying from certwiz sheet, then record it with certwiz record submitted --order NUMBER")
        }
    }
}
