import CertWizardCore

/// 2 オンライン申請: product, options, and a review of everything submitted (R 2-1).
public let applicationScreen = ScreenSpec(
    id: "application", step: .application,
    title: Localized("オンライン申請", "Online application"),
    guidance: Localized(
        "製品を選び、申請内容を確かめます。更新では EV を含むどの製品も選べます。複数の製品を買う場合は製品ごとに申請します。",
        "Choose the product and review what will be submitted. A renewal may choose any product, EV included. Buying several products means one application each."),
    items: [
        .field(ScreenField("order.issuer", .choice([
            ChoiceOption("demo", Localized("デモ発行元 (certwiz 内蔵、訓練用、信頼されません)", "Demo issuer (built into certwiz, for training; not trusted)")),
            ChoiceOption("manual", Localized("発行元のサイトで申請する (申請シートを写し、出来事を記録)", "Apply on the issuer's web site (copy the sheet, record each event)")),
            ChoiceOption("acme", Localized("ACME の CA (組織の事前審査済み、EAB で登録)", "An ACME CA (organization pre-validated, registered with EAB)")),
        ]), help: Localized(
            "どこに申請するか。デモ発行元は本物の証明書を署名しますが、ブラウザには信頼されません。ACME の CA (DigiCert、Sectigo、FujiSSL など) には、ポータルで組織の事前審査を済ませ、EAB の鍵で登録してから申請します。未選択はデモです。",
            "Where the application goes. The demo issuer signs real certificates that browsers do not trust. An ACME CA (DigiCert, Sectigo, FujiSSL ...) takes orders once the organization is pre-validated at its portal and the account is registered with its EAB keys. Unset means the demo."))),
        .field(ScreenField("acme.directory", label: Localized("ACME ディレクトリ URL", "ACME directory URL"), help: Localized(
            "CA のポータルに書かれた ACME のディレクトリ URL。",
            "The ACME directory URL given in the CA's portal."), example: "https://acme.example-ca.com/v2/OV/directory", when: { $0.order.issuer == "acme" })),
        .field(ScreenField("acme.challenge", .choice([
            ChoiceOption("http-01", Localized("http-01 (このサーバが Web で答える)", "http-01 (this server answers over the web)")),
            ChoiceOption("dns-01", Localized("dns-01 (DNS に TXT レコードを作る)", "dns-01 (a TXT record in the DNS)")),
        ]), label: Localized("名前の確認方法", "How names are proven"), help: Localized(
            "CA がドメイン名の管理を確かめる方法。事前審査済みのドメインでは確認は要りません。",
            "How the CA checks control of the domain names; pre-validated domains need no check."), when: { $0.order.issuer == "acme" })),
        .field(ScreenField("acme.webroot", label: Localized("http-01 の公開フォルダ", "http-01 document root"), help: Localized(
            "Web サーバが http://名前/.well-known/acme-challenge/ を配るフォルダ。ここに答えを置きます (ポートは開きません)。空なら、下のポートで certwiz 自身が答えます。",
            "The folder the web server serves http://NAME/.well-known/acme-challenge/ from; the answers go there (no port is opened). Empty: certwiz answers on the port below itself."),
            example: "/var/www/html", when: { $0.order.issuer == "acme" && $0.acme.challenge != .dns01 })),
        .field(ScreenField("acme.httpPort", .number, label: Localized("http-01 のポート", "http-01 port"), help: Localized(
            "公開フォルダを使わないとき、certwiz が http-01 に答えるポート (既定 80。CA は 80 番に来ます。前にプロキシがあるときだけ変えます)。",
            "Without a document root, the port certwiz answers http-01 on (default 80; the CA comes to port 80: change it only behind a proxy that forwards there)."),
            example: "80", when: { $0.order.issuer == "acme" && $0.acme.challenge != .dns01 && ($0.acme.webroot ?? "").isEmpty })),
        .action(ScreenAction(.registerAccount, label: Localized("ACME アカウントを登録…", "Register the ACME account…"), help: Localized(
            "CA のポータルにある EAB の鍵 ID と HMAC 鍵で、このサーバの ACME アカウントを CA の契約に結び付けます (一度だけ)。HMAC 鍵は登録に使うだけで、どこにも保存しません。シェルからは certwiz acme register --directory URL --eab-kid KID --eab-hmac-key-file FILE。",
            "Binds this server's ACME account to your contract at the CA with the EAB key id and HMAC key from its portal (once). The HMAC key is used to register and kept nowhere. From a shell: certwiz acme register --directory URL --eab-kid KID --eab-hmac-key-file FILE."),
            when: { $0.order.issuer == "acme" })),
        .field(ScreenField("order.product", .choice(ChoiceOption.from(Product.self, \.name)), help: Localized("申請する製品。", "The product applied for."))),
        .field(ScreenField("order.express", .yesNo, help: Localized(
            "有料のエクスプレスサービス: 確認完了の当日に発行 (最短)。", "The paid Express service: issuance on the day verification completes, at the earliest."))),
        .field(ScreenField("order.licenses", .number, help: Localized(
            "ライセンス数。1 回の支払いにすべてのライセンスが含まれます。", "Number of licenses; one payment covers them all."), example: "1")),
        .field(ScreenField("order.coupon", help: Localized("クーポンで支払う場合のクーポンコード。", "The coupon code, when paying by coupon."))),
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
