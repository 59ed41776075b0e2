#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore
import CertWizardPKI
import X509

/// 5-2's proof: a real handshake with the live server, and what it sends judged: the draft's
/// certificate (when a draft is given), the chain complete and in order up to a trust anchor,
/// the name covered, the days left, the protocol.
public struct VerifyServer: Operation {
    public let host: String
    public let port: Int
    public let serverName: String
    public let draft: Draft?
    public let anchors: [Certificate]
    public let warnDays: Int
    public let now: Date
    public let today: CalendarDate

    public init(host: String, port: Int, serverName: String?, draft: Draft?, anchors: [Certificate], warnDays: Int = 30,
                now: Date = Date(), today: CalendarDate) {
        self.host = host
        self.port = port
        self.serverName = serverName ?? host
        self.draft = draft
        self.anchors = anchors
        self.warnDays = warnDays
        self.now = now
        self.today = today
    }

    public var title: Localized { Localized("\(host):\(port) を確かめています", "Checking \(host):\(port)") }
    public var timeLimit: Duration { .seconds(30) }
    public var timeLimitMessage: Localized { Localized("\(host):\(port) から 30 秒応答がありません", "no answer from \(host):\(port) in 30 s") }

    public func run(_ context: OperationContext) async throws -> LiveCheck {
        let handshake: TLSProbe.Handshake
        do { handshake = try await TLSProbe.handshake(host: host, port: port, serverName: serverName, timeLimit: .seconds(10)) } catch {
            return LiveCheck(address: "\(host):\(port)", serverName: serverName, reachable: false, unreachableReason: error.message)
        }
        return await LiveCheck.judge(handshake, address: "\(host):\(port)", serverName: serverName, draft: draft, anchors: anchors,
                                     warnDays: warnDays, now: now, today: today)
    }
}

/// What a live server sends, judged. As a change, a passed check of the draft's own certificate
/// records the installation (5-2) when it is not recorded yet.
public struct LiveCheck: DraftChange, Encodable {
    public enum Verdict: String, Encodable, Sendable {
        case ok, expiring, wrong, unreachable

        /// For cron and monitoring, as monitoring plugins count: 0 ok, 1 expiring, 2 wrong or broken, 3 unreachable.
        public var exitCode: Int32 {
            switch self {
            case .ok: return 0
            case .expiring: return 1
            case .wrong: return 2
            case .unreachable: return 3
            }
        }
    }

    public struct Problem: Encodable, Equatable, Sendable {
        public let code: String
        /// In both languages, as every certwiz JSON message is.
        public let message: Localized
    }

    public let address: String
    public let serverName: String
    public let reachable: Bool
    public var protocolVersion: String?
    public var subject: String?
    public var notAfter: String?
    public var daysLeft: Int?
    /// Whether the served certificate carries the draft's key (nil without a draft).
    public var isDraftCertificate: Bool?
    /// The chain as sent: each certificate's subject, in the order sent.
    public var sent: [String] = []
    public var problems: [ChainCheck.Problem] = []
    public var unreachableReason: Localized?
    public var verdict: Verdict = .unreachable
    var recordOn: CalendarDate?

    init(address: String, serverName: String, reachable: Bool, unreachableReason: Localized? = nil) {
        self.address = address
        self.serverName = serverName
        self.reachable = reachable
        self.unreachableReason = unreachableReason
    }

