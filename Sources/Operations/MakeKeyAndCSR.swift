import CertWizardCore
import CertWizardPKI

/// Makes a private key (0600) and a CSR for a subject; the result is `KeyMade`.
public struct MakeKeyAndCSR: Operation {
    public let subject: SubjectFields
    public let keyType: KeyType
    public let directory: String
    public let today: CalendarDate
    public let passphrase: [UInt8]?

    public init(subject: SubjectFields, keyType: KeyType, directory: String, today: CalendarDate, passphrase: [UInt8]? = nil) {
        self.subject = subject
        self.keyType = keyType
        self.directory = directory
        self.today = today
        self.passphrase = passphrase
    }

    /// For the draft's Distinguished Name and SANs, which must pass the rules first.
    public init(draft: Draft, directory: String, today: CalendarDate) throws(OperationFailure) {
        let errors = Validator.findings(for: draft, fields: CSRRequest.subjectPaths, today: today).filter { $0.severity == .error }
        guard errors.isEmpty, let subject = SubjectFields(draft: draft), let keyType = draft.csr.keyType else {
            throw .failed(Localized("識別名を先に直してください (\(errors.count) か所)", "Fix the Distinguished Name first (\(errors.count) field(s))"))
        }
        self.init(subject: subject, keyType: keyType, directory: directory, today: today)
    }

    public var title: Localized {
        let name = keyType.rawValue.uppercased()
        return Localized("鍵 (\(name)) と CSR を作っています", "Making the key (\(name)) and CSR")
    }

    public var timeLimit: Duration { .seconds(300) }

    public func run(_ context: OperationContext) async throws -> KeyMade {
        let (subject, keyType, passphrase) = (subject, keyType, passphrase)
        let prepared: KeyAndCSR.Prepared
        do {
            prepared = try await context.blocking { try KeyAndCSR.prepare(subject, keyType: keyType, passphrase: passphrase) }
        } catch let error as FileError {
            throw OperationFailure.failed(error.message)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw OperationFailure.failed(Localized("鍵と CSR を作れません: \(error)", "Could not make the key and CSR: \(error)"))
        }
        do {
            return try context.commit { try prepared.write(in: directory, today: today) }.made
        } catch let error as FileError {
            throw OperationFailure.failed(error.message)
        }
    }
}
