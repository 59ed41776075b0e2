/// 1-1 and N step 2: the applicant organization and how the issuer will find it.
enum OrganizationRules {
    static let corporateNumber = Rule(codes: ["corporate-number-invalid"]) { context in
        guard let number = context.draft.organization.corporateNumber.nonBlank,
              let reason = CorporateNumber.problem(number) else { return [] }
        return [Finding(.error, "corporate-number-invalid", field: "organization.corporateNumber",
                        Localized("法人番号「\(number)」: \(reason.ja)", "Corporate number '\(number)' \(reason.en)"))]
    }

    static let representativePhone = Rule(codes: ["representative-phone-unregistered"]) { context in
        guard RequiredFieldRules.unlisted(context.draft) else { return [] }
        return [Finding(.warning, "representative-phone-unregistered", field: "organization.phone", Localized(
            "DUNS にも iタウンページにも登録がありません。発行元は登録された代表電話番号に電話します。先に登録してください (反映まで 1 か月ほどかかることがあります)。登録できない場合は弁護士の意見書が必要です",
            "The organization is in neither DUNS nor iTownPage. The issuer calls the representative number listed there: register it first (it can take about a month to appear); if that is impossible, a lawyer's opinion letter is required"))]
    }

    /// O should be the official English name; a different spelling fails the organization check.
    static let englishNameMatches = Rule(codes: ["organization-name-mismatch"]) { context in
        guard let official = context.draft.organization.nameEn.nonBlank,
              let o = context.draft.csr.organization.nonBlank,
              official.lowercased() != o.lowercased() else { return [] }
        return [Finding(.warning, "organization-name-mismatch", field: "csr.organization", Localized(
            "組織名 (O)「\(o)」が申請団体の英語名「\(official)」と違います。正式な英文名に揃えてください",
            "Organization (O) '\(o)' differs from the organization's English name '\(official)'; use the official English name in both"))]
    }

    static let all: [Rule] = [
        corporateNumber,
        ContactRules.phone("organization.phone") { $0.organization.phone },
        representativePhone,
        englishNameMatches,
    ]
}
