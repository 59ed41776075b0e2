/// Works out each step of a `StatusReport` from the draft: the procedure's rules about who
/// moves next, and the business-calendar dates (reminders, due dates, expected issuance).
struct Tracker {
    typealias Line = StatusReport.StepLine
    typealias Step = StatusReport.Step

    /// The approver is reminded when nothing came back within this many business days.
    static let approverReminderBusinessDays = 2

    let draft: Draft
    let today: CalendarDate
    let calendar: BusinessCalendar
    let findings: [Finding]

    init(draft: Draft, today: CalendarDate, calendar: BusinessCalendar) {
        self.draft = draft
        self.today = today
        self.calendar = calendar
        findings = Validator.findings(for: draft, today: today, calendar: calendar)
    }

    var submittedOn: CalendarDate? { draft.order.orderNumber == nil ? nil : (draft.order.submittedOn ?? today) }
    var isSubmitted: Bool { draft.order.orderNumber != nil }
    static let notApplied = Localized("申請前", "not applied yet")

    func lines() -> [Line] {
        var lines = [preparation(.organization), preparation(.csr), preparation(.contacts), application(),
                     domainCheck(), documents(), payment(), organizationCheck(), phoneVerification()]
        lines.append(issuance(after: lines))
        lines.append(installation())
        lines.append(siteSeal())
        return lines
    }

    private func line(_ step: Step, _ state: StatusReport.State, _ date: CalendarDate? = nil, _ kind: StatusReport.DateKind? = nil,
                      _ details: [Localized] = [], action: Localized? = nil) -> Line {
        Line(step: step, state: state, date: date, dateKind: date == nil ? nil : kind, details: details, action: action)
    }

    private func line(_ step: Step, _ state: StatusReport.State, _ details: [Localized], action: Localized? = nil) -> Line {
        line(step, state, nil, nil, details, action: action)
    }

    private func errors(in step: ProcedureStep) -> Int {
        findings.filter { $0.severity == .error && ProcedureStep.owning(field: $0.field) == step }.count
    }

    private func value(_ s: String?) -> String { s?.isEmpty == false ? s! : "—" }

    // MARK: Preparation and application

    private func preparation(_ step: Step) -> Line {
        // The CSR step names the key the CSR belongs to (the file to install and back up).
        let key: [Localized] = step == .csr ? draft.csr.keyPath.map { [Localized("鍵: \($0)", "key: \($0)")] } ?? [] : []
        // What was submitted was checked then; later dates do not reopen it.
        if isSubmitted { return line(step, .done, key) }
        let n = errors(in: step.procedureStep)
        guard n > 0 else { return line(step, .done, key) }
        return line(step, .toDo, [Localized("残り \(n) 件", "\(n) to fix")] + key,
                    action: Localized("「\(step.label(in: .ja))」のエラーを直してください (\(n) 件)",
                                      "Fix the errors in \"\(step.label(in: .en))\" (\(n))"))
    }

    private func application() -> Line {
        if let submitted = submittedOn {
            var details = [Localized("注文番号 \(value(draft.order.orderNumber))", "order \(value(draft.order.orderNumber))")]
            if let amount = draft.order.amount { details.append(Localized("\(Yen.text(amount).ja) (税込)", "\(Yen.text(amount).en) (tax included)")) }
            return line(.application, .done, submitted, .happened, details)
        }
        let preparing = [ProcedureStep.organization, .csr, .contacts, .application].map(errors(in:)).reduce(0, +)
        guard preparing == 0 else {
            return line(.application, .blocked(Localized("準備が未完了 (残り \(preparing) 件)", "preparation incomplete (\(preparing) to fix)")))
        }
        let manual = draft.order.issuer == "manual"
        return line(.application, .toDo, action: manual
            ? Localized("発行元のサイトで申請してください (certwiz sheet の内容を写します)。その後 certwiz record submitted --order 注文番号 で記録します",
                        "Apply on the issuer's web site (copy from certwiz sheet), then record it with certwiz record submitted --order NUMBER")
            : Localized("準備ができました。申請してください (状況の画面の「申請する」か certwiz submit)",
                        "Preparation is complete: submit the application (\"Submit the application\" on the status screen, or certwiz submit)"))
    }

    // MARK: 3-1 Domain check and documents

