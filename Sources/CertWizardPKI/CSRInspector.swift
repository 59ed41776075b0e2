#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CertWizardCore
import Crypto
import _CryptoExtras
import SwiftASN1
import X509

/// What a CSR says and what is wrong with it, in the shape `certwiz csr check --json` prints.
public struct CSRReport: Encodable, Sendable {
    public var subject: [String: String]
    public var subjectAltNames: [String]
    public var keyType: String
    public var keyBits: Int?
    public var signatureAlgorithm: String
    public var signatureValid: Bool?
    public var publicKeyFingerprint: String?
    public var findings: [Finding]
}

/// Why the input is not a CSR at all, saying what it is instead.
public enum CSRInputError: Error, Equatable, Sendable {
    case empty
    case certificate
    case privateKey
    case otherPEM(String)
    case notCSR

    public var message: Localized {
        switch self {
        case .empty: return Localized("空です", "it is empty")
        case .certificate: return Localized("CSR ではなく証明書です", "it is a certificate, not a CSR")
        case .privateKey: return Localized("CSR ではなく秘密鍵です。秘密鍵は誰にも送らないでください", "it is a private key, not a CSR: never send a private key to anyone")
        case .otherPEM(let label): return Localized("CSR ではなく「\(label)」の PEM です", "it is a PEM \"\(label)\", not a CSR")
        case .notCSR: return Localized("CSR (PEM か DER) として読めるものがありません (壊れたデータかバイナリ)", "nothing in it reads as a CSR, PEM or DER (corrupt or binary data)")
        }
    }
}

public enum CSRInspector {
    /// The DER of the CSR in `bytes` (PEM in any wrapping, or DER).
    public static func csrDER(from bytes: [UInt8]) throws(CSRInputError) -> [UInt8] {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty }
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            let blocks = PEMScanner.blocks(in: text)
            if let csr = blocks.first(where: { $0.label.hasSuffix("CERTIFICATE REQUEST") }) { return csr.der }
            if blocks.contains(where: { $0.label.contains("PRIVATE KEY") }) { throw .privateKey }
            if blocks.contains(where: { $0.label == "CERTIFICATE" || $0.label == "TRUSTED CERTIFICATE" }) { throw .certificate }
            throw blocks.first.map { .otherPEM($0.label) } ?? .notCSR
        }
        if (try? RawCSR(der: bytes)) != nil { return bytes }
        if (try? Certificate(derEncoded: bytes)) != nil { throw .certificate }
        throw .notCSR
    }

    /// The draft's CSR (`csr.pem`), parsed; nil when there is none or the library cannot read it.
    public static func request(in draft: Draft) -> CertificateSigningRequest? {
        guard let pem = draft.csr.pem, let der = try? csrDER(from: Array(pem.utf8)) else { return nil }
        return try? CertificateSigningRequest(derEncoded: der)
    }

    /// Reads and checks a CSR. `key`: the private key it should belong to; `current`: the certificate
    /// it renews; `today` for the renewal windows.
    public static func inspect(_ bytes: [UInt8], key: Certificate.PrivateKey? = nil, renewing current: Certificate? = nil,
                               today: CalendarDate) throws(CSRInputError) -> CSRReport {
        let der = try csrDER(from: bytes)
        guard let raw = try? RawCSR(der: der) else { throw .notCSR }
        // swift-certificates decides whether the CSR is usable: what it cannot parse, it cannot
        // verify, and an unverified CSR never passes. The lenient reader below only names the
        // key (too small, or a kind not accepted such as DSA), so the report says why.
        let parsed: CertificateSigningRequest?
        var findings: [Finding] = []
        var parseError: (any Error)?
        do { parsed = try CertificateSigningRequest(derEncoded: der) } catch {
            parsed = nil
            parseError = error
        }

        var keyType = RawCSR.keyNames[raw.keyAlgorithm] ?? raw.keyAlgorithm
        var keyBits = raw.rsaBits
        if keyType == "ecdsa", let curve = raw.curve.flatMap({ RawCSR.curveNames[$0] }) { keyType = "ecdsa"; keyBits = curve.1 }
        if keyType == "ed25519" { keyBits = 256 }
        let signature = RawCSR.signatureNames[raw.signatureAlgorithm] ?? raw.signatureAlgorithm

        if keyType == "rsa", let bits = keyBits, bits < 2048 {
            findings.append(Finding(.error, "key-too-small", field: "csr.keyType", Localized(
                "RSA \(bits) ビットの鍵は小さすぎます。2048 ビット以上で作り直してください",
                "an RSA \(bits)-bit key is too small: make a new key of at least 2048 bits")))
        }
        let accepted = keyType == "rsa" || (keyType == "ecdsa" && (keyBits == 256 || keyBits == 384))
        if !accepted {
            let name = keyType == "ecdsa" ? "ECDSA P-\(keyBits ?? 0)" : keyType.uppercased()
            findings.append(Finding(.error, "key-type-unsupported", field: "csr.keyType", Localized(
                "\(name) の鍵は受け付けられません。RSA (2048 ビット以上) か ECDSA P-256 / P-384 を使ってください",
                "\(name) keys are not accepted: use RSA (2048 bits or more) or ECDSA P-256 / P-384")))
        }
        // The library refuses some keys outright (RSA below 2048 bits): the key finding above says
        // why; only a CSR refused for another reason is called damaged.
        let keyExplainsRefusal = findings.contains { $0.code == "key-too-small" || $0.code == "key-type-unsupported" }
        if let parseError, !keyExplainsRefusal || raw.subject == nil {
            findings.insert(Finding(.error, "csr-unusable", field: "csr.pem", Localized(
                "CSR を解析できません (構造が壊れているか、対応していない形式です: \(CSRInspector.describe(parseError)))。作り直してください",
                "the CSR cannot be parsed: its structure is damaged or of a kind not supported (\(CSRInspector.describe(parseError))); make it again")), at: 0)
        }
        let weak = RawCSR.weakSignatures.contains(signature)
        if weak, parsed != nil {
            findings.append(Finding(.error, "signature-algorithm-weak", field: "csr.pem", Localized(
                "署名アルゴリズム \(signature) は弱いため受け付けられません。SHA-256 以上で作り直してください",
                "the signature algorithm \(signature) is weak and refused: make the CSR again with SHA-256 or stronger")))
        }

        var subject: [String: String] = [:]
        var names: [String] = []
        var signatureValid: Bool?
        var fingerprint: String?
        // What the CSR asks for, read even when the library refuses its key.
        let readSubject = parsed?.subject ?? raw.subject
        if let readSubject { subject = DistinguishedNameText.fields(of: readSubject) }
        let requested = parsed.flatMap { try? $0.attributes.extensionRequest?.extensions } ?? raw.requestedExtensions
        if let sans = try? requested?.subjectAlternativeNames {
            names = sans.compactMap { if case .dnsName(let name) = $0 { return TerminalControls.visible(name) } else { return nil } }
        }
        if let parsed {
            fingerprint = try? PublicKeyFingerprint.sha256(parsed.publicKey)
            // A weak algorithm may not be verifiable at all: it is reported as weak, not as forged.
            if !weak {
                signatureValid = parsed.publicKey.isValidSignature(parsed.signature, for: parsed)
                if signatureValid == false {
                    findings.append(Finding(.error, "csr-signature-invalid", field: "csr.pem", Localized(
                        "CSR の署名が正しくありません (途中で書き換えられたか壊れています)",
                        "the CSR's signature does not verify: it was altered or damaged")))
                }
            }
            if let key, let fingerprint, let keyFingerprint = try? PublicKeyFingerprint.sha256(key.publicKey), keyFingerprint != fingerprint {
                findings.append(Finding(.error, "csr-key-mismatch", field: "csr.keyPath", Localized(
                    "この CSR は指定した鍵ファイルの鍵で作られていません", "this CSR was not made from the given key file")))
            }
        }

        // The procedure's own rules, on what the CSR really says.
        var draft = Draft(applicationType: current == nil ? .new : .renewal)
        draft.csr.commonName = subject["commonName"]
        draft.csr.organization = subject["organization"]
        draft.csr.organizationalUnit = subject["organizationalUnit"]
        draft.csr.locality = subject["locality"]
        draft.csr.state = subject["state"]
        draft.csr.country = subject["country"]
        draft.csr.subjectAltNames = names.isEmpty ? nil : names
        var fields = CSRRequest.subjectPaths
        if let current {
            draft.currentCertificate = CurrentCertificateReader.fields(of: current)
            fields.formUnion(["currentCertificate.notBefore", "currentCertificate.notAfter"])
        }
        if readSubject != nil { findings += Validator.findings(for: draft, fields: fields, today: today) }

        return CSRReport(subject: subject, subjectAltNames: names, keyType: keyType, keyBits: keyBits, signatureAlgorithm: signature,
                         signatureValid: signatureValid, publicKeyFingerprint: fingerprint, findings: findings)
    }

    /// The parser's reason in a few words (its errors print as long debug text).
    static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        return firstLine.count > 160 ? String(firstLine.prefix(160)) + "…" : firstLine
    }
}

