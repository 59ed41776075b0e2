import CertWizardCore

// The sample drafts the test targets share. Golden screens and expectations depend on their
// values: change one only together with what it shows.

/// A new application with every field the rules need, valid as of `today`.
public func completeDraft(_ type: ApplicationType = .new) -> Draft {
    var d = Draft(applicationType: type)
    d.organization.nameJa = "サンプル株式会社"
    d.organization.nameEn = "Sample K.K."
    d.organization.corporateNumber = "7000012050002"
    d.organization.address = "東京都中央区銀座1-1-1"
    d.organization.phone = "03-1234-5678"
    d.organization.listedInDuns = true
    d.csr.commonName = "www.example.co.jp"
    d.csr.organization = "Sample K.K."
    d.csr.locality = "Chuo-ku"
    d.csr.state = "Tokyo"
    d.csr.country = "JP"
    d.csr.subjectAltNames = ["www.example.co.jp", "example.co.jp"]
    d.csr.origin = .generateHere
    d.csr.keyType = .rsa2048
    d.csr.serverSoftware = .nginx
    d.applicantInCharge.name = "山田 太郎"
    d.applicantInCharge.email = "yamada@example.co.jp"
    d.applicantInCharge.phone = "03-1234-5679"
    d.applicantInCharge.fullTimeEmployee = true
    d.technicalContact.company = "サンプル株式会社"
    d.technicalContact.name = "鈴木 花子"
    d.technicalContact.email = "suzuki@example.co.jp"
    d.technicalContact.phone = "090-1234-5678"
    d.technicalContact.belongsToApplicant = true
    d.order.product = .secure
    d.order.licenses = 1
    d.payment.method = .bankTransfer
    d.payment.plannedDate = date("2026-11-30")
    if type == .renewal {
        d.currentCertificate.commonName = "www.example.co.jp"
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
public func sampleDraft(_ type: ApplicationType = .renewal) -> Draft {
    // `completeDraft` as the wizard's screens were first drawn with: no registered details
    // (the organization is listed), P-256, the Global product, and a current certificate
    // for every kind but a new application.
    var d = completeDraft(type == .reissue ? .renewal : type)
    d.applicationType = type
    d.organization.corporateNumber = nil
    d.organization.address = nil
    d.organization.listedInITownPage = true
    d.csr.keyType = .p256
    d.order.product = .global
    return d
}

/// A valid new application as JSON, as a user would write it by hand.
public let validDraftJSON = #"""
{
  "applicationType": "new",
  "organization": {"nameJa": "サンプル株式会社", "nameEn": "Sample K.K.", "phone": "03-1234-5678", "listedInDuns": true},
  "csr": {"commonName": "www.example.co.jp", "organization": "Sample K.K.", "locality": "Chuo-ku", "state": "Tokyo",
          "country": "JP", "origin": "generateHere", "keyType": "p256", "serverSoftware": "nginx"},
  "applicantInCharge": {"name": "山田 太郎", "email": "yamada@example.co.jp", "phone": "03-1234-5679", "fullTimeEmployee": true},
  "technicalContact": {"company": "サンプル株式会社", "name": "鈴木 花子", "email": "suzuki@example.co.jp",
                       "phone": "090-1234-5678", "belongsToApplicant": true},
  "order": {"product": "secure", "licenses": 1},
  "payment": {"method": "bankTransfer", "plannedDate": "2026-11-30"}
}
"""#

