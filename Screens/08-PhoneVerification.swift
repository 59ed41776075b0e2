import CertWizardCore

/// 4 発行審査・電話確認の準備 (R 4, N step 2).
public let phoneVerificationScreen = ScreenSpec(
    id: "phone-verification", step: .phoneVerification,
    title: Localized("電話確認の準備", "Phone verification"),
    guidance: Localized(
        "発行元は独自の方法で代表電話番号を調べて電話し、申請責任者につないでもらい (または連絡先を聞き)、製品名と申請種別、組織名とコモンネーム、技術担当者の会社名・氏名・メールアドレス、申請の意思を確認します。",
        "The issuer finds the representative number by its own method, calls it, asks to be put through to the applicant-in-charge (or for a number to reach them), and confirms the product and application type, the organization and Common Name, the technical contact's company, name and e-mail, and the intent to apply."),
    items: [
        .field(ScreenField("phoneVerification.callee", .choice(ChoiceOption.from(PhoneCallee.self, [
            "applicantInCharge": Localized("申請責任者", "The applicant-in-charge"),
            "technicalContact": Localized("技術担当者 (申請責任者が不在のとき)", "The technical contact (when the applicant-in-charge is away)"),
        ])), help: Localized("電話を受ける人。", "Who takes the call."))),
        .field(ScreenField("phoneVerification.briefed", .yesNo, label: Localized("申請責任者に説明済み", "Applicant-in-charge briefed"),
                           help: Localized("確認される内容を申請責任者に伝えましたか。", "Has the applicant-in-charge been told what will be asked?"))),
        .field(ScreenField("phoneVerification.alternative", .choice(ChoiceOption.from(PhoneVerificationAlternative.self, [
            "employmentCertificate": Localized("在籍証明書 (代表番号から申請責任者につながらない場合)", "Employment certificate (when the representative number cannot reach the applicant-in-charge)"),
            "technicalContact": Localized("技術担当者が代わりに受ける (申請団体の所属に限る)", "The technical contact takes it (only if they belong to the organization)"),
            "earlierVerification": Localized("以前の有効な電話確認 (省略される場合あり)", "A valid earlier verification (the call may be skipped)"),
        ])), help: Localized("電話確認ができない場合の代わりの方法。", "The alternative when the call cannot be made."))),
        .field(ScreenField("phoneVerification.done", .yesNo, label: Localized("電話確認が完了", "Phone verification done"),
                           help: Localized("発行元の電話確認は終わりましたか。", "Has the issuer's call taken place?"))),
    ])
