import CertWizardCore
import CertWizardPKI
import Issuers

/// Submits a draft that passes every rule to its issuer (`order.issuer`); the result is `Submitted`.
public struct SubmitApplication: Operation {
    public let draft: Draft
    public let today: CalendarDate

    public init(draft: Draft, today: CalendarDate) {
        self.draft = draft
        self.today = today
    }

    /// The errors that keep the draft from being submitted.
    public var errors: [Finding] { DraftCheck.findings(for: draft, today: today).filter { $0.severity == .error } }

    /// Why a draft with errors is not submitted: how many, and the first one in its own words.
    public static func refusal(_ errors: [Finding]) -> Localized? {
        guard let first = errors.first else { return nil }
        let count = errors.count
        return Localized("エラーが \(count) 件あるため申請しません (最初: \(first.message.ja) [\(first.code)])。F2 の一覧で ✗ の画面を直してください",
                         "Not submitted: \(count) error(s) left (first: \(first.message.en) [\(first.code)]); fix the screens marked ✗ in the F2 list")
    }

    public var title: Localized { Localized("申請しています", "Submitting the application") }
    public var timeLimit: Duration { .seconds(120) }

    public func run(_ context: OperationContext) async throws -> Submitted {
        if let refusal = SubmitApplication.refusal(errors) { throw OperationFailure.failed(refusal) }
        let (draft, today) = (draft, today)
        let outcome: Result<Submitted, OperationFailure> = try await context.blocking {
            do {
                let issuer = try Issuers.issuer(for: draft)
                let submission = try issuer.submit(draft, today: today)
                return .success(submission.submitted(to: issuer.id, on: today))
            } catch let error as IssuerError {
                return .failure(.failed(error.message))
            } catch {
                return .failure(.failed(Localized("申請できません: \(error)", "could not submit: \(error)")))
            }
        }
        return try outcome.get()
    }
}
