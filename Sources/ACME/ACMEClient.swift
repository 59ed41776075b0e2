#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Crypto
import NIOHTTP1
import Synchronization

/// An RFC 8555 client: the directory, nonces (reused from every response; `badNonce` retried),
/// accounts (with External Account Binding), orders, authorizations, challenges, finalize with
/// a CSR made elsewhere, and the certificate chain. `Retry-After` is honoured; nothing sleeps a
/// fixed time. Every CA error is an `ACMEProblem` with its type, detail and subproblems.
public final class ACMEClient: Sendable {
    public struct Directory: Decodable, Sendable {
        public let newNonce: String
        public let newAccount: String
        public let newOrder: String
        /// ACME Renewal Information (RFC 9773), when the CA offers it.
        public let renewalInfo: String?
        public struct Meta: Decodable, Sendable {
            public let externalAccountRequired: Bool?
            public let termsOfService: String?
        }
        public let meta: Meta?
    }

    public struct Identifier: Codable, Equatable, Sendable {
        public let type: String
        public let value: String
        public init(dns value: String) { type = "dns"; self.value = value }
    }

    public struct Order: Decodable, Sendable {
        public let status: String
        public let identifiers: [Identifier]
        public let authorizations: [String]
        public let finalize: String
        public let certificate: String?
        public let error: ACMEProblem?
    }

    public struct Challenge: Decodable, Sendable {
        public let type: String
        public let url: String
        public let status: String
        public let token: String?
        public let error: ACMEProblem?
    }

    public struct Authorization: Decodable, Sendable {
        public let status: String
        public let identifier: Identifier
        public let challenges: [Challenge]
        public let wildcard: Bool?
    }

    public let directoryURL: String
    let transport: HTTPTransport
    public let accountKey: P256.Signing.PrivateKey
    private let state = Mutex<(directory: Directory?, nonces: [String], kid: String?)>((nil, [], nil))

    public init(directoryURL: String, accountKey: P256.Signing.PrivateKey, accountURL: String? = nil, transport: HTTPTransport) {
        self.directoryURL = directoryURL
        self.accountKey = accountKey
        self.transport = transport
        state.withLock { $0.kid = accountURL }
    }

    public var accountURL: String? { state.withLock { $0.kid } }

    public func directory() async throws -> Directory {
        if let known = state.withLock({ $0.directory }) { return known }
        let response = try await transport.send(.GET, directoryURL)
        guard response.status == 200 else { throw ACMEProblem.from(response, fallback: "the directory \(directoryURL) answered HTTP \(response.status)") }
        let directory = try decode(Directory.self, response)
        state.withLock { $0.directory = directory }
        return directory
    }

    /// Registers the account (or finds it: the same key gives the same account), binding it to
    /// the CA's account with `eab` when given. Returns the account URL.
    public func register(email: String?, eab: (keyID: String, hmacKey: [UInt8])?) async throws -> String {
        let directory = try await directory()
        var members = ["\"termsOfServiceAgreed\":true"]
        if let email { members.append("\"contact\":[\(JWS.quote("mailto:" + email))]") }
        if let eab {
            members.append("\"externalAccountBinding\":" + JWS.externalAccountBinding(keyID: eab.keyID, hmacKey: eab.hmacKey,
                                                                                        accountKey: accountKey.publicKey, url: directory.newAccount))
        }
        let response = try await post(directory.newAccount, payload: "{" + members.joined(separator: ",") + "}", useJWK: true)
        guard response.status == 200 || response.status == 201, let location = response.header("Location") else {
            throw ACMEProblem.from(response, fallback: "the account was not created (HTTP \(response.status))")
        }
        state.withLock { $0.kid = location }
        return location
    }

    public func newOrder(names: [String]) async throws -> (url: String, order: Order) {
        let directory = try await directory()
        let identifiers = names.map { "{\"type\":\"dns\",\"value\":\(JWS.quote($0))}" }.joined(separator: ",")
        let response = try await post(directory.newOrder, payload: "{\"identifiers\":[\(identifiers)]}")
        guard response.status == 201, let location = response.header("Location") else {
            throw ACMEProblem.from(response, fallback: "the order was not created (HTTP \(response.status))")
        }
        return (location, try decode(Order.self, response))
    }

    public func order(_ url: String) async throws -> Order { try decode(Order.self, try await fetch(url)) }
    public func authorization(_ url: String) async throws -> Authorization { try decode(Authorization.self, try await fetch(url)) }

    /// Tells the CA the challenge is ready to be checked.
    public func respond(to challengeURL: String) async throws {
        let response = try await post(challengeURL, payload: "{}")
        guard response.status == 200 else { throw ACMEProblem.from(response, fallback: "the challenge was refused (HTTP \(response.status))") }
    }

    public func finalize(_ url: String, csrDER: [UInt8]) async throws -> Order {
        let response = try await post(url, payload: "{\"csr\":\"\(JWS.base64url(csrDER))\"}")
        guard response.status == 200 else { throw ACMEProblem.from(response, fallback: "finalize was refused (HTTP \(response.status))") }
        return try decode(Order.self, response)
    }

    /// The certificate chain (PEM, leaf first) and the alternative chains the CA offers (`Link: rel="alternate"`).
    public func certificate(_ url: String) async throws -> (pem: String, alternates: [String]) {
        let response = try await fetch(url)
        let alternates = response.headers("Link").flatMap { $0.split(separator: ",") }.compactMap { link -> String? in
            guard link.contains("rel=\"alternate\""), let open = link.firstIndex(of: "<"), let close = link.firstIndex(of: ">") else { return nil }
            return String(link[link.index(after: open)..<close])
        }
        return (String(decoding: response.body, as: UTF8.self), alternates)
    }

