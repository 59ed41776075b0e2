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

/// The demo issuer's review, one event at a time, in the procedure's order: the domain check
/// (the approver's reply when checked by e-mail), documents if asked for, the organization
/// check, payment, the phone call, issuance (payment after issuance for deferred renewals).
/// A trainer advances it; each event is recorded through `ApplicationEvent`, as on the manual path.
public struct DemoReview: Sendable {
    public typealias Step = ApplicationEvent

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

    /// The review over the demo CA in certwiz's data folder (made on first use; a damaged one is
    /// reported, not replaced), with the notices going to its outbox.
    public static func inDataHome(_ dataHome: String, fallbackDirectory: String) throws(DemoCA.LoadError) -> DemoReview {
        DemoReview(ca: try DemoCA.openOrCreate(in: dataHome + "/demo-ca"), outbox: dataHome + "/outbox", fallbackDirectory: fallbackDirectory)
    }

    /// The next event the review waits for, or nil when everything is done (or not submitted).
    public static func nextStep(_ d: Draft) -> Step? { ReviewOrder.next(d) }

    public enum ReviewError: Error, Sendable {
        case notSubmitted, nothingLeft, noCSR, issuing(String), refused(Localized)
        public var message: Localized {
            switch self {
            case .notSubmitted: return Localized("まだ申請していません (certwiz submit)", "not submitted yet (certwiz submit)")
            case .nothingLeft: return Localized("審査はすべて終わっています", "the review is complete")
            case .noCSR: return Localized("下書きに CSR がありません", "the draft has no CSR")
            case .issuing(let why): return Localized("発行できません: \(why)", "cannot issue: \(why)")
            case .refused(let why): return why
            }
        }
    }

    /// Advances one step; returns the draft and what happened.
    public func advance(_ draft: Draft, today: CalendarDate, now: Date = Date()) throws(ReviewError) -> (Draft, Step) {
        let (next, entry) = try advanceRecording(draft, today: today, now: now)
        return (next, entry.event)
    }

    /// The review's steps from `draft`: the next one, or all of them to issuance, each as an event
    /// with what it carries, to be recorded in the draft (`EventsRecorded`). Issuance writes the
    /// certificate files here.
    public func steps(_ draft: Draft, all: Bool, today: CalendarDate, now: Date = Date()) throws(ReviewError) -> [EventsRecorded.Entry] {
        var current = draft
        var entries: [EventsRecorded.Entry] = []
        repeat {
            let (next, entry) = try advanceRecording(current, today: today, now: now)
            current = next
            entries.append(entry)
        } while all && DemoReview.nextStep(current) != nil
        return entries
    }

    /// Advances one step; returns the draft and the event with its details.
    public func advanceRecording(_ draft: Draft, today: CalendarDate, now: Date = Date()) throws(ReviewError) -> (Draft, EventsRecorded.Entry) {
        guard draft.order.orderNumber != nil else { throw .notSubmitted }
        guard let step = DemoReview.nextStep(draft) else { throw .nothingLeft }
        var details = ApplicationEvent.Details()
        if step == .issued {
            details = try issue(draft, today: today, now: now)
        } else if step == .approverEmailSent {
            details.approverAddress = draft.domainCheck.approverEmail
        }
        do {
            return (try step.apply(to: draft, on: today, details), EventsRecorded.Entry(step, details))
        } catch {
            throw .refused(error.message)
        }
    }

    /// Runs the review to the end (`--all`, `--fast`); returns the draft and the steps taken.
    public func advanceAll(_ draft: Draft, today: CalendarDate, now: Date = Date()) throws(ReviewError) -> (Draft, [Step]) {
        var current = draft
        var steps: [Step] = []
        repeat {
            let (next, step) = try advance(current, today: today, now: now)
            current = next
            steps.append(step)
        } while DemoReview.nextStep(current) != nil
        return (current, steps)
    }

    /// Signs the CSR, writes the certificate and chain beside the key and the notice to the outbox.
    private func issue(_ draft: Draft, today: CalendarDate, now: Date) throws(ReviewError) -> ApplicationEvent.Details {
        guard let csr = CSRInspector.request(in: draft) else { throw .noCSR }
        do {
            let certificate = try ca.issue(csr, organization: draft.csr.organization, now: now)
            let certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
            // The certificate pairs with its key by name (www.example.co.jp-2026-11-30.key gets
            // www.example.co.jp-2026-11-30.crt), never over an earlier one (a reissue gets a dated name).
            let written = try KeyFiles.writeIssued(leafPEM: certificatePEM, chainPEM: ca.intermediatePEM,
                                                   base: KeyFiles.certificateBase(for: draft, fallbackDirectory: fallbackDirectory), today: today)
            try AtomicFile.makeDirectories(outbox)
            let mail = IssuanceNotice.eml(draft: draft, certificatePEM: certificatePEM, intermediatePEM: ca.intermediatePEM, date: now)
            try AtomicFile.write(Array(mail.utf8), to: KeyFiles.path(outbox, (draft.order.orderNumber ?? "order") + ".eml"), mode: 0o600)
            return ApplicationEvent.Details(certificatePath: written.certificate, chainPath: written.chain,
                                            serialNumber: SerialNumberText.of(certificate.serialNumber))
        } catch let error as FileError {
            throw .issuing(error.message.en)
        } catch {
            throw .issuing("\(error)")
        }
    }
}
