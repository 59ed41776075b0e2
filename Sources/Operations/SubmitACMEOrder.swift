#if canImport(Glibc)
import Glibc
#endif
import ACME
import CertWizardCore
import CertWizardPKI
import Installers
import Crypto
import SwiftASN1
import X509

/// Submission to an ACME issuer: an order for the CSR's names; each authorization the CA does
/// not already hold valid (a pre-validated domain needs nothing) answered by `http-01` (certwiz's
/// own responder, or files in the web server's root); finalize with **the draft's CSR**; the
/// certificate and chain written beside the key; recorded as submitted and issued.
public struct SubmitACMEOrder: Operation {
    public enum Responder: Sendable, Equatable {
        case port(Int)
        case webroot(String)
    }

    public let draft: Draft
    public let today: CalendarDate
    public let responder: Responder
    public let trustPEM: [UInt8]?
    public let store: ACMEAccountStore
    public let fallbackDirectory: String
    /// dns-01: the applicant says the TXT records are there; the order in the draft goes on.
    public let continuing: Bool

    public init(draft: Draft, today: CalendarDate, responder: Responder, trustPEM: [UInt8]?, store: ACMEAccountStore, fallbackDirectory: String,
                continuing: Bool = false) {
        self.continuing = continuing
        self.draft = draft
        self.today = today
        self.responder = responder
        self.trustPEM = trustPEM
        self.store = store
        self.fallbackDirectory = fallbackDirectory
    }

    public var title: Localized { Localized("ACME で申請しています", "Ordering over ACME") }
    public var timeLimit: Duration { .seconds(300) }

    public struct Ordered: DraftChange {
        public let orderURL: String
        public let status: String
        public let certificatePath: String?
        public let chainPath: String?
        public let serialNumber: String?
        public let alternates: [String]
        /// dns-01: the TXT records to create (name, value) before `certwiz submit --continue`.
        public var dnsRecords: [DNSRecord] = []
        let today: CalendarDate

        public struct DNSRecord: Equatable, Sendable {
            public let name: String
            public let value: String
            /// As a zone file line.
            public var zoneLine: String { "\(name). 300 IN TXT \"\(value)\"" }
        }

        public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
            var updated = draft
            // What the CA sent, with any terminal control made visible (a draft never holds one).
            let orderURL = TerminalControls.visible(orderURL)
            updated.acme.orderURL = orderURL
            updated.acme.orderStatus = TerminalControls.visible(status)
            if updated.order.orderNumber == nil {
                let number = orderURL.split(separator: "/").last.map(String.init) ?? orderURL
                do { updated = try ApplicationEvent.submitted.apply(to: updated, on: today, .init(orderNumber: number, note: orderURL)) } catch {
                    throw ChangeRefused(error.message)
                }
            }
            if let certificatePath, updated.issuance.issuedOn == nil {
                do {
                    updated = try ApplicationEvent.issued.apply(to: updated, on: today, .init(certificatePath: certificatePath, chainPath: chainPath,
                                                                                                serialNumber: serialNumber))
                } catch { throw ChangeRefused(error.message) }
            }
            return updated
        }

