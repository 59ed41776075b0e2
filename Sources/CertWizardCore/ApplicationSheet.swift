/// The application as the storefront asks for it (R 2-1): product selection, then information
/// entry (server, CSR, organization, contacts), then payment, with the domain check and the
/// reissue details where they apply. For CAs that take applications on their web site, the
/// applicant copies from this, field by field, in the order the forms ask.
public struct ApplicationSheet: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The draft path the value comes from.
        public let path: String
        public let label: Localized
        /// What to type; nil when the draft has nothing yet.
        public let value: Localized?
    }

    public struct Section: Sendable {
        public let title: Localized
        public let entries: [Entry]
        /// The CSR is pasted at the end of this section (the information entry).
        public var endsWithCSR = false
    }

    /// What an empty field shows.
    public static let notEntered = Localized("(未入力)", "(not entered)")

    public let sections: [Section]
    /// The CSR to paste, as PEM.
    public let csr: String?

    public init(draft d: Draft) {
        func text(_ path: String, _ value: String?) -> Entry {
            Entry(path: path, label: FieldLabels.label(path), value: value?.isEmpty == false ? Localized(value!, value!) : nil)
        }
        func named(_ path: String, _ value: Localized?) -> Entry { Entry(path: path, label: FieldLabels.label(path), value: value) }
        func yesNo(_ value: Bool?) -> Localized? { value.map { $0 ? Localized("はい", "yes") : Localized("いいえ", "no") } }

        var product = [named("applicationType", d.applicationType.map(\.name))]
        if d.applicationType == .renewal || d.applicationType == .reissue {
            product.append(Entry(path: "currentCertificate.commonName", label: Localized("更新・再発行する証明書", "Certificate renewed or reissued"),
                                 value: d.currentCertificate.commonName.map { cn in
                                     let until = d.currentCertificate.notAfter.map { " (〜\($0))" } ?? ""
                                     let serial = d.currentCertificate.serialNumber.map { ", serial \($0)" } ?? ""
                                     return Localized(cn + until + serial, cn + until + serial)
                                 }))
        }
        product += [named("order.product", d.order.product.map(\.name)),
                    named("order.express", yesNo(d.order.express)),
                    text("order.licenses", d.order.licenses.map(String.init))]
        if d.applicationType == .reissue {
            product += [named("reissue.reason", d.reissue.reason.map(\.name)),
                        text("reissue.originalIssuedOn", (d.reissue.originalIssuedOn ?? d.currentCertificate.notBefore)?.iso8601)]
        }

        let information = [
            named("csr.serverSoftware", d.csr.serverSoftware.map(\.name)),
            text("csr.commonName", d.csr.commonName),
            text("csr.subjectAltNames", (d.csr.subjectAltNames ?? []).joined(separator: ", ")),
            text("organization.nameJa", d.organization.nameJa),
            text("organization.nameEn", d.organization.nameEn),
            text("organization.corporateNumber", d.organization.corporateNumber),
            text("organization.address", d.organization.address),
            text("organization.phone", d.organization.phone),
            text("applicantInCharge.name", d.applicantInCharge.name),
            text("applicantInCharge.department", d.applicantInCharge.department),
            text("applicantInCharge.title", d.applicantInCharge.title),
            text("applicantInCharge.email", d.applicantInCharge.email),
            text("applicantInCharge.phone", d.applicantInCharge.phone),
            text("technicalContact.company", d.technicalContact.company),
            text("technicalContact.name", d.technicalContact.name),
            text("technicalContact.department", d.technicalContact.department),
            text("technicalContact.email", d.technicalContact.email),
            text("technicalContact.phone", d.technicalContact.phone),
        ]

        var payment = [named("payment.method", d.payment.method.map { $0 == .coupon ? Localized("クーポン", "coupon") : Localized("銀行振込", "bank transfer") })]
        if d.payment.method == .coupon { payment.append(text("order.coupon", d.order.coupon)) }
        if d.payment.method == .bankTransfer {
            if d.applicationType == .renewal { payment.append(named("payment.deferred", yesNo(d.payment.deferred))) }
            if d.payment.deferred != true { payment.append(text("payment.plannedDate", d.payment.plannedDate?.iso8601)) }
        }

        var sections = [
            Section(title: Localized("1. 製品の選択", "1. Product selection"), entries: product),
            Section(title: Localized("2. 情報の入力", "2. Information entry"), entries: information, endsWithCSR: true),
            Section(title: Localized("3. 決済", "3. Payment"), entries: payment),
        ]
        if d.domainCheck.whoisMatches == false {
            sections.append(Section(title: Localized("ドメイン名の使用権確認", "Domain right of use"), entries: [
                named("domainCheck.method", d.domainCheck.method.map(ApplicationSheet.domainMethodName)),
                text("domainCheck.approverEmail", d.domainCheck.approverEmail),
            ]))
        }
        self.sections = sections
        csr = d.csr.pem?.trimmed.isEmpty == false ? d.csr.pem!.trimmed : nil
    }

    /// The paths the sheet has no value for.
    public var missing: [String] { sections.flatMap(\.entries).filter { $0.value == nil }.map(\.path) + (csr == nil ? ["csr.pem"] : []) }

    /// The sheet as text to copy from: one "label: value" a line, the CSR at the end of the entry step.
    public func text(in language: Language) -> String {
        let notEntered = ApplicationSheet.notEntered.text(in: language)
        var lines: [String] = []
        for section in sections {
            lines.append("== " + section.title.text(in: language) + " ==")
            for entry in section.entries {
                lines.append(entry.label.text(in: language) + ": " + (entry.value?.text(in: language) ?? notEntered))
            }
            if section.endsWithCSR {
                lines.append("CSR:")
                lines.append(csr ?? notEntered)
            }
            lines.append("")
        }
        lines.append(Localized("技術担当者のメールアドレスがストアフロントのユーザ ID です。申請後、certwiz record submitted --order 注文番号 で記録してください。",
                               "The technical contact's e-mail address is the storefront user ID. After applying, record it with certwiz record submitted --order NUMBER.").text(in: language))
        return lines.joined(separator: "\n")
    }

    static func domainMethodName(_ method: DomainCheckMethod) -> Localized {
        switch method {
        case .whoisChange: return Localized("WHOIS の登録者を変更", "change the WHOIS registrant")
        case .approverEmail: return Localized("承認者メール", "approver e-mail")
        case .opinionLetter: return Localized("意見書", "opinion letter")
        }
    }
}