    private var registeredDomain: String {
        let cn = draft.csr.commonName ?? ""
        return ApproverAddresses.domains(for: cn).last ?? cn
    }

    private var domainAlternatives: Localized {
        let current = draft.domainCheck.approverEmail?.lowercased()
        // The registered domain's mailboxes: the ones an organization most often has.
        let others: [String] = ApproverAddresses.localParts.map { "\($0)@\(registeredDomain)" }.filter { $0 != current && !registeredDomain.isEmpty }
        let list: String = others.isEmpty ? "admin@ / administrator@ / webmaster@ / hostmaster@ / postmaster@" : others.joined(separator: ", ")
        return Localized("ほかの方法: 別の承認者アドレス (\(list))、WHOIS の登録者を申請団体に変更、弁護士・公認会計士の意見書",
                         "Other ways: another approver address (\(list)), changing the WHOIS registrant to the organization, or an opinion letter by a lawyer or CPA")
    }

    private func domainCheck() -> Line {
        let check = draft.domainCheck
        if check.whoisMatches == true {
            return line(.domainCheck, .notNeeded, check.confirmedOn, .happened,
                        [Localized("WHOIS の登録者が申請団体と同じため、使用権の確認メールはありません", "The WHOIS registrant is the organization: no right-of-use e-mail")])
        }
        guard isSubmitted else { return line(.domainCheck, .blocked(Tracker.notApplied)) }
        if let confirmed = check.confirmedOn {
            return line(.domainCheck, .done, confirmed, .happened, [Localized("ドメイン使用権が確認されました", "The right to use the domain is confirmed")])
        }
        switch check.method {
        case .approverEmail:
            let address = value(check.approverEmail)
            if let replied = check.approverRepliedOn {
                return line(.domainCheck, .done, replied, .happened,
                            [Localized("承認者 (\(address)) が返信しました", "The approver (\(address)) replied")])
            }
            let mail = Localized("差出人 as-help@jp.websecurity.symantec.com、件名「ドメイン名 (\(registeredDomain)) 使用権確認のお願い」。承認者は英文で Full name、Telephone number、Job title を返信します",
                                 "From as-help@jp.websecurity.symantec.com, subject \"ドメイン名 (\(registeredDomain)) 使用権確認のお願い\"; the approver replies in English with Full name, Telephone number and Job title")
            guard let sent = check.approverEmailSentOn else {
                return line(.domainCheck, .waiting(on: .issuer), [Localized("発行元が \(address) に確認メールを送ります", "The issuer will e-mail \(address)"), mail])
            }
            let remindOn = calendar.adding(businessDays: Tracker.approverReminderBusinessDays, to: sent)
            let sentLine = Localized("\(sent) に \(address) へ確認メールが送られました", "E-mail sent to \(address) on \(sent)")
            if today >= remindOn {
                return line(.domainCheck, .toDo, remindOn, .reminder, [
                    sentLine,
                    Localized("2 営業日 (\(remindOn) まで) 返信がありません。承認者に連絡し、迷惑メールフォルダも見てもらってください",
                              "No reply within 2 business days (by \(remindOn)): contact the approver and ask them to check their spam folder"),
                    domainAlternatives, mail,
                ], action: Localized("承認者 \(address) に返信を促してください (送信 \(sent))", "Remind the approver \(address) to reply (sent \(sent))"))
            }
            return line(.domainCheck, .waiting(on: .approver), remindOn, .reminder, [
                sentLine, mail,
                Localized("\(remindOn) までに返信がなければ催促します", "If nothing comes back by \(remindOn), remind the approver"),
            ])
        case .whoisChange:
            let name = value(draft.organization.nameEn ?? draft.csr.organization)
            return line(.domainCheck, .toDo, [domainAlternatives], action: Localized(
                "\(registeredDomain) の WHOIS 登録者を \(name) に変更し、発行元に知らせてください",
                "Change the WHOIS registrant of \(registeredDomain) to \(name), then tell the issuer"))
        case .opinionLetter:
            return line(.domainCheck, .toDo, [domainAlternatives], action: Localized(
                "登録を確認できる弁護士か公認会計士の意見書を用意して送ってください (費用は申請者負担)",
                "Send an opinion letter by a lawyer or CPA whose registration can be checked (at your cost)"))
        case nil:
            if check.whoisMatches == false {
                return line(.domainCheck, .toDo, [domainAlternatives], action: Localized(
                    "ドメイン使用権の確認方法を選んでください", "Choose how the right to use the domain is confirmed"))
            }
            return line(.domainCheck, .waiting(on: .issuer), [Localized(
                "発行元がドメインの WHOIS 登録者と申請団体を照合します", "The issuer compares the domain's WHOIS registrant with the organization")])
        }
    }

