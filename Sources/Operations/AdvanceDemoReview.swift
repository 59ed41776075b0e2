import CertWizardCore
import Issuers

/// The demo issuer's review: the next step, or every step to issuance (which signs the CSR and
/// writes the certificate files); the result is the events, recorded through `ApplicationEvent`.
public struct AdvanceDemoReview: Operation {
    public let draft: Draft
    public let all: Bool
    public let today: CalendarDate
    /// certwiz's data folder (the demo CA and the outbox).
    public let dataHome: String
    /// Where the certificate goes when the draft has no key folder.
    public let fallbackDirectory: String

    public init(draft: Draft, all: Bool, today: CalendarDate, dataHome: String, fallbackDirectory: String) {
        self.draft = draft
        self.all = all
        self.today = today
        self.dataHome = dataHome
        self.fallbackDirectory = fallbackDirectory
    }

    public var title: Localized { Localized("デモ審査を進めています", "Advancing the demo review") }
    public var timeLimit: Duration { .seconds(60) }

    public func run(_ context: OperationContext) async throws -> EventsRecorded {
        let review: DemoReview
        do { review = try DemoReview.inDataHome(dataHome, fallbackDirectory: fallbackDirectory) } catch { throw OperationFailure.unreadable(error.message) }
        // Signing is quick; issuance writes files, so the whole review passes the commit gate.
        let entries: [EventsRecorded.Entry]
        do {
            entries = try context.commit { () throws(DemoReview.ReviewError) in try review.steps(draft, all: all, today: today) }
        } catch let error as DemoReview.ReviewError {
            throw OperationFailure.failed(error.message)
        }
        let names = entries.map { ReviewOrder.label($0.event) }
        let done = Localized(names.map(\.ja).joined(separator: "、"), names.map(\.en).joined(separator: ", "))
        guard let issued = entries.first(where: { $0.event == .issued }), let certificate = issued.details.certificatePath else {
            return EventsRecorded(entries, on: today, summary: Localized("デモ審査: \(done.ja)", "Demo review: \(done.en)"))
        }
        return EventsRecorded(entries, on: today, summary: Localized(
            "デモ審査: \(done.ja)。証明書: \(certificate)、発行のお知らせは \(dataHome)/outbox",
            "Demo review: \(done.en). Certificate: \(certificate); the notice is in \(dataHome)/outbox"))
    }
}
