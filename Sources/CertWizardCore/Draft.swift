/// One applicant's whole application: everything the procedure records, from the
/// applicant organization to installation, as a single value saved as JSON.
///
/// A draft is partial by nature: every field is optional and every section may be
/// absent from the JSON, so a hand-written draft with a few paths loads and validates.
/// The draft never holds a private key, only the path of the key file.
public struct Draft: Codable, Equatable, Sendable {
    /// The schema this build writes. Additive changes (new optional fields) keep the
    /// number; anything an older certwiz would misread raises it.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int = Draft.currentSchemaVersion
    public var applicationType: ApplicationType?
    public var organization = Organization()
    public var csr = CSRRequest()
    public var currentCertificate = CurrentCertificate()
    public var reissue = Reissue()
    public var applicantInCharge = ApplicantInCharge()
    public var technicalContact = TechnicalContact()
    public var order = Order()
    public var payment = Payment()
    public var domainCheck = DomainCheck()
    public var organizationCheck = OrganizationCheck()
    public var documents = Documents()
    public var phoneVerification = PhoneVerification()
    public var issuance = Issuance()
    public var installation = Installation()
    /// For `order.issuer` = `acme`: the CA's directory, the challenge, and the order as the CA last said.
    public var acme = ACMESettings()
    public var timeline: [TimelineEvent] = []
    /// Members of the draft's JSON that this certwiz does not know (written by a newer minor
    /// version, or a script's own notes): kept as they were and written back on every save.
    public var unknownMembers: [String: JSONValue]?

    public init(applicationType: ApplicationType? = nil) {
        self.applicationType = applicationType
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, applicationType, organization, csr, currentCertificate, reissue,
             applicantInCharge, technicalContact, order, payment, domainCheck, organizationCheck, documents,
             phoneVerification, issuance, installation, acme, timeline
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A hand-written draft may leave out the version: it is then read as this one.
        schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Draft.currentSchemaVersion
        applicationType = try c.decodeIfPresent(ApplicationType.self, forKey: .applicationType)
        organization = try c.decodeIfPresent(Organization.self, forKey: .organization) ?? .init()
        csr = try c.decodeIfPresent(CSRRequest.self, forKey: .csr) ?? .init()
        currentCertificate = try c.decodeIfPresent(CurrentCertificate.self, forKey: .currentCertificate) ?? .init()
        reissue = try c.decodeIfPresent(Reissue.self, forKey: .reissue) ?? .init()
        applicantInCharge = try c.decodeIfPresent(ApplicantInCharge.self, forKey: .applicantInCharge) ?? .init()
        technicalContact = try c.decodeIfPresent(TechnicalContact.self, forKey: .technicalContact) ?? .init()
        order = try c.decodeIfPresent(Order.self, forKey: .order) ?? .init()
        payment = try c.decodeIfPresent(Payment.self, forKey: .payment) ?? .init()
        domainCheck = try c.decodeIfPresent(DomainCheck.self, forKey: .domainCheck) ?? .init()
        organizationCheck = try c.decodeIfPresent(OrganizationCheck.self, forKey: .organizationCheck) ?? .init()
        documents = try c.decodeIfPresent(Documents.self, forKey: .documents) ?? .init()
        phoneVerification = try c.decodeIfPresent(PhoneVerification.self, forKey: .phoneVerification) ?? .init()
        issuance = try c.decodeIfPresent(Issuance.self, forKey: .issuance) ?? .init()
        installation = try c.decodeIfPresent(Installation.self, forKey: .installation) ?? .init()
        acme = try c.decodeIfPresent(ACMESettings.self, forKey: .acme) ?? .init()
        timeline = try c.decodeIfPresent([TimelineEvent].self, forKey: .timeline) ?? []
    }

