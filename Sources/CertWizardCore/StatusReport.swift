/// Where an application stands: each step done, waiting (on whom), blocked, or still to do,
/// what to do next, and the dates the business calendar gives.
public struct StatusReport: Sendable {
    public enum State: Equatable, Sendable {
        case done
        case toDo
        case waiting(on: Localized)
        case blocked(Localized)
    }

    public struct StepLine: Sendable {
        public let step: ProcedureStep
        public let state: State
        public let detail: Localized?
    }

    public let steps: [StepLine]
    public let nextAction: Localized
    public let dates: [SummaryLine]

    public init(draft: Draft, today: CalendarDate, calendar: BusinessCalendar = .japan) {
        let findings = Validator.findings(for: draft, today: today, calendar: calendar)
        func errors(_ step: ProcedureStep) -> Int {
            findings.filter { $0.severity == .error && ProcedureStep.owning(field: $0.field) == step }.count
        }
        func preparation(_ step: ProcedureStep) -> StepLine {
            let n = errors(step)
            return StepLine(step: step, state: n == 0 ? .done : .toDo,
                            detail: n == 0 ? nil : Localized("残り \(n) 件", "\(n) to fix"))
        }
        let submitted = draft.order.orderNumber != nil
        let issued = draft.issuance.issuedOn != nil
        let issuer = Localized("発行元", "the issuer")
        var lines = [preparation(.organization), preparation(.csr), preparation(.contacts)]
        let readyToSubmit = ProcedureStep.allCases.prefix(4).allSatisfy { errors($0) == 0 }
        lines.append(StepLine(step: .application, state: submitted ? .done : (readyToSubmit ? .toDo : .blocked(Localized("準備が未完了", "preparation incomplete"))),
                              detail: draft.order.orderNumber.map { Localized("注文番号 \($0)", "order \($0)") }))
        let verificationState: State = issued ? .done : submitted ? (errors(.verification) > 0 ? .toDo : .waiting(on: issuer)) : .blocked(Localized("申請前", "not yet applied"))
        lines.append(StepLine(step: .verification, state: verificationState, detail: nil))
        let phoneState: State = draft.phoneVerification.done == true ? .done : submitted ? .waiting(on: issuer) : .blocked(Localized("申請前", "not yet applied"))
        lines.append(StepLine(step: .phoneVerification, state: phoneState, detail: nil))
        let installState: State = draft.installation.certificateInstalled == true ? .done : issued ? .toDo : .blocked(Localized("未発行", "not issued yet"))
        lines.append(StepLine(step: .installation, state: installState, detail: nil))
        steps = lines

        if let first = lines.first(where: { $0.state == .toDo }) {
            nextAction = first.step == .application
                ? Localized("準備ができました。オンライン申請を行い、注文番号を記録してください", "Preparation is complete: submit the application and record the order number")
                : first.step == .installation
                ? Localized("証明書と中間 CA 証明書をサーバにインストールしてください", "Install the certificate and the intermediate CA certificate on the server")
                : Localized("「\(first.step.label(in: .ja))」のエラーを直してください", "Fix the errors in \"\(first.step.label(in: .en))\"")
        } else if lines.allSatisfy({ $0.state == .done }) {
            nextAction = Localized("すべて完了しました", "Everything is done")
        } else {
            nextAction = Localized("発行元からの連絡を待っています (ドメイン確認のメール、書類の依頼、電話確認)", "Waiting for the issuer: the domain-check e-mail, any document request, the phone call")
        }

        var dates: [SummaryLine] = []
        if draft.applicationType == .renewal, let expiry = draft.currentCertificate.notAfter {
            let left = today.days(until: expiry)
            dates.append(SummaryLine(Localized("現在の証明書の有効期限", "Current certificate expires"),
                                     left >= 0 ? Localized("\(expiry) (残り \(left) 日)", "\(expiry) (\(left) days left)")
                                               : Localized("\(expiry) (期限切れ)", "\(expiry) (expired)")))
        }
        if let planned = draft.payment.plannedDate, draft.payment.paidOn == nil, draft.payment.method == .bankTransfer {
            let days = today.days(until: planned)
            dates.append(SummaryLine(Localized("振込予定日", "Planned transfer date"),
                                     Localized("\(planned) (あと \(days) 日)", "\(planned) (in \(days) days)")))
        }
        let start = draft.order.submittedOn ?? today
        let type = draft.applicationType ?? .new
        let estimate = draft.order.express == true
            ? IssuanceEstimate.afterVerification(start, express: true, calendar: calendar)
            : IssuanceEstimate.afterDocuments(start, type: type, calendar: calendar)
        if !issued {
            let range = estimate.earliest == estimate.latest ? "\(estimate.earliest)" : "\(estimate.earliest) – \(estimate.latest)"
            dates.append(SummaryLine(Localized("発行の見込み", "Expected issuance"),
                                     Localized(range + " (" + estimate.basis.ja + ")", range + " (" + estimate.basis.en + ")")))
        } else if let issuedOn = draft.issuance.issuedOn {
            dates.append(SummaryLine(Localized("発行日", "Issued"), "\(issuedOn)"))
        }
        self.dates = dates
    }
}
