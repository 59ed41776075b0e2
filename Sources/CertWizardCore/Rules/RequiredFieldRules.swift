/// Fields the procedure needs before the application can go on. Each is an error
/// while empty, and only where the procedure asks for it (the current certificate
/// only on renewal, the approver only for the e-mail path ...).
enum RequiredFieldRules {
    struct Requirement: Sendable {
        let path: String
        let code: String
        /// Whether the field is asked for, on the day the draft is judged.
        let appliesWhen: @Sendable (Draft, CalendarDate) -> Bool
        let isEmpty: @Sendable (Draft) -> Bool
        /// Made once: the rules run at every keystroke, and building ~20 of these each time was
        /// a sixth of a keystroke's work.
        let missing: Localized

        init(path: String, code: String, appliesWhen: @escaping @Sendable (Draft, CalendarDate) -> Bool,
             isEmpty: @escaping @Sendable (Draft) -> Bool) {
            self.path = path
            self.code = code
            self.appliesWhen = appliesWhen
            self.isEmpty = isEmpty
            let label = FieldLabels.label(path)
            missing = Localized(label.ja + ": 未入力です", label.en + ": not filled in")
        }
    }

    static func text(_ path: String, _ code: String, when: @escaping @Sendable (Draft) -> Bool = { _ in true },
                     _ value: @escaping @Sendable (Draft) -> String?) -> Requirement {
        Requirement(path: path, code: code, appliesWhen: { draft, _ in when(draft) }, isEmpty: { value($0).nonBlank == nil })
    }

    static func answer<T>(_ path: String, _ code: String, when: @escaping @Sendable (Draft) -> Bool = { _ in true },
                          _ value: @escaping @Sendable (Draft) -> T?) -> Requirement {
        answer(path, code, whenOn: { draft, _ in when(draft) }, value)
    }

    /// A requirement that depends on the day as well (a free reissue's window).
    static func answer<T>(_ path: String, _ code: String, whenOn: @escaping @Sendable (Draft, CalendarDate) -> Bool,
                          _ value: @escaping @Sendable (Draft) -> T?) -> Requirement {
        Requirement(path: path, code: code, appliesWhen: whenOn, isEmpty: { value($0) == nil })
    }

    static let unlisted: @Sendable (Draft) -> Bool = {
        $0.organization.listedInDuns == false && $0.organization.listedInITownPage == false
    }
    static let isRenewal: @Sendable (Draft) -> Bool = { $0.applicationType == .renewal }
    static let isReissue: @Sendable (Draft) -> Bool = { $0.applicationType == .reissue }

    static func isFreeReissue(_ draft: Draft, today: CalendarDate) -> Bool {
        guard draft.applicationType == .reissue, let original = draft.reissue.originalIssuedOn ?? draft.currentCertificate.notBefore else { return false }
        return ReissueTerms(originalIssuedOn: original, today: today).isFree
    }

    static let requirements: [Requirement] = [
        answer("applicationType", "application-type-missing") { $0.applicationType },
        text("organization.nameJa", "organization-name-ja-missing") { $0.organization.nameJa },
        text("organization.nameEn", "organization-name-en-missing") { $0.organization.nameEn },
        text("organization.phone", "organization-phone-missing") { $0.organization.phone },
        // N step 2: without a DUNS / iTownPage entry the issuer needs the registered details.
        text("organization.corporateNumber", "corporate-number-missing", when: unlisted) { $0.organization.corporateNumber },
        text("organization.address", "address-missing", when: unlisted) { $0.organization.address },
        text("csr.commonName", "cn-missing") { $0.csr.commonName },
        text("csr.organization", "organization-missing") { $0.csr.organization },
        text("csr.locality", "locality-missing") { $0.csr.locality },
        text("csr.state", "state-missing") { $0.csr.state },
        answer("csr.origin", "csr-origin-missing") { $0.csr.origin },
        // An existing CSR already fixes its key type; it must be pasted or loaded instead.
        answer("csr.keyType", "key-type-missing", when: { $0.csr.origin != .existing && $0.csr.pem.nonBlank == nil }) { $0.csr.keyType },
        text("csr.pem", "csr-pem-missing", when: { $0.csr.origin == .existing }) { $0.csr.pem },
        answer("csr.serverSoftware", "server-software-missing") { $0.csr.serverSoftware },
        text("currentCertificate.commonName", "current-certificate-cn-missing", when: isRenewal) { $0.currentCertificate.commonName },
        answer("currentCertificate.notBefore", "current-certificate-issue-date-missing", when: isRenewal) { $0.currentCertificate.notBefore },
        answer("currentCertificate.notAfter", "current-certificate-expiry-missing", when: isRenewal) { $0.currentCertificate.notAfter },
        answer("reissue.reason", "reissue-reason-missing", when: isReissue) { $0.reissue.reason },
        answer("reissue.originalIssuedOn", "reissue-issue-date-missing", when: isReissue) { $0.reissue.originalIssuedOn ?? $0.currentCertificate.notBefore },
        text("applicantInCharge.name", "applicant-name-missing") { $0.applicantInCharge.name },
        text("applicantInCharge.email", "applicant-email-missing") { $0.applicantInCharge.email },
        text("applicantInCharge.phone", "applicant-phone-missing") { $0.applicantInCharge.phone },
        answer("applicantInCharge.fullTimeEmployee", "applicant-employment-missing") { $0.applicantInCharge.fullTimeEmployee },
        text("technicalContact.company", "technical-company-missing") { $0.technicalContact.company },
        text("technicalContact.name", "technical-name-missing") { $0.technicalContact.name },
        text("technicalContact.email", "technical-email-missing") { $0.technicalContact.email },
        text("technicalContact.phone", "technical-phone-missing") { $0.technicalContact.phone },
        answer("order.product", "product-missing") { $0.order.product },
        answer("payment.method", "payment-method-missing") { $0.payment.method },
        // A free reissue has nothing to transfer, so no planned date.
        answer("payment.plannedDate", "payment-date-missing", whenOn: { draft, today in
            draft.payment.method == .bankTransfer && draft.payment.deferred != true && !isFreeReissue(draft, today: today)
        }) { $0.payment.plannedDate },
        answer("domainCheck.method", "domain-check-method-missing", when: { $0.domainCheck.whoisMatches == false }) { $0.domainCheck.method },
        text("domainCheck.approverEmail", "approver-email-missing", when: { $0.domainCheck.method == .approverEmail }) { $0.domainCheck.approverEmail },
    ]

    static let all: [Rule] = [
        Rule(codes: requirements.map(\.code)) { context in
            requirements.compactMap { r in
                guard r.appliesWhen(context.draft, context.today), r.isEmpty(context.draft) else { return nil }
                return Finding(.error, r.code, field: r.path, r.missing)
            }
        },
        // "Make the key and CSR here" is only done once they are made: until then step 1-2 is open,
        // and `validate`, the status and `submit` all say so.
        Rule(codes: ["csr-missing"]) { context in
            let csr = context.draft.csr
            guard csr.origin == .generateHere, csr.pem.nonBlank == nil else { return [] }
            return [Finding(.error, "csr-missing", field: "csr.pem", Localized(
                "鍵と CSR がまだありません: 1-2 の画面で「鍵と CSR を作る」を押すか、certwiz csr new を実行してください",
                "no key and CSR yet: press \"Make the key and CSR\" on screen 1-2, or run certwiz csr new"))]
        },
    ]
}
