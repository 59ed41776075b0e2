import Synchronization

/// One field of the draft, named two ways that must agree: its stable string path (screens,
/// answers files, `certwiz set`, JSON output, rule findings) and the key path it reads and writes
/// (so a field listed in `DraftFields` that the model lacks does not compile), with the kind of
/// value it holds. No JSON is encoded or decoded while a field is edited, only when saved.
public struct DraftField: @unchecked Sendable {
    // @unchecked: the closures (over a key path) are immutable and capture nothing mutable.
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

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, String?>) {
        self.init(path, .text, read: { $0[keyPath: keyPath].map(JSONValue.string) }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .string(let text): draft[keyPath: keyPath] = text
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, Bool?>) {
        self.init(path, .flag, read: { $0[keyPath: keyPath].map(JSONValue.bool) }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .bool(let flag): draft[keyPath: keyPath] = flag
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, Int?>) {
        self.init(path, .integer, read: { $0[keyPath: keyPath].map(JSONValue.int) }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .int(let number): draft[keyPath: keyPath] = number
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, CalendarDate?>) {
        self.init(path, .date, read: { $0[keyPath: keyPath].map { .string($0.iso8601) } }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .string(let text):
                guard let date = CalendarDate(iso8601: text) else { return false }
                draft[keyPath: keyPath] = date
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, [String]?>) {
        self.init(path, .list, read: { $0[keyPath: keyPath].map { .array($0.map(JSONValue.string)) } }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .array(let items):
                var texts: [String] = []
                for item in items {
                    guard case .string(let text) = item else { return false }
                    texts.append(text)
                }
                draft[keyPath: keyPath] = texts
            default: return false
            }
            return true
        })
    }

    init<Value: CaseIterable & RawRepresentable>(_ path: String, _ keyPath: WritableKeyPath<Draft, Value?>) where Value.RawValue == String {
        self.init(path, .choice(Value.allCases.map(\.rawValue)), read: { $0[keyPath: keyPath].map { .string($0.rawValue) } },
                  write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .string(let text):
                guard let choice = Value(rawValue: text) else { return false }
                draft[keyPath: keyPath] = choice
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
/// optional leaf of each section, by reflection) and each entry's path against the JSON it saves.
///
/// Each field is made the first time it is asked for: a key path is instantiated at run time
/// (~29,000 instructions each, resolving its types by name), and making all 97 before the
/// wizard's first frame was a fifth of its start-up. Paths alone cost nothing.
public enum DraftFields {
    private static let table: [(path: String, make: @Sendable (String) -> DraftField)] = [
        ("applicationType", { DraftField($0, \.applicationType) }),
        ("organization.nameJa", { DraftField($0, \.organization.nameJa) }),
        ("organization.nameEn", { DraftField($0, \.organization.nameEn) }),
        ("organization.corporateNumber", { DraftField($0, \.organization.corporateNumber) }),
        ("organization.address", { DraftField($0, \.organization.address) }),
        ("organization.phone", { DraftField($0, \.organization.phone) }),
        ("organization.listedInDuns", { DraftField($0, \.organization.listedInDuns) }),
        ("organization.listedInITownPage", { DraftField($0, \.organization.listedInITownPage) }),
        ("csr.origin", { DraftField($0, \.csr.origin) }),
        ("csr.commonName", { DraftField($0, \.csr.commonName) }),
        ("csr.organization", { DraftField($0, \.csr.organization) }),
        ("csr.organizationalUnit", { DraftField($0, \.csr.organizationalUnit) }),
        ("csr.locality", { DraftField($0, \.csr.locality) }),
        ("csr.state", { DraftField($0, \.csr.state) }),
        ("csr.country", { DraftField($0, \.csr.country) }),
        ("csr.subjectAltNames", { DraftField($0, \.csr.subjectAltNames) }),
        ("csr.keyType", { DraftField($0, \.csr.keyType) }),
        ("csr.serverSoftware", { DraftField($0, \.csr.serverSoftware) }),
        ("csr.keyPath", { DraftField($0, \.csr.keyPath) }),
        ("csr.publicKeyFingerprint", { DraftField($0, \.csr.publicKeyFingerprint) }),
        ("csr.pem", { DraftField($0, \.csr.pem) }),
        ("csr.file", { DraftField($0, \.csr.file) }),
        ("currentCertificate.source", { DraftField($0, \.currentCertificate.source) }),
        ("currentCertificate.commonName", { DraftField($0, \.currentCertificate.commonName) }),
        ("currentCertificate.notBefore", { DraftField($0, \.currentCertificate.notBefore) }),
        ("currentCertificate.notAfter", { DraftField($0, \.currentCertificate.notAfter) }),
        ("currentCertificate.subjectAltNames", { DraftField($0, \.currentCertificate.subjectAltNames) }),
        ("currentCertificate.issuer", { DraftField($0, \.currentCertificate.issuer) }),
        ("currentCertificate.serialNumber", { DraftField($0, \.currentCertificate.serialNumber) }),
        ("currentCertificate.publicKeyFingerprint", { DraftField($0, \.currentCertificate.publicKeyFingerprint) }),
        ("reissue.reason", { DraftField($0, \.reissue.reason) }),
        ("reissue.originalIssuedOn", { DraftField($0, \.reissue.originalIssuedOn) }),
        ("applicantInCharge.name", { DraftField($0, \.applicantInCharge.name) }),
        ("applicantInCharge.department", { DraftField($0, \.applicantInCharge.department) }),
        ("applicantInCharge.title", { DraftField($0, \.applicantInCharge.title) }),
        ("applicantInCharge.email", { DraftField($0, \.applicantInCharge.email) }),
        ("applicantInCharge.phone", { DraftField($0, \.applicantInCharge.phone) }),
        ("applicantInCharge.fullTimeEmployee", { DraftField($0, \.applicantInCharge.fullTimeEmployee) }),
        ("technicalContact.company", { DraftField($0, \.technicalContact.company) }),
        ("technicalContact.name", { DraftField($0, \.technicalContact.name) }),
        ("technicalContact.department", { DraftField($0, \.technicalContact.department) }),
        ("technicalContact.email", { DraftField($0, \.technicalContact.email) }),
        ("technicalContact.phone", { DraftField($0, \.technicalContact.phone) }),
        ("technicalContact.belongsToApplicant", { DraftField($0, \.technicalContact.belongsToApplicant) }),
        ("technicalContact.agency", { DraftField($0, \.technicalContact.agency) }),
        ("order.product", { DraftField($0, \.order.product) }),
        ("order.express", { DraftField($0, \.order.express) }),
        ("order.licenses", { DraftField($0, \.order.licenses) }),
        ("order.coupon", { DraftField($0, \.order.coupon) }),
        ("order.issuer", { DraftField($0, \.order.issuer) }),
        ("order.orderNumber", { DraftField($0, \.order.orderNumber) }),
        ("order.amount", { DraftField($0, \.order.amount) }),
        ("order.submittedOn", { DraftField($0, \.order.submittedOn) }),
        ("payment.method", { DraftField($0, \.payment.method) }),
        ("payment.plannedDate", { DraftField($0, \.payment.plannedDate) }),
        ("payment.deferred", { DraftField($0, \.payment.deferred) }),
        ("payment.transferAccount", { DraftField($0, \.payment.transferAccount) }),
        ("payment.paidOn", { DraftField($0, \.payment.paidOn) }),
        ("domainCheck.whoisMatches", { DraftField($0, \.domainCheck.whoisMatches) }),
        ("domainCheck.method", { DraftField($0, \.domainCheck.method) }),
        ("domainCheck.approverEmail", { DraftField($0, \.domainCheck.approverEmail) }),
        ("domainCheck.approverSource", { DraftField($0, \.domainCheck.approverSource) }),
        ("domainCheck.approverEmailSentOn", { DraftField($0, \.domainCheck.approverEmailSentOn) }),
        ("domainCheck.approverRepliedOn", { DraftField($0, \.domainCheck.approverRepliedOn) }),
        ("domainCheck.confirmedOn", { DraftField($0, \.domainCheck.confirmedOn) }),
        ("organizationCheck.confirmedOn", { DraftField($0, \.organizationCheck.confirmedOn) }),
        ("documents.requested", { DraftField($0, \.documents.requested) }),
        ("documents.requestedOn", { DraftField($0, \.documents.requestedOn) }),
        ("documents.items", { DraftField($0, \.documents.items) }),
        ("documents.delivery", { DraftField($0, \.documents.delivery) }),
        ("documents.sentOn", { DraftField($0, \.documents.sentOn) }),
        ("phoneVerification.callee", { DraftField($0, \.phoneVerification.callee) }),
        ("phoneVerification.briefed", { DraftField($0, \.phoneVerification.briefed) }),
        ("phoneVerification.alternative", { DraftField($0, \.phoneVerification.alternative) }),
        ("phoneVerification.done", { DraftField($0, \.phoneVerification.done) }),
        ("phoneVerification.doneOn", { DraftField($0, \.phoneVerification.doneOn) }),
        ("issuance.importFrom", { DraftField($0, \.issuance.importFrom) }),
        ("issuance.issuedOn", { DraftField($0, \.issuance.issuedOn) }),
        ("issuance.certificatePath", { DraftField($0, \.issuance.certificatePath) }),
        ("issuance.chainPath", { DraftField($0, \.issuance.chainPath) }),
        ("issuance.serialNumber", { DraftField($0, \.issuance.serialNumber) }),
        ("installation.server", { DraftField($0, \.installation.server) }),
        ("installation.configPath", { DraftField($0, \.installation.configPath) }),
        ("installation.destination", { DraftField($0, \.installation.destination) }),
        ("installation.listen", { DraftField($0, \.installation.listen) }),
        ("installation.certificateInstalled", { DraftField($0, \.installation.certificateInstalled) }),
        ("installation.intermediateInstalled", { DraftField($0, \.installation.intermediateInstalled) }),
        ("installation.sealInstalled", { DraftField($0, \.installation.sealInstalled) }),
        ("installation.installedOn", { DraftField($0, \.installation.installedOn) }),
        ("acme.directory", { DraftField($0, \.acme.directory) }),
        ("acme.challenge", { DraftField($0, \.acme.challenge) }),
        ("acme.orderURL", { DraftField($0, \.acme.orderURL) }),
        ("acme.orderStatus", { DraftField($0, \.acme.orderStatus) }),
        ("acme.reuseKey", { DraftField($0, \.acme.reuseKey) }),
        ("acme.caFile", { DraftField($0, \.acme.caFile) }),
        ("acme.httpPort", { DraftField($0, \.acme.httpPort) }),
        ("acme.webroot", { DraftField($0, \.acme.webroot) }),
    ]

    /// Every field's path, in the order of `all`, without making any field.
    public static let paths: [String] = table.map(\.path)

    private static let index: [String: Int] = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.path, $0) })
    private static let made = Mutex<[DraftField?]>(Array(repeating: nil, count: table.count))

    /// Every field (makes them all).
    public static var all: [DraftField] { table.indices.map(field(at:)) }

    /// Whether a path names a field, without making it.
    public static func isField(_ path: String) -> Bool { index[path] != nil }

    /// The field at a string path (answers files, `certwiz set`, screens), nil when there is none.
    public static func field(_ path: String) -> DraftField? { index[path].map(field(at:)) }

    private static func field(at position: Int) -> DraftField {
        if let field = made.withLock({ $0[position] }) { return field }
        let field = table[position].make(table[position].path)
        made.withLock { $0[position] = field }
        return field
    }
}
