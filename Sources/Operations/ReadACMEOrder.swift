import ACME
import CertWizardCore

/// The order's real state at the CA, asked (POST-as-GET): the order, and each authorization with
/// its challenges. As a change it records the order's status in the draft (`acme.orderStatus`).
public struct ReadACMEOrder: Operation {
    public let draft: Draft
    public let trustPEM: [UInt8]?
    public let store: ACMEAccountStore

    public init(draft: Draft, trustPEM: [UInt8]?, store: ACMEAccountStore) {
        self.draft = draft
        self.trustPEM = trustPEM
        self.store = store
    }

    public var title: Localized { Localized("注文の状態を CA に尋ねています", "Asking the CA for the order's state") }
    public var timeLimit: Duration { .seconds(60) }

    public struct OrderState: DraftChange, Encodable {
        public struct AuthorizationState: Encodable, Sendable {
            public let name: String
            public let status: String
            /// Each challenge as `type: status`.
            public let challenges: [String]
        }
        public let orderURL: String
        public let status: String
        public let authorizations: [AuthorizationState]

        public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
            var updated = draft
            updated.acme.orderStatus = TerminalControls.visible(status)  // as the CA sent it, controls made visible
            return updated
        }

        public var summary: Localized { Localized("ACME の注文: \(status)", "ACME order: \(status)") }

        /// What to do next, by the order's state.
        public var next: Localized {
            switch status {
            case "pending": return Localized("名前の確認 (チャレンジ) が残っています: certwiz submit で答えます", "names remain to be proven (challenges): answer them with certwiz submit")
            case "ready": return Localized("確認は済みました: certwiz submit で CSR を送ります", "the names are proven: certwiz submit sends the CSR")
            case "processing": return Localized("CA が発行しています。しばらくして certwiz status --refresh", "the CA is issuing: ask again shortly with certwiz status --refresh")
            case "valid": return Localized("発行済みです: certwiz install で入れます", "issued: install it with certwiz install")
            default: return Localized("注文は無効になりました。certwiz submit で新しい注文を出します", "the order is invalid: place a new one with certwiz submit")
            }
        }
    }

    public func run(_ context: OperationContext) async throws -> OrderState {
        guard let directory = draft.acme.directory, let account = store.account(for: directory), let orderURL = draft.acme.orderURL else {
            throw OperationFailure.failed(Localized("ACME の注文がまだありません", "there is no ACME order yet"))
        }
        let client = ACMEClient(directoryURL: directory, accountKey: try store.key(for: directory), accountURL: account.accountURL,
                                transport: HTTPTransport(trustPEM: trustPEM))
        do {
            let order = try await client.order(orderURL)
            var authorizations: [OrderState.AuthorizationState] = []
            for url in order.authorizations {
                let authorization = try await client.authorization(url)
                authorizations.append(.init(name: authorization.identifier.value, status: authorization.status,
                                            challenges: authorization.challenges.map { "\($0.type): \($0.status)" }))
            }
            return OrderState(orderURL: orderURL, status: order.status, authorizations: authorizations)
        } catch {
            throw OperationFailure.unreadable(ACMEMessages.problem(error, doing: Localized("注文の状態を読めません", "could not read the order")))
        }
    }
}
