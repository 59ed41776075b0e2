import CertWizardCore
@testable import Operations
import Testing

/// What an ACME server sends goes into the draft with any terminal control made visible: a
/// hostile CA cannot drive the reader's terminal, nor make the draft unreadable (drafts refuse
/// controls) by putting one in an order's URL or status.
@Suite struct ACMEOrderTextTests {
    @Test func anOrdersURLAndStatusAreRecordedWithControlsMadeVisible() throws {
        let today = CalendarDate(iso8601: "2026-11-30")!
        let ordered = SubmitACMEOrder.Ordered(orderURL: "https://ca.example/order/7\u{1B}[2J", status: "pending\u{9B}31m", certificatePath: nil,
                                              chainPath: nil, serialNumber: nil, alternates: [], today: today)
        let draft = try ordered.applied(to: Draft(applicationType: .new))
        #expect(draft.acme.orderURL == "https://ca.example/order/7<U+001B>[2J")
        #expect(draft.acme.orderStatus == "pending<U+009B>31m")
        #expect(draft.order.orderNumber?.unicodeScalars.contains(where: TerminalControls.isControl) == false)
        // It saves and loads again.
        #expect(try DraftCodec.decode(DraftCodec.encode(draft)).acme.orderURL == draft.acme.orderURL)
    }
}
