/// One field of the draft, named three ways that must agree: its key path (what screens and code
/// use, so a misspelt field does not compile), its stable string path (answers files, `certwiz
/// set`, JSON output, rule findings), and the kind of value it holds. Reading and writing go
/// through the key path: no JSON is encoded or decoded while a field is edited, only when saved.
public struct DraftField: @unchecked Sendable {
    // @unchecked: the stored key path and closures are immutable and capture nothing mutable.
    public let path: String
    public let keyPath: PartialKeyPath<Draft>
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

    private init(_ path: String, _ keyPath: PartialKeyPath<Draft>, _ kind: FieldKind,
                 read: @escaping (Draft) -> JSONValue?, write: @escaping (inout Draft, JSONValue) -> Bool) {
        self.path = path
        self.keyPath = keyPath
        self.kind = kind
        self.read = read
        self.write = write
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, String?>) {
        self.init(path, keyPath, .text, read: { $0[keyPath: keyPath].map(JSONValue.string) }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .string(let text): draft[keyPath: keyPath] = text
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, Bool?>) {
        self.init(path, keyPath, .flag, read: { $0[keyPath: keyPath].map(JSONValue.bool) }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .bool(let flag): draft[keyPath: keyPath] = flag
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, Int?>) {
        self.init(path, keyPath, .integer, read: { $0[keyPath: keyPath].map(JSONValue.int) }, write: { draft, value in
            switch value {
            case .null: draft[keyPath: keyPath] = nil
            case .int(let number): draft[keyPath: keyPath] = number
            default: return false
            }
            return true
        })
    }

    init(_ path: String, _ keyPath: WritableKeyPath<Draft, CalendarDate?>) {
        self.init(path, keyPath, .date, read: { $0[keyPath: keyPath].map { .string($0.iso8601) } }, write: { draft, value in
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
        self.init(path, keyPath, .list, read: { $0[keyPath: keyPath].map { .array($0.map(JSONValue.string)) } }, write: { draft, value in
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
        self.init(path, keyPath, .choice(Value.allCases.map(\.rawValue)), read: { $0[keyPath: keyPath].map { .string($0.rawValue) } },
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
public enum DraftFields {
    public static let all: [DraftField] = [
        DraftField("applicationType", \.applicationType),
        DraftField("organization.nameJa", \.organization.nameJa),
        DraftField("organization.nameEn", \.organization.nameEn),
        DraftField("organization.corporateNumber", \.organization.corporateNumber),
        DraftField("organization.address", \.organization.address),
        DraftField("organization.phone", \.organization.phone),
        DraftField("organization.listedInDuns", \.organization.listedInDuns),
        DraftField("organization.listedInITownPage", \.organization.listedInITownPage),
        DraftField("csr.origin", \.csr.origin),
        DraftField("csr.commonName", \.csr.commonName),
        DraftField("csr.organization", \.csr.organization),
        DraftField("csr.organizationalUnit", \.csr.organizationalUnit),
        DraftField("csr.locality", \.csr.locality),
        DraftField("csr.state", \.csr.state),
        DraftField("csr.country", \.csr.country),
        DraftField("csr.subjectAltNames", \.csr.subjectAltNames),
        DraftField("csr.keyType", \.csr.keyType),
        DraftField("csr.serverSoftware", \.csr.serverSoftware),
        DraftField("csr.keyPath", \.csr.keyPath),
        DraftField("csr.publicKeyFingerprint", \.csr.publicKeyFingerprint),
        DraftField("csr.pem", \.csr.pem),
        DraftField("csr.file", \.csr.file),
        DraftField("currentCertificate.source", \.currentCertificate.source),
        DraftField("currentCertificate.commonName", \.currentCertificate.commonName),
        DraftField("currentCertificate.notBefore", \.currentCertificate.notBefore),
        DraftField("currentCertificate.notAfter", \.currentCertificate.notAfter),
        DraftField("currentCertificate.subjectAltNames", \.currentCertificate.subjectAltNames),
        DraftField("currentCertificate.issuer", \.currentCertificate.issuer),
        DraftField("currentCertificate.serialNumber", \.currentCertificate.serialNumber),
        DraftField("currentCertificate.publicKeyFingerprint", \.currentCertificate.publicKeyFingerprint),
        DraftField("reissue.reason", \.reissue.reason),
        DraftField("reissue.originalIssuedOn", \.reissue.originalIssuedOn),
        DraftField("applicantInCharge.name", \.applicantInCharge.name),
        DraftField("applicantInCharge.department", \.applicantInCharge.department),
        DraftField("applicantInCharge.title", \.applicantInCharge.title),
        DraftField("applicantInCharge.email", \.applicantInCharge.email),
        DraftField("applicantInCharge.phone", \.applicantInCharge.phone),
        DraftField("applicantInCharge.fullTimeEmployee", \.applicantInCharge.fullTimeEmployee),
        DraftField("technicalContact.company", \.technicalContact.company),
        DraftField("technicalContact.name", \.technicalContact.name),
        DraftField("technicalContact.department", \.technicalContact.department),
        DraftField("technicalContact.email", \.technicalContact.email),
        DraftField("technicalContact.phone", \.technicalContact.phone),
        DraftField("technicalContact.belongsToApplicant", \.technicalContact.belongsToApplicant),
        DraftField("technicalContact.agency", \.technicalContact.agency),
        DraftField("order.product", \.order.product),
        DraftField("order.express", \.order.express),
        DraftField("order.licenses", \.order.licenses),
        DraftField("order.coupon", \.order.coupon),
        DraftField("order.issuer", \.order.issuer),
        DraftField("order.orderNumber", \.order.orderNumber),
        DraftField("order.amount", \.order.amount),
        DraftField("order.submittedOn", \.order.submittedOn),
        DraftField("payment.method", \.payment.method),
        DraftField("payment.plannedDate", \.payment.plannedDate),
        DraftField("payment.deferred", \.payment.deferred),
        DraftField("payment.transferAccount", \.payment.transferAccount),
        DraftField("payment.paidOn", \.payment.paidOn),
        DraftField("domainCheck.whoisMatches", \.domainCheck.whoisMatches),
        DraftField("domainCheck.method", \.domainCheck.method),
        DraftField("domainCheck.approverEmail", \.domainCheck.approverEmail),
        DraftField("domainCheck.approverSource", \.domainCheck.approverSource),
        DraftField("domainCheck.approverEmailSentOn", \.domainCheck.approverEmailSentOn),
        DraftField("domainCheck.approverRepliedOn", \.domainCheck.approverRepliedOn),
        DraftField("domainCheck.confirmedOn", \.domainCheck.confirmedOn),
        DraftField("organizationCheck.confirmedOn", \.organizationCheck.confirmedOn),
        DraftField("documents.requested", \.documents.requested),
        DraftField("documents.requestedOn", \.documents.requestedOn),
        DraftField("documents.items", \.documents.items),
        DraftField("documents.delivery", \.documents.delivery),
        DraftField("documents.sentOn", \.documents.sentOn),
        DraftField("phoneVerification.callee", \.phoneVerification.callee),
        DraftField("phoneVerification.briefed", \.phoneVerification.briefed),
        DraftField("phoneVerification.alternative", \.phoneVerification.alternative),
        DraftField("phoneVerification.done", \.phoneVerification.done),
        DraftField("phoneVerification.doneOn", \.phoneVerification.doneOn),
        DraftField("issuance.importFrom", \.issuance.importFrom),
        DraftField("issuance.issuedOn", \.issuance.issuedOn),
        DraftField("issuance.certificatePath", \.issuance.certificatePath),
        DraftField("issuance.chainPath", \.issuance.chainPath),
        DraftField("issuance.serialNumber", \.issuance.serialNumber),
        DraftField("installation.server", \.installation.server),
        DraftField("installation.configPath", \.installation.configPath),
        DraftField("installation.destination", \.installation.destination),
        DraftField("installation.listen", \.installation.listen),
        DraftField("installation.certificateInstalled", \.installation.certificateInstalled),
        DraftField("installation.intermediateInstalled", \.installation.intermediateInstalled),
        DraftField("installation.sealInstalled", \.installation.sealInstalled),
        DraftField("installation.installedOn", \.installation.installedOn),
        DraftField("acme.directory", \.acme.directory),
        DraftField("acme.challenge", \.acme.challenge),
        DraftField("acme.orderURL", \.acme.orderURL),
        DraftField("acme.orderStatus", \.acme.orderStatus),
        DraftField("acme.reuseKey", \.acme.reuseKey),
        DraftField("acme.caFile", \.acme.caFile),
        DraftField("acme.httpPort", \.acme.httpPort),
        DraftField("acme.webroot", \.acme.webroot),    ]

    private static let byPath = Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0) })
    // Immutable after its lazy start; key paths are values.
    nonisolated(unsafe) private static let byKeyPath = Dictionary(uniqueKeysWithValues: all.map { ($0.keyPath, $0) })

    /// The field at a string path (answers files, `certwiz set`), nil when there is none.
    public static func field(_ path: String) -> DraftField? { byPath[path] }

    /// The field a key path names. Every optional leaf of the draft is listed, so this only
    /// fails for a key path that is not a field (a section, the timeline): a programming error.
    public static func field(_ keyPath: PartialKeyPath<Draft>) -> DraftField {
        guard let field = byKeyPath[keyPath] else { preconditionFailure("\(keyPath) is not a draft field listed in DraftFields.all") }
        return field
    }
}