    /// Writes only the sections that hold something, so a draft reads like what was entered.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encodeIfPresent(applicationType, forKey: .applicationType)
        func section<T: Encodable & Equatable>(_ value: T, _ empty: T, _ key: CodingKeys) throws {
            if value != empty { try c.encode(value, forKey: key) }
        }
        try section(organization, Organization(), .organization)
        try section(csr, CSRRequest(), .csr)
        try section(currentCertificate, CurrentCertificate(), .currentCertificate)
        try section(reissue, Reissue(), .reissue)
        try section(applicantInCharge, ApplicantInCharge(), .applicantInCharge)
        try section(technicalContact, TechnicalContact(), .technicalContact)
        try section(order, Order(), .order)
        try section(payment, Payment(), .payment)
        try section(domainCheck, DomainCheck(), .domainCheck)
        try section(organizationCheck, OrganizationCheck(), .organizationCheck)
        try section(documents, Documents(), .documents)
        try section(phoneVerification, PhoneVerification(), .phoneVerification)
        try section(issuance, Issuance(), .issuance)
        try section(installation, Installation(), .installation)
        try section(acme, ACMESettings(), .acme)
        if !timeline.isEmpty { try c.encode(timeline, forKey: .timeline) }
    }
}

public enum ApplicationType: String, Codable, Sendable, CaseIterable {
    case new, renewal, reissue
}

/// 申請団体: the organization that runs the site (R 1-1, N step 2).
public struct Organization: Codable, Equatable, Sendable {
    public var nameJa: String?
    public var nameEn: String?
    /// 法人番号: 13 digits, the first a check digit.
    public var corporateNumber: String?
    /// The registered address (登記住所).
    public var address: String?
    /// The representative phone number (代表電話番号) the issuer will call.
    public var phone: String?
    /// Whether the trade name and representative number are in DUNS / iTownPage.
    public var listedInDuns: Bool?
    public var listedInITownPage: Bool?
    public init() {}
}

public enum KeyType: String, Codable, Sendable, CaseIterable {
    case rsa2048, rsa3072, rsa4096, p256, p384
}

public enum ServerSoftware: String, Codable, Sendable, CaseIterable {
    case apacheOpenSSL, nginx, iis10, iis85, iis7, other
}

/// Where the CSR comes from: made by certwiz on this server, or an existing one pasted or loaded.
public enum CSROrigin: String, Codable, Sendable, CaseIterable {
    case generateHere, existing
}

/// 1-2: what goes into the CSR, and where the key lives (never the key itself).
public struct CSRRequest: Codable, Equatable, Sendable {
    /// The draft paths of the CSR's subject (the Distinguished Name and the SANs): what must pass
    /// the rules before a key is made, and what a CSR is checked against.
    public static let subjectPaths: Set<String> = ["csr.commonName", "csr.organization", "csr.organizationalUnit",
                                                   "csr.locality", "csr.state", "csr.country", "csr.subjectAltNames"]

    /// The folder the key file is in, once there is one.
    public var keyDirectory: String? {
        keyPath.map { path in path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "." }
    }

    public var origin: CSROrigin?
    public var commonName: String?
    public var organization: String?
    public var organizationalUnit: String?
    public var locality: String?
    public var state: String?
    public var country: String?
    public var subjectAltNames: [String]?
    public var keyType: KeyType?
    public var serverSoftware: ServerSoftware?
    /// Path of the private key file on this server.
    public var keyPath: String?
    /// SHA-256 fingerprint of the public key, to tell later whether a key file matches.
    public var publicKeyFingerprint: String?
    /// The CSR as PEM, once made or pasted.
    public var pem: String?
    /// A file to load an existing CSR from (instead of pasting it).
    public var file: String?
    public init() {}
}

/// For renewals and reissues: the certificate in service now.
public struct CurrentCertificate: Codable, Equatable, Sendable {
    /// Where it was read from: a file path or `host:port`.
    public var source: String?
    public var commonName: String?
    public var notBefore: CalendarDate?
    public var notAfter: CalendarDate?
    public var subjectAltNames: [String]?
    public var issuer: String?
    public var serialNumber: String?
    /// SHA-256 of its public key: shows whether a key file or CSR reuses the current key.
    public var publicKeyFingerprint: String?
    public init() {}
}

