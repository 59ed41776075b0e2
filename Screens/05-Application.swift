import CertWizardCore

/// 2 オンライン申請: product, options, and a review of everything submitted (R 2-1).
public let applicationScreen = ScreenSpec(
    id: "application", step: .application,
    title: Localized("オンライン申請", "Online application"),
    guidance: Localized(
        "製品を選び、申請内容を確かめます。更新では EV を含むどの製品も選べます。複数の製品を買う場合は製品ごとに申請します。",
        "Choose the product and review what will be submitted. A renewal may choose any product, EV included. Buying several products means one application each."),
    items: [
        .field(ScreenField(\.order.issuer, .choice([
            ChoiceOption("demo", Localized("デモ発行元 (certwiz 内蔵、訓練用、信頼されません)", "Demo issuer (built into certwiz, for training; not trusted)")),
            ChoiceOption("manual", Localized("発行元のサイトで申請する (申請シートを写し、出来事を記録)", "Apply on the issuer's web site (copy the sheet, record each event)")),
        ]), help: Localized(
            "どこに申請するか。デモ発行元は本物の証明書を署名しますが、ブラウザには信頼されません。未選択はデモです。",
            "Where the application goes. The demo issuer signs real certificates that browsers do not trust. Unset means the demo."))),
        .field(ScreenField(\.order.product, .choice(ChoiceOption.from(Product.self, \.name)), help: Localized("申請する製品。", "The product applied for."))),
        .field(ScreenField(\.order.express, .yesNo, help: Localized(
            "有料のエクスプレスサービス: 確認完了の当日に発行 (最短)。", "The paid Express service: issuance on the day verification completes, at the earliest."))),
        .field(ScreenField(\.order.licenses, .number, help: Localized(
            "ライセンス数。1 回の支払いにすべてのライセンスが含まれます。", "Number of licenses; one payment covers them all."), example: "1")),
        .field(ScreenField(\.order.coupon, help: Localized("クーポンで支払う場合のクーポンコード。", "The coupon code, when paying by coupon."))),
        .summary(ApplicationReview.lines),
    ])

/// What the storefront will be given, read back from the draft.
enum ApplicationReview {
    @Sendable static func lines(_ d: Draft) -> [SummaryLine] {
        func value(_ s: String?) -> String { s?.isEmpty == false ? s! : "—" }
        return [
            SummaryLine(FieldLabels.label("applicationType"), d.applicationType?.name ?? Localized("—", "—")),
            SummaryLine(FieldLabels.label("organization.nameJa"), value(d.organization.nameJa)),
            SummaryLine(FieldLabels.label("csr.commonName"), value(d.csr.commonName)),
            SummaryLine(Localized("識別名 (DN)", "Distinguished Name"),
                        "O=\(value(d.csr.organization)), L=\(value(d.csr.locality)), ST=\(value(d.csr.state)), C=\(value(d.csr.country))"),
            SummaryLine(FieldLabels.label("csr.subjectAltNames"), (d.csr.subjectAltNames ?? []).joined(separator: ", ").nonEmpty ?? value(d.csr.commonName)),
            SummaryLine(FieldLabels.label("csr.keyType"), value(d.csr.keyType?.rawValue)),
            SummaryLine(Localized("申請責任者", "Applicant-in-charge"), "\(value(d.applicantInCharge.name)) <\(value(d.applicantInCharge.email))>"),
            SummaryLine(Localized("技術担当者", "Technical contact"), "\(value(d.technicalContact.name)) <\(value(d.technicalContact.email))>"),
        ]
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
