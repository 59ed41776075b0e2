import CertWizardCore

/// Where an operation started from a screen works: the draft's key folder, the day, the data folder.
public struct OperationEnvironment: Sendable {
    public let keysDirectory: String
    public let today: CalendarDate
    public let dataHome: String?

    public init(keysDirectory: String, today: CalendarDate, dataHome: String?) {
        self.keysDirectory = keysDirectory
        self.today = today
        self.dataHome = dataHome
    }
}

/// Any operation whose change is applied to the draft, for the wizard's single runner.
public struct AnyChange: DraftChange {
    public let base: any DraftChange
    public init(base: any DraftChange) { self.base = base }
    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft { try base.applied(to: draft) }
    public var summary: Localized { base.summary }
}

public struct AnyOperation: Operation {
    public let title: Localized
    public let timeLimit: Duration
    public let timeLimitMessage: Localized
    private let body: @Sendable (OperationContext) async throws -> AnyChange

    public init<Op: Operation>(_ operation: Op) {
        title = operation.title
        timeLimit = operation.timeLimit
        timeLimitMessage = operation.timeLimitMessage
        body = { AnyChange(base: try await operation.run($0)) }
    }

    public func run(_ context: OperationContext) async throws -> AnyChange { try await body(context) }
}

extension ScreenOperation {
    /// The operation a screen's button starts for `draft` as it is now, or why it cannot start.
    public func operation(for draft: Draft, in environment: OperationEnvironment) throws(OperationFailure) -> AnyOperation {
        let today = environment.today
        switch self {
        case .makeKeyAndCSR: return AnyOperation(try MakeKeyAndCSR(draft: draft, directory: environment.keysDirectory, today: today))
        case .readCurrentCertificate: return AnyOperation(try ReadCertificate(draft: draft))
        case .loadCSRFile: return AnyOperation(try LoadCSRFile(draft: draft))
        case .submit: return AnyOperation(SubmitApplication(draft: draft, today: today))
        case .demoAdvance, .demoAdvanceAll:
            guard let dataHome = environment.dataHome else {
                throw .failed(Localized("データフォルダがありません", "No data folder for the demo issuer"))
            }
            return AnyOperation(AdvanceDemoReview(draft: draft, all: self == .demoAdvanceAll, today: today, dataHome: dataHome,
                                                  fallbackDirectory: environment.keysDirectory))
        }
    }
}
