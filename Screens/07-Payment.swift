import CertWizardCore

/// Payment: bank transfer by the planned date, or a coupon; deferred payment on renewals (R 2-1, 3-2).
public let paymentScreen = ScreenSpec(
    id: "payment", step: .verification,
    title: Localized("支払い", "Payment"),
    guidance: Localized(
        "申請完了画面に専用の振込口座番号と請求書 (PDF) が表示されます。振込予定日までに、請求額を専用口座へ振り込みます。専用口座はストアフロントのユーザ ID ごとで、次回以降も使われます。",
        "The completion screen shows a dedicated transfer account number and a PDF invoice. Transfer the invoiced amount to that account by the planned date. The account belongs to the storefront user ID and is reused for later applications."),
    items: [
        .field(ScreenField("payment.method", .choice(ChoiceOption.from(PaymentMethod.self, [
            "bankTransfer": Localized("銀行振込", "Bank transfer"),
            "coupon": Localized("クーポン", "Coupon"),
        ])), help: Localized("支払方法。", "How you pay."))),
        .field(ScreenField("payment.deferred", .yesNo, help: Localized(
            "先行納入手配: 発行後に支払います。更新のときだけ使えます。", "Deferred payment (先行納入手配): pay after issuance; renewals only."),
            when: { $0.applicationType == .renewal && $0.payment.method == .bankTransfer })),
        .field(ScreenField("payment.plannedDate", .date, help: Localized(
            "振込予定日。土日祝と年末年始 (12/29〜1/3) は入金の確認が翌営業日になります。",
            "The planned transfer date. On weekends, holidays and 12/29-1/3 the payment is seen the next business day."),
            example: "2026-11-30", when: { $0.payment.method == .bankTransfer && $0.payment.deferred != true })),
    ])
