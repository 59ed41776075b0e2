/// 4: who the issuer calls, and which alternatives the procedure allows.
enum PhoneVerificationRules {
    static let technicalContactAlternative = Rule(codes: ["phone-alternative-not-allowed"]) { context in
        let draft = context.draft
        guard draft.phoneVerification.alternative == .technicalContact || draft.phoneVerification.callee == .technicalContact,
              draft.technicalContact.belongsToApplicant != true else { return [] }
        return [Finding(.error, "phone-alternative-not-allowed", field: "phoneVerification.alternative", Localized(
            "技術担当者による代替の電話確認は、技術担当者が申請団体に所属する場合だけです。在籍証明書を用意してください",
            "The technical contact can stand in for the phone call only when they belong to the applicant organization; prepare an employment certificate instead"))]
    }

    static let all: [Rule] = [technicalContactAlternative]
}
