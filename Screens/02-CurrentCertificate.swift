import CertWizardCore

let renewalOrReissue: @Sendable (Draft) -> Bool = { $0.applicationType == .renewal || $0.applicationType == .reissue }

/// For renewals and reissues, before 1-2: the certificate in service now (R 1-2, N reissue).
public let currentCertificateScreen = ScreenSpec(
    id: "current-certificate", step: .csr,
    title: Localized("現在の証明書", "The current certificate"),
    guidance: Localized(
        "更新では、コモンネームを現在の証明書とまったく同じにします。更新は発行日の 30 日後から、有効期限の 89 日後まで申請できます。再発行は初回発行から 25 日以内の連絡なら無償です。",
        "A renewal keeps exactly the current certificate's Common Name. It can be applied for from 30 days after the current certificate was issued until 89 days after it expires. A reissue is free if the issuer is contacted within 25 days of the first issuance."),
    appliesTo: renewalOrReissue,
    items: [
        .field(ScreenField("currentCertificate.source", help: Localized(
            "証明書ファイル (PEM か DER) のパスか、稼働中のサーバの host:port。読み込むとコモンネームと日付が入ります。",
            "A certificate file (PEM or DER), or the host:port of the running server. Reading it fills the Common Name and the dates."),
            example: "www.example.co.jp:443")),
        .action(ScreenAction(.readCurrentCertificate, label: Localized("現在の証明書を読み込む", "Read the current certificate"),
                             help: Localized("上の場所から証明書を読み、下の欄を埋めます。", "Reads the certificate from the place above and fills the fields below."),
                             runsWhenAnswered: "currentCertificate.source",
                             when: { ($0.currentCertificate.source ?? "").isEmpty == false })),
        .field(ScreenField("currentCertificate.commonName", help: Localized(
            "現在の証明書のコモンネーム。更新ではこれが新しい CSR のコモンネームになります。",
            "The current certificate's Common Name; on renewal the new CSR uses exactly this."), example: "www.example.co.jp")),
        .field(ScreenField("currentCertificate.notBefore", .date, help: Localized(
            "現在の証明書の発行日 (有効期間の開始日)。", "When the current certificate was issued (the start of its validity)."), example: "2026-01-10")),
        .field(ScreenField("currentCertificate.notAfter", .date, help: Localized(
            "現在の証明書の有効期限。", "When the current certificate expires."), example: "2027-01-09")),
        .field(ScreenField("reissue.reason", .choice(ChoiceOption.from(ReissueReason.self, \.name)), help: Localized("再発行が必要になった理由。", "Why the certificate must be reissued."),
            when: { $0.applicationType == .reissue })),
        .field(ScreenField("reissue.originalIssuedOn", .date, help: Localized(
            "再発行する証明書が最初に発行された日。空なら現在の証明書の発行日を使います。",
            "When the certificate being reissued was first issued; the current certificate's issue date is used when empty."),
            when: { $0.applicationType == .reissue })),
    ])
