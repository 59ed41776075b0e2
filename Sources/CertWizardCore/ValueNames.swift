/// What the applicant reads for a draft's enum values, wherever they are shown: choice lists,
/// the application sheet, the review, the issuer's notice. One wording per value.
extension ApplicationType {
    public var name: Localized {
        switch self {
        case .new: return Localized("新規", "New application")
        case .renewal: return Localized("更新", "Renewal")
        case .reissue: return Localized("再発行", "Reissue")
        }
    }
}

extension Product {
    public var name: Localized {
        switch self {
        case .secure: return Localized("セキュア・サーバ ID", "Secure Server ID")
        case .global: return Localized("グローバル・サーバ ID", "Global Server ID")
        case .ev: return Localized("EV SSL", "EV SSL")
        }
    }
}

extension ServerSoftware {
    public var name: Localized {
        switch self {
        case .apacheOpenSSL: return Localized("Apache + OpenSSL", "Apache + OpenSSL")
        case .nginx: return Localized("nginx", "nginx")
        case .iis10: return Localized("Microsoft IIS 10", "Microsoft IIS 10")
        case .iis85: return Localized("Microsoft IIS 8.5", "Microsoft IIS 8.5")
        case .iis7: return Localized("Microsoft IIS 7.x", "Microsoft IIS 7.x")
        case .other: return Localized("その他", "Other")
        }
    }
}

extension ReissueReason {
    public var name: Localized {
        switch self {
        case .keyLost: return Localized("秘密鍵の紛失・破損 (有効なバックアップなし)", "Private key lost or damaged (no valid backup)")
        case .serverChange: return Localized("証明書を移行できないサーバへの変更", "Moving to a server the certificate cannot move to")
        case .commonNameChange: return Localized("コモンネームの変更", "Common Name changes")
        case .organizationChange: return Localized("組織名・組織情報の変更", "Organization name or details change")
        }
    }
}
