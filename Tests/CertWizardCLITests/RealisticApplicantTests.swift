import CertWizardCore
import Foundation
import Testing
import TestSupport

/// The names Japanese companies register, through the commands an applicant runs: a key and CSR
/// made for the draft agree with it (validate and submit accept them), the demo issuer signs
/// them, and the certificate read back for a renewal fills the draft with the same values,
/// which `cert show` prints as they are.
@Suite struct RealisticApplicantTests {
    let cli = CertWizProcess()

    struct Report: Decodable { let findings: [Finding] }

    @Test(arguments: Applicant.all)
    func anApplicationIsSubmittedIssuedAndReadBackWithTheNameAsTyped(_ applicant: Applicant) throws {
        try cli.write(draftJSON(for: applicant), to: "site.json")
        let made = try cli.run("csr", "new", "--draft", "site")
        #expect(made.status == 0, "\(made.stderr)")
        let validate = try cli.run("validate", "--draft", "site", "--json", "--today", "2026-11-24")
        let findings = try JSONDecoder().decode(Report.self, from: Data(validate.stdout.utf8)).findings
        let errors = findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.code): \($0.message.en)" })")
        let submit = try cli.run("submit", "--draft", "site", "--today", "2026-11-24")
        #expect(submit.status == 0, "\(submit.stdout)\(submit.stderr)")
        let issued = try cli.run("demo", "advance", "--draft", "site", "--all", "--today", "2026-11-26")
        #expect(issued.status == 0, "\(issued.stdout)\(issued.stderr)")
        let draft = try DraftCodec.decode(Array(try cli.read("site.json").utf8))
        let certificate = try #require(draft.issuance.certificatePath)
        let names = try cli.openssl(["x509", "-in", certificate, "-noout", "-subject", "-nameopt", "multiline"]).output
        #expect(names.contains(applicant.opensslOrganizationLine), "\(names)")

        // cert show prints the value; read into a renewal draft, it fills the fields exactly.
        let shown = try cli.run("cert", "show", certificate, "--lang", "en")
        #expect(shown.status == 0 && shown.stdout.contains("organization: \(applicant.nameEn)\n"), "\(shown.stdout)")
        _ = try cli.run("new", "--type", "renewal", "next")
        let read = try cli.run("cert", "show", certificate, "--draft", "next")
        #expect(read.status == 0, "\(read.stderr)")
        let renewal = try DraftCodec.decode(Array(try cli.read("next.json").utf8))
        #expect(renewal.csr.organization == applicant.nameEn)
        #expect(renewal.csr.locality == applicant.locality && renewal.csr.state == applicant.state && renewal.csr.country == "JP")
        #expect(renewal.csr.commonName == applicant.commonName)
    }

    /// A CSR made elsewhere (openssl, as the hosting company would) with the same subject
    /// matches the draft: no mismatch from the way openssl or certwiz would escape it.
    @Test(arguments: Applicant.all)
    func aCSRMadeByOpenSSLForTheSameSubjectMatches(_ applicant: Applicant) throws {
        try cli.openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "o.key",
                         "-out", "o.csr", "-subj", applicant.opensslSubject, "-utf8"])
        try cli.write(draftJSON(for: applicant).replacingOccurrences(of: #""origin": "generateHere", "keyType": "p256""#,
                                                                      with: #""origin": "existing""#), to: "o.json")
        #expect(try cli.run("set", "--draft", "o", "csr.file=" + cli.home + "/o.csr").status == 0)
        let pem = try String(contentsOfFile: cli.home + "/o.csr", encoding: .utf8)
        #expect(try cli.run("set", "--draft", "o", "csr.pem=" + pem).status == 0)
        let validate = try cli.run("validate", "--draft", "o", "--json", "--today", "2026-11-24")
        let codes = try JSONDecoder().decode(Report.self, from: Data(validate.stdout.utf8)).findings.map(\.code)
        #expect(!codes.contains("csr-subject-mismatch") && !codes.contains("csr-unusable"), "\(codes) \(validate.stdout)")
        let check = try cli.run("csr", "check", cli.home + "/o.csr", "--lang", "en")
        #expect(check.stdout.contains("organization: \(applicant.nameEn)\n"), "\(check.stdout)")
    }
}
