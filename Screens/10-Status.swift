import CertWizardCore

/// Where the application stands: every step, the next action, and the dates; and the buttons
/// that move it on: submit, and for the demo issuer the trainer's review steps.
public let statusScreen = ScreenSpec(
    id: "status", step: .done,
    title: Localized("進み具合", "Status"),
    guidance: Localized(
        "各手順の状態と、次にすること、営業日で数えた見込みの日付です。",
        "Each step's state, what to do next, and the expected dates counted in business days."),
    kind: .status,
    items: [
        // An ACME order as the CA last said (certwiz status --refresh asks again).
        .summary { draft in
            guard draft.order.issuer == "acme" else { return [] }
            var lines = [SummaryLine(Localized("ACME の注文", "ACME order"), draft.acme.orderStatus ?? "—")]
            if let url = draft.acme.orderURL { lines.append(SummaryLine(Localized("注文 URL", "Order URL"), url)) }
            if let directory = draft.acme.directory { lines.append(SummaryLine(Localized("CA", "CA"), directory)) }
            return lines
        },
        .action(ScreenAction(.submit, label: Localized("申請する", "Submit the application"), help: Localized(
            "すべての規則で検査してから発行元に申請し、注文番号・金額・振込口座を記録します。エラーがあれば申請しません。",
            "Checks every rule, then submits to the issuer and records the order number, amount and transfer account. Refused while there are errors."),
            when: { $0.order.orderNumber == nil && $0.order.issuer != "manual" })),
        .action(ScreenAction(.continueOrder, label: Localized("TXT レコードを作った: 注文を続ける", "The TXT records are there: continue the order"), help: Localized(
            "dns-01: 申請のときに表示された TXT レコードを DNS に作り、反映されたら押します (certwiz submit --continue と同じ)。",
            "dns-01: once the TXT records shown at submission are in the DNS and visible, press this (the same as certwiz submit --continue)."),
            when: { $0.order.issuer == "acme" && $0.acme.challenge == .dns01 && $0.acme.orderURL != nil && $0.issuance.issuedOn == nil })),
        .action(ScreenAction(.demoAdvance, label: { draft in
            let next = ReviewOrder.next(draft).map(ReviewOrder.label) ?? Localized("", "")
            return Localized("デモ: \(next.ja)", "Demo: \(next.en)")
        }, help: Localized(
            "訓練用: デモ発行元の審査を 1 段階進めます (承認者の返信、入金、電話確認、発行)。発行では証明書を本当に署名し、鍵と同じフォルダに書きます。",
            "For training: moves the demo issuer's review one step (the approver's reply, payment, the phone call, issuance). Issuance really signs the certificate and writes it beside the key."),
            when: isDemoUnderReview)),
        .action(ScreenAction(.demoAdvanceAll, label: Localized("デモ: 発行まで一度に進める", "Demo: run the review to issuance"), help: Localized(
            "訓練用: 残りの審査をすべて進めて発行します (certwiz demo advance --fast と同じ)。",
            "For training: runs the rest of the review through issuance (the same as certwiz demo advance --fast)."),
            when: isDemoUnderReview)),
    ])

@Sendable private func isDemoUnderReview(_ draft: Draft) -> Bool {
    (draft.order.issuer ?? "demo") == "demo" && ReviewOrder.next(draft) != nil
}
