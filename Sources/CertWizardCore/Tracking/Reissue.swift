/// A reissue's terms (N): free when the issuer is contacted within 25 days of the first
/// issuance (the first certificate is then revoked 25 days after issuance), charged as a new
/// certificate afterwards; requests are handled on business days, a holiday's the next one.
public struct ReissueTerms: Equatable, Sendable {
    public let originalIssuedOn: CalendarDate
    /// The last day to ask for the free reissue.
    public let freeUntil: CalendarDate
    public let isFree: Bool
    /// The day the request is handled: today, or the next business day.
    public let handledOn: CalendarDate

    public init(originalIssuedOn: CalendarDate, today: CalendarDate, calendar: BusinessCalendar = .japan) {
        self.originalIssuedOn = originalIssuedOn
        freeUntil = RenewalWindow.freeReissueEnds(issuedOn: originalIssuedOn)
        isFree = today <= freeUntil
        handledOn = calendar.nextBusinessDay(onOrAfter: today)
    }

    public var summary: Localized {
        isFree
            ? Localized("無償: 初回発行 \(originalIssuedOn) から 25 日以内 (\(freeUntil) まで)。初回の証明書は \(freeUntil) に失効します",
                        "Free: within 25 days of the first issuance on \(originalIssuedOn) (until \(freeUntil)); the first certificate is revoked on \(freeUntil)")
            : Localized("有償: 初回発行 \(originalIssuedOn) から 25 日を過ぎています (\(freeUntil) まで)。新規と同じ料金で、前の証明書の残り期間は引き継がれません",
                        "Charged: more than 25 days since the first issuance on \(originalIssuedOn) (free until \(freeUntil)); priced as a new certificate, and the earlier one's remaining term is not carried over")
    }

    /// Whether the reason changes what goes into the CSR, so the subject must be edited before a key is made.
    public static func changesSubject(_ reason: ReissueReason) -> Bool {
        reason == .commonNameChange || reason == .organizationChange
    }
}

extension Draft {
    /// A reissue application started from this issued draft: the same organization, contacts,
    /// product and subject, the issued certificate as the current one, and no key, CSR, order
    /// or events yet (a reissue gets a new key and goes through verification again).
    public func reissue(reason: ReissueReason, certificate: CurrentCertificate, today: CalendarDate, sourceName: String) -> Draft {
        var d = followUp(.reissue, currentCertificate: certificate, today: today, sourceName: sourceName, event: "reissue-started")
        d.reissue.reason = reason
        d.reissue.originalIssuedOn = issuance.issuedOn
        return d
    }

    /// A new application that repeats this issued one (a renewal or a reissue): the organization,
    /// contacts, subject, key type, server software, product, payment method and domain-check path
    /// carried over; nothing of the old key, CSR, order dates or events.
    func followUp(_ type: ApplicationType, currentCertificate certificate: CurrentCertificate, today: CalendarDate,
                  sourceName: String, event: String) -> Draft {
        var d = Draft(applicationType: type)
        d.organization = organization
        d.applicantInCharge = applicantInCharge
        d.technicalContact = technicalContact
        // The same subject and key type, but a new key: nothing of the old key or CSR is kept.
        d.csr = csr
        d.csr.origin = .generateHere
        d.csr.keyPath = nil
        d.csr.publicKeyFingerprint = nil
        d.csr.pem = nil
        d.csr.file = nil
        d.currentCertificate = certificate
        d.order.product = order.product
        d.order.licenses = order.licenses
        d.order.issuer = order.issuer
        // An ACME issuer's directory and challenge, and where certwiz installed, carry over.
        d.acme.directory = acme.directory
        d.acme.challenge = acme.challenge
        d.acme.reuseKey = acme.reuseKey
        d.acme.caFile = acme.caFile
        d.acme.httpPort = acme.httpPort
        d.acme.webroot = acme.webroot
        d.installation.server = installation.server
        d.installation.configPath = installation.configPath
        d.installation.destination = installation.destination
        d.installation.listen = installation.listen
        d.payment.method = payment.method
        // How the domain is checked carries over; when it happened does not.
        d.domainCheck.whoisMatches = domainCheck.whoisMatches
        d.domainCheck.method = domainCheck.method
        d.domainCheck.approverEmail = domainCheck.approverEmail
        d.domainCheck.approverSource = domainCheck.approverSource
        d.timeline = [TimelineEvent(date: today, event: event, note: "\(sourceName) \(order.orderNumber ?? "")".trimmed)]
        return d
    }
}