    private func documents() -> Line {
        let docs = draft.documents
        let contact = value(draft.technicalContact.email)
        guard docs.requested == true else {
            guard isSubmitted else { return line(.documents, .blocked(Tracker.notApplied)) }
            return line(.documents, .notNeeded, [Localized(
                "求められていません。発行元が必要と判断すると \(contact) にメールで依頼が来ます",
                "None asked for; if the issuer needs any, it asks by e-mail to \(contact)")])
        }
        let items = (docs.items ?? []).joined(separator: "、").nonEmptyOr("—")
        let via = docs.delivery.map(Tracker.deliveryText) ?? Localized("アップロード・FAX・メール", "upload, FAX or e-mail")
        if let sent = docs.sentOn {
            return line(.documents, .done, sent, .happened, [Localized("\(items) を送りました (\(via.ja))", "Sent \(items) (\(via.en))")])
        }
        var details = [Localized("求められた書類: \(items)", "Asked for: \(items)")]
        if let asked = docs.requestedOn { details.append(Localized("\(asked) に依頼がありました", "Asked for on \(asked)")) }
        return line(.documents, .toDo, docs.requestedOn, .happened, details, action: Localized(
            "書類 (\(items)) を \(via.ja) で送り、certwiz record documents-sent で記録してください",
            "Send the documents (\(items)) by \(via.en), then record it with certwiz record documents-sent"))
    }

    static func deliveryText(_ delivery: DocumentDelivery) -> Localized {
        switch delivery {
        case .upload: return Localized("指定 URL への PDF アップロード", "PDF upload to the URL given")
        case .fax: return Localized("FAX", "FAX")
        case .email: return Localized("PDF のメール添付", "PDF attached to e-mail")
        }
    }

    // MARK: 3-2 Payment

    private func payment() -> Line {
        let pay = draft.payment
        let amount = draft.order.amount.map(Yen.text) ?? Localized("請求額", "the invoiced amount")
        let account = pay.transferAccount ?? "—"
        switch pay.method {
        case .coupon:
            return line(.payment, isSubmitted ? .done : .blocked(Tracker.notApplied), submittedOn, .happened,
                        [Localized("クーポンで支払います", "Paid by coupon")])
        case nil:
            return line(.payment, .toDo, action: Localized("支払方法を選んでください", "Choose how you pay"))
        case .bankTransfer:
            if isSubmitted, draft.order.amount == 0 {
                return line(.payment, .notNeeded, [Localized("支払いはありません (無償の再発行)", "Nothing to pay (a free reissue)")])
            }
            if let paid = pay.paidOn {
                return line(.payment, .done, paid, .happened, [Localized("\(amount.ja) の入金が確認されました", "\(amount.en) received")])
            }
            if pay.deferred == true, draft.applicationType == .renewal {
                if let issued = draft.issuance.issuedOn {
                    return line(.payment, .toDo, issued, .due, [Localized("先行納入手配: 発行 (\(issued)) 後の支払い", "Deferred payment: due after issuance (\(issued))")],
                                action: Localized("\(amount.ja) を専用口座 \(account) に振り込んでください (先行納入手配)",
                                                  "Transfer \(amount.en) to the dedicated account \(account) (deferred payment)"))
                }
                return line(.payment, .waiting(on: .issuer), [Localized(
                    "先行納入手配: 発行後に支払います (更新のみ)", "Deferred payment (先行納入手配): pay after issuance (renewals only)")])
            }
            guard let planned = pay.plannedDate else {
                return line(.payment, .toDo, action: Localized("振込予定日を決めてください", "Set the planned transfer date"))
            }
            var details: [Localized] = []
            let left = today.days(until: planned)
            details.append(left >= 0
                ? Localized("振込予定日 \(planned) (あと \(left) 日)", "Planned transfer date \(planned) (\(left) days left)")
                : Localized("振込予定日 \(planned) を \(-left) 日過ぎています", "The planned transfer date \(planned) passed \(-left) days ago"))
            if !calendar.isBusinessDay(planned) {
                let seen = calendar.nextBusinessDay(onOrAfter: planned)
                details.append(Localized("\(planned) は営業日ではありません。入金の確認は \(seen) になります",
                                         "\(planned) is not a business day: the payment is seen on \(seen)"))
            }
            guard isSubmitted else { return line(.payment, .blocked(Tracker.notApplied), planned, .due, details) }
            details.append(Localized("専用口座: \(account)", "Dedicated account: \(account)"))
            return line(.payment, .toDo, planned, .due, details, action: Localized(
                "\(planned) までに \(amount.ja) を専用口座 \(account) に振り込んでください",
                "Transfer \(amount.en) to the dedicated account \(account) by \(planned)"))
        }
    }