    static func judge(_ handshake: TLSProbe.Handshake, address: String, serverName: String, draft: Draft?, anchors: [Certificate],
                      warnDays: Int, now: Date, today: CalendarDate) async -> LiveCheck {
        var check = LiveCheck(address: address, serverName: serverName, reachable: true)
        check.protocolVersion = handshake.protocolVersion
        check.sent = handshake.chain.map { DistinguishedNameText.line($0.subject) }
        guard let leaf = handshake.chain.first else {
            check.problems = [ChainCheck.Problem(code: "no-certificate", message: Localized("証明書が送られてきません", "the server sent no certificate"))]
            check.verdict = .wrong
            return check
        }
        check.subject = DistinguishedNameText.line(leaf.subject)
        check.notAfter = "\(leaf.notValidAfter)"
        let days = Int((leaf.notValidAfter.timeIntervalSince(now) / 86_400).rounded(.down))
        check.daysLeft = days
        if let draft, let expected = IssuedCertificateCheck.csrFingerprint(of: draft) {
            check.isDraftCertificate = (try? PublicKeyFingerprint.sha256(leaf.publicKey)) == expected
            if check.isDraftCertificate == false {
                check.problems.append(ChainCheck.Problem(code: "not-the-draft-certificate", message: Localized(
                    "サーバが送る証明書はこの下書きの鍵のものではありません (古い証明書か、別のサイトの設定が使われています)",
                    "the server sends a certificate for another key than this draft's (an old certificate, or another site's configuration answers)")))
            }
        }
        // Judged as sent: the order matters to clients, so the sent order is compared with the right one.
        if let order = try? ChainOrder(handshake.chain, keyFingerprint: nil), order.leaf == leaf {
            if Array(handshake.chain.prefix(order.fullChain.count)) != order.fullChain {
                check.problems.append(ChainCheck.Problem(code: "chain-order", message: Localized(
                    "チェーンの順序が違います (サーバ証明書、その発行者、… の順に送る必要があります)",
                    "the chain is sent in the wrong order (it must be the certificate, then its issuer, and so on)")))
            }
            check.problems += await ChainCheck.problems(order, commonName: serverName, anchors: ChainCheck.Anchors(anchors), now: now)
        } else {
            check.problems += await ChainCheck.problems(ChainOrder(leafOnly: leaf), commonName: serverName, anchors: ChainCheck.Anchors(anchors), now: now)
        }
        if !check.problems.isEmpty { check.verdict = .wrong }
        else if days < warnDays { check.verdict = .expiring }
        else { check.verdict = .ok }
        if check.verdict != .wrong, check.isDraftCertificate == true { check.recordOn = today }
        return check
    }

    public var summary: Localized {
        switch verdict {
        case .ok: return Localized("\(address) は正しい証明書とチェーンを送っています (\(protocolVersion ?? ""), 残り \(daysLeft ?? 0) 日)",
                                   "\(address) sends the right certificate and chain (\(protocolVersion ?? ""), \(daysLeft ?? 0) days left)")
        case .expiring: return Localized("\(address): 証明書の残りは \(daysLeft ?? 0) 日です。更新してください",
                                         "\(address): the certificate has \(daysLeft ?? 0) days left: renew it")
        case .wrong: return Localized("\(address) が送るものに問題があります", "\(address) sends something wrong")
        case .unreachable: return unreachableReason ?? Localized("\(address) に届きません", "\(address) cannot be reached")
        }
    }

    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft {
        guard let recordOn, ApplicationEvent.installed.recordedDate(in: draft) == nil, draft.issuance.issuedOn != nil else { return draft }
        do {
            return try ApplicationEvent.installed.apply(to: draft, on: recordOn, .init(note: "verified \(address)"))
        } catch {
            throw ChangeRefused(error.message)
        }
    }

    enum CodingKeys: String, CodingKey {
        case address, serverName, reachable, protocolVersion, subject, notAfter, daysLeft, isDraftCertificate, sent, problems, verdict, unreachable
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(address, forKey: .address)
        try container.encode(serverName, forKey: .serverName)
        try container.encode(reachable, forKey: .reachable)
        try container.encodeIfPresent(protocolVersion, forKey: .protocolVersion)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(notAfter, forKey: .notAfter)
        try container.encodeIfPresent(daysLeft, forKey: .daysLeft)
        try container.encodeIfPresent(isDraftCertificate, forKey: .isDraftCertificate)
        try container.encode(sent, forKey: .sent)
        try container.encode(problems.map { Problem(code: $0.code, message: $0.message) }, forKey: .problems)
        try container.encode(verdict, forKey: .verdict)
        try container.encodeIfPresent(unreachableReason, forKey: .unreachable)
    }
}
