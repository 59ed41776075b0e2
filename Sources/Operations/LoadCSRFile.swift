import CertWizardCore
import CertWizardPKI
import X509

/// Reads an existing CSR from a file (PEM in any wrapping, or DER); the result is `CSRLoaded`.
public struct LoadCSRFile: Operation {
    public let path: String

    public init(path: String) { self.path = path }

    public init(draft: Draft) throws(OperationFailure) {
        guard let path = draft.csr.file?.trimmed, !path.isEmpty else {
            throw .failed(Localized("CSR ファイルのパスを入力してください", "Enter the CSR file's path"))
        }
        self.init(path: path)
    }

    public var title: Localized { Localized("CSR を読んでいます: \(path)", "Reading the CSR: \(path)") }
    public var timeLimit: Duration { .seconds(10) }

    public func run(_ context: OperationContext) async throws -> CSRLoaded {
        let path = path
        // A FIFO or a slow network mount blocks a read: the blocking helper keeps Esc working.
        let outcome: Result<CSRLoaded, OperationFailure> = try await context.blocking {
            let bytes: [UInt8]
            do throws(FileError) { bytes = try AtomicFile.read(path) } catch { return .failure(.unreadable(error.message)) }
            let der: [UInt8]
            do throws(CSRInputError) { der = try CSRInspector.csrDER(from: bytes) } catch {
                return .failure(.unreadable(Localized("\(path): \(error.message.ja)", "\(path): \(error.message.en)")))
            }
            guard let csr = try? CertificateSigningRequest(derEncoded: der), let pem = try? CSRMaker.pem(csr) else {
                return .failure(.unreadable(Localized("\(path) の CSR はこのライブラリで読めません (鍵が小さいか未対応です)",
                                                  "\(path): the CSR cannot be read (a key too small, or unsupported)")))
            }
            let report = try? CSRInspector.inspect(der, today: CalendarDate.today())
            return .success(CSRLoaded(path: path, pem: pem, subject: report?.subject ?? [:], subjectAltNames: report?.subjectAltNames ?? []))
        }
        return try outcome.get()
    }
}
