import CertWizardCore
import CertWizardPKI
import Issuers
import X509

/// What screen actions do, for the full-screen and the plain wizard alike. They touch disk
/// and network, so they run in the runtime, never in `update`.
public struct ScreenActions: Sendable {
    /// Where new keys go for this draft.
    let keysDirectory: String
    let today: CalendarDate
    /// certwiz's data folder, for the demo issuer's CA and outbox.
    let dataHome: String?

    public init(keysDirectory: String, today: CalendarDate, dataHome: String? = nil) {
        self.keysDirectory = keysDirectory
        self.today = today
        self.dataHome = dataHome
    }

    /// The draft after the action, and what to tell the applicant; or why it could not be done.
    public func perform(_ id: String, on draft: Draft) -> Result<(Draft, Localized), Localized> {
        switch id {
        case "make-key-and-csr": return makeKeyAndCSR(draft)
        case "read-current-certificate": return readCurrentCertificate(draft)
        case "load-csr-file": return loadCSRFile(draft)
        case "submit": return submit(draft)
        case "demo-advance": return demoAdvance(draft, all: false)
        case "demo-advance-all": return demoAdvance(draft, all: true)
        default: return .failure(Localized("不明な操作です: \(id)", "unknown action: \(id)"))
        }
    }

    private func makeKeyAndCSR(_ draft: Draft) -> Result<(Draft, Localized), Localized> {
        let errors = Validator.findings(for: draft, fields: CSRRequest.subjectPaths, today: today).filter { $0.severity == .error }
        guard errors.isEmpty, let subject = SubjectFields(draft: draft), let keyType = draft.csr.keyType else {
            return .failure(Localized("識別名を先に直してください (\(errors.count) か所)", "Fix the Distinguished Name first (\(errors.count) field(s))"))
        }
        do {
            let made = try KeyAndCSR.make(subject, keyType: keyType, in: keysDirectory, today: today)
            return .success((made.recorded(in: draft), Localized(
                "鍵: \(made.keyPath) (0600)。CSR: \(made.csrPath)。鍵をバックアップしてください",
                "Key: \(made.keyPath) (0600). CSR: \(made.csrPath). Back the key up")))
        } catch let error as FileError {
            return .failure(error.message)
        } catch {
            return .failure(Localized("鍵と CSR を作れません: \(error)", "Could not make the key and CSR: \(error)"))
        }
    }

    private func loadCSRFile(_ draft: Draft) -> Result<(Draft, Localized), Localized> {
        guard let path = draft.csr.file?.trimmed, !path.isEmpty else {
            return .failure(Localized("CSR ファイルのパスを入力してください", "Enter the CSR file's path"))
        }
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch { return .failure(error.message) }
        let der: [UInt8]
        do { der = try CSRInspector.csrDER(from: bytes) } catch {
            return .failure(Localized("\(path): \(error.message.ja)", "\(path): \(error.message.en)"))
        }
        guard let csr = try? CertificateSigningRequest(derEncoded: der), let pem = try? CSRMaker.pem(csr) else {
            return .failure(Localized("\(path) の CSR はこのライブラリで読めません (鍵が小さいか未対応です)", "\(path): the CSR cannot be read (a key too small, or unsupported)"))
        }
        var updated = draft
        updated.csr.pem = pem.trimmed
        return .success((updated, Localized("CSR を読み込みました: \(path)", "Loaded the CSR: \(path)")))
    }

    private func readCurrentCertificate(_ draft: Draft) -> Result<(Draft, Localized), Localized> {
        guard let source = draft.currentCertificate.source?.trimmed, !source.isEmpty else {
            return .failure(Localized("証明書の場所を入力してください", "Enter where the certificate is"))
        }
        let certificate: Certificate
        if let bytes = try? AtomicFile.read(source) {
            guard let parsed = CurrentCertificateReader.certificate(from: bytes) else {
                return .failure(Localized("\(source) は証明書ではありません", "\(source) is not a certificate"))
            }
            certificate = parsed
        } else {
            do { certificate = try TLSCertificateFetcher.fetch(source, timeoutSeconds: 5)[0] } catch { return .failure(error.message) }
        }
        let updated = CurrentCertificateReader.recorded(certificate, source: source, in: draft, replacingCommonName: true)
        let cn = updated.currentCertificate.commonName ?? "?"
        return .success((updated, Localized("読み込みました: \(cn) (\(updated.currentCertificate.notAfter.map(\.iso8601) ?? "?") まで)",
                                            "Read: \(cn) (valid until \(updated.currentCertificate.notAfter.map(\.iso8601) ?? "?"))")))
    }

    private func submit(_ draft: Draft) -> Result<(Draft, Localized), Localized> {
        let errors = Validator.findings(for: draft, today: today).filter { $0.severity == .error }
        guard errors.isEmpty else {
            return .failure(Localized("エラーが \(errors.count) 件あるため申請しません。F2 の一覧で ✗ の画面を直してください",
                                      "Not submitted: \(errors.count) error(s) left; fix the screens marked ✗ in the F2 list"))
        }
        do {
            let (updated, submission, _) = try Issuers.submit(draft, today: today)
            return .success((updated, Localized("申請しました。注文番号 \(submission.orderNumber)。\(submission.instructions.ja)",
                                                "Submitted: order \(submission.orderNumber). \(submission.instructions.en)")))
        } catch {
            return .failure(error.message)
        }
    }

    private func demoAdvance(_ draft: Draft, all: Bool) -> Result<(Draft, Localized), Localized> {
        guard let dataHome else { return .failure(Localized("データフォルダがありません", "No data folder for the demo issuer")) }
        let review: DemoReview
        do { review = try DemoReview.inDataHome(dataHome, fallbackDirectory: keysDirectory) } catch { return .failure(error.message) }
        do throws(DemoReview.ReviewError) {
            let updated: Draft
            let steps: [ApplicationEvent]
            if all {
                (updated, steps) = try review.advanceAll(draft, today: today)
            } else {
                let (next, step) = try review.advance(draft, today: today)
                (updated, steps) = (next, [step])
            }
            let done = Localized(steps.map { ReviewOrder.label($0).ja }.joined(separator: "、"), steps.map { ReviewOrder.label($0).en }.joined(separator: ", "))
            guard let certificate = updated.issuance.certificatePath, steps.contains(.issued) else {
                return .success((updated, Localized("デモ審査: \(done.ja)", "Demo review: \(done.en)")))
            }
            return .success((updated, Localized("デモ審査: \(done.ja)。証明書: \(certificate)、発行のお知らせは \(dataHome)/outbox",
                                                "Demo review: \(done.en). Certificate: \(certificate); the notice is in \(dataHome)/outbox")))
        } catch {
            return .failure(error.message)
        }
    }
}
