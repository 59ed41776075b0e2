import CertWizardCore
import SwiftASN1
import X509

/// The subject of a CSR as the procedure fills it (R 1-2).
public struct SubjectFields: Equatable, Sendable {
    public var commonName: String
    public var organization: String?
    public var organizationalUnit: String?
    public var locality: String?
    public var state: String?
    public var country: String?
    public var subjectAltNames: [String]

    public init(commonName: String, organization: String? = nil, organizationalUnit: String? = nil, locality: String? = nil,
                state: String? = nil, country: String? = nil, subjectAltNames: [String] = []) {
        self.commonName = commonName
        self.organization = organization
        self.organizationalUnit = organizationalUnit
        self.locality = locality
        self.state = state
        self.country = country
        self.subjectAltNames = subjectAltNames
    }

    /// The subject from a draft's CSR section (nil when there is no Common Name).
    public init?(draft: Draft) {
        guard let cn = draft.csr.commonName?.trimmed, !cn.isEmpty else { return nil }
        func clean(_ s: String?) -> String? { s.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 } }
        self.init(commonName: cn, organization: clean(draft.csr.organization), organizationalUnit: clean(draft.csr.organizationalUnit),
                  locality: clean(draft.csr.locality), state: clean(draft.csr.state), country: clean(draft.csr.country),
                  subjectAltNames: (draft.csr.subjectAltNames ?? []).map(\.trimmed).filter { !$0.isEmpty })
    }

    /// The SANs the CSR asks for: the CN first, then the others, each once.
    public var requestedNames: [String] {
        var seen = Set<String>()
        return ([commonName] + subjectAltNames).filter { seen.insert($0.lowercased()).inserted }
    }

    /// C, ST, L, O, OU, CN: the usual X.509 order. C is a PrintableString, the rest UTF8String.
    public func distinguishedName() throws -> DistinguishedName {
        try DistinguishedName {
            if let country { CountryName(country) }
            if let state { StateOrProvinceName(state) }
            if let locality { LocalityName(locality) }
            if let organization { OrganizationName(organization) }
            if let organizationalUnit { OrganizationalUnitName(organizationalUnit) }
            CommonName(commonName)
        }
    }
}

/// Makes a signed CSR for a key: the subject, and a subjectAltName request that always holds the CN.
public enum CSRMaker {
    public static func make(_ subject: SubjectFields, key: GeneratedKey) throws -> CertificateSigningRequest {
        let names = SubjectAlternativeNames(subject.requestedNames.map { GeneralName.dnsName($0) })
        let extensions = try Certificate.Extensions { names }
        let request = try CertificateSigningRequest.Attribute(ExtensionRequest(extensions: extensions))
        let attributes = CertificateSigningRequest.Attributes([request])
        return try CertificateSigningRequest(version: .v1, subject: try subject.distinguishedName(), privateKey: key.privateKey,
                                             attributes: attributes, signatureAlgorithm: key.signatureAlgorithm)
    }

    public static func pem(_ csr: CertificateSigningRequest) throws -> String {
        try csr.serializeAsPEM().pemString + "\n"
    }
}
