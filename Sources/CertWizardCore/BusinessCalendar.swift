/// Japanese business days: not a weekend, not a national holiday (国民の祝日), substitute
/// holiday (振替休日) or citizens' holiday (国民の休日), and not the year-end break
/// (12/29-1/3) that issuers and banks close for. Every estimate certwiz gives counts these.
///
/// Holidays follow the Act on National Holidays as amended for 2020 on; the equinox days
/// use the standard approximation, exact for 1980-2099. The one-off dates of 2019-2021
/// (enthronement, the Olympic moves) are not modelled.
public struct BusinessCalendar: Sendable {
    public static let japan = BusinessCalendar()

    public init() {}

    public func isBusinessDay(_ date: CalendarDate) -> Bool {
        date.weekday != .saturday && date.weekday != .sunday && !isYearEndBreak(date) && holidayName(date) == nil
    }

    public func isYearEndBreak(_ date: CalendarDate) -> Bool {
        (date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3)
    }

    /// The name of the holiday on `date`, if any.
    public func holidayName(_ date: CalendarDate) -> Localized? {
        holidays(in: date.year)[date]
    }

    /// Every holiday of `year` (national, substitute and citizens'), with its name.
    public func holidays(in year: Int) -> [CalendarDate: Localized] {
        var national: [CalendarDate: Localized] = [:]
        func add(_ month: Int, _ day: Int, _ name: Localized) {
            if let date = CalendarDate(year: year, month: month, day: day) { national[date] = name }
        }
        func monday(_ month: Int, _ nth: Int) -> Int {
            let first = CalendarDate(year: year, month: month, day: 1)!
            let offset = (Weekday.monday.rawValue - first.weekday.rawValue + 7) % 7
            return 1 + offset + 7 * (nth - 1)
        }
        let sinceEpoch = Double(year - 1980)
        let vernal = Int(20.8431 + 0.242194 * sinceEpoch) - (year - 1980) / 4
        let autumnal = Int(23.2488 + 0.242194 * sinceEpoch) - (year - 1980) / 4

        add(1, 1, Localized("元日", "New Year's Day"))
        add(1, monday(1, 2), Localized("成人の日", "Coming of Age Day"))
        add(2, 11, Localized("建国記念の日", "National Foundation Day"))
        if year >= 2020 { add(2, 23, Localized("天皇誕生日", "The Emperor's Birthday")) }
        add(3, vernal, Localized("春分の日", "Vernal Equinox Day"))
        add(4, 29, Localized("昭和の日", "Showa Day"))
        add(5, 3, Localized("憲法記念日", "Constitution Memorial Day"))
        add(5, 4, Localized("みどりの日", "Greenery Day"))
        add(5, 5, Localized("こどもの日", "Children's Day"))
        add(7, monday(7, 3), Localized("海の日", "Marine Day"))
        add(8, 11, Localized("山の日", "Mountain Day"))
        add(9, monday(9, 3), Localized("敬老の日", "Respect for the Aged Day"))
        add(9, autumnal, Localized("秋分の日", "Autumnal Equinox Day"))
        add(10, monday(10, 2), Localized("スポーツの日", "Sports Day"))
        add(11, 3, Localized("文化の日", "Culture Day"))
        add(11, 23, Localized("勤労感謝の日", "Labour Thanksgiving Day"))

        var all = national
        // 振替休日: a holiday on a Sunday moves to the next day that is not itself a holiday.
        for date in national.keys where date.weekday == .sunday {
            var substitute = date.adding(days: 1)
            while national[substitute] != nil { substitute = substitute.adding(days: 1) }
            all[substitute] = Localized("振替休日", "Substitute holiday")
        }
        // 国民の休日: a day between two national holidays is a holiday too.
        for date in national.keys {
            let between = date.adding(days: 1)
            if national[between] == nil, all[between] == nil, national[between.adding(days: 1)] != nil {
                all[between] = Localized("国民の休日", "Citizens' holiday")
            }
        }
        return all
    }

    /// `date` itself when it is a business day, else the next one.
    public func nextBusinessDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The `count`-th business day after `date` (`count` 0 is `nextBusinessDay(onOrAfter:)`).
    public func adding(businessDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = count
        if left == 0 { return nextBusinessDay(onOrAfter: date) }
        while left > 0 {
            day = day.adding(days: 1)
            if isBusinessDay(day) { left -= 1 }
        }
        return day
    }

    /// Business days after `start` up to and including `end` (0 when `end` is not later).
    public func businessDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isBusinessDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}
