#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore
@_spi(FixedExpiryValidationTime) import X509

/// What must hold before a certificate goes into a server (and what a live server must send):
/// the chain verifies from the certificate up to a trust anchor, no intermediate is missing,
/// the certificate is in its validity period and names the Common Name.
public enum ChainCheck {
    public struct Anchors: Sendable {
        /// Anchors given by the applicant (`--ca-file`) or known to certwiz (the demo root).
        public var certificates: [Certificate]
        /// Whether the system's store (`/etc/ssl/certs/ca-certificates.crt`) counts too.
        public var includeSystem: Bool

        public init(_ certificates: [Certificate] = [], includeSystem: Bool = true) {
            self.certificates = certificates
            self.includeSystem = includeSystem
        }

        var all: [Certificate] { includeSystem ? Anchors.system + certificates : certificates }

        /// The system's trust store, read once (Debian/Ubuntu, then Fedora's path).
        static let system: [Certificate] = {
            for path in ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"] {
                guard let bytes = try? AtomicFile.read(path) else { continue }
                return PEMScanner.blocks(in: String(decoding: bytes, as: UTF8.self)).compactMap { try? Certificate(derEncoded: $0.der) }
            }
            return []
        }()
    }

    public struct Problem: Equatable, Sendable {
        /// A stable code for scripts: `chain-incomplete`, `chain-untrusted`, `not-yet-valid`, `expired`, `name-not-covered`.
        public let code: String
        public let message: Localized

        public init(code: String, message: Localized) {
            self.code = code
            self.message = message
        }
    }

    /// The problems with `chain` for `commonName` at `now`; empty when it may be installed.
    public static func problems(_ chain: ChainOrder, commonName: String?, anchors: Anchors, now: Date = Date()) async -> [Problem] {
        var problems: [Problem] = []
        let leaf = chain.leaf
        if now < leaf.notValidBefore {
            problems.append(Problem(code: "not-yet-valid", message: Localized("証明書の有効期間はまだ始まっていません (\(leaf.notValidBefore) から)",
                                                                               "the certificate is not valid yet (from \(leaf.notValidBefore))")))
        }
        if now > leaf.notValidAfter {
            problems.append(Problem(code: "expired", message: Localized("証明書の有効期限が切れています (\(leaf.notValidAfter) まで)",
                                                                         "the certificate has expired (valid until \(leaf.notValidAfter))")))
        }
        if let commonName, !commonName.isEmpty, !covers(leaf, commonName) {
            let names = CurrentCertificateReader.fields(of: leaf).subjectAltNames ?? []
            problems.append(Problem(code: "name-not-covered", message: Localized(
                "証明書は \(commonName) を含みません (含むのは \(names.joined(separator: ", ")))",
                "the certificate does not cover \(commonName) (it names \(names.joined(separator: ", ")))")))
        }
        let roots = anchors.all
        if chain.intermediates.isEmpty, ChainOrder.issued(leaf, by: leaf) {
            if !roots.contains(leaf) {
                problems.append(Problem(code: "chain-untrusted", message: Localized(
                    "自己署名の証明書です。信頼されません", "the certificate is self-signed: nothing trusts it")))
            }
            return problems
        }
        if !roots.contains(where: { $0.subject == chain.topIssuer }), chain.root == nil {
            problems.append(Problem(code: "chain-incomplete", message: Localized(
                "中間 CA 証明書が足りません: 「\(DistinguishedNameText.line(chain.topIssuer))」の証明書がありません",
                "an intermediate certificate is missing: the one for \"\(DistinguishedNameText.line(chain.topIssuer))\" is not there")))
            return problems
        }
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) { RFC5280Policy(fixedExpiryValidationTime: now) }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(chain.intermediates))
        if case .couldNotValidate(let failures) = result {
            let reasons = Set(failures.map { "\($0.policyFailureReason)" }).sorted()
            let why = reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")"
            let anchor = DistinguishedNameText.line(chain.root?.subject ?? chain.topIssuer)
            // Dates are reported above already; the rest is a trust problem.
            if !(problems.contains { $0.code == "expired" || $0.code == "not-yet-valid" }) || failures.isEmpty {
                problems.append(Problem(code: "chain-untrusted", message: Localized(
                    "チェーンが信頼できるルート (\(anchor)) まで検証できません\(why)",
                    "the chain does not verify up to a trusted root (\(anchor))\(why)")))
            }
        }
        return problems
    }

    /// Whether the certificate's names (SANs, else the CN) cover `name`; `*.example.jp` covers one label.
    public static func covers(_ certificate: Certificate, _ name: String) -> Bool {
        let fields = CurrentCertificateReader.fields(of: certificate)
        let names = (fields.subjectAltNames?.isEmpty == false ? fields.subjectAltNames! : [fields.commonName].compactMap { $0 })
        let wanted = name.lowercased()
        return names.contains { pattern in
            let pattern = pattern.lowercased()
            if pattern == wanted { return true }
            guard pattern.hasPrefix("*."), let dot = wanted.firstIndex(of: ".") else { return false }
            return wanted[dot...] == pattern.dropFirst(1) && !wanted[..<dot].isEmpty && !wanted.hasPrefix("*.")
        }
    }
}
