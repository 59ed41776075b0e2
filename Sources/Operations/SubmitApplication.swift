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

    public var title: Localized { Localized("申請しています", "Submitting the application") }
    public var timeLimit: Duration { .seconds(120) }

    public func run(_ context: OperationContext) async throws -> Submitted {
        let count = errors.count
        guard count == 0 else {
            throw OperationFailure.failed(Localized("エラーが \(count) 件あるため申請しません。F2 の一覧で ✗ の画面を直してください",
                                                    "Not submitted: \(count) error(s) left; fix the screens marked ✗ in the F2 list"))
        }
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