public enum ReissueReason: String, Codable, Sendable, CaseIterable {
    case keyLost, serverChange, commonNameChange, organizationChange
}

/// Reissue (N): why, and when the certificate being replaced was first issued.
public struct Reissue: Codable, Equatable, Sendable {
    public var reason: ReissueReason?
    /// When the original certificate was issued; `currentCertificate.notBefore` when absent.
    public var originalIssuedOn: CalendarDate?
    public init() {}
}

/// 申請責任者: a full-time employee the issuer phones before issuance (R 1-3).
public struct ApplicantInCharge: Codable, Equatable, Sendable {
    public var name: String?
    public var department: String?
    public var title: String?
    public var email: String?
    public var phone: String?
    public var fullTimeEmployee: Bool?
    public init() {}
}

/// 技術担当者: fills in the application and receives the certificate (R 1-3).
public struct TechnicalContact: Codable, Equatable, Sendable {
    public var company: String?
    public var name: String?
    public var department: String?
    public var email: String?
    public var phone: String?
    public var belongsToApplicant: Bool?
    /// An agency applying on the organization's behalf.
    public var agency: Bool?
    public init() {}
}

public enum Product: String, Codable, Sendable, CaseIterable {
    case secure, global, ev
}

/// 2-1: the order placed on the storefront.
public struct Order: Codable, Equatable, Sendable {
    public var product: Product?
    public var express: Bool?
    public var licenses: Int?
    public var coupon: String?
    /// Which issuer takes the application (`demo`, the embedded demo CA, by default).
    public var issuer: String?
    /// The order number the issuer gave, once submitted.
    public var orderNumber: String?
    /// The quoted amount in yen, tax included.
    public var amount: Int?
    public var submittedOn: CalendarDate?
    public init() {}
}

public enum PaymentMethod: String, Codable, Sendable, CaseIterable {
    case bankTransfer, coupon
}

/// 2-1 / 3-2: how and when the applicant pays.
public struct Payment: Codable, Equatable, Sendable {
    public var method: PaymentMethod?
    public var plannedDate: CalendarDate?
    /// 先行納入手配: pay after issuance (renewals only).
    public var deferred: Bool?
    /// The dedicated transfer account the issuer gave (tied to the storefront user ID).
    public var transferAccount: String?
    public var paidOn: CalendarDate?
    public init() {}
}

public enum DomainCheckMethod: String, Codable, Sendable, CaseIterable {
    case whoisChange, approverEmail, opinionLetter
}

/// Where an approver address came from: constructed from the domain, or a WHOIS contact.
public enum ApproverSource: String, Codable, Sendable, CaseIterable {
    case constructed, whoisRegistrant, whoisAdministrative, whoisTechnical
}

/// 3-1: the right to use the domain name.
public struct DomainCheck: Codable, Equatable, Sendable {
    public var whoisMatches: Bool?
    public var method: DomainCheckMethod?
    public var approverEmail: String?
    public var approverSource: ApproverSource?
    /// When the issuer e-mailed the approver address (the reminder counts from here).
    public var approverEmailSentOn: CalendarDate?
    public var approverRepliedOn: CalendarDate?
    /// When the issuer confirmed the right to use the domain.
    public var confirmedOn: CalendarDate?
    public init() {}
}

/// 3-1 / 4: the issuer's check that the organization exists (its representative number in
/// DUNS or iTownPage, HR asked whether the applicant-in-charge works there) (N step 2).
public struct OrganizationCheck: Codable, Equatable, Sendable {
    public var confirmedOn: CalendarDate?
    public init() {}
}

public enum DocumentDelivery: String, Codable, Sendable, CaseIterable {
    case upload, fax, email
}

