import CertWizardCore

/// 1-1 申請団体の決定: the organization that runs the site (R 1-1, N step 2).
public let organizationScreen = ScreenSpec(
    id: "organization", step: .organization,
    title: Localized("申請団体の決定", "Applicant organization"),
    guidance: Localized(
        "証明書を申請する組織 (サイトを運営しサービスを提供する組織) を決めます。発行元は DUNS または iタウンページで組織を確かめ、登録された代表電話番号に電話します。",
        "Decide which organization applies: the one that runs the site and provides its services. The issuer checks the organization in DUNS or iTownPage and calls the representative number registered there."),
    items: [
        .field(ScreenField("organization.nameJa", help: Localized(
            "登記上の正式な商号 (日本語)。", "The registered trade name in Japanese."), example: "サンプル株式会社")),
        .field(ScreenField("organization.nameEn", help: Localized(
            "正式な英文名。法人格 (K.K.、Co., Ltd.、Inc. など) を含めます。CSR の組織名 (O) と同じにします。",
            "The official English name, legal form included (K.K., Co., Ltd., Inc. ...). The CSR's Organization (O) must be the same."),
            example: "Sample K.K.")),
        .field(ScreenField("organization.phone", help: Localized(
            "DUNS / iタウンページに登録されている代表電話番号。発行元はこの番号に電話して申請責任者の在籍を確かめます。",
            "The representative number listed in DUNS / iTownPage. The issuer calls it to confirm the applicant-in-charge works there."),
            example: "03-1234-5678")),
        .field(ScreenField("organization.listedInDuns", .yesNo, help: Localized(
            "DUNS に商号と代表電話番号が登録されていますか。", "Are the trade name and representative number listed in DUNS?"))),
        .field(ScreenField("organization.listedInITownPage", .yesNo, help: Localized(
            "iタウンページに商号と代表電話番号が登録されていますか。", "Are the trade name and representative number listed in iTownPage?"))),
        .note(Localized(
            "どちらにも登録がない場合: 先に住所と電話番号を登録してください (反映まで 1 か月ほど)。登録できない場合は弁護士の意見書が必要です。",
            "Listed in neither: register the address and phone number first (it takes about a month to appear). If that is impossible, a lawyer's opinion letter is required."),
              when: { $0.organization.listedInDuns == false && $0.organization.listedInITownPage == false }),
        .field(ScreenField("organization.corporateNumber", help: Localized(
            "13 桁の法人番号 (国税庁の法人番号公表サイトで確認できます)。商号の使用権を確認できない場合に必要です。",
            "The 13-digit corporate number (see the National Tax Agency's corporate number site). Needed when the trade name cannot be confirmed in a database."),
            example: "7000012050002")),
        .field(ScreenField("organization.address", help: Localized(
            "登記上の住所。CSR の市区町村 (L) と都道府県 (ST) はこの住所と一致させます。",
            "The registered address. The CSR's Locality (L) and State (ST) must match it."),
            example: "東京都中央区銀座1-1-1")),
    ])
