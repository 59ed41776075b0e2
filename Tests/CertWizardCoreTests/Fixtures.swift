@testable import CertWizardCore

/// A new application with every field the rules need, valid as of `today`.
func completeDraft(_ type: ApplicationType = .new) -> Draft {
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

let today = date("2026-11-24")

func date(_ text: String) -> CalendarDate { CalendarDate(iso8601: text)! }

func findings(_ draft: Draft, on day: CalendarDate = today) -> [Finding] {
    Validator.findings(for: draft, today: day)
}

func codes(_ draft: Draft, on day: CalendarDate = today) -> Set<String> {
    Set(findings(draft, on: day).map(\.code))
}

func finding(_ code: String, in draft: Draft, on day: CalendarDate = today) -> Finding? {
    findings(draft, on: day).first { $0.code == code }
}
