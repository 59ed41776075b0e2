/// An application the issuer accepted: its order number, amount and transfer account.
public struct Submitted: DraftChange, Equatable {
    public let issuer: String
    public let orderNumber: String
    /// Yen, tax included.
    public let amount: Int
    public let transferAccount: String?
    public let instructions: Localized
    public let date: CalendarDate

    public init(issuer: String, orderNumber: String, amount: Int, transferAccount: String?, instructions: Localized, date: CalendarDate) {
        self.issuer = issuer
        self.orderNumber = orderNumber
        self.amount = amount
        self.transferAccount = transferAccount
        self.instructions = instructions
        self.date = date
    }

    /// The order recorded with a `submitted` timeline event (refused when the draft was submitted meanwhile).
    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var updated = draft
        updated.order.issuer = issuer
        updated.payment.transferAccount = transferAccount
        do {
            return try ApplicationEvent.submitted.apply(to: updated, on: date, .init(orderNumber: orderNumber, amount: amount))
        } catch {
            throw ChangeRefused(error.message)
        }
    }

    public var summary: Localized {
        Localized("申請しました。注文番号 \(orderNumber)。\(instructions.ja)", "Submitted: order \(orderNumber). \(instructions.en)")
    }
}
