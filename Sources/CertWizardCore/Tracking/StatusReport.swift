/// Where an application stands: every step done, not needed, to do, waiting (on whom) or
/// blocked, with the date it happened or is expected from the business calendar, what the
/// applicant should do next, and the key dates (transfer, expiry, issuance, free reissue).
///
/// Built only from the draft (its fields and the events recorded in it) and today's date, so
/// the status screen, `certwiz status` and its JSON always say the same thing.
public struct StatusReport: Sendable {
    /// Who a waiting step is waiting on.
    public enum Party: String, Codable, Sendable {
        case applicant, issuer, approver, applicantInCharge

        public var label: Localized {
            switch self {
            case .applicant: return Localized("申請者", "you")
            case .issuer: return Localized("発行元", "the issuer")
            case .approver: return Localized("承認者", "the approver")
            case .applicantInCharge: return Localized("申請責任者", "the applicant-in-charge")
            }
        }
    }

    public enum State: Equatable, Sendable {
        case done
        /// Nothing to do for this application (no documents asked for, WHOIS already matches).
        case notNeeded
        /// The applicant's move.
        case toDo
        case waiting(on: Party)
        /// Cannot start yet, and why.
        case blocked(Localized)

        /// The state's name in `--json`.
        public var code: String {
            switch self {
            case .done: return "done"
            case .notNeeded: return "not-needed"
            case .toDo: return "to-do"
            case .waiting: return "waiting"
            case .blocked: return "blocked"
            }
        }
    }

    /// What a step's date means.
    public enum DateKind: String, Codable, Sendable {
        /// The day it happened.
        case happened
        /// The day it is expected (from the business calendar).
        case expected
        /// The day it is due from the applicant.
        case due
        /// The day to chase it when nothing has come back.
        case reminder
    }

    /// The tracked steps, in the procedure's order. The raw values are the JSON names.
    public enum Step: String, CaseIterable, Codable, Sendable {
        case organization, csr, contacts, application, domainCheck, documents, payment
        case organizationCheck, phoneVerification, issuance, installation, siteSeal

        /// The procedure's number for it (PROCEDURE.md).
        public var number: String {
            switch self {
            case .organization: return "1-1"
            case .csr: return "1-2"
            case .contacts: return "1-3"
            case .application: return "2"
            case .domainCheck, .documents: return "3-1"
            case .payment: return "3-2"
            case .organizationCheck, .phoneVerification: return "4"
            case .issuance: return "5-1"
            case .installation: return "5-2"
            case .siteSeal: return "5-3"
            }
        }

        public var title: Localized {
            switch self {
            case .organization, .csr, .application:
                return procedureStep.title
            case .contacts: return Localized("申請責任者・技術担当者", "Contacts")
            case .domainCheck: return Localized("ドメイン使用権の確認", "Domain check")
            case .documents: return Localized("書類", "Documents")
            case .payment: return Localized("支払い", "Payment")
            case .organizationCheck: return Localized("組織の実在確認", "Organization check")
            case .phoneVerification: return Localized("電話確認", "Phone verification")
            case .issuance: return Localized("発行", "Issuance")
            case .installation: return Localized("インストール", "Installation")
            case .siteSeal: return Localized("サイトシール", "Site seal")
            }
        }

        public var procedureStep: ProcedureStep {
            switch self {
            case .organization: return .organization
            case .csr: return .csr
            case .contacts: return .contacts
            case .application: return .application
            case .domainCheck, .documents, .payment: return .verification
            case .organizationCheck, .phoneVerification: return .phoneVerification
            case .issuance, .installation, .siteSeal: return .installation
            }
        }

        public func label(in language: Language) -> String { "\(number) \(title.text(in: language))" }
    }

    public struct StepLine: Sendable {
        public let step: Step
        public let state: State
        public let date: CalendarDate?
        public let dateKind: DateKind?
        /// What the applicant should know about the step (addresses, alternatives, reminders).
        public let details: [Localized]
        /// What the applicant should do, when it is their move.
        public let action: Localized?

        /// The first detail, for one-line listings.
        public var detail: Localized? { details.first }
    }

    /// A date worth knowing, with how many days are left until it.
    public struct KeyDate: Sendable {
        /// The date's name in `--json`.
        public let id: String
        public let label: Localized
        public let date: CalendarDate
        public let daysLeft: Int
        public let value: Localized
    }

    public let steps: [StepLine]
    public let nextAction: Localized
    public let dates: [KeyDate]

    public func line(_ step: Step) -> StepLine? { steps.first { $0.step == step } }

    public init(draft: Draft, today: CalendarDate, calendar: BusinessCalendar = .japan) {
        let tracker = Tracker(draft: draft, today: today, calendar: calendar)
        steps = tracker.lines()
        nextAction = StatusReport.next(steps)
        dates = tracker.keyDates(issuance: steps.first { $0.step == .issuance })
    }

    /// The applicant's first move, else whom the application waits on.
    private static func next(_ steps: [StepLine]) -> Localized {
        if let mine = steps.first(where: { $0.state == .toDo }) {
            let what = mine.action ?? Localized("「\(mine.step.label(in: .ja))」を進めてください", "Complete \"\(mine.step.label(in: .en))\"")
            return what
        }
        let waiting = steps.compactMap { line -> (StepLine, Party)? in
            if case .waiting(let party) = line.state { return (line, party) } else { return nil }
        }
        if let (line, party) = waiting.first {
            return Localized("\(party.label.ja)を待っています: \(line.step.label(in: .ja))",
                             "Waiting on \(party.label.en): \(line.step.label(in: .en))")
        }
        if let blocked = steps.first(where: { if case .blocked = $0.state { return true } else { return false } }),
           case .blocked(let why) = blocked.state {
            return Localized("\(blocked.step.label(in: .ja)): \(why.ja)", "\(blocked.step.label(in: .en)): \(why.en)")
        }
        return Localized("すべて完了しました", "Everything is done")
    }
}
