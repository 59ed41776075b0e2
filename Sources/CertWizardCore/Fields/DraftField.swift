import Synchronization

/// One field of the draft: its stable string path (screens, answers files, `certwiz set`, JSON
/// output, rule findings), the kind of value it holds, and how it is read and written: closures
/// over the property itself (so a listed field the model lacks does not compile). No JSON is
/// encoded or decoded while a field is edited, only when saved.
public struct DraftField: @unchecked Sendable {
    // @unchecked: the closures are immutable and capture nothing mutable.
    public let path: String
    public let kind: FieldKind
    private let read: (Draft) -> JSONValue?
    /// Sets the value; false when the JSON is not of this field's kind (checked before).
    private let write: (inout Draft, JSONValue) -> Bool

    /// What the rules and screens call this field ("Common Name (FQDN)").
    public var label: Localized { FieldLabels.label(path) }

    /// The value, nil when the field is empty.
    public func value(in draft: Draft) -> JSONValue? { read(draft) }

    /// Sets the field to `value` (`.null` clears it), after checking it against the kind.
    public func set(_ value: JSONValue, in draft: inout Draft) throws(DraftPathError) {
        try check(value)
        guard write(&draft, value) else {
            throw .invalidValue(path: path, value: value.displayText, expected: Localized("形式が違います", "wrong form"))
        }
    }

    private init(_ path: String, _ kind: FieldKind,
                 read: @escaping (Draft) -> JSONValue?, write: @escaping (inout Draft, JSONValue) -> Bool) {
        self.path = path
        self.kind = kind
        self.read = read
        self.write = write
    }

