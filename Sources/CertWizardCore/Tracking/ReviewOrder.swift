/// The order an issuer's review takes (PROCEDURE.md 3-4): the domain check (by the approver's
/// reply when checked by e-mail), documents if asked for, the organization check, payment, the
/// phone call, issuance; a deferred renewal pays after issuance. The demo issuer follows it,
/// and the status screen names its next step on the trainer's button.
public enum ReviewOrder {
    /// The next event the review waits for; nil before submission and once everything is done.
    public static func next(_ d: Draft) -> ApplicationEvent? {
        guard d.order.orderNumber != nil else { return nil }
        let check = d.domainCheck
        if check.whoisMatches != true, check.confirmedOn == nil, check.approverRepliedOn == nil {
            if check.method == .approverEmail { return check.approverEmailSentOn == nil ? .approverEmailSent : .approverReplied }
            return .domainConfirmed
        }
        if d.documents.requested == true, d.documents.sentOn == nil { return .documentsSent }
        if d.organizationCheck.confirmedOn == nil { return .organizationConfirmed }
        if paysFirst(d), d.payment.paidOn == nil { return .paymentReceived }
        if d.phoneVerification.done != true { return .phoneVerified }
        if d.issuance.issuedOn == nil { return .issued }
        if owesTransfer(d), d.payment.paidOn == nil { return .paymentReceived }
        return nil
    }

    /// Whether a bank transfer is owed at all (a free reissue owes nothing).
    public static func owesTransfer(_ d: Draft) -> Bool {
        d.payment.method == .bankTransfer && d.order.amount != 0
    }

    /// Whether payment comes before issuance: a transfer owed, unless a renewal defers it.
    public static func paysFirst(_ d: Draft) -> Bool {
        owesTransfer(d) && !(d.payment.deferred == true && d.applicationType == .renewal)
    }

    /// What the trainer's button for `step` says ("the approver replied", "payment received").
    public static func label(_ step: ApplicationEvent) -> Localized {
        switch step {
        case .approverEmailSent: return Localized("承認者にメールを送る", "Send the approver e-mail")
        case .approverReplied: return Localized("承認者が返信した", "The approver replied")
        case .domainConfirmed: return Localized("ドメイン使用権を確認した", "Domain right of use confirmed")
        case .documentsSent: return Localized("書類を受け取った", "Documents received")
        case .organizationConfirmed: return Localized("組織の実在を確認した", "Organization confirmed")
        case .paymentReceived: return Localized("入金を確認した", "Payment received")
        case .phoneVerified: return Localized("電話確認が終わった", "Phone call done")
        case .issued: return Localized("発行する", "Issue the certificate")
        // Not review steps (the applicant's, or the issuer's request), named for completeness.
        case .submitted: return Localized("申請を受け付けた", "Application received")
        case .documentsRequested: return Localized("書類を求めた", "Documents requested")
        case .installed: return Localized("インストールされた", "Installed")
        }
    }
}
