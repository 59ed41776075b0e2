extension Draft {
    /// A renewal of this (issued) draft: everything a follow-up application repeats carried over
    /// (`followUp`), the issued certificate (as read from its file) made the current one, its CN
    /// kept exactly, and Express as before. A renewal uses a new key, made later.
    public func renewal(currentCertificate certificate: CurrentCertificate, today: CalendarDate, sourceName: String) -> Draft {
        var d = followUp(.renewal, currentCertificate: certificate, today: today, sourceName: sourceName, event: "renewal-started")
        d.csr.commonName = certificate.commonName ?? csr.commonName
        d.order.express = order.express
        return d
    }
}
