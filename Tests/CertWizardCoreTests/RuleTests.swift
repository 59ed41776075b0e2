import Testing
import TestSupport
@testable import CertWizardCore

@Suite struct RuleTests {
    @Test(arguments: [ApplicationType.new, .renewal, .reissue])
    func aCompleteDraftHasNoErrorsOnceItsCSRIsMade(_ type: ApplicationType) {
        var draft = completeDraft(type)
        // "Make the key and CSR here" without a CSR yet: step 1-2 is not done, and says why.
        let before = findings(draft).filter { $0.severity == .error }
        #expect(before.map(\.code) == ["csr-missing"] && before.first?.field == "csr.pem", "\(before.map(\.code))")
        #expect(ProcedureStep.current(for: draft, findings: findings(draft)) == .csr)
        draft.csr.pem = "-----BEGIN CERTIFICATE REQUEST-----\n…\n-----END CERTIFICATE REQUEST-----"
        let errors = findings(draft).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.code))")
        // A CSR brought from elsewhere is the other rule's business.
        draft.csr.origin = .existing
        draft.csr.pem = nil
        #expect(findings(draft).filter { $0.severity == .error }.map(\.code) == ["csr-pem-missing"])
    }

    @Test func everyFindingNamesAFieldAndSpeaksBothLanguages() {
        let all = findings(Draft())
        #expect(all.count > 20)
        for f in all {
            #expect(DraftSchema.field(f.field) != nil, "\(f.code) names \(f.field)")
            #expect(!f.message.ja.isEmpty && !f.message.en.isEmpty && f.message.ja != f.message.en)
        }
    }

    @Test func aMissingFieldIsNamedByItsOwnLabel() {
        // The messages are made once per requirement: each must still name its own field.
        let missing = findings(Draft()).filter { $0.message.en.hasSuffix(": not filled in") }
        #expect(missing.count > 15)
        for f in missing {
            let label = FieldLabels.label(f.field)
            #expect(f.message.en == "\(label.en): not filled in" && f.message.ja == "\(label.ja): 未入力です", "\(f.code)")
        }
    }

    // MARK: Common Name

    @Test func cnMissing() {
        var d = completeDraft()
        d.csr.commonName = "  "
        #expect(finding("cn-missing", in: d)?.field == "csr.commonName")
    }

    @Test(arguments: ["www example.co.jp", "www_1.example.co.jp", "localhost", "192.0.2.10", "2001:db8::1",
                      "www.example.co.jp.", "a..example.co.jp", "-www.example.co.jp", "www.*.example.co.jp",
                      "ウェブ.example.co.jp", "www.example.123"])
    func cnNotFQDN(_ cn: String) {
        var d = completeDraft()
        d.csr.commonName = cn
        d.csr.subjectAltNames = nil
        #expect(codes(d).contains("cn-not-fqdn"), "\(cn)")
    }

    @Test(arguments: ["www.example.co.jp", "*.example.co.jp", "xn--eckwd4c7c.xn--zckzah", "a-b.example.com"])
    func cnAccepted(_ cn: String) {
        var d = completeDraft()
        d.csr.commonName = cn
        d.csr.subjectAltNames = nil
        #expect(!codes(d).contains("cn-not-fqdn"), "\(cn)")
    }

    @Test func aSpaceIsNamedRatherThanTheLabelCount() {
        #expect(HostName.problem("www example")?.en.contains("a space") == true)
        #expect(HostName.problem("localhost")?.en.contains("single label") == true)
    }

    @Test func labelOf63IsAcceptedAnd64IsNot() {
        let label63 = String(repeating: "a", count: 63)
        #expect(HostName.problem("\(label63).example.jp") == nil)
        #expect(HostName.problem("\(label63)a.example.jp") != nil)
    }

    @Test func nameOf253IsAcceptedAnd254IsNot() {
        let exact253 = ["a", "b", "c"].map { String(repeating: $0, count: 63) }.joined(separator: ".")
            + "." + String(repeating: "d", count: 61)
        #expect(exact253.count == 253)
        #expect(HostName.problem(exact253) == nil)
        #expect(HostName.problem("e" + exact253) != nil)
    }

    @Test func cnLongerThan64IsTooLongForTheCertificate() {
        var d = completeDraft()
        d.csr.commonName = String(repeating: "a", count: 50) + ".example.co.jp"  // 64
        d.csr.subjectAltNames = nil
        #expect(!codes(d).contains("cn-too-long"))
        d.csr.commonName = "b" + d.csr.commonName!
        #expect(codes(d).contains("cn-too-long"))
    }

    @Test func renewalKeepsExactlyTheSameCN() {
        var d = completeDraft(.renewal)
        #expect(!codes(d).contains("cn-mismatch-renewal"))
        d.csr.commonName = "shop.example.co.jp"
        d.csr.subjectAltNames = nil
        let f = finding("cn-mismatch-renewal", in: d)
        #expect(f?.severity == .error && f?.field == "csr.commonName")
        #expect(f?.message.en.contains("www.example.co.jp") == true)
        d.csr.commonName = "WWW.example.co.jp"
        #expect(codes(d).contains("cn-mismatch-renewal"))
        // The same change on a new application is not a renewal mismatch.
        var n = completeDraft(.new)
        n.currentCertificate.commonName = "other.example.co.jp"
        #expect(!codes(n).contains("cn-mismatch-renewal"))
    }

    // MARK: Organization and the rest of the DN

    @Test func organizationMustBeEnglish() {
        var d = completeDraft()
        d.csr.organization = "サンプル株式会社"
        let f = finding("organization-not-english", in: d)
        #expect(f?.severity == .error && f?.field == "csr.organization")
        d.csr.organization = "Sample　K.K."  // full-width space
        #expect(codes(d).contains("organization-not-english"))
    }

    @Test(arguments: ["Sample K.K.", "Sample Co., Ltd.", "Sample Co.,Ltd.", "Sample Inc.", "Sample Corp.", "Sample LLC",
                      "Sample G.K.", "Sample Kabushiki Kaisha", "Sample Corporation", "Sample Limited"])
    func legalFormsAreRecognized(_ o: String) {
        #expect(LegalForm.isPresent(in: o), "\(o)")
    }

    @Test func legalFormMissingIsAWarning() {
        var d = completeDraft()
        d.organization.nameEn = "Sample"
        d.csr.organization = "Sample"
        let f = finding("organization-legal-form-missing", in: d)
        #expect(f?.severity == .warning)
        #expect(!codes(completeDraft()).contains("organization-legal-form-missing"))
    }

    @Test func localityAndStateAreRequired() {
        var d = completeDraft()
        d.csr.locality = nil
        d.csr.state = ""
        #expect(finding("locality-missing", in: d)?.field == "csr.locality")
        #expect(finding("state-missing", in: d)?.field == "csr.state")
    }

    @Test(arguments: ["jp", "JPN", "XX", "UK", "J", "", "ＪＰ"])
    func countryInvalid(_ c: String) {
        var d = completeDraft()
        d.csr.country = c
        #expect(finding("country-invalid", in: d)?.severity == .error, "\(c)")
    }

    @Test(arguments: ["JP", "US", "GB", "DE"])
    func countryAccepted(_ c: String) {
        var d = completeDraft()
        d.csr.country = c
        #expect(!codes(d).contains("country-invalid"))
    }

    @Test func stateShouldBeAPrefectureInJapan() {
        var d = completeDraft()
        d.csr.state = "Kanto"
        #expect(finding("state-not-prefecture", in: d)?.severity == .warning)
        for name in ["Tokyo", "tokyo-to", "Osaka Prefecture", "Hyougo"] {
            d.csr.state = name
            #expect(!codes(d).contains("state-not-prefecture"), "\(name)")
        }
        d.csr.state = "東京都"
        #expect(codes(d).contains("state-not-english"))
    }

    @Test func ouIsDeprecated() {
        var d = completeDraft()
        #expect(!codes(d).contains("ou-deprecated"))
        d.csr.organizationalUnit = "Web Sales"
        #expect(finding("ou-deprecated", in: d)?.severity == .warning)
    }

    @Test func sanShouldContainTheCN() {
        var d = completeDraft()
        d.csr.subjectAltNames = ["example.co.jp"]
        #expect(finding("san-missing-cn", in: d)?.severity == .warning)
        d.csr.subjectAltNames = ["example.co.jp", "WWW.example.co.jp"]
        #expect(!codes(d).contains("san-missing-cn"))
        d.csr.subjectAltNames = ["bad name.example.co.jp", "www.example.co.jp", "www.example.co.jp"]
        #expect(codes(d).isSuperset(of: ["san-not-fqdn", "san-duplicate"]))
    }

    // MARK: Contacts

    @Test(arguments: ["taro", "taro@", "@example.co.jp", "taro@@example.co.jp", "taro@example", "taro..y@example.co.jp",
                      "taro@example.co.jp.", "taro＠example.co.jp", "山田@example.co.jp", "taro y@example.co.jp"])
    func emailInvalid(_ address: String) {
        var d = completeDraft()
        d.applicantInCharge.email = address
        #expect(finding("email-invalid", in: d)?.field == "applicantInCharge.email", "\(address)")
    }

    @Test(arguments: ["taro@example.co.jp", "taro.yamada+cert@mail.example.com", "t_y@sub.example.jp"])
    func emailAccepted(_ address: String) {
        #expect(EmailAddress.problem(address) == nil)
    }

    @Test(arguments: ["03-1234-567", "3-1234-5678", "090-1234-567", "０３-１２３４-５６７８", "03-1234-5678 ext 5",
                      "+81 03 1234 5678", "+1 234", "0012345678", "abc"])
    func phoneInvalid(_ number: String) {
        var d = completeDraft()
        d.technicalContact.phone = number
        #expect(finding("phone-invalid", in: d)?.field == "technicalContact.phone", "\(number)")
    }

    @Test(arguments: ["03-1234-5678", "0312345678", "090-1234-5678", "0120-123-456", "050 1234 5678", "(03) 1234-5678",
                      "+81 3 1234 5678", "+81-90-1234-5678", "+1 212 555 0100", "+44 20 7946 0958"])
    func phoneAccepted(_ number: String) {
        #expect(PhoneNumber.problem(number) == nil, "\(number)")
    }

    @Test func applicantMustBeAFullTimeEmployee() {
        var d = completeDraft()
        d.applicantInCharge.fullTimeEmployee = false
        #expect(finding("applicant-not-employee", in: d)?.severity == .error)
        d.applicantInCharge.fullTimeEmployee = nil
        #expect(!codes(d).contains("applicant-not-employee"))
        #expect(codes(d).contains("applicant-employment-missing"))
    }

    // MARK: Organization

    @Test(arguments: ["7000012050002", "2021001052596"])
    func corporateNumberAccepted(_ number: String) {
        #expect(CorporateNumber.problem(number) == nil, "\(number)")
    }

    @Test(arguments: ["8000012050002", "700001205000", "70000120500021", "7000-01-2050002", "７０００１２０５０００２", "700001205000A"])
    func corporateNumberInvalid(_ number: String) {
        var d = completeDraft()
        d.organization.corporateNumber = number
        #expect(finding("corporate-number-invalid", in: d)?.field == "organization.corporateNumber", "\(number)")
    }

    @Test func unlistedOrganizationsNeedTheRegisteredDetails() {
        var d = completeDraft()
        d.organization.listedInDuns = false
        d.organization.listedInITownPage = false
        d.organization.corporateNumber = nil
        d.organization.address = nil
        #expect(codes(d).isSuperset(of: ["corporate-number-missing", "address-missing", "representative-phone-unregistered"]))
        d.organization.listedInITownPage = true
        #expect(codes(d).isDisjoint(with: ["corporate-number-missing", "address-missing", "representative-phone-unregistered"]))
    }

    // MARK: Payment

    @Test func deferredPaymentIsForRenewalsOnly() {
        var d = completeDraft(.new)
        d.payment.deferred = true
        #expect(finding("deferred-payment-renewal-only", in: d)?.severity == .error)
        d.applicationType = .reissue
        #expect(codes(d).contains("deferred-payment-renewal-only"))
        var r = completeDraft(.renewal)
        r.payment.deferred = true
        #expect(!codes(r).contains("deferred-payment-renewal-only"))
    }

    @Test func plannedTransferDate() {
        var d = completeDraft()
        d.payment.plannedDate = date("2026-11-23")  // yesterday
        #expect(finding("payment-date-past", in: d)?.severity == .warning)
        d.payment.plannedDate = date("2026-12-30")  // year-end break
        #expect(finding("payment-date-not-business-day", in: d)?.message.en.contains("2027-01-04") == true)
        d.payment.plannedDate = nil
        #expect(codes(d).contains("payment-date-missing"))
        d.payment.method = .coupon
        #expect(!codes(d).contains("payment-date-missing"))
        #expect(codes(d).contains("coupon-missing"))
    }

    // MARK: Renewal window

    @Test func renewalOpens30DaysAfterIssue() {
        var d = completeDraft(.renewal)
        d.currentCertificate.notBefore = date("2026-10-25")
        d.currentCertificate.notAfter = date("2027-10-24")
        #expect(codes(d, on: date("2026-11-23")).contains("renewal-too-early"))   // day 29
        #expect(!codes(d, on: date("2026-11-24")).contains("renewal-too-early"))  // day 30
    }

    @Test func renewalCloses89DaysAfterExpiry() {
        var d = completeDraft(.renewal)
        d.currentCertificate.notBefore = date("2025-08-01")
        d.currentCertificate.notAfter = date("2026-08-27")
        let day89 = date("2026-08-27").adding(days: 89)
        #expect(!codes(d, on: day89).contains("renewal-too-late"))
        #expect(codes(d, on: day89).contains("current-certificate-expired"))
        let late = finding("renewal-too-late", in: d, on: day89.adding(days: 1))
        #expect(late?.severity == .error && late?.field == "currentCertificate.notAfter")
    }

    @Test func reissueIsFreeFor25Days() {
        var d = completeDraft(.reissue)
        d.reissue.originalIssuedOn = date("2026-10-30")
        #expect(codes(d, on: date("2026-11-24")).contains("reissue-free-period"))  // day 25
        let over = finding("reissue-free-period-over", in: d, on: date("2026-11-25"))  // day 26
        #expect(over?.severity == .info)
        // Falls back to the current certificate's issue date.
        d.reissue.originalIssuedOn = nil
        d.currentCertificate.notBefore = date("2026-10-01")
        #expect(codes(d).contains("reissue-free-period-over"))
    }

    // MARK: Domain check

    func withApprover(_ address: String, cn: String = "www.example.co.jp", source: ApproverSource? = nil) -> Draft {
        var d = completeDraft()
        d.csr.commonName = cn
        d.csr.subjectAltNames = nil
        d.domainCheck.whoisMatches = false
        d.domainCheck.method = .approverEmail
        d.domainCheck.approverEmail = address
        d.domainCheck.approverSource = source
        return d
    }

    @Test(arguments: ["admin@example.co.jp", "administrator@example.co.jp", "webmaster@www.example.co.jp",
                      "hostmaster@example.co.jp", "POSTMASTER@Example.co.jp"])
    func approverAllowed(_ address: String) {
        #expect(!codes(withApprover(address)).contains("approver-email-not-allowed"), "\(address)")
    }

    @Test(arguments: ["info@example.co.jp", "admin@co.jp", "admin@ne.jp", "admin@example.com", "admin@other.co.jp",
                      "admin@ample.co.jp"])
    func approverNotAllowed(_ address: String) {
        #expect(finding("approver-email-not-allowed", in: withApprover(address))?.field == "domainCheck.approverEmail", "\(address)")
    }

    @Test func anApproverThatIsNoAddressAtAllIsReportedAsSuch() {
        #expect(finding("email-invalid", in: withApprover("admin@jp"))?.field == "domainCheck.approverEmail")
    }

    @Test func approverForAWildcardAndAPrefecturalDomain() {
        #expect(!codes(withApprover("admin@example.co.jp", cn: "*.example.co.jp")).contains("approver-email-not-allowed"))
        #expect(codes(withApprover("admin@tokyo.jp", cn: "www.city.tokyo.jp")).contains("approver-email-not-allowed"))
        #expect(ApproverAddresses.all(for: "*.shop.example.co.jp").first == "admin@shop.example.co.jp")
        #expect(ApproverAddresses.domains(for: "www.example.co.jp") == ["www.example.co.jp", "example.co.jp"])
    }

    @Test func whoisContactsWereRetired() {
        let d = withApprover("registrant@somewhere.example", source: .whoisRegistrant)
        #expect(finding("whois-email-retired", in: d)?.severity == .warning)
        #expect(!codes(d).contains("approver-email-not-allowed"))
    }

    @Test func approverPathNeedsAnAddress() {
        let d = withApprover("")
        #expect(codes(d).contains("approver-email-missing"))
    }

    @Test func technicalContactStandsInOnlyWhenEmployed() {
        var d = completeDraft()
        d.phoneVerification.alternative = .technicalContact
        #expect(!codes(d).contains("phone-alternative-not-allowed"))
        d.technicalContact.belongsToApplicant = false
        #expect(codes(d).contains("phone-alternative-not-allowed"))
    }

    @Test func theStepIsTheFirstWithAnError() {
        var d = completeDraft()
        d.csr.pem = "-----BEGIN CERTIFICATE REQUEST-----\n…\n-----END CERTIFICATE REQUEST-----"
        #expect(ProcedureStep.current(for: d, findings: findings(d)) == .application)
        d.applicantInCharge.email = "bad"
        #expect(ProcedureStep.current(for: d, findings: findings(d)) == .contacts)
        d.csr.commonName = nil
        #expect(ProcedureStep.current(for: d, findings: findings(d)) == .csr)
    }
}