    // MARK: 4 Organization check and phone verification

    private func organizationCheck() -> Line {
        if let confirmed = draft.organizationCheck.confirmedOn {
            return line(.organizationCheck, .done, confirmed, .happened, [Localized("組織の実在が確認されました", "The organization's existence is confirmed")])
        }
        let org = draft.organization
        if org.listedInDuns == false && org.listedInITownPage == false {
            return line(.organizationCheck, .toDo, [Localized(
                "代表電話番号が DUNS にも iタウンページにも載っていません", "The representative number is in neither DUNS nor iTownPage")],
                action: Localized("代表電話番号を DUNS か iタウンページに登録してください (載るまで約 1 か月)。できなければ弁護士の意見書が要ります",
                                  "Register the representative number in DUNS or iTownPage (it takes about a month to appear); if impossible, a lawyer's opinion letter is needed"))
        }
        guard isSubmitted else { return line(.organizationCheck, .blocked(Tracker.notApplied)) }
        let name = value(draft.applicantInCharge.name)
        return line(.organizationCheck, .waiting(on: .issuer), [Localized(
            "発行元が DUNS・iタウンページの代表電話番号 (\(value(org.phone))) に電話し、人事・総務に \(name) さんの在籍を確かめます",
            "The issuer calls the representative number listed in DUNS / iTownPage (\(value(org.phone))) and asks HR or general affairs whether \(name) works there")])
    }

    private func phoneVerification() -> Line {
        let phone = draft.phoneVerification
        let aic = draft.applicantInCharge
        let tech = draft.technicalContact
        if phone.done == true {
            let how = phone.alternative == .employmentCertificate ? Localized("在籍証明書で確認", "verified by an employment certificate")
                : phone.alternative == .technicalContact || phone.callee == .technicalContact ? Localized("技術担当者に確認", "the technical contact was verified")
                : Localized("申請責任者に確認", "the applicant-in-charge was verified")
            return line(.phoneVerification, .done, phone.doneOn, .happened, [how])
        }
        guard isSubmitted else { return line(.phoneVerification, .blocked(Tracker.notApplied)) }
        let name = value(aic.name)
        let department = aic.department?.isEmpty == false ? Localized(" (\(aic.department!)) ", " (\(aic.department!))") : Localized("", "")
        let type = (draft.applicationType ?? .new).name
        var details = [
            Localized("発行元が代表電話番号 \(value(draft.organization.phone)) に電話し、\(name) さん\(department.ja)への取り次ぎを頼みます",
                      "The issuer calls the representative number \(value(draft.organization.phone)) and asks for \(name)\(department.en)"),
            Localized("確認されること: 製品 (\(value(draft.order.product?.name.ja))) と申請種別 (\(type.ja))、O (\(value(draft.csr.organization))) と CN (\(value(draft.csr.commonName)))、技術担当者の会社・氏名・メール (\(value(tech.company))、\(value(tech.name))、\(value(tech.email)))、申請の意思",
                      "It asks: the product (\(value(draft.order.product?.name.en))) and application type (\(type.en)); O (\(value(draft.csr.organization))) and CN (\(value(draft.csr.commonName))); the technical contact's company, name and e-mail (\(value(tech.company)), \(value(tech.name)), \(value(tech.email))); and that they intend this application"),
            Localized("代表電話番号から \(name) さんにつながらない場合は在籍証明書が要ります",
                      "If \(name) cannot be reached through the representative number, an employment certificate (在籍証明書) is needed"),
        ]
        if tech.belongsToApplicant == true {
            details.append(Localized("\(name) さんが不在なら、申請団体所属の技術担当者 \(value(tech.name)) さんの確認で代えられます",
                                     "If \(name) is absent, the technical contact \(value(tech.name)), who belongs to the organization, may be verified instead"))
        }
        details.append(Localized("有効な過去の電話確認があれば省略されることがあります", "A valid earlier phone verification may let the issuer skip the call"))
        if phone.briefed != true {
            return line(.phoneVerification, .toDo, details, action: Localized(
                "\(name) さんに、発行元から電話があることと確認される内容を伝えてください",
                "Tell \(name) that the issuer will phone and what it will ask"))
        }
        return line(.phoneVerification, .waiting(on: .issuer), details)
    }

