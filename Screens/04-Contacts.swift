import CertWizardCore

/// 1-3 申請責任者と技術担当者 (R 1-3), with the briefing on the phone call (R 4).
public let contactsScreen = ScreenSpec(
    id: "contacts", step: .contacts,
    title: Localized("申請責任者・技術担当者", "Applicant-in-charge and technical contact"),
    guidance: Localized(
        "申請責任者は申請団体の正社員・正職員で、発行前に発行元から電話確認を受けます。技術担当者はオンライン申請を行い、証明書をメールで受け取ります (代行業者も可)。",
        "The applicant-in-charge is a full-time employee of the applicant organization; the issuer phones them before issuance. The technical contact fills in the online application and receives the certificate by e-mail (an agency may be the technical contact)."),
    items: [
        .field(ScreenField("applicantInCharge.name", help: Localized("申請責任者の氏名。", "The applicant-in-charge's full name."), example: "山田 太郎")),
        .field(ScreenField("applicantInCharge.department", help: Localized("所属部署。", "Department."), example: "情報システム部")),
        .field(ScreenField("applicantInCharge.title", help: Localized("役職。", "Job title."), example: "部長")),
        .field(ScreenField("applicantInCharge.email", help: Localized("申請責任者のメールアドレス。", "The applicant-in-charge's e-mail."), example: "yamada@example.co.jp")),
        .field(ScreenField("applicantInCharge.phone", help: Localized("直通の電話番号。", "A direct phone number."), example: "03-1234-5679")),
        .field(ScreenField("applicantInCharge.fullTimeEmployee", .yesNo, help: Localized(
            "申請団体の正社員・正職員ですか。派遣・委託の方は申請責任者になれません。",
            "Is this person a full-time employee of the applicant organization? Temporary or contract staff cannot be the applicant-in-charge."))),
        .note(Localized(
            "申請責任者へ事前に伝えてください: 発行元が代表電話に電話し、人事・総務で在籍を確かめてから本人につなぎ、製品名と申請種別、組織名 (O) とコモンネーム、技術担当者の会社名・氏名・メールアドレス、申請の意思を確認します。",
            "Tell the applicant-in-charge in advance: the issuer calls the representative number, confirms their employment with HR or general affairs, is put through, and confirms the product and application type, the Organization (O) and Common Name, the technical contact's company, name and e-mail, and that they intend this application.")),
        .field(ScreenField("technicalContact.company", help: Localized("技術担当者の会社名 (代行業者ならその会社)。", "The technical contact's company (the agency, if one applies)."), example: "サンプル株式会社")),
        .field(ScreenField("technicalContact.name", help: Localized("技術担当者の氏名。", "The technical contact's full name."), example: "鈴木 花子")),
        .field(ScreenField("technicalContact.email", help: Localized(
            "ストアフロントのユーザ ID になり、証明書と発行元からの連絡がここに届きます。",
            "Becomes the storefront user ID; the certificate and the issuer's messages arrive here."), example: "suzuki@example.co.jp")),
        .field(ScreenField("technicalContact.phone", help: Localized("技術担当者の電話番号。", "The technical contact's phone."), example: "090-1234-5678")),
        .field(ScreenField("technicalContact.belongsToApplicant", .yesNo, help: Localized(
            "技術担当者は申請団体の所属ですか。所属なら、申請責任者が不在のとき電話確認を代わりに受けられます。",
            "Does the technical contact belong to the applicant organization? If so, they can take the phone call when the applicant-in-charge is away."))),
        .field(ScreenField("technicalContact.agency", .yesNo, help: Localized(
            "代行業者が組織に代わって申請しますか。", "Is an agency applying on the organization's behalf?"))),
    ])
