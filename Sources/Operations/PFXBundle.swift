#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import Crypto
import X509

/// IIS's form of the certificate: a PKCS#12 (`.pfx`) with the key, the certificate and its chain,
/// made by openssl's `pkcs12 -export` (no Swift library writes PKCS#12). AES-256 (PBES2, PBKDF2,
/// HMAC-SHA256 MAC) by default; the 3DES / SHA-1 form that Windows Server 2016 and older import
/// with `legacy`. The password reaches openssl through its environment, never its arguments.
enum PFXBundle {
    static func make(keyPath: String, leafPEM: String, chainPEM: String, friendlyName: String, password: String, legacy: Bool) async throws -> [UInt8] {
        var template = Array("/tmp/certwiz-pfx-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw OperationFailure.failed(Localized("一時フォルダを作れません", "cannot make a temporary folder")) }
        let folder = String(cString: made)
        defer {
            for name in ["certificate.pem", "chain.pem", "bundle.pfx"] { unlink(folder + "/" + name) }
            rmdir(folder)
        }
        do {
            try AtomicFile.create(Array(leafPEM.utf8), at: folder + "/certificate.pem", mode: 0o600)
            try AtomicFile.create(Array(chainPEM.utf8), at: folder + "/chain.pem", mode: 0o600)
        } catch { throw OperationFailure.failed(error.message) }
        var arguments = ["pkcs12", "-export", "-inkey", keyPath, "-in", folder + "/certificate.pem", "-name", friendlyName,
                         "-out", folder + "/bundle.pfx", "-passout", "env:CERTWIZ_PFX_PASSWORD"]
        if !chainPEM.isEmpty { arguments += ["-certfile", folder + "/chain.pem"] }
        arguments += legacy ? ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"]
                            : ["-keypbe", "AES-256-CBC", "-certpbe", "AES-256-CBC", "-macalg", "sha256"]
        let outcome: ProcessRunner.Outcome
        do { outcome = try await ProcessRunner(timeLimit: .seconds(30)).run("openssl", arguments, environment: ["CERTWIZ_PFX_PASSWORD": password]) } catch {
            throw OperationFailure.failed(error.message)
        }
        guard outcome.succeeded, let bytes = try? AtomicFile.read(folder + "/bundle.pfx") else {
            throw OperationFailure.failed(Localized("PFX を作れません: \(outcome.errorText)", "cannot make the PFX: \(outcome.errorText)"))
        }
        return bytes
    }

    /// The certificate's SHA-1 thumbprint as Windows shows it (upper-case hex).
    static func thumbprint(_ certificate: Certificate) -> String {
        guard let der = try? certificate.serializeAsPEM().derBytes else { return "" }
        return Insecure.SHA1.hash(data: der).map { String($0, radix: 16, uppercase: true).leftPadded(2) }.joined()
    }

    /// A password for the PFX: 24 characters from a 64-letter alphabet (144 bits), no look-alikes issue for copy and paste.
    static func generatePassword() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next() % 64)] })
    }

    /// The PowerShell lines that import the PFX and bind it to a site with SNI.
    static func powershell(pfxPath: String, thumbprint: String, host: String, port: Int) -> [String] {
        let file = pfxPath.split(separator: "/").last.map(String.init) ?? pfxPath
        return [
            "$password = Read-Host -AsSecureString \"PFX password\"",
            "Import-PfxCertificate -FilePath C:\\certwiz\\\(file) -CertStoreLocation Cert:\\LocalMachine\\My -Password $password",
            "New-IISSiteBinding -Name \"Default Web Site\" -BindingInformation \"*:\(port):\(host)\" -Protocol https -CertificateThumbPrint \"\(thumbprint)\" -CertStoreLocation \"Cert:\\LocalMachine\\My\" -SslFlag \"Sni\"",
        ]
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
