import CertWizardCore
import CertWizardPKI
import Foundation
import Testing
import TestSupport
@testable import Issuers
import X509

/// The subject's values survive every trip certwiz makes them take: typed into the draft, made
/// into a key and CSR, read back and judged by the rules; signed by the demo CA, read back from
/// the certificate and filled into a renewal draft. Values are drawn from every character the
/// DN rules allow (all printable ASCII, the punctuation RFC 4514 escapes among them), with the
/// legal forms Japanese companies write and stray spaces around them. Seeded: a failure names
/// its case and comes back on every run.
@Suite struct FieldCharactersPropertyTests {
    static let today = CalendarDate(iso8601: "2026-11-24")!
    static let cases = 300

    /// The draft's value as certwiz puts it in a CSR: without surrounding white space.
    static func expected(_ value: String?) -> String? { value.nonBlank }

    @Test func everyValueTheRulesAllowComesBackFromTheCSRAndTheCertificateUnchanged() throws {
        var random = SeededGenerator(seed: 22)
        let ca = try DemoCA.openOrCreate(in: TemporaryFolder().path + "/demo-ca")
        let key = try GeneratedKey.make(.p256)  // one key: the property is about names, not keys
        for number in 0..<Self.cases {
            let values = SubjectCase.random(using: &random)
            var draft = completeDraft(.new)
            values.fill(&draft)
            let context = "case \(number): \(values)"

            // Draft -> key + CSR -> read back -> rules: the fresh CSR agrees with the fields.
            let subject = try #require(SubjectFields(draft: draft), "\(context)")
            let pem = try CSRMaker.pem(try CSRMaker.make(subject, key: key))
            let made = KeyMade(keyPath: "/keys/\(number).key", csrPath: "/keys/\(number).csr", csrPEM: pem,
                               publicKeyFingerprint: try PublicKeyFingerprint.sha256(key.privateKey.publicKey), keyType: .p256)
            draft = try made.applied(to: draft)
            let disagreements = DraftCheck.findings(for: draft, today: Self.today)
                .filter { ["csr-stale", "csr-subject-mismatch", "csr-unusable", "csr-unreadable"].contains($0.code) }
            #expect(disagreements.isEmpty, "\(context): \(disagreements.map(\.message.en))")
            let report = try CSRInspector.inspect(Array(pem.utf8), today: Self.today)
            for (name, value) in values.byCSRField {
                #expect(report.subject[name] == Self.expected(value), "\(context): the CSR's \(name)")
            }

            // Draft -> demo certificate -> read back: the same values, and a renewal draft filled
            // from the certificate holds them exactly.
            let csr = try CertificateSigningRequest(pemEncoded: pem)
            let certificate = try ca.issue(csr, organization: draft.csr.organization.nonBlank)
            let read = CurrentCertificateReader.read(certificate, source: "file", replacingCommonName: true)
            for (name, value) in values.byCSRField {
                #expect(read.subject[name] == Self.expected(value), "\(context): the certificate's \(name)")
            }
            #expect(read.certificate.commonName == Self.expected(values.commonName), "\(context)")
            var renewal = Draft(applicationType: .renewal)
            renewal = try read.applied(to: renewal)
            #expect(renewal.csr.organization == Self.expected(values.organization), "\(context)")
            #expect(renewal.csr.organizationalUnit == Self.expected(values.organizationalUnit), "\(context)")
            #expect(renewal.csr.locality == Self.expected(values.locality), "\(context)")
            #expect(renewal.csr.state == Self.expected(values.state), "\(context)")
            #expect(renewal.csr.commonName == Self.expected(values.commonName), "\(context)")
        }
    }

