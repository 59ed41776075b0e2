import CertWizardCore

/// What an issuer gives back when an application is submitted.
public struct Submission: Equatable, Sendable {
    public let orderNumber: String
    /// Yen, tax included.
    public let amount: Int
    public let transferAccount: String?
    public let instructions: Localized
}

/// A certificate issuer. The demo issuer is the default; an ACME or manual issuer fits the same
/// shape, so screens and commands never depend on which one a draft uses (`order.issuer`).
public protocol Issuer: Sendable {
    var id: String { get }
    var name: Localized { get }
    /// Takes an application that passed validation.
    func submit(_ draft: Draft, today: CalendarDate) throws -> Submission
}

public enum IssuerError: Error, Equatable, Sendable {
    case alreadySubmitted(orderNumber: String)
    case unknownIssuer(String)
    /// The manual issuer's applications are made on the CA's web site, not by certwiz.
    case appliedOnTheWebSite
    /// An application carries its CSR.
    case noCSR

    public var message: Localized {
        switch self {
        case .alreadySubmitted(let number):
            return Localized("この下書きは申請済みです (注文番号 \(number))", "this draft has been submitted already (order \(number))")
        case .unknownIssuer(let id):
            return Localized("発行元「\(id)」は使えません (使えるのは demo と manual)", "the issuer \"\(id)\" is not available (available: demo, manual)")
        case .noCSR:
            return Localized("CSR がまだありません。1-2 の画面で鍵と CSR を作るか (certwiz csr new)、既存の CSR を貼ってください",
                             "there is no CSR yet: make the key and CSR on the 1-2 screen (certwiz csr new), or paste an existing one")
        case .appliedOnTheWebSite:
            return Localized("この発行元にはサイトで申請します: certwiz sheet の内容を写して申請し、certwiz record submitted --order 注文番号 で記録してください",
                             "this issuer takes applications on its web site: apply there copying from certwiz sheet, then record it with certwiz record submitted --order NUMBER")
        }
    }
}