    // MARK: 5 Issuance and installation

    private func issuance(after lines: [Line]) -> Line {
        if let issued = draft.issuance.issuedOn {
            var details: [Localized] = []
            if let path = draft.issuance.certificatePath { details.append(Localized("証明書: \(path)", "Certificate: \(path)")) }
            if let path = draft.issuance.chainPath { details.append(Localized("中間 CA 証明書: \(path)", "Intermediate: \(path)")) }
            return line(.issuance, .done, issued, .happened, details)
        }
        guard let submitted = submittedOn else { return line(.issuance, .blocked(Tracker.notApplied)) }
        let express = draft.order.express == true
        // What issuance waits for: the verifications, and payment unless it is deferred or by coupon.
        var needed: [Step] = [.domainCheck, .documents, .organizationCheck, .phoneVerification]
        if ReviewOrder.paysFirst(draft) { needed.append(.payment) }
        let relevant = lines.filter { needed.contains($0.step) }
        let pending = relevant.filter { $0.state != .done && $0.state != .notNeeded }
        var details: [Localized] = []
        if let sent = draft.documents.sentOn {
            let range = IssuanceEstimate.afterDocuments(sent, type: draft.applicationType ?? .new, calendar: calendar)
            details.append(Localized("書類 (\(sent)) から: \(range.earliest)〜\(range.latest) (\(range.basis.ja))",
                                     "From the documents (\(sent)): \(range.earliest) – \(range.latest) (\(range.basis.en))"))
        }
        if pending.isEmpty {
            let verified = relevant.compactMap(\.date).max() ?? submitted
            let estimate = IssuanceEstimate.afterVerification(verified, express: express, calendar: calendar)
            details.insert(Localized("確認完了 \(verified)。\(estimate.basis.ja)", "Verified \(verified). \(estimate.basis.en)"), at: 0)
            return line(.issuance, .waiting(on: .issuer), estimate.earliest, .expected, details)
        }
        let start = max(today, submitted)
        let estimate = IssuanceEstimate.afterVerification(start, express: express, calendar: calendar)
        let names = Localized(pending.map { $0.step.title.ja }.joined(separator: "、"), pending.map { $0.step.title.en }.joined(separator: ", "))
        details.insert(Localized("最短 \(estimate.earliest): 残りの確認 (\(names.ja)) が今日終わった場合。\(estimate.basis.ja)",
                                 "\(estimate.earliest) at the earliest, if the remaining checks (\(names.en)) finish today. \(estimate.basis.en)"), at: 0)
        return line(.issuance, .blocked(Localized("確認待ち: \(names.ja)", "waiting for: \(names.en)")), estimate.earliest, .expected, details)
    }

    private func installation() -> Line {
        if draft.installation.certificateInstalled == true {
            return line(.installation, .done, draft.installation.installedOn, .happened)
        }
        guard draft.issuance.issuedOn != nil else { return line(.installation, .blocked(Localized("未発行", "not issued yet"))) }
        let certificate = value(draft.issuance.certificatePath)
        let chain = value(draft.issuance.chainPath)
        return line(.installation, .toDo, [Localized("IIS 以外は中間 CA 証明書を別に入れます", "Every server but IIS needs the intermediate installed separately")],
                    action: Localized("証明書 (\(certificate)) と中間 CA 証明書 (\(chain)) をサーバに入れ、インストールの画面か certwiz record installed で記録してください",
                                      "Install the certificate (\(certificate)) and the intermediate (\(chain)) on the server, then mark it on the Installation screen or with certwiz record installed"))
    }

