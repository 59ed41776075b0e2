import Testing
import TestSupport
@testable import CertWizardCore

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsISO8601() {
        #expect(date("2026-11-22").iso8601 == "2026-11-22")
        #expect(date("2024-02-29").day == 29)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-05", "26-11-22", "2026/11/22", "", "2026-11-22T00:00", "２０２６-11-22"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(CalendarDate(iso8601: text) == nil)
    }

    @Test func countsDaysAcrossMonthsYearsAndLeapDays() {
        #expect(date("2026-11-22").adding(days: 10) == date("2026-12-02"))
        #expect(date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(date("2026-01-10").days(until: date("2026-02-09")) == 30)
        #expect(CalendarDate(dayNumber: 0) == date("1970-01-01"))
    }

    @Test func knowsTheWeekday() {
        #expect(date("2026-11-22").weekday == .sunday)
        #expect(date("2027-01-01").weekday == .friday)
        #expect(date("2000-02-29").weekday == .tuesday)
    }
}
