import CertWizardCore
import CertWizardPKI

/// An event of the application the applicant records by hand (the manual path): for `issued`,
/// the certificate file is read and must be this application's (the CSR's key, the chain that
/// signed it). The result records the event with what it carries.
public struct RecordEvent: Operation {
    public let event: ApplicationEvent
    public let details: ApplicationEvent.Details
    public let date: CalendarDate
    /// The draft the certificate is checked against (the CSR's key).
    public let draft: Draft
    /// Absolute paths of the issued certificate and its chain (`issued` only).
    public let certificatePath: String?
    public let chainPath: String?

    public init(_ event: ApplicationEvent, details: ApplicationEvent.Details, on date: CalendarDate, draft: Draft,
                certificatePath: String? = nil, chainPath: String? = nil) {
        self.event = event
        self.details = details
        self.date = date
        self.draft = draft
        self.certificatePath = certificatePath
        self.chainPath = chainPath
    }

    public var title: Localized { Localized("記録しています: \(event.rawValue)", "Recording: \(event.rawValue)") }
    public var timeLimit: Duration { .seconds(30) }

    public func run(_ context: OperationContext) async throws -> EventsRecorded {
        var details = details
        if event == .issued, let certificatePath {
            let (draft, chainPath, given) = (draft, chainPath, details)
            let checked: Result<ApplicationEvent.Details, OperationFailure> = try await context.blocking {
                var details = given
                guard let bytes = try? AtomicFile.read(certificatePath), let parsed = CurrentCertificateReader.certificate(from: bytes) else {
                    return .failure(.unreadable(Localized("\(certificatePath) は証明書として読めません", "\(certificatePath) is not a readable certificate")))
                }
                if let problem = IssuedCertificateCheck.problem(parsed, for: draft) {
                    return .failure(.failed(Localized("\(certificatePath): \(problem.ja)", "\(certificatePath): \(problem.en)")))
                }
                details.certificatePath = certificatePath
                details.serialNumber = SerialNumberText.of(parsed.serialNumber)
                if let chainPath {
                    guard let bytes = try? AtomicFile.read(chainPath), !IssuedCertificateCheck.certificates(from: bytes).isEmpty else {
                        return .failure(.unreadable(Localized("\(chainPath) は証明書として読めません", "\(chainPath) is not a readable certificate")))
                    }
                    if let problem = IssuedCertificateCheck.chainProblem(parsed, chain: IssuedCertificateCheck.certificates(from: bytes)) {
                        return .failure(.failed(Localized("\(chainPath): \(problem.ja)", "\(chainPath): \(problem.en)")))
                    }
                    details.chainPath = chainPath
                }
                return .success(details)
            }
            details = try checked.get()
        }
        return EventsRecorded([EventsRecorded.Entry(event, details)], on: date,
                              summary: Localized("記録しました: \(event.rawValue) (\(date))", "Recorded: \(event.rawValue) (\(date))"),
                              issuerIfNone: "manual")
    }
}
