/// 2-1 and 3-2: the order and its payment.
enum OrderRules {
    static let licenses = Rule(codes: ["licenses-invalid"]) { context in
        guard let n = context.draft.order.licenses, n < 1 else { return [] }
        return [Finding(.error, "licenses-invalid", field: "order.licenses",
                        Localized("ライセンス数は 1 以上です (いま \(n))", "Licenses must be at least 1 (now \(n))"))]
    }

    static let deferredPayment = Rule(codes: ["deferred-payment-renewal-only"]) { context in
        guard context.draft.payment.deferred == true, context.type != .renewal else { return [] }
        return [Finding(.error, "deferred-payment-renewal-only", field: "payment.deferred", Localized(
            "先行納入手配 (発行後の支払い) は更新のときだけ使えます",
            "Deferred payment (先行納入手配, paying after issuance) is only for renewals"))]
    }

    static let coupon = Rule(codes: ["coupon-missing"]) { context in
        // A free reissue carries the original order's payment: no new coupon.
        guard context.draft.payment.method == .coupon, context.draft.order.coupon.nonBlank == nil,
              !RequiredFieldRules.isFreeReissue(context.draft, today: context.today) else { return [] }
        return [Finding(.error, "coupon-missing", field: "order.coupon",
                        Localized("クーポンで支払う場合はクーポンを入力してください", "Paying by coupon needs the coupon code"))]
    }

    static let plannedDate = Rule(codes: ["payment-date-past", "payment-date-not-business-day"]) { context in
        let payment = context.draft.payment
        guard payment.method == .bankTransfer, payment.paidOn == nil, let date = payment.plannedDate else { return [] }
        if date < context.today {
            return [Finding(.warning, "payment-date-past", field: "payment.plannedDate", Localized(
                "振込予定日 (\(date)) を過ぎています。振込を済ませたら記録し、まだなら予定日を見直してください",
                "The planned transfer date (\(date)) has passed: record the payment if made, or set a new date"))]
        }
        if !context.calendar.isBusinessDay(date) {
            let next = context.calendar.nextBusinessDay(onOrAfter: date)
            return [Finding(.info, "payment-date-not-business-day", field: "payment.plannedDate", Localized(
                "振込予定日 (\(date)) は銀行の休業日です。入金の確認は \(next) 以降になります",
                "The planned transfer date (\(date)) is not a banking day; the payment will be seen on \(next) at the earliest"))]
        }
        return []
    }

    static let all: [Rule] = [licenses, deferredPayment, coupon, plannedDate]
}
