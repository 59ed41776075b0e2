import CertWizardCore
import CertWizardPKI
import X509

/// Reads a certificate from a file, or the chain a running server sends (`host:port`); the
/// result is `CertificateRead` for the leaf, and `chain` holds what was read.
public struct ReadCertificate: Operation {
    public let source: String
    public let replacingCommonName: Bool
    public let seconds: Int

    public init(source: String, replacingCommonName: Bool, seconds: Int = 10) {
        self.source = source
        self.replacingCommonName = replacingCommonName
        self.seconds = seconds
    }

    /// The draft's `currentCertificate.source`.
    public init(draft: Draft) throws(OperationFailure) {
        guard let source = draft.currentCertificate.source?.trimmed, !source.isEmpty else {
            throw .failed(Localized("証明書の場所を入力してください", "Enter where the certificate is"))
        }
        self.init(source: source, replacingCommonName: true)
    }

    public var title: Localized { Localized("証明書を読んでいます: \(source)", "Reading the certificate: \(source)") }
    public var timeLimit: Duration { .seconds(seconds) }
    public var timeLimitMessage: Localized {
        Localized("\(source) から \(seconds) 秒以内に応答がありません", "no answer from \(source) in \(seconds) s")
    }

    /// The certificates read: one from a file, the server's chain from host:port.
    public func chain(_ context: OperationContext) async throws -> [Certificate] {
        let (source, seconds) = (source, seconds)
        let outcome: Result<[Certificate], OperationFailure> = try await context.blocking {
            if let bytes = try? AtomicFile.read(source) {
                guard let certificate = CurrentCertificateReader.certificate(from: bytes) else {
                    return .failure(.failed(Localized("\(source) は証明書 (PEM か DER) ではありません", "\(source) is not a certificate (PEM or DER)")))
                }
                return .success([certificate])
            }
            // The fetcher's own limit is a little longer, so the operation's message is the one seen.
            do throws(TLSCertificateFetcher.FetchError) {
                return .success(try TLSCertificateFetcher.fetch(source, timeoutSeconds: seconds + 1))
            } catch {
                return .failure(.failed(Localized("\(source): \(error.message.ja)", "\(source): \(error.message.en)")))
            }
        }
        return try outcome.get()
    }

    public func run(_ context: OperationContext) async throws -> CertificateRead {
        let chain = try await chain(context)
        return CurrentCertificateReader.read(chain[0], source: source, replacingCommonName: replacingCommonName)
    }
}