/// The fields of `currentCertificate` read from a certificate.
public enum CurrentCertificateReader {
    public static func fields(of certificate: Certificate) -> CurrentCertificate {
        var current = CurrentCertificate()
        current.commonName = DistinguishedNameText.fields(of: certificate.subject)["commonName"]
        current.notBefore = day(certificate.notValidBefore)
        current.notAfter = day(certificate.notValidAfter)
        if let sans = try? certificate.extensions.subjectAlternativeNames {
            current.subjectAltNames = sans.compactMap { if case .dnsName(let name) = $0 { return TerminalControls.visible(name) } else { return nil } }
        }
        current.issuer = DistinguishedNameText.line(certificate.issuer)
        current.serialNumber = SerialNumberText.of(certificate.serialNumber)
        current.publicKeyFingerprint = try? PublicKeyFingerprint.sha256(certificate.publicKey)
        return current
    }

    /// What the draft records of a certificate read from `source`.
    public static func read(_ certificate: Certificate, source: String?, replacingCommonName: Bool) -> CertificateRead {
        var current = fields(of: certificate)
        current.source = source
        return CertificateRead(certificate: current, replacingCommonName: replacingCommonName,
                               subject: DistinguishedNameText.fields(of: certificate.subject))
    }

    /// The UTC day of an instant (certificates' dates are UTC).
    static func day(_ date: Date) -> CalendarDate {
        CalendarDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// A certificate from PEM (any wrapping) or DER.
    public static func certificate(from bytes: [UInt8]) -> Certificate? {
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            return PEMScanner.blocks(in: text).first { $0.label == "CERTIFICATE" }.flatMap { try? Certificate(derEncoded: $0.der) }
        }
        return try? Certificate(derEncoded: bytes)
    }
}
