import CertWizardCore

/// 3 ドメイン名の使用権確認と書類 (R 3-1, N step 2).
public let domainCheckScreen = ScreenSpec(
    id: "domain-check", step: .verification,
    title: Localized("ドメイン確認・書類", "Domain check and documents"),
    guidance: Localized(
        "WHOIS のドメイン登録者が申請団体と違う場合、次の順で使用権を確認します: (1) WHOIS の登録者を申請団体に変更、(2) 承認者アドレスへの英文メールで確認、(3) 弁護士または公認会計士の意見書 (費用は申請者負担)。",
        "When the domain's WHOIS registrant is not the applicant organization, the right to use it is confirmed in this order: (1) change the WHOIS registrant to the organization, (2) an e-mail in English to an approver address, (3) an opinion letter by a lawyer or certified public accountant (at the applicant's cost)."),
    items: [
        .field(ScreenField("domainCheck.whoisMatches", .yesNo, help: Localized(
            "ドメインの WHOIS 登録者名は申請団体と同じですか。", "Is the domain's WHOIS registrant the applicant organization?"))),
        .field(ScreenField("domainCheck.method", .choice(ChoiceOption.from(DomainCheckMethod.self, [
            "whoisChange": Localized("(1) WHOIS の登録者を申請団体に変更する", "(1) Change the WHOIS registrant to the organization"),
            "approverEmail": Localized("(2) 承認者アドレスへのメールで確認する", "(2) Confirm by e-mail to an approver address"),
            "opinionLetter": Localized("(3) 意見書を提出する", "(3) Submit an opinion letter"),
        ])), help: Localized("使用権の確認方法。上から順に検討します。", "How the right of use is confirmed; consider them in this order."),
            when: { $0.domainCheck.whoisMatches == false })),
        .field(ScreenField("domainCheck.approverEmail", .derivedChoice(ApproverChoices.options), help: Localized(
            "発行元がこのアドレスに英文の確認メールを送ります。承認者は Full name、Telephone number、Job title を書いて返信します。",
            "The issuer sends an English confirmation e-mail here; the approver replies with Full name, Telephone number and Job title."),
            when: { $0.domainCheck.method == .approverEmail })),
        .note(Localized(
            "WHOIS の連絡先アドレスによる確認は 2025 年 7 月に廃止されました。使えるのは admin@ などの構成アドレスです。",
            "Checks by e-mail to WHOIS contacts were retired in July 2025; only the constructed addresses (admin@ ...) are used now."),
              when: { $0.domainCheck.method == .approverEmail }),
        .field(ScreenField("documents.requested", .yesNo, help: Localized(
            "発行元から書類を求められましたか (新規・更新を問わず発行元の判断で求められます)。",
            "Has the issuer asked for documents? It may, for new applications and renewals alike."))),
        .field(ScreenField("documents.items", .checklist([
            ChoiceOption("登記事項証明書", Localized("登記事項証明書", "Certificate of registered matters")),
            ChoiceOption("印鑑証明書", Localized("印鑑証明書", "Seal registration certificate")),
            ChoiceOption("在籍証明書", Localized("在籍証明書", "Employment certificate")),
            ChoiceOption("意見書", Localized("弁護士・公認会計士の意見書", "Opinion letter (lawyer or CPA)")),
        ]), label: Localized("求められた書類", "Documents requested"),
            help: Localized("発行元から求められた書類 (メールで技術担当者に届きます)。", "The documents the issuer asked for (by e-mail to the technical contact)."),
            when: { $0.documents.requested == true })),
        .field(ScreenField("documents.delivery", .choice(ChoiceOption.from(DocumentDelivery.self, [
            "upload": Localized("PDF を指定 URL にアップロード", "Upload a PDF to the URL given"),
            "fax": Localized("FAX", "FAX"),
            "email": Localized("PDF をメールに添付", "PDF attached to e-mail"),
        ])), label: Localized("書類の送付方法", "How the documents are sent"),
            help: Localized("求められた書類の送り方。", "How the requested documents are sent."),
            when: { $0.documents.requested == true })),
    ])

enum ApproverChoices {
    @Sendable static func options(_ d: Draft) -> [ChoiceOption] {
        guard let cn = d.csr.commonName, !cn.isEmpty else { return [] }
        return ApproverAddresses.all(for: cn).map { ChoiceOption($0, Localized($0, $0)) }
    }
}