/// 3-1: documents the issuer asked for, and how they were sent.
public struct Documents: Codable, Equatable, Sendable {
    public var requested: Bool?
    /// When the issuer asked for them (by e-mail to the technical contact).
    public var requestedOn: CalendarDate?
    public var items: [String]?
    public var delivery: DocumentDelivery?
    public var sentOn: CalendarDate?
    public init() {}
}

public enum PhoneCallee: String, Codable, Sendable, CaseIterable {
    case applicantInCharge, technicalContact
}

public enum PhoneVerificationAlternative: String, Codable, Sendable, CaseIterable {
    case employmentCertificate, technicalContact, earlierVerification
}

/// 4: the issuer's call to the applicant-in-charge.
public struct PhoneVerification: Codable, Equatable, Sendable {
    public var callee: PhoneCallee?
    public var briefed: Bool?
    public var alternative: PhoneVerificationAlternative?
    public var done: Bool?
    public var doneOn: CalendarDate?
    public init() {}
}

/// 5-1: the issued certificate.
public struct Issuance: Codable, Equatable, Sendable {
    /// The issuance notice or certificate file to receive (`certwiz import`), as the wizard asks for it.
    public var importFrom: String?
    public var issuedOn: CalendarDate?
    public var certificatePath: String?
    public var chainPath: String?
    public var serialNumber: String?
    public init() {}
}

/// How an ACME order's names are proven.
public enum ACMEChallengeType: String, Codable, Sendable, CaseIterable {
    case http01 = "http-01"
    case dns01 = "dns-01"
}

/// An ACME issuer (RFC 8555 with External Account Binding): where, how, and the order's state.
/// The account's key and its HMAC key are never here (the account lives in the data folder).
public struct ACMESettings: Codable, Equatable, Sendable {
    public var directory: String?
    public var challenge: ACMEChallengeType?
    public var orderURL: String?
    /// pending, ready, processing, valid or invalid, as the CA last said.
    public var orderStatus: String?
    /// `renew --auto` keeps the key (a new CSR from it) instead of making a new one; off unless set.
    public var reuseKey: Bool?
    /// PEM of the roots to trust for the CA's HTTPS when they are not in the system store (a test
    /// or private CA); the wizard uses it where the command line takes `--ca-file`.
    public var caFile: String?
    /// http-01: the port certwiz's own responder listens on (80 unless set), or the web server's
    /// document root to put the answers in instead (then no port is opened).
    public var httpPort: Int?
    public var webroot: String?
    public init() {}

    /// Whether `url` can be an ACME directory: the protocol runs over HTTPS only.
    public static func isHTTPS(_ url: String) -> Bool { url.trimmed.lowercased().hasPrefix("https://") }

    /// The directory URL when one is set and is HTTPS.
    public var httpsDirectory: String? {
        guard let url = directory?.trimmed, ACMESettings.isHTTPS(url) else { return nil }
        return url
    }

    public static let directoryNeeded = Localized("先に ACME ディレクトリ URL (https://…) を入れてください", "Enter the ACME directory URL (https://…) first")
}

/// What `certwiz install` puts the certificate into.
public enum InstallServer: String, Codable, Sendable, CaseIterable {
    case nginx, apache, iis, files
}

/// 5-2 / 5-3: installed into the server, intermediate included, and the site seal.
public struct Installation: Codable, Equatable, Sendable {
    /// Where and how certwiz installs (the wizard's answers; `certwiz install` uses them where no flag is given).
    public var server: InstallServer?
    public var configPath: String?
    public var destination: String?
    public var listen: String?
    public var certificateInstalled: Bool?
    public var intermediateInstalled: Bool?
    public var sealInstalled: Bool?
    public var installedOn: CalendarDate?
    public init() {}
}

/// A dated event of the application, appended as it happens.
public struct TimelineEvent: Codable, Equatable, Sendable {
    public var date: CalendarDate
    public var event: String
    public var note: String?
    public init(date: CalendarDate, event: String, note: String? = nil) {
        self.date = date
        self.event = event
        self.note = note
    }
}
