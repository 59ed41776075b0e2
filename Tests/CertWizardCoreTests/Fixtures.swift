import TestSupport
@testable import CertWizardCore

let today = date("2026-11-24")


func findings(_ draft: Draft, on day: CalendarDate = today) -> [Finding] {
    Validator.findings(for: draft, today: day)
}

func codes(_ draft: Draft, on day: CalendarDate = today) -> Set<String> {
    Set(findings(draft, on: day).map(\.code))
}

func finding(_ code: String, in draft: Draft, on day: CalendarDate = today) -> Finding? {
    findings(draft, on: day).first { $0.code == code }
}
