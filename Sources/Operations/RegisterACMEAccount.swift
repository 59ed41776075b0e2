import ACME
import CertWizardCore

/// `certwiz acme register`: the account at the CA, bound to the CA's customer account with the
/// EAB key id and HMAC key from its portal. Registering again with the same key finds the account.
public struct RegisterACMEAccount: Operation {
    public let directory: String
    public let email: String?
    public let eab: (keyID: String, hmacKey: [UInt8])?
    public let trustPEM: [UInt8]?
    public let store: ACMEAccountStore

    public init(directory: String, email: String?, eab: (keyID: String, hmacKey: [UInt8])?, trustPEM: [UInt8]?, store: ACMEAccountStore) {
        self.directory = directory
        self.email = email
        self.eab = eab
        self.trustPEM = trustPEM
        self.store = store
    }

    public var title: Localized { Localized("ACME アカウントを登録しています: \(directory)", "Registering the ACME account: \(directory)") }

    public struct Registered: DraftChange {
        public let account: ACMEAccountStore.Account
        public func applied(to draft: Draft) throws(ChangeRefused) -> Draft { draft }
        public var summary: Localized {
            Localized("ACME アカウントを登録しました: \(account.accountURL)", "Registered the ACME account: \(account.accountURL)")
        }
    }

    public func run(_ context: OperationContext) async throws -> Registered {
        let key = try context.commit { try store.key(for: directory) }
        let client = ACMEClient(directoryURL: directory, accountKey: key, transport: HTTPTransport(trustPEM: trustPEM))
        let url: String
        do { url = try await client.register(email: email, eab: eab) } catch {
            throw OperationFailure.failed(ACMEMessages.problem(error, doing: Localized("アカウントを登録できません", "could not register the account")))
        }
        let account = ACMEAccountStore.Account(directory: directory, accountURL: url, email: email)
        try store.save(account)
        return Registered(account: account)
    }
}

/// The External Account Binding from the CA's portal, as typed or read from a file: the key id and
/// the HMAC key (base64url). Held in memory for one registration; never saved, logged or shown.
public struct EABCredentials: Sendable, Equatable {
    public let keyID: String
    public let hmacKey: [UInt8]
    public let email: String?

    public init(keyID: String, hmacKey: [UInt8], email: String?) {
        self.keyID = keyID
        self.hmacKey = hmacKey
        self.email = email
    }

    /// The HMAC key from the portal's base64url text, or why it is not one.
    public static func hmacKey(fromText text: String) -> Result<[UInt8], Localized> {
        guard let key = JWS.base64urlDecode(text.trimmed), !key.isEmpty else {
            return .failure(Localized("HMAC 鍵は base64url の文字列です", "the HMAC key is a base64url string"))
        }
        return .success(key)
    }
}

/// The CA's own words (problem type, detail, subproblems) inside certwiz's sentence in the user's language.
enum ACMEMessages {
    static func problem(_ error: Error, doing: Localized) -> Localized {
        let reason: Localized
        if let problem = error as? ACMEProblem { reason = Localized(problem.description, problem.description) }
        else { reason = RequestFailure.reason(error) }
        return Localized("\(doing.ja): \(reason.ja)", "\(doing.en): \(reason.en)")
    }
}
