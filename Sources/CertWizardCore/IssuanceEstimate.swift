/// When a certificate can be expected, from the procedure's timing rules:
/// standard issuance 3 business days after verification (R), Express the same day (R),
/// and from the documents' confirmation about 7-14 business days for a new
/// application, 2-3 at the earliest for a renewal (N).
public struct IssuanceEstimate: Equatable, Sendable {
    public let earliest: CalendarDate
    public let latest: CalendarDate
    public let basis: Localized

    /// After the required verifications are complete on `verifiedOn`.
    public static func afterVerification(_ verifiedOn: CalendarDate, express: Bool,
                                         calendar: BusinessCalendar = .japan) -> IssuanceEstimate {
        if express {
            let day = calendar.nextBusinessDay(onOrAfter: verifiedOn)
            return IssuanceEstimate(earliest: day, latest: day, basis: Localized(
                "エクスプレス: 確認完了の当日 (営業日) が最短", "Express: the same business day as verification, at the earliest"))
        }
        let day = calendar.adding(businessDays: 3, to: verifiedOn)
        return IssuanceEstimate(earliest: day, latest: day, basis: Localized(
            "標準: 確認完了から 3 営業日", "Standard: 3 business days after verification"))
    }

    /// After the issuer has confirmed the documents on `confirmedOn`.
    public static func afterDocuments(_ confirmedOn: CalendarDate, type: ApplicationType,
                                      calendar: BusinessCalendar = .japan) -> IssuanceEstimate {
        if type == .renewal {
            return IssuanceEstimate(earliest: calendar.adding(businessDays: 2, to: confirmedOn),
                                    latest: calendar.adding(businessDays: 3, to: confirmedOn),
                                    basis: Localized("更新: 書類確認後 最短 2〜3 営業日", "Renewal: 2-3 business days after the documents, at the earliest"))
        }
        return IssuanceEstimate(earliest: calendar.adding(businessDays: 7, to: confirmedOn),
                                latest: calendar.adding(businessDays: 14, to: confirmedOn),
                                basis: Localized("新規・再発行: 書類確認後 7〜14 営業日程度", "New or reissue: about 7-14 business days after the documents"))
    }
}
