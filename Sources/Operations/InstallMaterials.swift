#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import CertWizardPKI
import Installers
import X509

/// What goes into a server, read and checked before anything is touched: the recorded
/// certificate and chain (put leaf first), the key made with the CSR (it must be the
/// certificate's key: nginx's "key values mismatch" is caught here), and a chain that verifies.
struct InstallMaterials: Sendable {
    let order: ChainOrder
    let keyBytes: [UInt8]
    /// The certificate's host names, the Common Name first.
    let names: [String]

    /// The name to say in SNI when checking: the first that is not a wildcard.
    var serverName: String {
        names.first { !$0.hasPrefix("*.") } ?? "www." + names[0].dropFirst(2)
    }

    static func load(_ draft: Draft, anchors: [Certificate]) async throws -> InstallMaterials {
        guard let certificatePath = draft.issuance.certificatePath else {
            throw OperationFailure.failed(Localized("発行された証明書が記録されていません。先に certwiz import で受け取ってください",
                                                    "no issued certificate is recorded: receive it first with certwiz import"))
        }
        var bytes: [UInt8]
        do { bytes = try AtomicFile.read(certificatePath) } catch { throw OperationFailure.unreadable(error.message) }
        if let chainPath = draft.issuance.chainPath {
            do { bytes += [10] + (try AtomicFile.read(chainPath)) } catch { throw OperationFailure.unreadable(error.message) }
        }
        let certificates: [Certificate]
        do { certificates = try CertificateBundle.certificates(in: bytes) } catch {
            throw OperationFailure.unreadable(Localized("\(certificatePath): \(error.message.ja)", "\(certificatePath): \(error.message.en)"))
        }
        let order: ChainOrder
        do { order = try ChainOrder(certificates, keyFingerprint: IssuedCertificateCheck.csrFingerprint(of: draft)) } catch {
            throw OperationFailure.failed(error.message)
        }
        guard let keyPath = draft.csr.keyPath else {
            throw OperationFailure.failed(Localized("鍵のファイルが下書きにありません (csr.keyPath)", "the draft names no key file (csr.keyPath)"))
        }
        let keyBytes: [UInt8]
        do { keyBytes = try AtomicFile.read(keyPath) } catch { throw OperationFailure.unreadable(error.message) }
        let keyText = String(decoding: keyBytes, as: UTF8.self)
        if keyText.contains("ENCRYPTED PRIVATE KEY") || keyText.contains("Proc-Type: 4,ENCRYPTED") {
            throw OperationFailure.failed(Localized("鍵 \(keyPath) はパスフレーズで暗号化されています。サーバは起動のたびにパスフレーズを求めます。暗号化していない鍵を使ってください",
                                                    "the key \(keyPath) is encrypted with a passphrase: the server would ask for it at every start; use an unencrypted key"))
        }
        guard let key = try? Certificate.PrivateKey(pemEncoded: keyText) else {
            throw OperationFailure.unreadable(Localized("\(keyPath) は秘密鍵として読めません", "\(keyPath) is not a readable private key"))
        }
        if key.publicKey != order.leaf.publicKey {
            let keyPrint = (try? PublicKeyFingerprint.sha256(key.publicKey)) ?? "?"
            let certificatePrint = (try? PublicKeyFingerprint.sha256(order.leaf.publicKey)) ?? "?"
            throw OperationFailure.failed(Localized(
                "鍵 \(keyPath) は証明書の鍵ではありません (鍵 \(keyPrint)、証明書 \(certificatePrint))。サーバは \"key values mismatch\" で起動しません。何も変更していません",
                "the key \(keyPath) is not the certificate's key (key \(keyPrint), certificate \(certificatePrint)): the server would fail with \"key values mismatch\"; nothing was changed"))
        }
        let fields = CurrentCertificateReader.fields(of: order.leaf)
        var names = [fields.commonName ?? draft.csr.commonName].compactMap { $0 }
        for name in fields.subjectAltNames ?? [] where !names.contains(name) { names.append(name) }
        guard !names.isEmpty else { throw OperationFailure.failed(Localized("証明書にホスト名がありません", "the certificate names no host")) }
        let problems = await ChainCheck.problems(order, commonName: names[0], anchors: ChainCheck.Anchors(anchors))
        if !problems.isEmpty {
            let list = problems.map { "  \($0.code): " }
            throw OperationFailure.failed(Localized(
                "証明書とチェーンをこのままでは入れられません。何も変更していません:\n" + zip(list, problems).map { $0 + $1.message.ja }.joined(separator: "\n"),
                "the certificate and chain cannot go in as they are; nothing was changed:\n" + zip(list, problems).map { $0 + $1.message.en }.joined(separator: "\n")))
        }
        return InstallMaterials(order: order, keyBytes: keyBytes, names: names)
    }

    /// The files in `dest`: certificate, chain, full chain (leaf first), and the key (0600).
    func files(in dest: String) -> InstalledFiles {
        let stem = dest + "/" + KeyFiles.fileName(for: names[0])
        let leafPEM = (try? order.leaf.serializeAsPEM().pemString).map { $0 + "\n" } ?? ""
        let chainPEM = order.intermediates.compactMap { try? $0.serializeAsPEM().pemString }.map { $0 + "\n" }.joined()
        let files = InstalledFiles(certificate: stem + ".crt", chain: stem + ".chain.crt", fullChain: stem + ".fullchain.crt", key: stem + ".key", changes: [])
        var changes: [FileChange] = []
        for (path, contents, mode) in [(files.certificate, leafPEM, mode_t(0o644)), (files.chain, chainPEM, 0o644), (files.fullChain, leafPEM + chainPEM, 0o644)] {
            changes += Self.change(path, Array(contents.utf8), mode: mode)
        }
        changes += Self.change(files.key, keyBytes, mode: 0o600)
        return InstalledFiles(certificate: files.certificate, chain: files.chain, fullChain: files.fullChain, key: files.key, changes: changes)
    }

    /// A new file, a replaced one (kept in the backup), or nothing when it already holds `contents`.
    private static func change(_ path: String, _ contents: [UInt8], mode: mode_t) -> [FileChange] {
        guard let before = try? AtomicFile.read(path) else { return [.create(path, contents, mode: mode)] }
        return before == contents ? [] : [FileChange(path: path, kind: .edit(before: before), contents: contents, mode: mode)]
    }
}

/// Where the installed files are.
public struct InstalledFiles: Sendable {
    public let certificate: String
    public let chain: String
    public let fullChain: String
    public let key: String
    let changes: [FileChange]
}
