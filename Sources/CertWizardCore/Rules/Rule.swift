/// What every rule sees: the draft, the day it is judged on, and the calendar.
public struct RuleContext: Sendable {
    public let draft: Draft
    public let today: CalendarDate
    public let calendar: BusinessCalendar
    /// What the draft's CSR says, when the caller read it (the PKI module's `DraftCheck`).
    public let csr: CSRContents?
    private let suffixList: PublicSuffixList?

    /// `publicSuffixes` nil means the system's list, read only if a rule needs it (reading
    /// it costs milliseconds, and most drafts have no approver address to check).
    public init(draft: Draft, today: CalendarDate, calendar: BusinessCalendar = .japan,
                publicSuffixes: PublicSuffixList? = nil, csr: CSRContents? = nil) {
        self.draft = draft
        self.csr = csr
        self.today = today
        self.calendar = calendar
        self.suffixList = publicSuffixes
    }

    public var publicSuffixes: PublicSuffixList { suffixList ?? .shared }

    var type: ApplicationType? { draft.applicationType }
}

/// A rule of the procedure: a pure function from the draft (and today) to findings.
public struct Rule: Sendable {
    /// The codes this rule can report, for the README and tests.
    public let codes: [String]
    let check: @Sendable (RuleContext) -> [Finding]

    public init(codes: [String], check: @escaping @Sendable (RuleContext) -> [Finding]) {
        self.codes = codes
        self.check = check
    }
}

/// Every rule, in procedure order, and the one entry point screens and commands use.
public enum Validator {
    public static let rules: [Rule] = RequiredFieldRules.all + DistinguishedNameRules.all + OrganizationRules.all
        + ContactRules.all + RenewalRules.all + OrderRules.all + DomainCheckRules.all + PhoneVerificationRules.all
        + IndustryRules.all + CSRAgreementRules.all

    /// All findings for `draft` as of `today`, in procedure order.
    /// `csr`: what the draft's CSR says, for the rules that compare it with the fields.
    public static func findings(for draft: Draft, today: CalendarDate, calendar: BusinessCalendar = .japan,
                                csr: CSRContents? = nil) -> [Finding] {
        let context = RuleContext(draft: draft, today: today, calendar: calendar, csr: csr)
        return rules.flatMap { $0.check(context) }
    }

    /// Findings for some fields only (a screen asks for its own).
    public static func findings(for draft: Draft, fields: Set<String>, today: CalendarDate) -> [Finding] {
        findings(for: draft, today: today).filter { fields.contains($0.field) }
    }

    public static var allCodes: [String] {
        var seen = Set<String>()
        return rules.flatMap(\.codes).filter { seen.insert($0).inserted }
    }
}
