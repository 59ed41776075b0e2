/// The steps of the procedure (PROCEDURE.md), each owning the draft fields it asks for.
public enum ProcedureStep: String, CaseIterable, Codable, Sendable {
    case organization = "1-1"
    case csr = "1-2"
    case contacts = "1-3"
    case application = "2"
    case verification = "3"
    case phoneVerification = "4"
    case installation = "5"
    case done

    public var title: Localized {
        switch self {
        case .organization: return Localized("申請団体の決定", "Applicant organization")
        case .csr: return Localized("CSR の準備", "Prepare the CSR")
        case .contacts: return Localized("申請責任者・技術担当者", "Applicant-in-charge and technical contact")
        case .application: return Localized("オンライン申請", "Online application")
        case .verification: return Localized("ドメイン確認・書類・支払い", "Domain check, documents, payment")
        case .phoneVerification: return Localized("電話確認", "Phone verification")
        case .installation: return Localized("インストール", "Installation")
        case .done: return Localized("完了", "Done")
        }
    }

    /// "1-2 CSR の準備" / "1-2 Prepare the CSR".
    public func label(in language: Language) -> String {
        self == .done ? title.text(in: language) : "\(rawValue) \(title.text(in: language))"
    }

    /// The step a draft field belongs to.
    public static func owning(field path: String) -> ProcedureStep {
        let section = path.split(separator: ".").first.map(String.init) ?? path
        switch section {
        case "applicationType", "organization": return .organization
        case "csr", "currentCertificate", "reissue": return .csr
        case "applicantInCharge", "technicalContact": return .contacts
        case "order", "payment": return .application
        case "domainCheck", "documents": return .verification
        case "phoneVerification": return .phoneVerification
        default: return .installation
        }
    }

    /// Where the applicant stands: the first step with an error, else the first step
    /// whose event has not happened yet (submitted, issued, installed).
    public static func current(for draft: Draft, findings: [Finding]) -> ProcedureStep {
        let blocked = Set(findings.filter { $0.severity == .error }.map { owning(field: $0.field) })
        if let first = allCases.first(where: blocked.contains) { return first }
        if draft.order.orderNumber == nil { return .application }
        if draft.issuance.issuedOn == nil { return draft.phoneVerification.done == true ? .installation : .verification }
        if draft.installation.certificateInstalled != true { return .installation }
        return .done
    }
}
