#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import ACME
import CertWizardCore
import CertWizardPKI
import Crypto

/// ACME accounts, one per directory URL, under `$XDG_DATA_HOME/certwiz/acme/`: the account key
/// (P-256, 0600, never replaced) and what the CA said (the account URL). Reused by every draft
/// that orders from that directory. The HMAC key of the binding is used once and kept nowhere.
public struct ACMEAccountStore: Sendable {
    public struct Account: Codable, Equatable, Sendable {
        public let directory: String
        public let accountURL: String
        public let email: String?
    }

    public let root: String

    public init(dataHome: String) { root = DataHome.join(dataHome, "acme") }

    /// The folder of one directory URL's account (a name derived from the URL).
    public func folder(for directory: String) -> String {
        let digest = SHA256.hash(data: Array(directory.utf8)).prefix(8).map { String($0, radix: 16).leftPadded(2) }.joined()
        let host = directory.split(separator: "/").dropFirst().first.map { String($0.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }) } ?? "ca"
        return root + "/" + host + "-" + digest
    }

    /// The account key for `directory`, made (0600) the first time; never replaced.
    public func key(for directory: String) throws -> P256.Signing.PrivateKey {
        let path = folder(for: directory) + "/account.key"
        if let bytes = try? AtomicFile.read(path) {
            guard let key = try? P256.Signing.PrivateKey(pemRepresentation: String(decoding: bytes, as: UTF8.self)) else {
                throw OperationFailure.unreadable(Localized("ACME アカウントの鍵 \(path) を読めません", "cannot read the ACME account key \(path)"))
            }
            return key
        }
        let key = P256.Signing.PrivateKey()
        do {
            try AtomicFile.makeDirectories(folder(for: directory))
            try KeyFiles.writeNewKey(key.pemRepresentation, to: path)
        } catch { throw OperationFailure.failed(error.message) }
        return key
    }

    public func account(for directory: String) -> Account? {
        guard let bytes = try? AtomicFile.read(folder(for: directory) + "/account.json") else { return nil }
        return try? JSONDecoder().decode(Account.self, from: Data(bytes))
    }

    public func save(_ account: Account) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try AtomicFile.write(Array(try encoder.encode(account)), to: folder(for: account.directory) + "/account.json") } catch let error as FileError {
            throw OperationFailure.failed(error.message)
        }
    }
}
