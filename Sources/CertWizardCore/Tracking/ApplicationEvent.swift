/// Something that happens to a submitted application, recorded with its date: by the applicant
/// on the manual path (`certwiz record EVENT`), or by an issuer's review (the demo issuer). Both
/// go through `apply`, so the draft's fields and its timeline always agree.
public enum ApplicationEvent: String, CaseIterable, Codable, Sendable {
    case submitted
    case approverEmailSent = "approver-email-sent"
    case approverReplied = "approver-replied"
    case domainConfirmed = "domain-confirmed"
    case documentsRequested = "documents-requested"
    case documentsSent = "documents-sent"
    case organizationConfirmed = "organization-confirmed"
    case paymentReceived = "payment-received"
    case phoneVerified = "phone-verified"
    case issued
    case installed

    /// What the event says, for listings and `--help`.
    public var summary: Localized {
        switch self {
        case .submitted: return Localized("申請した (--order で注文番号)", "the application was submitted (--order gives the order number)")
        case .approverEmailSent: return Localized("発行元が承認者にメールを送った (--to でアドレス)", "the issuer e-mailed the approver (--to gives the address)")
        case .approverReplied: return Localized("承認者が返信した", "the approver replied")
        case .domainConfirmed: return Localized("ドメイン使用権が確認された", "the right to use the domain was confirmed")
        case .documentsRequested: return Localized("発行元から書類を求められた (--items で書類)", "the issuer asked for documents (--items lists them)")
        case .documentsSent: return Localized("書類を送った (--via upload|fax|email)", "the documents were sent (--via upload|fax|email)")
        case .organizationConfirmed: return Localized("組織の実在が確認された", "the organization's existence was confirmed")
        case .paymentReceived: return Localized("入金が確認された", "the payment was received")
        case .phoneVerified: return Localized("電話確認が終わった", "the phone verification was done")
        case .issued: return Localized("証明書が発行された (--certificate、--chain でファイル)", "the certificate was issued (--certificate and --chain give the files)")
        case .installed: return Localized("証明書と中間証明書をインストールした", "the certificate and intermediate were installed")
        }
    }

    /// What some events carry besides the date.
    public struct Details: Equatable, Sendable {
        /// Each text, by the `certwiz record` option that gives it.
        func refuseTerminalControls() throws(Refusal) {
            let texts: [(option: String, value: String?)] = [
                ("--order", orderNumber), ("--to", approverAddress), ("--items", documentItems?.joined(separator: ",")),
                ("--certificate", certificatePath), ("--chain", chainPath), ("--note", note)]
            if let found = TerminalControls.firstInOptions(texts) { throw .terminalControl(option: found.option, found.control) }
        }

        public var orderNumber: String?
        public var amount: Int?
        public var approverAddress: String?
        public var documentItems: [String]?
        public var delivery: DocumentDelivery?
        public var certificatePath: String?
        public var chainPath: String?
        public var serialNumber: String?
        public var note: String?
        public init(orderNumber: String? = nil, amount: Int? = nil, approverAddress: String? = nil, documentItems: [String]? = nil,
                    delivery: DocumentDelivery? = nil, certificatePath: String? = nil, chainPath: String? = nil, serialNumber: String? = nil, note: String? = nil) {
            self.orderNumber = orderNumber
            self.amount = amount
            self.approverAddress = approverAddress
            self.documentItems = documentItems
            self.delivery = delivery
            self.certificatePath = certificatePath
            self.chainPath = chainPath
            self.serialNumber = serialNumber
            self.note = note
        }
    }

    public enum Refusal: Error, Equatable, Sendable {
        case notSubmitted
        case orderNumberMissing
        case alreadyRecorded(ApplicationEvent, CalendarDate?)
        case beforeSubmission(CalendarDate)
        case notIssued
        /// A value given for the event holds a terminal control (ESC, CSI ...): the draft would
        /// refuse to load with it, and `status` would print it raw. `option` names where it was given.
        case terminalControl(option: String, Unicode.Scalar)

        public var message: Localized {
            switch self {
            case .terminalControl(let option, let control):
                return TerminalControls.message(option: option, control)
            case .notSubmitted:
                return Localized("まだ申請が記録されていません。先に certwiz record submitted --order 注文番号 を記録してください",
                                 "no submission is recorded yet: record it first with certwiz record submitted --order NUMBER")
            case .orderNumberMissing:
                return Localized("注文番号がありません (--order 注文番号)", "the order number is missing (--order NUMBER)")
            case .alreadyRecorded(let event, let date):
                let when = date.map { " (\($0))" } ?? ""
                return Localized("「\(event.rawValue)」は記録済みです\(when)。日付を直すには certwiz set で該当の項目を書き換えてください",
                                 "\"\(event.rawValue)\" is recorded already\(when); to correct its date, change the field with certwiz set")
            case .beforeSubmission(let submitted):
                return Localized("申請日 (\(submitted)) より前の日付です", "the date is before the submission (\(submitted))")
            case .notIssued:
                return Localized("まだ発行されていません", "the certificate has not been issued yet")
            }
        }
    }