    /// Waits until `check` says the object at `url` is done, asking again when `Retry-After` says (backing off from 0.1 s to 5 s when it says nothing).
    public func poll<T: Decodable & Sendable>(_ url: String, as type: T.Type, deadline: ContinuousClock.Instant,
                                              until done: (T) -> Bool) async throws -> T {
        // Without the CA's Retry-After, ask again soon and then less often (0.1 s doubling to 5 s):
        // a fixed one-second sleep made every order wait a second for a check that takes milliseconds.
        var backoff = Duration.milliseconds(100)
        while true {
            let response = try await fetch(url)
            let value = try decode(T.self, response)
            if done(value) { return value }
            guard ContinuousClock.now < deadline else { return value }
            let wait = response.header("Retry-After").flatMap(Int.init).map { Duration.seconds(min(max($0, 1), 60)) } ?? backoff
            backoff = min(backoff * 2, .seconds(5))
            try await Task.sleep(for: min(wait, max(deadline - ContinuousClock.now, .milliseconds(1))))
        }
    }

    /// RFC 9773's certificate identifier: the authority key identifier and the serial number's DER
    /// content octets, each base64url, joined by a dot.
    public static func renewalCertificateID(authorityKeyIdentifier: [UInt8], serialNumber: [UInt8]) -> String {
        JWS.base64url(authorityKeyIdentifier) + "." + JWS.base64url(serialNumber)
    }

    /// The window in which the CA suggests renewing (RFC 9773), or nil when it offers no renewal information.
    public func suggestedRenewalWindow(certificateID: String) async throws -> (start: Date, end: Date)? {
        guard let base = try await directory().renewalInfo else { return nil }
        let response = try await transport.send(.GET, base.hasSuffix("/") ? base + certificateID : base + "/" + certificateID)
        guard response.status == 200 else { return nil }
        struct Info: Decodable {
            struct Window: Decodable { let start: String; let end: String }
            let suggestedWindow: Window
        }
        let info = try decode(Info.self, response)
        guard let start = try? Date(info.suggestedWindow.start, strategy: .iso8601),
              let end = try? Date(info.suggestedWindow.end, strategy: .iso8601) else { return nil }
        return (start, end)
    }

    /// POST-as-GET.
    func fetch(_ url: String) async throws -> HTTPTransport.Response {
        let response = try await post(url, payload: nil)
        guard response.status == 200 else { throw ACMEProblem.from(response, fallback: "\(url) answered HTTP \(response.status)") }
        return response
    }

    /// A signed POST; a `badNonce` answer is tried again with the fresh nonce it carries.
    func post(_ url: String, payload: String?, useJWK: Bool = false) async throws -> HTTPTransport.Response {
        var attempts = 0
        while true {
            attempts += 1
            let nonce = try await nextNonce()
            let kid = useJWK ? nil : state.withLock { $0.kid }
            let body = try JWS.signed(payload: payload, url: url, nonce: nonce, key: accountKey, kid: kid)
            let response = try await transport.send(.POST, url, headers: [("Content-Type", "application/jose+json")], body: body)
            remember(response)
            if response.status >= 400, let problem = try? JSONDecoder().decode(ACMEProblem.self, from: Data(response.body)),
               problem.type.hasSuffix(":badNonce"), attempts < 10 {
                continue
            }
            return response
        }
    }

    private func nextNonce() async throws -> String {
        if let nonce = state.withLock({ $0.nonces.popLast() }) { return nonce }
        let directory = try await directory()
        let response = try await transport.send(.HEAD, directory.newNonce)
        guard let nonce = response.header("Replay-Nonce") else { throw ACMEProblem(type: "certwiz:noNonce", detail: "\(directory.newNonce) gave no nonce") }
        return nonce
    }

    private func remember(_ response: HTTPTransport.Response) {
        if let nonce = response.header("Replay-Nonce") { state.withLock { $0.nonces.append(nonce) } }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ response: HTTPTransport.Response) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(response.body)) } catch {
            throw ACMEProblem(type: "certwiz:malformed", detail: "the CA's answer is not the expected \(T.self): \(error)")
        }
    }
}

/// An RFC 7807 problem document from the CA, with RFC 8555's subproblems.
public struct ACMEProblem: Error, Decodable, Equatable, Sendable, CustomStringConvertible {
    public let type: String
    public let detail: String?
    public let subproblems: [Subproblem]?

    public struct Subproblem: Decodable, Equatable, Sendable {
        public let type: String
        public let detail: String?
        public let identifier: ACMEClient.Identifier?
    }

    public init(type: String, detail: String?, subproblems: [Subproblem]? = nil) {
        self.type = type
        self.detail = detail
        self.subproblems = subproblems
    }

    static func from(_ response: HTTPTransport.Response, fallback: String) -> ACMEProblem {
        (try? JSONDecoder().decode(ACMEProblem.self, from: Data(response.body))) ?? ACMEProblem(type: "certwiz:http", detail: fallback)
    }

    public var description: String {
        var text = "\(type): \(detail ?? "")"
        for sub in subproblems ?? [] { text += "\n  \(sub.identifier?.value ?? ""): \(sub.type): \(sub.detail ?? "")" }
        return text
    }
}
