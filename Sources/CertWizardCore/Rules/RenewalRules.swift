/// Renewal (R) and reissue (N): the current certificate, the windows, the free period.
public enum RenewalWindow {
    /// A renewal can be applied for from this many days after the current certificate's issue date...
    public static let opensDaysAfterIssue = 30
    /// ...until this many days after its expiry; later it is a new application.
    public static let closesDaysAfterExpiry = 89
    /// A reissue is free when the issuer is contacted within this many days of the first issuance.
    public static let freeReissueDays = 25

    public static func opens(issuedOn: CalendarDate) -> CalendarDate { issuedOn.adding(days: opensDaysAfterIssue) }
    public static func closes(expiresOn: CalendarDate) -> CalendarDate { expiresOn.adding(days: closesDaysAfterExpiry) }
    public static func freeReissueEnds(issuedOn: CalendarDate) -> CalendarDate { issuedOn.adding(days: freeReissueDays) }
}

enum RenewalRules {
    static let sameCommonName = Rule(codes: ["cn-mismatch-renewal"]) { context in
        let draft = context.draft
        guard context.type == .renewal, let cn = draft.csr.commonName.nonBlank,
              let current = draft.currentCertificate.commonName.nonBlank, cn != current else { return [] }
        return [Finding(.error, "cn-mismatch-renewal", field: "csr.commonName", Localized(
            "更新ではコモンネームを現在の証明書と完全に同じにします: 「\(current)」(いま「\(cn)」)。変える場合は新規申請です",
            "A renewal keeps exactly the current certificate's Common Name: '\(current)' (now '\(cn)'); a different CN is a new application"))]
    }

    static let window = Rule(codes: ["renewal-too-early", "renewal-too-late", "current-certificate-expired"]) { context in
        let cert = context.draft.currentCertificate
        guard context.type == .renewal else { return [] }
        var findings: [Finding] = []
        if let issued = cert.notBefore, context.today < RenewalWindow.opens(issuedOn: issued) {
            let opens = RenewalWindow.opens(issuedOn: issued)
            findings.append(Finding(.error, "renewal-too-early", field: "currentCertificate.notBefore", Localized(
                "更新は現在の証明書の発行日 (\(issued)) から 30 日後、\(opens) から申請できます",
                "A renewal can be applied for from 30 days after the current certificate was issued (\(issued)), that is from \(opens)")))
        }
        if let expiry = cert.notAfter {
            let closes = RenewalWindow.closes(expiresOn: expiry)
            if context.today > closes {
                findings.append(Finding(.error, "renewal-too-late", field: "currentCertificate.notAfter", Localized(
                    "有効期限 (\(expiry)) から 89 日を過ぎたため (\(closes) まで) 更新できません。新規で申請してください",
                    "More than 89 days have passed since expiry (\(expiry); the last day was \(closes)): apply as a new application")))
            } else if context.today > expiry {
                let days = expiry.days(until: context.today)
                findings.append(Finding(.warning, "current-certificate-expired", field: "currentCertificate.notAfter", Localized(
                    "現在の証明書は \(days) 日前 (\(expiry)) に期限切れです。新しい証明書を入れるまでサイトは警告を出します",
                    "The current certificate expired \(days) days ago (\(expiry)); browsers warn on the site until the new one is installed")))
            }
        }
        if let issued = cert.notBefore, let expiry = cert.notAfter, expiry < issued {
            findings.append(Finding(.error, "current-certificate-dates-invalid", field: "currentCertificate.notAfter", Localized(
                "有効期限 (\(expiry)) が発行日 (\(issued)) より前です", "The expiry date (\(expiry)) is before the issue date (\(issued))")))
        }
        return findings
    }

    static let reissueFreePeriod = Rule(codes: ["reissue-free-period-over", "reissue-free-period"]) { context in
        let draft = context.draft
        guard context.type == .reissue,
              let issued = draft.reissue.originalIssuedOn ?? draft.currentCertificate.notBefore else { return [] }
        let ends = RenewalWindow.freeReissueEnds(issuedOn: issued)
        if context.today > ends {
            return [Finding(.info, "reissue-free-period-over", field: "reissue.originalIssuedOn", Localized(
                "初回発行 (\(issued)) から 25 日を過ぎています。再発行は新規と同じ料金で、前の証明書の残り期間は引き継がれません",
                "More than 25 days have passed since the first issuance (\(issued)): the reissue is charged as a new certificate and the earlier one's remaining term is not carried over"))]
        }
        return [Finding(.info, "reissue-free-period", field: "reissue.originalIssuedOn", Localized(
            "\(ends) までに連絡すれば無償で再申請できます。初回の証明書は発行から 25 日後に失効します",
            "A free re-application is possible if the issuer is contacted by \(ends); the first certificate is revoked 25 days after issuance"))]
    }

    /// What was read from a certificate is not typed over: the renewal window must not be bypassed
    /// by typing a date. A source named but not (or no longer) read asks to be read.
    static let reading = Rule(codes: ["current-certificate-not-read"]) { context in
        let cert = context.draft.currentCertificate
        guard context.type == .renewal || context.type == .reissue, let source = cert.source.nonBlank, cert.publicKeyFingerprint == nil,
              cert.commonName.nonBlank != nil || cert.notBefore != nil || cert.notAfter != nil else { return [] }
        return [Finding(.error, "current-certificate-not-read", field: "currentCertificate.source", Localized(
            "現在の証明書の内容が手で入力・変更されています。\(source) から読み込み直してください (「現在の証明書を読み込む」、certwiz cert show \(source) --draft)",
            "the current certificate's details were typed or edited by hand: read it again from \(source) (Read the current certificate, or certwiz cert show \(source) --draft)"))]
    }

    static let all: [Rule] = [sameCommonName, window, reissueFreePeriod, reading]
}