    init(_ path: String, _ get: @escaping (Draft) -> String?, _ set: @escaping (inout Draft, String?) -> Void) {
        self.init(path, .text, read: { get($0).map(JSONValue.string) }, write: { draft, value in
            switch value {
            case .null: set(&draft, nil)
            case .string(let text): set(&draft, text)
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ get: @escaping (Draft) -> Bool?, _ set: @escaping (inout Draft, Bool?) -> Void) {
        self.init(path, .flag, read: { get($0).map(JSONValue.bool) }, write: { draft, value in
            switch value {
            case .null: set(&draft, nil)
            case .bool(let flag): set(&draft, flag)
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ get: @escaping (Draft) -> Int?, _ set: @escaping (inout Draft, Int?) -> Void) {
        self.init(path, .integer, read: { get($0).map(JSONValue.int) }, write: { draft, value in
            switch value {
            case .null: set(&draft, nil)
            case .int(let number): set(&draft, number)
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ get: @escaping (Draft) -> CalendarDate?, _ set: @escaping (inout Draft, CalendarDate?) -> Void) {
        self.init(path, .date, read: { get($0).map { .string($0.iso8601) } }, write: { draft, value in
            switch value {
            case .null: set(&draft, nil)
            case .string(let text):
                guard let date = CalendarDate(iso8601: text) else { return false }
                set(&draft, date)
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ get: @escaping (Draft) -> [String]?, _ set: @escaping (inout Draft, [String]?) -> Void) {
        self.init(path, .list, read: { get($0).map { .array($0.map(JSONValue.string)) } }, write: { draft, value in
            switch value {
            case .null: set(&draft, nil)
            case .array(let items):
                var texts: [String] = []
                for item in items {
                    guard case .string(let text) = item else { return false }
                    texts.append(text)
                }
                set(&draft, texts)
            default: return false
            }
            return true
        })
    }

    init<Value: CaseIterable & RawRepresentable>(_ path: String, _ get: @escaping (Draft) -> Value?, _ set: @escaping (inout Draft, Value?) -> Void)
        where Value.RawValue == String {
        self.init(path, .choice(Value.allCases.map { $0.rawValue }), read: { get($0).map { .string($0.rawValue) } },
                  write: { draft, value in
            switch value {
            case .null: set(&draft, nil)
            case .string(let text):
                guard let choice = Value(rawValue: text) else { return false }
                set(&draft, choice)
            default: return false
            }
            return true
        })
    }
}

extension DraftField: Equatable {
    public static func == (lhs: DraftField, rhs: DraftField) -> Bool { lhs.path == rhs.path && lhs.kind == rhs.kind }
}

/// Every settable field of the draft. A test checks this list against the model itself (each
/// optional leaf of each section, by reflection) and each entry's path against the JSON it saves
/// (which also catches a getter and setter that name different properties).
///
/// Each field is read and written by closures, not key paths: a key path is instantiated at run
/// time (~25,000 instructions each, resolving its types by name) and reading through one cost
/// ~2,900 instructions where the closure costs a few dozen. Each field is made the first time it
/// is asked for; paths alone cost nothing.
public enum DraftFields {
    private static let table: [(path: String, make: @Sendable (String) -> DraftField)] = [
        ("applicationType", { DraftField($0, { $0.applicationType }, { $0.applicationType = $1 }) }),
        ("organization.nameJa", { DraftField($0, { $0.organization.nameJa }, { $0.organization.nameJa = $1 }) }),
        ("organization.nameEn", { DraftField($0, { $0.organization.nameEn }, { $0.organization.nameEn = $1 }) }),
        ("organization.corporateNumber", { DraftField($0, { $0.organization.corporateNumber }, { $0.organization.corporateNumber = $1 }) }),
        ("organization.address", { DraftField($0, { $0.organization.address }, { $0.organization.address = $1 }) }),
        ("organization.phone", { DraftField($0, { $0.organization.phone }, { $0.organization.phone = $1 }) }),
        ("organization.listedInDuns", { DraftField($0, { $0.organization.listedInDuns }, { $0.organization.listedInDuns = $1 }) }),
        ("organization.listedInITownPage", { DraftField($0, { $0.organization.listedInITownPage }, { $0.organization.listedInITownPage = $1 }) }),
        ("csr.origin", { DraftField($0, { $0.csr.origin }, { $0.csr.origin = $1 }) }),
        ("csr.commonName", { DraftField($0, { $0.csr.commonName }, { $0.csr.commonName = $1 }) }),
        ("csr.organization", { DraftField($0, { $0.csr.organization }, { $0.csr.organization = $1 }) }),
        ("csr.organizationalUnit", { DraftField($0, { $0.csr.organizationalUnit }, { $0.csr.organizationalUnit = $1 }) }),
        ("csr.locality", { DraftField($0, { $0.csr.locality }, { $0.csr.locality = $1 }) }),
        ("csr.state", { DraftField($0, { $0.csr.state }, { $0.csr.state = $1 }) }),
        ("csr.country", { DraftField($0, { $0.csr.country }, { $0.csr.country = $1 }) }),
        ("csr.subjectAltNames", { DraftField($0, { $0.csr.subjectAltNames }, { $0.csr.subjectAltNames = $1 }) }),
        ("csr.keyType", { DraftField($0, { $0.csr.keyType }, { $0.csr.keyType = $1 }) }),
        ("csr.serverSoftware", { DraftField($0, { $0.csr.serverSoftware }, { $0.csr.serverSoftware = $1 }) }),
        ("csr.keyPath", { DraftField($0, { $0.csr.keyPath }, { $0.csr.keyPath = $1 }) }),
        ("csr.publicKeyFingerprint", { DraftField($0, { $0.csr.publicKeyFingerprint }, { $0.csr.publicKeyFingerprint = $1 }) }),
        ("csr.pem", { DraftField($0, { $0.csr.pem }, { $0.csr.pem = $1 }) }),
        ("csr.file", { DraftField($0, { $0.csr.file }, { $0.csr.file = $1 }) }),
        ("currentCertificate.source", { DraftField($0, { $0.currentCertificate.source }, { $0.currentCertificate.source = $1 }) }),
        ("currentCertificate.commonName", { DraftField($0, { $0.currentCertificate.commonName }, { $0.currentCertificate.commonName = $1 }) }),
        ("currentCertificate.notBefore", { DraftField($0, { $0.currentCertificate.notBefore }, { $0.currentCertificate.notBefore = $1 }) }),
        ("currentCertificate.notAfter", { DraftField($0, { $0.currentCertificate.notAfter }, { $0.currentCertificate.notAfter = $1 }) }),
        ("currentCertificate.subjectAltNames", { DraftField($0, { $0.currentCertificate.subjectAltNames }, { $0.currentCertificate.subjectAltNames = $1 }) }),
        ("currentCertificate.issuer", { DraftField($0, { $0.currentCertificate.issuer }, { $0.currentCertificate.issuer = $1 }) }),
        ("currentCertificate.serialNumber", { DraftField($0, { $0.currentCertificate.serialNumber }, { $0.currentCertificate.serialNumber = $1 }) }),
        ("currentCertificate.publicKeyFingerprint", { DraftField($0, { $0.currentCertificate.publicKeyFingerprint }, { $0.currentCertificate.publicKeyFingerprint = $1 }) }),
        ("reissue.reason", { DraftField($0, { $0.reissue.reason }, { $0.reissue.reason = $1 }) }),
        ("reissue.originalIssuedOn", { DraftField($0, { $0.reissue.originalIssuedOn }, { $0.reissue.originalIssuedOn = $1 }) }),
        ("applicantInCharge.name", { DraftField($0, { $0.applicantInCharge.name }, { $0.applicantInCharge.name = $1 }) }),
        ("applicantInCharge.department", { DraftField($0, { $0.applicantInCharge.department }, { $0.applicantInCharge.department = $1 }) }),
        ("applicantInCharge.title", { DraftField($0, { $0.applicantInCharge.title }, { $0.applicantInCharge.title = $1 }) }),
        ("applicantInCharge.email", { DraftField($0, { $0.applicantInCharge.email }, { $0.applicantInCharge.email = $1 }) }),
        ("applicantInCharge.phone", { DraftField($0, { $0.applicantInCharge.phone }, { $0.applicantInCharge.phone = $1 }) }),
        ("applicantInCharge.fullTimeEmployee", { DraftField($0, { $0.applicantInCharge.fullTimeEmployee }, { $0.applicantInCharge.fullTimeEmployee = $1 }) }),
        ("technicalContact.company", { DraftField($0, { $0.technicalContact.company }, { $0.technicalContact.company = $1 }) }),
        ("technicalContact.name", { DraftField($0, { $0.technicalContact.name }, { $0.technicalContact.name = $1 }) }),
        ("technicalContact.department", { DraftField($0, { $0.technicalContact.department }, { $0.technicalContact.department = $1 }) }),
        ("technicalContact.email", { DraftField($0, { $0.technicalContact.email }, { $0.technicalContact.email = $1 }) }),
        ("technicalContact.phone", { DraftField($0, { $0.technicalContact.phone }, { $0.technicalContact.phone = $1 }) }),
        ("technicalContact.belongsToApplicant", { DraftField($0, { $0.technicalContact.belongsToApplicant }, { $0.technicalContact.belongsToApplicant = $1 }) }),
        ("technicalContact.agency", { DraftField($0, { $0.technicalContact.agency }, { $0.technicalContact.agency = $1 }) }),
        ("order.product", { DraftField($0, { $0.order.product }, { $0.order.product = $1 }) }),
        ("order.express", { DraftField($0, { $0.order.express }, { $0.order.express = $1 }) }),
        ("order.licenses", { DraftField($0, { $0.order.licenses }, { $0.order.licenses = $1 }) }),
        ("order.coupon", { DraftField($0, { $0.order.coupon }, { $0.order.coupon = $1 }) }),
        ("order.issuer", { DraftField($0, { $0.order.issuer }, { $0.order.issuer = $1 }) }),
        ("order.orderNumber", { DraftField($0, { $0.order.orderNumber }, { $0.order.orderNumber = $1 }) }),
        ("order.amount", { DraftField($0, { $0.order.amount }, { $0.order.amount = $1 }) }),
        ("order.submittedOn", { DraftField($0, { $0.order.submittedOn }, { $0.order.submittedOn = $1 }) }),
        ("payment.method", { DraftField($0, { $0.payment.method }, { $0.payment.method = $1 }) }),
        ("payment.plannedDate", { DraftField($0, { $0.payment.plannedDate }, { $0.payment.plannedDate = $1 }) }),
        ("payment.deferred", { DraftField($0, { $0.payment.deferred }, { $0.payment.deferred = $1 }) }),
        ("payment.transferAccount", { DraftField($0, { $0.payment.transferAccount }, { $0.payment.transferAccount = $1 }) }),
        ("payment.paidOn", { DraftField($0, { $0.payment.paidOn }, { $0.payment.paidOn = $1 }) }),
        ("domainCheck.whoisMatches", { DraftField($0, { $0.domainCheck.whoisMatches }, { $0.domainCheck.whoisMatches = $1 }) }),
        ("domainCheck.method", { DraftField($0, { $0.domainCheck.method }, { $0.domainCheck.method = $1 }) }),
        ("domainCheck.approverEmail", { DraftField($0, { $0.domainCheck.approverEmail }, { $0.domainCheck.approverEmail = $1 }) }),
        ("domainCheck.approverSource", { DraftField($0, { $0.domainCheck.approverSource }, { $0.domainCheck.approverSource = $1 }) }),
        ("domainCheck.approverEmailSentOn", { DraftField($0, { $0.domainCheck.approverEmailSentOn }, { $0.domainCheck.approverEmailSentOn = $1 }) }),
        ("domainCheck.approverRepliedOn", { DraftField($0, { $0.domainCheck.approverRepliedOn }, { $0.domainCheck.approverRepliedOn = $1 }) }),
        ("domainCheck.confirmedOn", { DraftField($0, { $0.domainCheck.confirmedOn }, { $0.domainCheck.confirmedOn = $1 }) }),
        ("organizationCheck.confirmedOn", { DraftField($0, { $0.organizationCheck.confirmedOn }, { $0.organizationCheck.confirmedOn = $1 }) }),
        ("documents.requested", { DraftField($0, { $0.documents.requested }, { $0.documents.requested = $1 }) }),
        ("documents.requestedOn", { DraftField($0, { $0.documents.requestedOn }, { $0.documents.requestedOn = $1 }) }),
        ("documents.items", { DraftField($0, { $0.documents.items }, { $0.documents.items = $1 }) }),
        ("documents.delivery", { DraftField($0, { $0.documents.delivery }, { $0.documents.delivery = $1 }) }),
        ("documents.sentOn", { DraftField($0, { $0.documents.sentOn }, { $0.documents.sentOn = $1 }) }),
        ("phoneVerification.callee", { DraftField($0, { $0.phoneVerification.callee }, { $0.phoneVerification.callee = $1 }) }),
        ("phoneVerification.briefed", { DraftField($0, { $0.phoneVerification.briefed }, { $0.phoneVerification.briefed = $1 }) }),
        ("phoneVerification.alternative", { DraftField($0, { $0.phoneVerification.alternative }, { $0.phoneVerification.alternative = $1 }) }),
        ("phoneVerification.done", { DraftField($0, { $0.phoneVerification.done }, { $0.phoneVerification.done = $1 }) }),
        ("phoneVerification.doneOn", { DraftField($0, { $0.phoneVerification.doneOn }, { $0.phoneVerification.doneOn = $1 }) }),
        ("issuance.importFrom", { DraftField($0, { $0.issuance.importFrom }, { $0.issuance.importFrom = $1 }) }),
        ("issuance.issuedOn", { DraftField($0, { $0.issuance.issuedOn }, { $0.issuance.issuedOn = $1 }) }),
        ("issuance.certificatePath", { DraftField($0, { $0.issuance.certificatePath }, { $0.issuance.certificatePath = $1 }) }),
        ("issuance.chainPath", { DraftField($0, { $0.issuance.chainPath }, { $0.issuance.chainPath = $1 }) }),
        ("issuance.serialNumber", { DraftField($0, { $0.issuance.serialNumber }, { $0.issuance.serialNumber = $1 }) }),
        ("installation.server", { DraftField($0, { $0.installation.server }, { $0.installation.server = $1 }) }),
        ("installation.configPath", { DraftField($0, { $0.installation.configPath }, { $0.installation.configPath = $1 }) }),
        ("installation.destination", { DraftField($0, { $0.installation.destination }, { $0.installation.destination = $1 }) }),
        ("installation.listen", { DraftField($0, { $0.installation.listen }, { $0.installation.listen = $1 }) }),
        ("installation.certificateInstalled", { DraftField($0, { $0.installation.certificateInstalled }, { $0.installation.certificateInstalled = $1 }) }),
        ("installation.intermediateInstalled", { DraftField($0, { $0.installation.intermediateInstalled }, { $0.installation.intermediateInstalled = $1 }) }),
        ("installation.sealInstalled", { DraftField($0, { $0.installation.sealInstalled }, { $0.installation.sealInstalled = $1 }) }),
        ("installation.installedOn", { DraftField($0, { $0.installation.installedOn }, { $0.installation.installedOn = $1 }) }),
        ("acme.directory", { DraftField($0, { $0.acme.directory }, { $0.acme.directory = $1 }) }),
        ("acme.challenge", { DraftField($0, { $0.acme.challenge }, { $0.acme.challenge = $1 }) }),
        ("acme.orderURL", { DraftField($0, { $0.acme.orderURL }, { $0.acme.orderURL = $1 }) }),
        ("acme.orderStatus", { DraftField($0, { $0.acme.orderStatus }, { $0.acme.orderStatus = $1 }) }),
        ("acme.reuseKey", { DraftField($0, { $0.acme.reuseKey }, { $0.acme.reuseKey = $1 }) }),
        ("acme.caFile", { DraftField($0, { $0.acme.caFile }, { $0.acme.caFile = $1 }) }),
        ("acme.httpPort", { DraftField($0, { $0.acme.httpPort }, { $0.acme.httpPort = $1 }) }),
        ("acme.webroot", { DraftField($0, { $0.acme.webroot }, { $0.acme.webroot = $1 }) }),
    ]

    /// Every field's path, in the order of `all`, without making any field.
    public static let paths: [String] = table.map(\.path)

    private static let index: [String: Int] = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.path, $0) })
    private static let made = Mutex<[DraftField?]>(Array(repeating: nil, count: table.count))

    /// Every field (makes them all).
    public static var all: [DraftField] { table.indices.map(field(at:)) }

    /// Whether a path names a field, without making it.
    public static func isField(_ path: String) -> Bool { index[path] != nil }

    /// `path`, which the code names as a field (a screen's): one that is not stops the program
    /// where it is named, before anything is shown.
    public static func requireField(_ path: String) -> String { table[requirePosition(path)].path }

    /// Where `path`, which the code names as a field, is in the list: a screen field keeps it, so
    /// reading its draft field at every keystroke does not hash the path again.
    static func requirePosition(_ path: String) -> Int {
        guard let position = index[path] else { preconditionFailure("\(path) is not a draft field listed in DraftFields") }
        return position
    }

    /// The field at a string path (answers files, `certwiz set`, screens), nil when there is none.
    public static func field(_ path: String) -> DraftField? { index[path].map(field(at:)) }

    static func field(at position: Int) -> DraftField {
        if let field = made.withLock({ $0[position] }) { return field }
        let field = table[position].make(table[position].path)
        made.withLock { $0[position] = field }
        return field
    }
}