        public var summary: Localized {
            if let certificatePath {
                return Localized("発行されました: \(certificatePath)", "Issued: \(certificatePath)")
            }
            if !dnsRecords.isEmpty {
                let lines = dnsRecords.map(\.zoneLine).joined(separator: "\n")
                return Localized("次の TXT レコードを DNS に作り、反映されたら certwiz submit --continue を実行してください:\n\(lines)",
                                 "Create these TXT records in the DNS; once they are visible, run certwiz submit --continue:\n\(lines)")
            }
            return Localized("注文 \(orderURL) の状態: \(status)", "Order \(orderURL) is \(status)")
        }
    }

    public func run(_ context: OperationContext) async throws -> Ordered {
        guard let directory = draft.acme.directory?.trimmed, !directory.isEmpty else {
            throw OperationFailure.failed(Localized("ACME のディレクトリ URL がありません (acme.directory)", "no ACME directory URL (acme.directory)"))
        }
        guard let account = store.account(for: directory) else {
            throw OperationFailure.failed(Localized("この CA の ACME アカウントがありません。先に certwiz acme register --directory \(directory) で登録してください",
                                                    "no ACME account at this CA yet: register first with certwiz acme register --directory \(directory)"))
        }
        guard let request = CSRInspector.request(in: draft) else {
            throw OperationFailure.failed(Localized("CSR がありません", "there is no CSR yet"))
        }
        var names: [String] = []
        if let cn = DistinguishedNameText.commonName(of: request.subject) { names.append(cn) }
        if let extensions = try? request.attributes.extensionRequest?.extensions, let sans = try? extensions.subjectAlternativeNames {
            for case .dnsName(let name) in sans where !names.contains(name) { names.append(name) }
        }
        let client = ACMEClient(directoryURL: directory, accountKey: try store.key(for: directory), accountURL: account.accountURL,
                                transport: HTTPTransport(trustPEM: trustPEM))
        let doing = Localized("ACME の注文", "the ACME order")
        do {
            let orderURL: String
            let order: ACMEClient.Order
            if continuing, let known = draft.acme.orderURL {
                (orderURL, order) = (known, try await client.order(known))
            } else {
                (orderURL, order) = try await client.newOrder(names: names)
            }
            if draft.acme.challenge == .dns01 {
                let records = try await answerDNS(order, client: client, respond: continuing)
                if !continuing, !records.isEmpty {
                    var ordered = Ordered(orderURL: orderURL, status: order.status, certificatePath: nil, chainPath: nil, serialNumber: nil, alternates: [], today: today)
                    ordered.dnsRecords = records
                    return ordered
                }
            } else {
                try await answerChallenges(order, client: client)
            }
            let deadline = ContinuousClock.now + .seconds(120)
            let ready = try await client.poll(orderURL, as: ACMEClient.Order.self, deadline: deadline) { $0.status != "pending" }
            guard ready.status == "ready" || ready.status == "valid" else {
                throw OperationFailure.failed(Localized("注文が \(ready.status) になりました: \(ready.error?.description ?? "")",
                                                        "the order became \(ready.status): \(ready.error?.description ?? "")"))
            }
            var serializer = DER.Serializer()
            try serializer.serialize(request)
            if ready.status == "ready" { _ = try await client.finalize(ready.finalize, csrDER: serializer.serializedBytes) }
            let valid = try await client.poll(orderURL, as: ACMEClient.Order.self, deadline: deadline) { $0.status == "valid" || $0.status == "invalid" }
            guard valid.status == "valid", let certificateURL = valid.certificate else {
                return Ordered(orderURL: orderURL, status: valid.status, certificatePath: nil, chainPath: nil, serialNumber: nil, alternates: [], today: today)
            }
            let (pem, alternates) = try await client.certificate(certificateURL)
            let written = try write(pem, context: context)
            return Ordered(orderURL: orderURL, status: "valid", certificatePath: written.certificate, chainPath: written.chain,
                           serialNumber: written.serial, alternates: alternates, today: today)
        } catch let failure as OperationFailure {
            throw failure
        } catch {
            throw OperationFailure.failed(ACMEMessages.problem(error, doing: doing))
        }
    }

    /// dns-01: the TXT record each pending name needs; when `respond`, the CA is told they are there
    /// and the authorizations are waited for.
    private func answerDNS(_ order: ACMEClient.Order, client: ACMEClient, respond: Bool) async throws -> [Ordered.DNSRecord] {
        let thumbprint = JWS.thumbprint(client.accountKey.publicKey)
        var records: [Ordered.DNSRecord] = []
        var pending: [(url: String, challenge: ACMEClient.Challenge)] = []
        for url in order.authorizations {
            let authorization = try await client.authorization(url)
            guard authorization.status == "pending" else { continue }
            guard let challenge = authorization.challenges.first(where: { $0.type == "dns-01" }), let token = challenge.token else {
                throw OperationFailure.failed(Localized("\(authorization.identifier.value) に dns-01 の課題がありません", "no dns-01 challenge for \(authorization.identifier.value)"))
            }
            let digest = SHA256.hash(data: Array((token + "." + thumbprint).utf8))
            records.append(.init(name: "_acme-challenge." + authorization.identifier.value, value: JWS.base64url(digest)))
            pending.append((url, challenge))
        }
        guard respond else { return records }
        for item in pending where item.challenge.status == "pending" { try await client.respond(to: item.challenge.url) }
        for item in pending {
            let done = try await client.poll(item.url, as: ACMEClient.Authorization.self, deadline: .now + .seconds(120)) { $0.status != "pending" }
            guard done.status == "valid" else {
                let why = done.challenges.compactMap(\.error).map(\.description).joined(separator: "; ")
                throw OperationFailure.failed(Localized("\(done.identifier.value) を確認できませんでした: \(why)", "\(done.identifier.value) was not validated: \(why)"))
            }
        }
        return []
    }

    /// Every authorization that is not valid yet gets its http-01 answer, then the CA is told.
    private func answerChallenges(_ order: ACMEClient.Order, client: ACMEClient) async throws {
        let thumbprint = JWS.thumbprint(client.accountKey.publicKey)
        var pending: [(url: String, challenge: ACMEClient.Challenge)] = []
        for url in order.authorizations {
            let authorization = try await client.authorization(url)
            guard authorization.status == "pending" else { continue }  // pre-validated: nothing to prove
            guard let challenge = authorization.challenges.first(where: { $0.type == "http-01" }), challenge.token != nil else {
                throw OperationFailure.failed(Localized("\(authorization.identifier.value) に http-01 の課題がありません", "no http-01 challenge for \(authorization.identifier.value)"))
            }
            pending.append((url, challenge))
        }
        guard !pending.isEmpty else { return }
        var server: HTTP01Responder?
        var files: [String] = []
        defer { for file in files { unlink(file) } }
        switch responder {
        case .port(let port):
            do { server = try await HTTP01Responder.start(port: port) } catch {
                throw OperationFailure.failed(Localized("ポート \(port) で http-01 に答えられません: \(error)。Web サーバの公開フォルダ (--webroot、下書きの acme.webroot) を使うか、ポートを空けてください",
                                                        "cannot answer http-01 on port \(port): \(error); use the web server's document root (--webroot, the draft's acme.webroot), or free the port"))
            }
        case .webroot(let root):
            do { try AtomicFile.makeDirectories(root + "/.well-known/acme-challenge", mode: 0o755) } catch { throw OperationFailure.failed(error.message) }
        }
        for item in pending {
            let token = item.challenge.token!
            let answer = token + "." + thumbprint
            switch responder {
            case .port: server?.serve(token: token, keyAuthorization: answer)
            case .webroot(let root):
                let path = root + "/.well-known/acme-challenge/" + token
                do { try AtomicFile.write(Array(answer.utf8), to: path, mode: 0o644) } catch { throw OperationFailure.failed(error.message) }
                files.append(path)
            }
            try await client.respond(to: item.challenge.url)
        }
        defer { if let server { Task { await server.stop() } } }
        for item in pending {
            let done = try await client.poll(item.url, as: ACMEClient.Authorization.self, deadline: .now + .seconds(120)) { $0.status != "pending" }
            guard done.status == "valid" else {
                let why = done.challenges.compactMap(\.error).map(\.description).joined(separator: "; ")
                throw OperationFailure.failed(Localized("\(done.identifier.value) を確認できませんでした: \(why)", "\(done.identifier.value) was not validated: \(why)"))
            }
        }
    }

    /// The chain beside the key, as the demo issuer writes it: NAME.crt and NAME.chain.crt, never over another file.
    private func write(_ pem: String, context: OperationContext) throws -> (certificate: String, chain: String, serial: String) {
        let certificates = (try? CertificateBundle.certificates(in: Array(pem.utf8))) ?? []
        guard let order = try? ChainOrder(certificates, keyFingerprint: IssuedCertificateCheck.csrFingerprint(of: draft)) else {
            throw OperationFailure.failed(Localized("CA から届いた証明書がこの CSR の鍵のものではありません", "the certificate from the CA is not for this CSR's key"))
        }
        let leafPEM = try order.leaf.serializeAsPEM().pemString + "\n"
        let chainPEM = try order.intermediates.map { try $0.serializeAsPEM().pemString + "\n" }.joined()
        let base = KeyFiles.certificateBase(for: draft, fallbackDirectory: fallbackDirectory)
        let written = try context.commit { try KeyFiles.writeIssued(leafPEM: leafPEM, chainPEM: chainPEM, base: base, today: today) }
        return (written.certificate, written.chain, SerialNumberText.of(order.leaf.serialNumber))
    }
}

extension SubmitACMEOrder.Responder {
    /// How http-01 is answered: the command's flags first, then the draft's answers, then the
    /// document root of the server block `install` edits (when one serves the names on port 80),
    /// and otherwise certwiz's own responder on port 80.
    public static func chosen(httpPort: Int?, webroot: String?, for draft: Draft) -> Self {
        if let webroot = webroot.nonBlank { return .webroot(webroot) }
        if let httpPort { return .port(httpPort) }
        if let webroot = draft.acme.webroot.nonBlank { return .webroot(webroot) }
        if let httpPort = draft.acme.httpPort { return .port(httpPort) }
        let kind = ServerControl.Kind.installing(draft)
        let names = draft.csr.subjectAltNames?.nonEmptyList ?? [draft.csr.commonName].compactMap { $0 }
        if let found = WebRoot.find(server: ServerControl(kind: kind, config: draft.installation.configPath.nonBlank), names: names) {
            return .webroot(found)
        }
        return .port(80)
    }
}

extension Array {
    var nonEmptyList: Self? { isEmpty ? nil : self }
}