    /// 5-3: the site seal is optional: placed, or not needed (and how to place it) once the certificate is in.
    private func siteSeal() -> Line {
        if draft.installation.sealInstalled == true { return line(.siteSeal, .done) }
        guard draft.installation.certificateInstalled == true else {
            return line(.siteSeal, .blocked(Localized("証明書のインストール後", "after the certificate is installed")))
        }
        // Optional: the application is complete without it.
        return line(.siteSeal, .notNeeded, [Localized("任意: 発行元のページでサイトシールの JavaScript を作り、サイトに貼れます",
                                                      "optional: make the seal's JavaScript on the issuer's page and put it on the site")])
    }

    // MARK: Key dates

    func keyDates(issuance: Line?) -> [StatusReport.KeyDate] {
        var dates: [StatusReport.KeyDate] = []
        func add(_ id: String, _ label: Localized, _ date: CalendarDate, _ value: (Int) -> Localized) {
            let left = today.days(until: date)
            dates.append(StatusReport.KeyDate(id: id, label: label, date: date, daysLeft: left, value: value(left)))
        }
        let expected = draft.issuance.issuedOn == nil ? issuance?.date : nil
        if draft.applicationType == .renewal, let expiry = draft.currentCertificate.notAfter {
            add("currentCertificateExpires", Localized("現在の証明書の有効期限", "Current certificate expires"), expiry) { left in
                var text = left >= 0 ? Localized("\(expiry) (サービス残り \(left) 日)", "\(expiry) (\(left) days of service left)")
                                     : Localized("\(expiry) (\(-left) 日前に期限切れ)", "\(expiry) (expired \(-left) days ago)")
                if let expected, expected > expiry {
                    text = Localized(text.ja + "。発行の見込み (\(expected)) より前に切れます", text.en + "; it expires before the expected issuance (\(expected))")
                }
                return text
            }
        }
        if draft.payment.method == .bankTransfer, draft.payment.paidOn == nil, draft.payment.deferred != true, let planned = draft.payment.plannedDate {
            add("plannedTransfer", Localized("振込予定日", "Planned transfer date"), planned) { left in
                left >= 0 ? Localized("\(planned) (あと \(left) 日)", "\(planned) (in \(left) days)")
                          : Localized("\(planned) (\(-left) 日過ぎています)", "\(planned) (\(-left) days ago)")
            }
        }
        if let expected, let issuance {
            add("expectedIssuance", Localized("発行の見込み", "Expected issuance"), expected) { _ in
                Localized("\(expected) " + (issuance.state == .waiting(on: .issuer) ? "" : "以降 (最短)"),
                          "\(expected)" + (issuance.state == .waiting(on: .issuer) ? "" : " at the earliest"))
            }
        }
        if let issued = draft.issuance.issuedOn {
            add("issued", Localized("発行日", "Issued"), issued) { _ in Localized("\(issued)", "\(issued)") }
            let ends = RenewalWindow.freeReissueEnds(issuedOn: issued)
            if today <= ends {
                add("freeReissueUntil", Localized("無償の再発行の連絡期限", "Free reissue: contact the issuer by"), ends) { left in
                    Localized("\(ends) (あと \(left) 日)", "\(ends) (\(left) days left)")
                }
            }
        }
        if draft.applicationType == .reissue, draft.issuance.issuedOn == nil, let original = draft.reissue.originalIssuedOn ?? draft.currentCertificate.notBefore {
            let ends = RenewalWindow.freeReissueEnds(issuedOn: original)
            add("freeReissueUntil", Localized("無償の再発行の連絡期限", "Free reissue: contact the issuer by"), ends) { left in
                left >= 0 ? Localized("\(ends) (あと \(left) 日、無償)", "\(ends) (\(left) days left; free)")
                          : Localized("\(ends) (過ぎています: 新規と同じ料金)", "\(ends) (passed: charged as a new certificate)")
            }
        }
        return dates
    }
}

extension String {
    func nonEmptyOr(_ fallback: String) -> String { isEmpty ? fallback : self }
}