    /// The draft with the event recorded on `date` and appended to the timeline.
    public func apply(to draft: Draft, on date: CalendarDate, _ details: Details = Details()) throws(Refusal) -> Draft {
        try details.refuseTerminalControls()
        var d = draft
        if self == .submitted {
            if d.order.orderNumber != nil { throw .alreadyRecorded(.submitted, d.order.submittedOn) }
            guard let number = details.orderNumber?.trimmed, !number.isEmpty else { throw .orderNumberMissing }
            d.order.orderNumber = number
            d.order.submittedOn = date
            if let amount = details.amount { d.order.amount = amount }
            d.timeline.append(TimelineEvent(date: date, event: rawValue, note: details.note ?? number))
            return d
        }
        guard d.order.orderNumber != nil else { throw .notSubmitted }
        if let submitted = d.order.submittedOn, date < submitted { throw .beforeSubmission(submitted) }
        if let earlier = recordedDate(in: d), self != .approverEmailSent { throw .alreadyRecorded(self, earlier) }
        switch self {
        case .submitted: break
        case .approverEmailSent:
            // A resend (to the same or another approver) is an event of its own: the reminder counts from it.
            d.domainCheck.method = .approverEmail
            if let address = details.approverAddress { d.domainCheck.approverEmail = address }
            d.domainCheck.approverEmailSentOn = date
        case .approverReplied:
            d.domainCheck.method = d.domainCheck.method ?? .approverEmail
            d.domainCheck.approverRepliedOn = date
        case .domainConfirmed: d.domainCheck.confirmedOn = date
        case .documentsRequested:
            d.documents.requested = true
            d.documents.requestedOn = date
            if let items = details.documentItems { d.documents.items = items }
        case .documentsSent:
            d.documents.requested = true
            d.documents.sentOn = date
            if let delivery = details.delivery { d.documents.delivery = delivery }
        case .organizationConfirmed: d.organizationCheck.confirmedOn = date
        case .paymentReceived: d.payment.paidOn = date
        case .phoneVerified:
            d.phoneVerification.done = true
            d.phoneVerification.doneOn = date
        case .issued:
            d.issuance.issuedOn = date
            if let path = details.certificatePath { d.issuance.certificatePath = path }
            if let path = details.chainPath { d.issuance.chainPath = path }
            if let serial = details.serialNumber { d.issuance.serialNumber = serial }
        case .installed:
            guard d.issuance.issuedOn != nil else { throw .notIssued }
            d.installation.certificateInstalled = true
            d.installation.intermediateInstalled = true
            d.installation.installedOn = date
        }
        d.timeline.append(TimelineEvent(date: date, event: rawValue, note: details.note ?? noteFromDetails(details)))
        return d
    }

    /// When the event was recorded in `draft`, if it was.
    public func recordedDate(in d: Draft) -> CalendarDate? {
        switch self {
        case .submitted: return d.order.orderNumber == nil ? nil : d.order.submittedOn
        case .approverEmailSent: return d.domainCheck.approverEmailSentOn
        case .approverReplied: return d.domainCheck.approverRepliedOn
        case .domainConfirmed: return d.domainCheck.confirmedOn
        case .documentsRequested: return d.documents.requestedOn
        case .documentsSent: return d.documents.sentOn
        case .organizationConfirmed: return d.organizationCheck.confirmedOn
        case .paymentReceived: return d.payment.paidOn
        case .phoneVerified: return d.phoneVerification.done == true ? (d.phoneVerification.doneOn ?? d.order.submittedOn) : nil
        case .issued: return d.issuance.issuedOn
        case .installed: return d.installation.certificateInstalled == true ? (d.installation.installedOn ?? d.issuance.issuedOn) : nil
        }
    }

    private func noteFromDetails(_ details: Details) -> String? {
        switch self {
        case .approverEmailSent: return details.approverAddress
        case .documentsRequested: return details.documentItems?.joined(separator: ", ")
        case .documentsSent: return details.delivery?.rawValue
        case .issued: return details.certificatePath
        default: return nil
        }
    }
}

extension Draft {
    /// Answering on the installation screen that the certificate and the intermediate are both in
    /// the server records the `installed` event, dated and on the timeline, as `certwiz record
    /// installed` does. Nothing changes before issuance, or once it is recorded.
    public func recordingInstallation(on date: CalendarDate) -> Draft {
        guard installation.certificateInstalled == true, installation.intermediateInstalled == true,
              installation.installedOn == nil, !timeline.contains(where: { $0.event == ApplicationEvent.installed.rawValue }) else { return self }
        // The event sets both answers itself (and would see them as already recorded).
        var answered = self
        answered.installation.certificateInstalled = nil
        answered.installation.intermediateInstalled = nil
        return (try? ApplicationEvent.installed.apply(to: answered, on: date)) ?? self
    }
}
