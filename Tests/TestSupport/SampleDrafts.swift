import Foundation
import CertWizardCore

// The sample drafts the test targets share. Golden screens and expectations depend on their
// values: change one only together with what it shows.

/// A new application with every field the rules need, valid as of `today`, for `applicant`.
public func completeDraft(_ type: ApplicationType = .new, applicant: Applicant = .sample) -> Draft {
    var d = Draft(applicationType: type)
    d.organization.nameJa = applicant.nameJa
    d.organization.nameEn = applicant.nameEn
    d.organization.corporateNumber = "7000012050002"
    d.organization.address = applicant.address
    d.organization.phone = "03-1234-5678"
    d.organization.listedInDuns = true
    d.csr.commonName = applicant.commonName
    d.csr.organization = applicant.nameEn
    d.csr.locality = applicant.locality
    d.csr.state = applicant.state
    d.csr.country = "JP"
    d.csr.subjectAltNames = [applicant.commonName] + applicant.otherNames
    d.csr.origin = .generateHere
    d.csr.keyType = .rsa2048
    d.csr.serverSoftware = .nginx
    d.applicantInCharge.name = "山田 太郎"
    d.applicantInCharge.email = "yamada@example.co.jp"
    d.applicantInCharge.phone = "03-1234-5679"
    d.applicantInCharge.fullTimeEmployee = true
    d.technicalContact.company = applicant.nameJa
    d.technicalContact.name = "鈴木 花子"
    d.technicalContact.email = "suzuki@example.co.jp"
    d.technicalContact.phone = "090-1234-5678"
    d.technicalContact.belongsToApplicant = true
    d.order.product = .secure
    d.order.licenses = 1
    d.payment.method = .bankTransfer
    d.payment.plannedDate = date("2026-11-30")
    if type == .renewal {
        d.currentCertificate.commonName = applicant.commonName
        d.currentCertificate.notBefore = date("2026-01-10")
        d.currentCertificate.notAfter = date("2027-01-09")
    }
    if type == .reissue {
        d.reissue.reason = .keyLost
        d.reissue.originalIssuedOn = date("2026-11-10")
    }
    return d
}

/// A date from its ISO 8601 text (tests only: a typo fails loudly).
public func date(_ text: String) -> CalendarDate { CalendarDate(iso8601: text)! }

/// A renewal with every field filled and valid as of 2026-11-24.
public func sampleDraft(_ type: ApplicationType = .renewal, applicant: Applicant = .sample) -> Draft {
    // `completeDraft` as the wizard's screens were first drawn with: no registered details
    // (the organization is listed), P-256, the Global product, and a current certificate
    // for every kind but a new application.
    var d = completeDraft(type == .reissue ? .renewal : type, applicant: applicant)
    d.applicationType = type
    d.organization.corporateNumber = nil
    d.organization.address = nil
    d.organization.listedInITownPage = true
    d.csr.keyType = .p256
    d.order.product = .global
    return d
}

/// A valid new application as JSON, as a user would write it by hand.
public let validDraftJSON = draftJSON(for: .sample)

/// A valid new application for `applicant` as JSON, laid out as a user would write it by hand.
public func draftJSON(for applicant: Applicant) -> String {
    /// A JSON string literal: quotes and backslashes escaped, as a user's editor would.
    func json(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    return """
    {
      "applicationType": "new",
      "organization": {"nameJa": \(json(applicant.nameJa)), "nameEn": \(json(applicant.nameEn)), "phone": "03-1234-5678", "listedInDuns": true},
      "csr": {"commonName": \(json(applicant.commonName)), "organization": \(json(applicant.nameEn)), "locality": \(json(applicant.locality)),
              "state": \(json(applicant.state)), "country": "JP", "origin": "generateHere", "keyType": "p256", "serverSoftware": "nginx"},
      "applicantInCharge": {"name": "山田 太郎", "email": "yamada@example.co.jp", "phone": "03-1234-5679", "fullTimeEmployee": true},
      "technicalContact": {"company": \(json(applicant.nameJa)), "name": "鈴木 花子", "email": "suzuki@example.co.jp",
                           "phone": "090-1234-5678", "belongsToApplicant": true},
      "order": {"product": "secure", "licenses": 1},
      "payment": {"method": "bankTransfer", "plannedDate": "2026-11-30"}
    }
    """
}

