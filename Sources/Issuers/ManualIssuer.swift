import CertWizardCore

/// A CA that takes applications on its own web site: certwiz prepares the application sheet
/// (`certwiz sheet`) and the applicant records what happens (`certwiz record`); nothing is sent.
public struct ManualIssuer: Issuer {
    public let id = "manual"
    public let name = Localized("サイトで申請する発行元 (手入力で記録)", "An issuer's web site (events recorded by hand)")

    public init() {}

    public func submit(_ draft: Draft, today: CalendarDate) throws -> Submission {
        throw IssuerError.appliedOnTheWebSite
    }
}
