import ArgumentParser
import CertWizardCore
import CertWizardPKI
import X509

/// `--ca-file FILE`: anchors besides the system's store. The demo issuer's root counts too
/// when it exists, so demo certificates verify (it is named NOT TRUSTED and is in no browser).
struct TrustAnchorOptions: ParsableArguments {
    @Option(name: .customLong("ca-file"), help: ArgumentHelp(L("信頼するルート証明書 (PEM) を加える", "Trust the root certificates in this PEM file too"), valueName: "FILE"))
    var caFile: String?

    func anchors() throws -> [Certificate] {
        var anchors: [Certificate] = []
        if let caFile {
            do { anchors += try CertificateBundle.certificates(in: InputBytes.read(caFile)) } catch let error as CertificateBundle.ReadError {
                Output.error("--ca-file \(caFile): " + error.message.local)
                throw ExitCode(ExitStatus.unreadable)
            }
        }
        let demoRoot = DataHome.join(DataHome.directory(environment: processEnvironment), "demo-ca/root.crt")
        if let bytes = try? AtomicFile.read(demoRoot), let root = try? CertificateBundle.certificates(in: bytes) { anchors += root }
        return anchors
    }
}
