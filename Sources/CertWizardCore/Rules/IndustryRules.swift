/// What the CA/Browser Forum Baseline Requirements and the root programs in force on 2026-11-22
/// add to the procedure the seeds describe. They inform and warn; none of them blocks it.
enum IndustryRules {
    /// Certificates issued from these days last at most this many days (BR 6.3.2).
    static let validitySteps: [(from: CalendarDate, days: Int)] = [
        (CalendarDate(iso8601: "2026-03-15")!, 200), (CalendarDate(iso8601: "2027-03-15")!, 100), (CalendarDate(iso8601: "2029-03-15")!, 47),
    ]
    /// Constructed approver addresses (admin@ ...): discouraged from, and gone from (BR 3.2.2.4.4).
    static let constructedDiscouraged = CalendarDate(iso8601: "2026-03-15")!
    static let constructedEnds = CalendarDate(iso8601: "2028-03-15")!
    /// How long the CA may reuse an organization check (BR 4.2.1).
    static let organizationReuseDays = 398

    /// The longest certificate issued on `day`, and the next step down if there is one.
    static func validity(on day: CalendarDate) -> (days: Int, next: (from: CalendarDate, days: Int)?) {
        let current = validitySteps.last { $0.from <= day }?.days ?? 398
        return (current, validitySteps.first { $0.from > day })
    }

    static let validityPlan = Rule(codes: ["validity-plan"]) { context in
        guard context.draft.order.product != nil else { return [] }
        let (days, next) = validity(on: context.today)
        let months = days >= 180 ? "6" : days >= 90 ? "3" : "1.5"
        var ja = "今日発行される証明書の有効期間は最長 \(days) 日です。更新はおよそ \(months) か月ごとに計画してください"
        var en = "A certificate issued today lasts at most \(days) days: plan renewals about every \(months) months"
        if let next {
            ja += "。\(next.from) 以降に発行される証明書は最長 \(next.days) 日になります"
            en += "; those issued from \(next.from) last at most \(next.days) days"
        }
        return [Finding(.info, "validity-plan", field: "order.product", Localized(ja, en))]
    }

    static let constructedApprover = Rule(codes: ["approver-email-constructed"]) { context in
        let check = context.draft.domainCheck
        guard check.method == .approverEmail, let address = check.approverEmail.nonBlank,
              let local = address.lowercased().split(separator: "@").first,
              ApproverAddresses.localParts.contains(String(local)), context.today >= constructedDiscouraged else { return [] }
        let message = context.today < constructedEnds
            ? Localized("admin@ などの構成アドレスによる承認は 2026-03-15 から非推奨で、2028-03-15 に廃止されます。発行元が DNS か HTTP による確認を扱うなら、そちらを選んでください",
                        "approval by a constructed address (admin@ ...) is discouraged since 2026-03-15 and ends on 2028-03-15: prefer DNS or HTTP validation where the CA offers it")
            : Localized("admin@ などの構成アドレスによる承認は 2028-03-15 に廃止されました。DNS か HTTP による確認を選んでください",
                        "approval by a constructed address (admin@ ...) ended on 2028-03-15: choose DNS or HTTP validation")
        return [Finding(.warning, "approver-email-constructed", field: "domainCheck.approverEmail", message)]
    }

    static let organizationReuse = Rule(codes: ["org-validation-reuse"]) { context in
        // The current certificate's issue date is the latest day its organization check can date from.
        guard context.type == .renewal, let issued = context.draft.currentCertificate.notBefore else { return [] }
        let until = issued.adding(days: organizationReuseDays)
        let message = context.today <= until
            ? Localized("組織の確認は \(organizationReuseDays) 日間再利用できます (\(until) まで)。その間の更新では新しい書類は要りません",
                        "the CA can reuse the organization check for \(organizationReuseDays) days (until \(until)): a renewal by then needs no new documents")
            : Localized("現在の証明書の発行 (\(issued)) から \(organizationReuseDays) 日を過ぎたため、組織の確認はやり直しになります。書類を求められることがあります",
                        "more than \(organizationReuseDays) days have passed since the current certificate was issued (\(issued)): the organization is checked again, and documents may be asked for")
        return [Finding(.info, "org-validation-reuse", field: "currentCertificate.notBefore", message)]
    }

    static let all: [Rule] = [validityPlan, constructedApprover, organizationReuse]
}
