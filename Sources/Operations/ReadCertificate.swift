#if canImport(Glibc)
import Glibc
#endif
import CertWizardCore
import CertWizardPKI
import X509

/// Reads a certificate from a file, or the chain a running server sends (`host:port`); the result
/// records the leaf as the current certificate and keeps the chain for reports.
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
    /// A little longer than the fetcher's own deadline, so its precise message ("timed out after
    /// 10 s", "too large") is the one seen; this limit is the backstop.
    public var timeLimit: Duration { .seconds(seconds + 2) }
    public var timeLimitMessage: Localized {
        Localized("\(source) から \(seconds + 2) 秒以内に応答がありません", "no answer from \(source) in \(seconds + 2) s")
    }

    /// The certificates read: one from a file, the server's chain from host:port.
    func chain(_ context: OperationContext) async throws -> (chain: [Certificate], hostname: String?) {
        let (source, seconds) = (source, seconds)
        let outcome: Result<([Certificate], String?), OperationFailure> = try await context.blocking {
            if ReadCertificate.namesAFile(source) {
                let bytes: [UInt8]
                do throws(FileError) { bytes = try AtomicFile.read(source) } catch { return .failure(.unreadable(error.message)) }
                // Every certificate in the file (a full chain, a bundle), in the file's order.
                let all = (try? CertificateBundle.certificates(in: bytes)) ?? []
                guard let first = all.first ?? CurrentCertificateReader.certificate(from: bytes) else {
                    return .failure(.unreadable(Localized("\(source) は証明書 (PEM か DER) ではありません", "\(source) is not a certificate (PEM or DER)")))
                }
                return .success((all.isEmpty ? [first] : all, nil))
            }
            // The whole exchange gets `seconds`, as does each wait within it.
            do throws(TLSCertificateFetcher.FetchError) {
                return .success((try TLSCertificateFetcher.fetch(source, timeoutSeconds: seconds, deadlineSeconds: seconds),
                                 try TLSCertificateFetcher.parse(source).host))
            } catch {
                return .failure(.unreadable(Localized("\(source): \(error.message.ja)", "\(source): \(error.message.en)")))
            }
        }
        return try outcome.get()
    }

    /// Whether `source` is a file rather than `host[:port]`: anything at that path (even a dangling
    /// link or a FIFO, which then get their own error), or a name that could only be a path (a `/`,
    /// a certificate's file extension). A missing file is "no such file", never a DNS lookup.
    public static func namesAFile(_ source: String) -> Bool {
        var info = stat()
        if lstat(source, &info) == 0 { return true }
        if source.contains("/") { return true }
        let lower = source.lowercased()
        return [".pem", ".crt", ".cer", ".der", ".p7b", ".p7c", ".eml", ".txt", ".key", ".csr", ".json"].contains { lower.hasSuffix($0) }
    }

    public func run(_ context: OperationContext) async throws -> ChainRead {
        let (chain, hostname) = try await chain(context)
        return ChainRead(chain: chain, hostname: hostname,
                         leaf: CurrentCertificateReader.read(chain[0], source: source, replacingCommonName: replacingCommonName))
    }
}

/// The certificates read (the leaf first), and what the draft records of the leaf.
public struct ChainRead: DraftChange {
    public let chain: [Certificate]
    /// The server's name when the chain came from `host:port` (what the certificate must cover).
    public let hostname: String?
    public let leaf: CertificateRead
    public func applied(to draft: Draft) throws(ChangeRefused) -> Draft { try leaf.applied(to: draft) }
    public var summary: Localized { leaf.summary }
}
