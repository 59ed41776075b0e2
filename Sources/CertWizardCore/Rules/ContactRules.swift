/// 1-3: the applicant-in-charge and the technical contact.
enum ContactRules {
    static func email(_ path: String, _ value: @escaping @Sendable (Draft) -> String?) -> Rule {
        Rule(codes: ["email-invalid"]) { context in
            guard let address = value(context.draft).nonBlank, let reason = EmailAddress.problem(address) else { return [] }
            let label = FieldLabels.label(path)
            return [Finding(.error, "email-invalid", field: path,
                            Localized("\(label.ja)「\(address)」: \(reason.ja)", "\(label.en) '\(address)' \(reason.en)"))]
        }
    }

    static func phone(_ path: String, _ value: @escaping @Sendable (Draft) -> String?) -> Rule {
        Rule(codes: ["phone-invalid"]) { context in
            guard let number = value(context.draft).nonBlank, let reason = PhoneNumber.problem(number) else { return [] }
            let label = FieldLabels.label(path)
            return [Finding(.error, "phone-invalid", field: path,
                            Localized("\(label.ja)「\(number)」: \(reason.ja)", "\(label.en) '\(number)' \(reason.en)"))]
        }
    }

    static let employee = Rule(codes: ["applicant-not-employee"]) { context in
        guard context.draft.applicantInCharge.fullTimeEmployee == false else { return [] }
        return [Finding(.error, "applicant-not-employee", field: "applicantInCharge.fullTimeEmployee", Localized(
            "申請責任者は申請団体の正社員・正職員でなければなりません。発行元が在籍を電話で確認します",
            "The applicant-in-charge must be a full-time employee of the applicant organization; the issuer confirms employment by phone"))]
    }

    static let all: [Rule] = [
        email("applicantInCharge.email") { $0.applicantInCharge.email },
        phone("applicantInCharge.phone") { $0.applicantInCharge.phone },
        employee,
        email("technicalContact.email") { $0.technicalContact.email },
        phone("technicalContact.phone") { $0.technicalContact.phone },
    ]
}