    /// Every applicant of the shared table, end to end through the files certwiz writes: the key
    /// and CSR on disk, the rules, and the demo certificate.
    @Test(arguments: Applicant.all)
    func everyRealisticApplicantMakesACSRTheRulesAccept(_ applicant: Applicant) throws {
        let folder = TemporaryFolder()
        var draft = completeDraft(.new, applicant: applicant)
        let made = try KeyAndCSR.make(try #require(SubjectFields(draft: draft)), keyType: .p256, in: folder.path, today: Self.today)
        draft = made.recorded(in: draft)
        let errors = DraftCheck.findings(for: draft, today: Self.today).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code): \($0.message.en)" })")
        let ca = try DemoCA.openOrCreate(in: folder.path + "/demo-ca")
        let certificate = try ca.issue(try CertificateSigningRequest(pemEncoded: made.csrPEM), organization: applicant.nameEn)
        let read = CurrentCertificateReader.read(certificate, source: nil, replacingCommonName: true).subject
        #expect(read == ["commonName": applicant.commonName, "organization": applicant.nameEn, "locality": applicant.locality,
                         "state": applicant.state, "country": "JP"])
        // openssl reads the same value (its own escaping aside): the DER holds the plain text.
        let text = try openssl(["req", "-in", made.csrPath, "-noout", "-subject", "-nameopt", "RFC2253,-esc_2253"], in: folder.path)
        #expect(text.output.contains("O=\(applicant.nameEn)"), "\(text.output)")
    }
}

/// One random subject: O, OU, L, ST from printable ASCII, a host name for the CN.
struct SubjectCase: CustomStringConvertible {
    var organization: String
    var organizationalUnit: String?
    var locality: String
    var state: String
    var commonName: String

    var byCSRField: [String: String?] {
        ["organization": organization, "organizationalUnit": organizationalUnit, "locality": locality, "state": state,
         "commonName": commonName]
    }

    var description: String {
        "O=\(organization.debugDescription) OU=\(organizationalUnit.debugDescription) L=\(locality.debugDescription) "
            + "ST=\(state.debugDescription) CN=\(commonName)"
    }

    func fill(_ draft: inout Draft) {
        draft.csr.organization = organization
        draft.csr.organizationalUnit = organizationalUnit
        draft.csr.locality = locality
        draft.csr.state = state
        draft.csr.commonName = commonName
        draft.csr.subjectAltNames = nil
    }

    /// Every printable ASCII character that is neither a letter, a digit nor a space.
    static let punctuation: [Character] = (0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }
        .filter { !$0.isLetter && !$0.isNumber }
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let legalForms = [" Co., Ltd.", " Co.,Ltd.", " K.K.", " Inc.", ", Inc.", " Corp.", " G.K.", ""]
    static let words = ["Mihon", "Shoji", "O'Reilly", "Tanaka", "Sons", "Kotobuki", "Foods", "Logistics", "Nippon", "Denki"]

    static func random(using random: inout SeededGenerator) -> SubjectCase {
        SubjectCase(organization: text(random: &random, legalForm: true),
                    organizationalUnit: Bool.random(using: &random) ? text(random: &random, legalForm: false) : nil,
                    locality: text(random: &random, legalForm: false), state: text(random: &random, legalForm: false),
                    commonName: hostName(random: &random))
    }

    /// Words with punctuation anywhere (first and last included), perhaps a legal form, perhaps
    /// spaces around: at most 64 characters, never blank.
    static func text(random: inout SeededGenerator, legalForm: Bool) -> String {
        var value = ""
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            if !value.isEmpty { value += Bool.random(using: &random) ? " " : String(punctuation.randomElement(using: &random)!) }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: value += String(punctuation.randomElement(using: &random)!) + words.randomElement(using: &random)!
            case 1: value += words.randomElement(using: &random)! + String(punctuation.randomElement(using: &random)!)
            case 2: value += String((0..<Int.random(in: 1...8, using: &random)).map { _ in letters.randomElement(using: &random)! })
            default: value += words.randomElement(using: &random)!
            }
        }
        if legalForm { value += legalForms.randomElement(using: &random)! }
        let spaces = ["", "", " ", "  "]
        value = spaces.randomElement(using: &random)! + String(value.prefix(60)) + spaces.randomElement(using: &random)!
        return value.nonBlank == nil ? "X" : value
    }

    static func hostName(random: inout SeededGenerator) -> String {
        let label = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        func part() -> String {
            let body = String((0..<Int.random(in: 1...10, using: &random)).map { _ in label.randomElement(using: &random)! })
            return Bool.random(using: &random) && body.count > 2 ? body.prefix(1) + "-" + body.dropFirst() : body
        }
        let prefix = Int.random(in: 0..<5, using: &random) == 0 ? "*." : ""
        return prefix + part() + "." + part() + ".example.co.jp"
    }
}
