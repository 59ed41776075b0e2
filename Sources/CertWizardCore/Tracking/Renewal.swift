extension Draft {
    /// A renewal of this (issued) draft: the organization, the Distinguished Name and SANs, the key
    /// type, the contacts, the product and server software carried over, and the issued certificate
    /// (as read from its file) made the current one. A renewal uses a new key: nothing of the old key
    /// or CSR is kept, and nothing of the old order's dates or payment.
    public func renewal(currentCertificate certificate: CurrentCertificate, today: CalendarDate, sourceName: String) -> Draft {
        var d = Draft(applicationType: .renewal)
        d.organization = organization
        d.applicantInCharge = applicantInCharge
        d.technicalContact = technicalContact
        d.csr = csr
        d.csr.origin = .generateHere
        d.csr.keyPath = nil
        d.csr.publicKeyFingerprint = nil
        d.csr.pem = nil
        d.csr.file = nil
        // A renewal keeps exactly the current CN.
        d.csr.commonName = certificate.commonName ?? csr.commonName
        d.currentCertificate = certificate
        d.order.product = order.product
        d.order.licenses = order.licenses
        d.order.express = order.express
        d.order.issuer = order.issuer
        d.payment.method = payment.method
        d.domainCheck.whoisMatches = domainCheck.whoisMatches
        d.domainCheck.method = domainCheck.method
        d.domainCheck.approverEmail = domainCheck.approverEmail
        d.domainCheck.approverSource = domainCheck.approverSource
        d.timeline = [TimelineEvent(date: today, event: "renewal-started", note: "\(sourceName) \(order.orderNumber ?? "")".trimmed)]
        return d
    }
}
