#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ACME
import CertWizardCore
import X509

/// ACME Renewal Information (RFC 9773): when the CA suggests renewing this certificate. No
/// window (nil) when the CA does not offer it, or the certificate has no authority key identifier.
public struct ReadRenewalWindow: Operation {
    public let directory: String
    public let certificate: Certificate
    public let trustPEM: [UInt8]?

    public init(directory: String, certificate: Certificate, trustPEM: [UInt8]?) {
        self.directory = directory
        self.certificate = certificate
        self.trustPEM = trustPEM
    }

    public var title: Localized { Localized("更新の時期を CA に尋ねています", "Asking the CA when to renew") }
    public var timeLimit: Duration { .seconds(30) }

    public struct Window: DraftChange {
        public let start: Date?
        public func applied(to draft: Draft) throws(ChangeRefused) -> Draft { draft }
        public var summary: Localized { Localized("", "") }
    }

    public func run(_ context: OperationContext) async throws -> Window {
        guard let keyIdentifier = try? certificate.extensions.authorityKeyIdentifier?.keyIdentifier else { return Window(start: nil) }
        let id = ACMEClient.renewalCertificateID(authorityKeyIdentifier: Array(keyIdentifier), serialNumber: Array(certificate.serialNumber.bytes))
        // Only the directory and renewalInfo are read: no account is needed.
        let client = ACMEClient(directoryURL: directory, accountKey: .init(), transport: HTTPTransport(trustPEM: trustPEM))
        let window = try? await client.suggestedRenewalWindow(certificateID: id)
        return Window(start: window?.start)
    }
}
