/// Events of the review that happened (the demo issuer's steps, a recorded event), each with
/// what it carries, recorded in order through `ApplicationEvent.apply`.
public struct EventsRecorded: DraftChange, Equatable {
    public struct Entry: Equatable, Sendable {
        public let event: ApplicationEvent
        public let details: ApplicationEvent.Details
        public init(_ event: ApplicationEvent, _ details: ApplicationEvent.Details = .init()) {
            self.event = event
            self.details = details
        }
    }

    public let entries: [Entry]
    public let date: CalendarDate
    public let summary: Localized
    /// The issuer a recorded submission is made with when the draft names none (`manual` for
    /// events the applicant records by hand).
    public let issuerIfNone: String?

    public init(_ entries: [Entry], on date: CalendarDate, summary: Localized, issuerIfNone: String? = nil) {
        self.entries = entries
        self.date = date
        self.summary = summary
        self.issuerIfNone = issuerIfNone
    }

    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        var updated = draft
        for entry in entries {
            do { updated = try entry.event.apply(to: updated, on: date, entry.details) } catch { throw ChangeRefused(error.message) }
            if entry.event == .submitted, updated.order.issuer == nil { updated.order.issuer = issuerIfNone }
        }
        return updated
    }
}
