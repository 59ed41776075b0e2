#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import CertWizardPKI
import X509

/// The demo issuer's review, one step at a time, in the procedure's order: domain check,
/// documents, payment, phone verification, issuance (payment after issuance for deferred
/// renewals). A trainer advances it; each step is dated and added to the timeline.
public struct DemoReview: Sendable {
    public enum Step: String, Sendable, CaseIterable {
        case domainCheck = "domain-confirmed", documents = "documents-received", payment = "payment-received"
        case phoneCall = "phone-verified", issuance = "issued"
    }

    let ca: DemoCA
    /// Where the issuance notice goes (`$XDG_DATA_HOME/certwiz/outbox`).
    let outbox: String
    /// Where the certificate goes when the draft has no key path.
    let fallbackDirectory: String

    public init(ca: DemoCA, outbox: String, fallbackDirectory: String) {
        self.ca = ca
        self.outbox = outbox
        self.fallbackDirectory = fallbackDirectory
    }

    /// The next step waiting, or nil when everything is done.
    public static func nextStep(_ d: Draft) -> Step? {
        guard d.order.orderNumber != nil else { return nil }
        if d.domainCheck.whoisMatches != true, d.domainCheck.confirmedOn == nil { return .domainCheck }
        if d.documents.requested == true, d.documents.sentOn == nil { return .documents }
        let paysFirst = d.payment.method == .bankTransfer && d.payment.deferred != true
        if paysFirst, d.payment.paidOn == nil { return .payment }
        if d.phoneVerification.done != true { return .phoneCall }
        if d.issuance.issuedOn == nil { return .issuance }
        if d.payment.method == .bankTransfer, d.payment.paidOn == nil { return .payment }
        return nil
    }

    public enum ReviewError: Error, Sendable {
        case notSubmitted, nothingLeft, noCSR, issuing(String)
        public var message: Localized {
            switch self {
            case .notSubmitted: return Localized("まだ申請していません (certwiz submit)", "not submitted yet (certwiz submit)")
            case .nothingLeft: return Localized("審査はすべて終わっています", "the review is complete")
            case .noCSR: return Localized("下書きに CSR がありません", "the draft has no CSR")
            case .issuing(let why): return Localized("発行できません: \(why)", "cannot issue: \(why)")
            }
        }
    }

    /// Advances one step; returns the draft and what happened.
    public func advance(_ draft: Draft, today: CalendarDate, now: Date = Date()) throws(ReviewError) -> (Draft, Step) {
        guard draft.order.orderNumber != nil else { throw .notSubmitted }
        guard let step = DemoReview.nextStep(draft) else { throw .nothingLeft }
        var d = draft
        switch step {
        case .domainCheck:
            d.domainCheck.confirmedOn = today
            if d.domainCheck.method == .approverEmail { d.domainCheck.approverRepliedOn = today }
        case .documents: d.documents.sentOn = today
        case .payment: d.payment.paidOn = today
        case .phoneCall:
            d.phoneVerification.done = true
            d.phoneVerification.doneOn = today
        case .issuance: d = try issue(d, today: today, now: now)
        }
        d.timeline.append(TimelineEvent(date: today, event: step.rawValue))
        return (d, step)
    }

    private func issue(_ draft: Draft, today: CalendarDate, now: Date) throws(ReviewError) -> Draft {
        guard let pem = draft.csr.pem, let der = try? CSRInspector.csrDER(from: Array(pem.utf8)),
              let csr = try? CertificateSigningRequest(derEncoded: der) else { throw .noCSR }
        do {
            let certificate = try ca.issue(csr, organization: draft.csr.organization, now: now)
            let certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
            let cn = draft.csr.commonName ?? "certificate"
            let directory = draft.csr.keyDirectory ?? fallbackDirectory
            try AtomicFile.makeDirectories(directory)
            let base = KeyFiles.path(directory, cn.hasPrefix("*.") ? "wildcard" + cn.dropFirst(1) : cn)
            // Never over an earlier certificate: a reissue gets a dated name.
            let name = access(base + ".crt", F_OK) == 0 ? base + "-" + today.iso8601 : base
            try AtomicFile.create(Array(certificatePEM.utf8), at: name + ".crt", mode: 0o644)
            try AtomicFile.create(Array(ca.intermediatePEM.utf8), at: name + ".chain.crt", mode: 0o644)
            try AtomicFile.makeDirectories(outbox)
            let mail = IssuanceNotice.eml(draft: draft, certificatePEM: certificatePEM, intermediatePEM: ca.intermediatePEM, date: now)
            try AtomicFile.write(Array(mail.utf8), to: KeyFiles.path(outbox, (draft.order.orderNumber ?? "order") + ".eml"), mode: 0o600)
            var d = draft
            d.issuance.issuedOn = today
            d.issuance.certificatePath = name + ".crt"
            d.issuance.chainPath = name + ".chain.crt"
            d.issuance.serialNumber = certificate.serialNumber.description
            return d
        } catch let error as FileError {
            throw .issuing(error.message.en)
        } catch {
            throw .issuing("\(error)")
        }
    }
}
