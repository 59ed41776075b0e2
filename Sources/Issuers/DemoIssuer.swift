import CertWizardCore
import Crypto

/// The embedded demo issuer: accepts the application, quotes from the example catalogue, and
/// gives a dedicated transfer account tied to the technical contact's e-mail (the storefront
/// user ID), as the real storefront does (R 2-1 (3)).
public struct DemoIssuer: Issuer {
    /// DEMO-<date>-<6 random digits>.
    private func orderNumber(_ today: CalendarDate) -> String {
        "DEMO-\(today.iso8601.filter(\.isNumber))-\(String(UInt32.random(in: 0..<1_000_000) + 1_000_000).dropFirst())"
    }

    public let id = "demo"
    public let name = Localized("デモ発行元 (certwiz 内蔵、信頼されません)", "Demo issuer (built into certwiz, not trusted)")
    let catalogue: ProductCatalogue

    public init(catalogue: ProductCatalogue = .demo) { self.catalogue = catalogue }

    public func submit(_ draft: Draft, today: CalendarDate) throws -> Submission {
        if let number = draft.order.orderNumber { throw IssuerError.alreadySubmitted(orderNumber: number) }
        guard draft.csr.pem?.trimmed.isEmpty == false else { throw IssuerError.noCSR }
        if draft.applicationType == .reissue, let original = draft.reissue.originalIssuedOn ?? draft.currentCertificate.notBefore {
            let terms = ReissueTerms(originalIssuedOn: original, today: today)
            if terms.isFree {
                return Submission(orderNumber: orderNumber(today), amount: 0, transferAccount: nil, instructions: terms.summary)
            }
        }
        let product = draft.order.product ?? .secure
        let quote = catalogue.quote(product: product, licenses: draft.order.licenses ?? 1, express: draft.order.express == true)
        let number = orderNumber(today)
        let userID = (draft.technicalContact.email ?? "").lowercased()
        let digits = SHA256.hash(data: Array(userID.utf8)).prefix(4).reduce(0) { $0 << 8 | Int($1) } % 10_000_000
        let account = "デモ銀行 certwiz 支店 普通 " + String(String(digits + 10_000_000).dropFirst())
        let coupon = draft.payment.method == .coupon
        let yen = Yen.text(quote.total)
        return Submission(
            orderNumber: number, amount: quote.total, transferAccount: coupon ? nil : account,
            instructions: coupon
                ? Localized("クーポンで支払います。\(yen.ja)分 (例示価格)", "Paid by coupon: \(yen.en) (example prices)")
                : Localized("\(yen.ja) (税込、例示価格) を専用口座 \(account) に振り込んでください",
                            "Transfer \(yen.en) (tax included; example prices) to the dedicated account \(account)"))
    }
}

/// The issuers certwiz knows, by `order.issuer`.
public enum Issuers {
    public static func issuer(for draft: Draft) throws(IssuerError) -> any Issuer {
        switch draft.order.issuer ?? "demo" {
        case "demo": return DemoIssuer()
        case "manual": return ManualIssuer()
        case let other: throw IssuerError.unknownIssuer(other)
        }
    }
}
