import Testing
import TestSupport
@testable import CertWizardCore

@Suite struct BusinessCalendarTests {
    let calendar = BusinessCalendar.japan

    func holidayDates(_ year: Int) -> [String] { calendar.holidays(in: year).keys.sorted().map(\.iso8601) }

    @Test func holidaysOf2026() {
        #expect(holidayDates(2026) == [
            "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29",
            "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06",  // 5/6 substitutes for Sunday 5/3
            "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23",  // 9/22 citizens' holiday
            "2026-10-12", "2026-11-03", "2026-11-23",
        ])
        #expect(calendar.holidayName(date("2026-05-06"))?.ja == "振替休日")
        #expect(calendar.holidayName(date("2026-09-22"))?.en == "Citizens' holiday")
    }

    @Test func holidaysOf2027() {
        #expect(holidayDates(2027) == [
            "2027-01-01", "2027-01-11", "2027-02-11", "2027-02-23", "2027-03-21", "2027-03-22",  // equinox on a Sunday
            "2027-04-29", "2027-05-03", "2027-05-04", "2027-05-05", "2027-07-19", "2027-08-11",
            "2027-09-20", "2027-09-23", "2027-10-11", "2027-11-03", "2027-11-23",
        ])
    }

    @Test func weekendsHolidaysAndTheYearEndBreakAreNotBusinessDays() {
        #expect(calendar.isBusinessDay(date("2026-11-24")))   // Tuesday
        #expect(!calendar.isBusinessDay(date("2026-11-22")))  // Sunday
        #expect(!calendar.isBusinessDay(date("2026-11-23")))  // Labour Thanksgiving Day, a Monday
        #expect(calendar.isBusinessDay(date("2026-12-28")))
        for day in ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"] {
            #expect(!calendar.isBusinessDay(date(day)), "\(day) is in the year-end break")
        }
        #expect(calendar.isBusinessDay(date("2027-01-04")))
    }

    @Test func addsBusinessDaysAroundHolidays() {
        // Friday 11/20 + 3: skips the weekend and Monday's holiday.
        #expect(calendar.adding(businessDays: 3, to: date("2026-11-20")) == date("2026-11-26"))
        // Through Golden Week 2026: 5/1 (Fri) + 1 is 5/7.
        #expect(calendar.adding(businessDays: 1, to: date("2026-05-01")) == date("2026-05-07"))
        // Through the year-end break.
        #expect(calendar.adding(businessDays: 2, to: date("2026-12-25")) == date("2027-01-04"))
        #expect(calendar.adding(businessDays: 0, to: date("2026-11-21")) == date("2026-11-24"))
        #expect(calendar.businessDays(from: date("2026-09-18"), to: date("2026-09-25")) == 2)
    }

    @Test func estimatesIssuanceFromTheProcedure() {
        let standard = IssuanceEstimate.afterVerification(date("2026-12-25"), express: false)
        #expect(standard.earliest == date("2027-01-05"))  // 12/28, then 1/4 and 1/5
        let express = IssuanceEstimate.afterVerification(date("2026-11-21"), express: true)
        #expect(express.earliest == date("2026-11-24"))
        let renewal = IssuanceEstimate.afterDocuments(date("2026-11-24"), type: .renewal)
        #expect(renewal.earliest == date("2026-11-26") && renewal.latest == date("2026-11-27"))
        let new = IssuanceEstimate.afterDocuments(date("2026-11-24"), type: .new)
        #expect(new.earliest == date("2026-12-03") && new.latest == date("2026-12-14"))
    }
}
